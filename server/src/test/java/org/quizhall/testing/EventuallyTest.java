package org.quizhall.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Waiting for something to hold")
class EventuallyTest {

  private static final Duration LIMIT = Duration.ofMillis(300);

  private static void sleepUntil(long nanoTime) {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  @DisplayName(
      "starts no attempt once the limit has passed, even after a slow one, and reports the last failure")
  void slowAttempt() {
    long called = System.nanoTime();
    List<Long> starts = new ArrayList<>();

    assertThatThrownBy(
            () ->
                Eventually.gives(
                    "a slow answer",
                    LIMIT,
                    () -> {
                      starts.add(System.nanoTime());
                      // Runs until just before the limit (which began before the first attempt
                      // did): the usual wait between attempts crosses it.
                      sleepUntil(
                          starts.get(0) + LIMIT.toNanos() - TimeUnit.MILLISECONDS.toNanos(5));
                      throw new AssertionError("attempt " + starts.size());
                    }))
        .hasMessageContaining("a slow answer")
        .cause()
        .hasMessage("attempt " + starts.size());
    long limitEnds = starts.get(0) + LIMIT.toNanos();
    assertThat(starts).allSatisfy(start -> assertThat(start).isLessThanOrEqualTo(limitEnds));
    assertThat(System.nanoTime() - called)
        .as("gave up about when the limit passed")
        .isLessThan(LIMIT.toNanos() + TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  @DisplayName("an attempt slower than the whole limit is the last: the wait fails right after it")
  void attemptLongerThanTheLimit() {
    List<Long> starts = new ArrayList<>();

    assertThatThrownBy(
            () ->
                Eventually.holds(
                    "a condition that takes its time",
                    LIMIT,
                    () -> {
                      starts.add(System.nanoTime());
                      sleepUntil(System.nanoTime() + LIMIT.toNanos() + 50_000_000L);
                      return false;
                    }))
        .hasMessageContaining("gave up after 300 ms");
    assertThat(starts).hasSize(1);
  }

  @Test
  @DisplayName("returns the first value an attempt gives")
  void value() {
    int[] calls = {0};

    String value = Eventually.gives("the third try", LIMIT, () -> ++calls[0] < 3 ? null : "done");

    assertThat(value).isEqualTo("done");
    assertThat(calls[0]).isEqualTo(3);
  }
}
