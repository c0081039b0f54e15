package org.quizhall.game;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quizhall.deck.Response;

/**
 * What a live room reports for the record. Calls return at once: implementations queue the rows and
 * write them later, so a room never waits on the database.
 */
public interface GameLog {

  /**
   * Told once whether an answer is in the database (so the player can be told it is safe), or never
   * will be.
   */
  @FunctionalInterface
  interface Receipt {
    void stored(boolean stored);

    Receipt NONE = stored -> {};
  }

  void playerJoined(PlayerJoined joined);

  void gameStarted(UUID gameId, Instant at);

  /**
   * Records an answer; {@code receipt} hears, on the caller's Vert.x context (or at once, from a
   * thread without one), when it is durably stored or refused for good.
   */
  void answerAccepted(AnswerAccepted answer, Receipt receipt);

  void gameFinished(UUID gameId, List<Standing> standings, Instant at);

  /**
   * Whether another join or answer can be taken on now. False while the database has been away so
   * long that the rows waiting for it reached their bound: rooms then refuse new joins and answers
   * (the player can try again) rather than accept what memory cannot hold.
   */
  default boolean hasRoom() {
    return true;
  }

  /**
   * Told once for each join or answer a room refused because {@link #hasRoom()} said no (for the
   * metrics).
   */
  default void refused() {}

  record PlayerJoined(
      UUID gameId,
      UUID playerId,
      String nickname,
      UUID accountId,
      byte[] resumeDigest,
      Instant joinedAt) {}

  /**
   * One accepted answer, as the player sent it. {@code accountId} is the signed-in player's account
   * (null for guests) and {@code allowedMs} the time the question allowed.
   */
  record AnswerAccepted(
      UUID gameId,
      UUID playerId,
      UUID accountId,
      int questionIndex,
      String questionId,
      Response response,
      boolean correct,
      long responseMs,
      long allowedMs,
      int points,
      Instant at) {}

  /** Reports to two logs, first {@code first} then {@code second}. */
  static GameLog both(GameLog first, GameLog second) {
    return new GameLog() {
      @Override
      public void playerJoined(PlayerJoined joined) {
        first.playerJoined(joined);
        second.playerJoined(joined);
      }

      @Override
      public void gameStarted(UUID gameId, Instant at) {
        first.gameStarted(gameId, at);
        second.gameStarted(gameId, at);
      }

      /**
       * The receipt is {@code first}'s: {@code second} (a derived record) does not hold back the
       * acknowledgement.
       */
      @Override
      public void answerAccepted(AnswerAccepted answer, Receipt receipt) {
        first.answerAccepted(answer, receipt);
        second.answerAccepted(answer, Receipt.NONE);
      }

      @Override
      public void gameFinished(UUID gameId, List<Standing> standings, Instant at) {
        first.gameFinished(gameId, standings, at);
        second.gameFinished(gameId, standings, at);
      }

      /** {@code first} holds the record; {@code second} only derives from it. */
      @Override
      public boolean hasRoom() {
        return first.hasRoom();
      }

      @Override
      public void refused() {
        first.refused();
      }
    };
  }

  record Standing(
      UUID playerId,
      int rank,
      int score,
      int correctCount,
      int answeredCount,
      long totalResponseMs,
      int bestStreak) {}
}
