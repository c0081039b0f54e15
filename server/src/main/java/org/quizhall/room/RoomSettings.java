package org.quizhall.room;

import java.time.Duration;

/**
 * How a room plays, fixed when it opens.
 *
 * @param autoAdvance how long reveal and leaderboard stay before the room moves on by itself; zero
 *     means the host moves it on
 */
public record RoomSettings(
    int secondsPerQuestion, boolean speedScoring, Duration autoAdvance, int maxPlayers) {

  public static final int MIN_SECONDS = 5;
  public static final int MAX_SECONDS = 240;

  public long questionMillis() {
    return secondsPerQuestion * 1000L;
  }

  public boolean autoAdvances() {
    return !autoAdvance.isZero();
  }
}
