package org.quizhall.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.group.Fsrs.Card;
import org.quizhall.group.Fsrs.Rating;

/**
 * Reference values worked by hand from the published FSRS-6 formulas and default parameters (w =
 * 0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
 * 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542), with a separate
 * calculator, not with this class.
 */
@DisplayName("The FSRS-6 memory model")
class FsrsTest {

  private static final Instant DAY0 = Instant.parse("2026-01-05T09:00:00Z");
  private final Fsrs fsrs = new Fsrs();

  @Test
  @DisplayName(
      "a first correct answer starts at S = w2 and D = w4 - e^(2 w5) + 1, due again in 2 days")
  void firstGood() {
    Card card = fsrs.review(null, Rating.GOOD, DAY0);

    assertThat(card.stability()).isCloseTo(2.3065, within(1e-9));
    assertThat(card.difficulty()).isCloseTo(2.118104, within(1e-6));
    assertThat(card.due()).isEqualTo(DAY0.plus(Duration.ofDays(2)));
    assertThat(card.reps()).isEqualTo(1);
  }

  @Test
  @DisplayName("a first easy answer starts at S = w3 with the lowest difficulty, due in 8 days")
  void firstEasy() {
    Card card = fsrs.review(null, Rating.EASY, DAY0);

    assertThat(card.stability()).isCloseTo(8.2956, within(1e-9));
    assertThat(card.difficulty()).isEqualTo(1.0);
    assertThat(card.due()).isEqualTo(DAY0.plus(Duration.ofDays(8)));
  }

  @Test
  @DisplayName("a first wrong answer starts at S = w0 and comes back after ten minutes")
  void firstAgain() {
    Card card = fsrs.review(null, Rating.AGAIN, DAY0);

    assertThat(card.stability()).isCloseTo(0.212, within(1e-9));
    assertThat(card.difficulty()).isCloseTo(6.4133, within(1e-9));
    assertThat(card.state()).isEqualTo(Fsrs.State.RELEARNING);
    assertThat(card.due()).isEqualTo(DAY0.plus(Duration.ofMinutes(10)));
  }

  @Test
  @DisplayName(
      "recall falls to 0.90949 two days after a first Good, and a second Good there gives S = 10.9643, due in 11 days")
  void secondGood() {
    Card first = fsrs.review(null, Rating.GOOD, DAY0);
    Instant later = DAY0.plus(Duration.ofDays(2));

    assertThat(fsrs.retrievability(first, later)).isCloseTo(0.909493, within(1e-6));
    Card second = fsrs.review(first, Rating.GOOD, later);

    assertThat(second.stability()).isCloseTo(10.964332, within(1e-5));
    assertThat(second.difficulty()).isCloseTo(2.111214, within(1e-6));
    assertThat(second.due()).isEqualTo(later.plus(Duration.ofDays(11)));
  }

  @Test
  @DisplayName(
      "forgetting two days after a first Good drops S to 0.60758, raises D to 7.3945 and counts a lapse")
  void lapse() {
    Card first = fsrs.review(null, Rating.GOOD, DAY0);

    Card lapsed = fsrs.review(first, Rating.AGAIN, DAY0.plus(Duration.ofDays(2)));

    assertThat(lapsed.stability()).isCloseTo(0.607580, within(1e-6));
    assertThat(lapsed.difficulty()).isCloseTo(7.394503, within(1e-6));
    assertThat(lapsed.lapses()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a second Good on the same day uses the short-term formula, which never lowers stability")
  void sameDay() {
    Card first = fsrs.review(null, Rating.GOOD, DAY0);

    Card again = fsrs.review(first, Rating.GOOD, DAY0.plus(Duration.ofHours(3)));

    assertThat(again.stability()).isCloseTo(2.3065, within(1e-9));
    assertThat(again.difficulty()).isCloseTo(2.111214, within(1e-6));
  }

  @Test
  @DisplayName("ten days after a first Good, recall is down to 0.77437")
  void forgettingCurve() {
    Card first = fsrs.review(null, Rating.GOOD, DAY0);

    assertThat(fsrs.retrievability(first, DAY0.plus(Duration.ofDays(10))))
        .isCloseTo(0.774367, within(1e-6));
  }
}
