package org.quizhall.room;

import java.time.Duration;

/**
 * How a room plays, fixed when it opens.
 *
 * @param autoAdvance how long reveal and leaderboard stay before the room moves on by itself; zero
 *     means the host moves it on
 * @param leadIn the 3-2-1 before the first question: answers are taken only after it, and it is
 *     added to that question's deadline, so nobody loses answering time to it; zero for none
 * @param round what the room is told about its round (a review round, or fewer questions than
 *     asked), or null for a plain round of the questions asked for
 */
public record RoomSettings(
    int secondsPerQuestion,
    boolean speedScoring,
    Duration autoAdvance,
    int maxPlayers,
    boolean guestsAllowed,
    int seatsPerAddress,
    Duration leadIn,
    RoundNote round) {

  /**
   * Seats one network address may hold: a class of 40 behind one school router joins, one client
   * cannot fill a room or sit in it under many names. The host raises it for a bigger school behind
   * one address.
   */
  public static final int DEFAULT_SEATS_PER_ADDRESS = 60;

  /** The lead-in a room has unless its host turns it off: three numbers of a second each. */
  public static final Duration DEFAULT_LEAD_IN = Duration.ofSeconds(3);

  /** Guests welcome, the default cap per address, no lead-in. */
  public RoomSettings(
      int secondsPerQuestion, boolean speedScoring, Duration autoAdvance, int maxPlayers) {
    this(
        secondsPerQuestion, speedScoring, autoAdvance, maxPlayers, true, DEFAULT_SEATS_PER_ADDRESS);
  }

  /** No lead-in, nothing to say about the round. */
  public RoomSettings(
      int secondsPerQuestion,
      boolean speedScoring,
      Duration autoAdvance,
      int maxPlayers,
      boolean guestsAllowed,
      int seatsPerAddress) {
    this(
        secondsPerQuestion,
        speedScoring,
        autoAdvance,
        maxPlayers,
        guestsAllowed,
        seatsPerAddress,
        Duration.ZERO,
        null);
  }

  public static final int MIN_SECONDS = 5;
  public static final int MAX_SECONDS = 240;

  /** The same settings, with what the room is told about its round once the round is picked. */
  public RoomSettings withRound(RoundNote note) {
    return new RoomSettings(
        secondsPerQuestion,
        speedScoring,
        autoAdvance,
        maxPlayers,
        guestsAllowed,
        seatsPerAddress,
        leadIn,
        note);
  }

  public long questionMillis() {
    return secondsPerQuestion * 1000L;
  }

  public boolean autoAdvances() {
    return !autoAdvance.isZero();
  }
}
