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

  @Override
  public void answerAccepted(AnswerAccepted answer) {
    answers.add(answer);
  }

  @Override
  public void gameFinished(UUID gameId, List<Standing> finalStandings, Instant at) {
    standings.addAll(finalStandings);
    finished = at;
  }
}
