package org.quizhall.group;

import java.time.Duration;
import java.time.Instant;

/**
 * The FSRS-6 memory model with its published default parameters: how stable a memory is, how hard
 * the question is for this person, and when to ask again so that recall stays at 90%.
 *
 * <p>Quizhall reviews inside games and practice rounds rather than in minute-long learning steps,
 * so every card is scheduled in whole days, except that a lapse comes back after ten minutes.
 * Intervals are not fuzzed: the same history always gives the same schedule.
 */
public final class Fsrs {

  /** How well a question was answered. */
  public enum Rating {
    AGAIN(1),
    HARD(2),
    GOOD(3),
    EASY(4);

    final int grade;

    Rating(int grade) {
      this.grade = grade;
    }
  }

  public enum State {
    REVIEW,
    RELEARNING
  }

  /** The memory of one question for one person after a review. */
  public record Card(
      double stability,
      double difficulty,
      State state,
      int reps,
      int lapses,
      Instant lastReview,
      Instant due) {}

  /** FSRS-6 defaults, w0..w20, as published with the reference scheduler. */
  public static final double[] DEFAULT_PARAMETERS = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
  };

  public static final double DESIRED_RETENTION = 0.9;
  public static final int MAXIMUM_INTERVAL_DAYS = 36_500;
  public static final Duration RELEARNING_STEP = Duration.ofMinutes(10);
  private static final double MIN_STABILITY = 0.001;

  private final double[] w;
  private final double decay;
  private final double factor;

  public Fsrs() {
    this(DEFAULT_PARAMETERS);
  }

  public Fsrs(double[] parameters) {
    if (parameters.length != 21) {
      throw new IllegalArgumentException("FSRS-6 has 21 parameters, not " + parameters.length);
    }
    this.w = parameters.clone();
    this.decay = -w[20];
    this.factor = Math.pow(0.9, 1 / decay) - 1;
  }

  /** The probability of recalling the question now. */
  public double retrievability(Card card, Instant now) {
    return retrievability(elapsedDays(card.lastReview(), now), card.stability());
  }

  /**
   * The card after a review with {@code rating} at {@code now}; {@code card} is null for a first
   * review.
   */
  public Card review(Card card, Rating rating, Instant now) {
    double stability;
    double difficulty;
    int lapses = card == null ? 0 : card.lapses();
    if (card == null) {
      stability = initialStability(rating);
      difficulty = clampDifficulty(initialDifficulty(rating));
    } else {
      long elapsed = elapsedDays(card.lastReview(), now);
      if (elapsed < 1) {
        stability = shortTermStability(card.stability(), rating);
      } else {
        double r = retrievability(elapsed, card.stability());
        stability =
            rating == Rating.AGAIN
                ? forgetStability(card.difficulty(), card.stability(), r)
                : recallStability(card.difficulty(), card.stability(), r, rating);
      }
      difficulty = nextDifficulty(card.difficulty(), rating);
    }
    stability = Math.max(MIN_STABILITY, stability);
    int reps = card == null ? 1 : card.reps() + 1;
    if (rating == Rating.AGAIN) {
      return new Card(
          stability,
          difficulty,
          State.RELEARNING,
          reps,
          lapses + (card == null ? 0 : 1),
          now,
          now.plus(RELEARNING_STEP));
    }
    return new Card(
        stability,
        difficulty,
        State.REVIEW,
        reps,
        lapses,
        now,
        now.plus(Duration.ofDays(intervalDays(stability))));
  }

  /** Days until recall is expected to fall to the desired retention. */
  public long intervalDays(double stability) {
    double days = stability / factor * (Math.pow(DESIRED_RETENTION, 1 / decay) - 1);
    return Math.min(MAXIMUM_INTERVAL_DAYS, Math.max(1, Math.round(days)));
  }

  double retrievability(long elapsedDays, double stability) {
    return Math.pow(1 + factor * elapsedDays / stability, decay);
  }

  double initialStability(Rating rating) {
    return Math.max(MIN_STABILITY, w[rating.grade - 1]);
  }

  double initialDifficulty(Rating rating) {
    return w[4] - Math.exp(w[5] * (rating.grade - 1)) + 1;
  }

  double nextDifficulty(double difficulty, Rating rating) {
    double delta = -w[6] * (rating.grade - 3);
    double damped = difficulty + delta * (10 - difficulty) / 9;
    return clampDifficulty(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
  }

  double recallStability(double difficulty, double stability, double r, Rating rating) {
    double hardPenalty = rating == Rating.HARD ? w[15] : 1;
    double easyBonus = rating == Rating.EASY ? w[16] : 1;
    return stability
        * (1
            + Math.exp(w[8])
                * (11 - difficulty)
                * Math.pow(stability, -w[9])
                * (Math.exp((1 - r) * w[10]) - 1)
                * hardPenalty
                * easyBonus);
  }

  double forgetStability(double difficulty, double stability, double r) {
    double longTerm =
        w[11]
            * Math.pow(difficulty, -w[12])
            * (Math.pow(stability + 1, w[13]) - 1)
            * Math.exp((1 - r) * w[14]);
    double shortTerm = stability / Math.exp(w[17] * w[18]);
    return Math.min(longTerm, shortTerm);
  }

  double shortTermStability(double stability, Rating rating) {
    double increase = Math.exp(w[17] * (rating.grade - 3 + w[18])) * Math.pow(stability, -w[19]);
    if (rating.grade >= 3) {
      increase = Math.max(1, increase);
    }
    return stability * increase;
  }

  private static double clampDifficulty(double difficulty) {
    return Math.min(10, Math.max(1, difficulty));
  }

  private static long elapsedDays(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toDays());
  }
}
