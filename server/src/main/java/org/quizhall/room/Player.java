package org.quizhall.room;

import java.util.UUID;

/** One seat in a room. Mutable, and touched only by the room that owns it. */
final class Player {

  final String id;
  final UUID recordId;
  final String nickname;
  final UUID accountId;

  /** Changes only when a signed-in player who left takes their seat back with a new token. */
  String resumeKey;

  /**
   * The network address the seat was taken from, for the cap on seats per address; null when not
   * known.
   */
  String address;

  final long joinOrder;

  Channel channel;
  long disconnectedAt;
  boolean kicked;
  boolean left;

  int score;
  int streak;
  int bestStreak;
  int correctCount;
  int answeredCount;

  /**
   * Response times summed over every question asked, counting a missing answer as the full time.
   */
  long rankingTimeMs;

  long answeredTimeMs;
  int rank;
  int lastPoints;
  boolean lastCorrect;

  Player(
      String id, UUID recordId, String nickname, UUID accountId, String resumeKey, long joinOrder) {
    this.id = id;
    this.recordId = recordId;
    this.nickname = nickname;
    this.accountId = accountId;
    this.resumeKey = resumeKey;
    this.joinOrder = joinOrder;
  }

  boolean connected() {
    return channel != null;
  }

  /** Still part of the game: not kicked and not gone for good. */
  boolean seated() {
    return !kicked && !left;
  }
}
