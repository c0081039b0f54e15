package org.quizhall.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quizhall.game.GameLog;

/** A game log that keeps what the room reported. */
final class RecordingGameLog implements GameLog {

  final List<PlayerJoined> joined = new ArrayList<>();
  final List<AnswerAccepted> answers = new ArrayList<>();
  final List<Standing> standings = new ArrayList<>();
  Instant started;
  Instant finished;

  @Override
  public void playerJoined(PlayerJoined player) {
    joined.add(player);
  }

  @Override
  public void gameStarted(UUID gameId, Instant at) {
    started = at;
  }

  /**
   * Answers are stored at once unless a test holds them back, to see what happens before they are.
   */
  boolean holdReceipts;

  final List<Receipt> heldReceipts = new ArrayList<>();

  @Override
  public void answerAccepted(AnswerAccepted answer, Receipt receipt) {
    answers.add(answer);
    if (holdReceipts) {
      heldReceipts.add(receipt);
    } else {
      receipt.stored(true);
    }
  }

  /** Lets the held answers be stored ({@code true}) or refused for good. */
  void release(boolean stored) {
    List<Receipt> receipts = List.copyOf(heldReceipts);
    heldReceipts.clear();
    receipts.forEach(r -> r.stored(stored));
  }

  @Override
  public void gameFinished(UUID gameId, List<Standing> finalStandings, Instant at) {
    standings.addAll(finalStandings);
    finished = at;
  }
}
