package org.quizhall.game;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a live room reports for the record. Calls return at once: implementations queue the rows and
 * write them later, so a room never waits on the database.
 */
public interface GameLog {

  void playerJoined(PlayerJoined joined);

  void gameStarted(UUID gameId, Instant at);

  void answerAccepted(AnswerAccepted answer);

  void gameFinished(UUID gameId, List<Standing> standings, Instant at);

  record PlayerJoined(
      UUID gameId, UUID playerId, String nickname, UUID accountId, byte[] resumeDigest, Instant joinedAt) {}

  /** One accepted answer; {@code choice} is null for typed answers and {@code text} for choices. */
  record AnswerAccepted(
      UUID gameId,
      UUID playerId,
      int questionIndex,
      String questionId,
      Integer choice,
      String text,
      boolean correct,
      long responseMs,
      int points,
      Instant at) {}

  record Standing(
      UUID playerId, int rank, int score, int correctCount, int answeredCount, long totalResponseMs, int bestStreak) {}
}
