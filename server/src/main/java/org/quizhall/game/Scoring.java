package org.quizhall.game;

/**
 * Points for one answer. A correct answer earns round(1000 × (1 − (t / T) / 2)): the full 1000 in
 * the first half second, falling to 500 at the deadline. From the second correct answer in a row,
 * each adds a streak bonus of 100 per answer in the streak beyond the first, capped at 500. A wrong
 * or missing answer earns nothing and resets the streak. Without speed scoring a correct answer is
 * worth a flat 1000.
 */
public final class Scoring {

  public static final int FULL_POINTS = 1000;
  public static final long FULL_POINTS_WINDOW_MS = 500;
  public static final int STREAK_STEP = 100;
  public static final int STREAK_CAP = 500;

  private Scoring() {}

  /**
   * @param responseMs time from the question appearing to the answer, pauses excluded
   * @param questionMs the time allowed for the question
   * @param streak consecutive correct answers including this one
   */
  public static int points(
      boolean correct, long responseMs, long questionMs, int streak, boolean speedScoring) {
    if (!correct) {
      return 0;
    }
    if (!speedScoring) {
      return FULL_POINTS;
    }
    long t = Math.max(0, Math.min(responseMs, questionMs));
    int base =
        t < FULL_POINTS_WINDOW_MS
            ? FULL_POINTS
            : (int) Math.round(FULL_POINTS * (1.0 - ((double) t / questionMs) / 2.0));
    return base + streakBonus(streak);
  }

  public static int streakBonus(int streak) {
    return Math.min(STREAK_CAP, STREAK_STEP * Math.max(0, streak - 1));
  }
}
