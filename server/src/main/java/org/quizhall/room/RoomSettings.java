package org.quizhall.room;

import java.time.Duration;

/**
 * How a room plays, fixed when it opens.
 *
 * @param autoAdvance how long reveal and leaderboard stay before the room moves on by itself; zero
 *     means the host moves it on
 */
public record RoomSettings(
    int secondsPerQuestion,
    boolean speedScoring,
    Duration autoAdvance,
    int maxPlayers,
    boolean guestsAllowed,
    int seatsPerAddress) {

  /**
   * Seats one network address may hold: a class of 40 behind one school router joins, one client cannot
   * fill a room or sit in it under many names. The host raises it for a bigger school behind one address.
   */
  public static final int DEFAULT_SEATS_PER_ADDRESS = 60;

  /** Guests welcome, the default cap per address. */
  public RoomSettings(int secondsPerQuestion, boolean speedScoring, Duration autoAdvance, int maxPlayers) {
    this(secondsPerQuestion, speedScoring, autoAdvance, maxPlayers, true, DEFAULT_SEATS_PER_ADDRESS);
  }

  public static final int MIN_SECONDS = 5;
  public static final int MAX_SECONDS = 240;

  public long questionMillis() {
    return secondsPerQuestion * 1000L;
  }

  public boolean autoAdvances() {
    return !autoAdvance.isZero();
  }
}
