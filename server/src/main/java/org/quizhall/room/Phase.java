package org.quizhall.room;

import java.util.Locale;

/** Where a room is in its game. Only the room's own rules move it from one phase to the next. */
public enum Phase {
  LOBBY,
  QUESTION,
  REVEAL,
  LEADERBOARD,
  PODIUM,
  CLOSED;

  /** The protocol name: lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
