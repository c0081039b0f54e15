package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.limits.Limit;
import org.quizhall.limits.RateLimits;

@DisplayName("Sign-in and sign-up limits")
class SignInGuardTest {

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final RateLimits limits = RateLimits.local(clock::get);
  private final SignInGuard guard = new SignInGuard(limits);

  /**
   * A sign-in that turns out wrong: 0 when it was let through to the password check, else how long
   * it must wait.
   */
  private long wrong(String name, String address) {
    return guard.attempt(name, address).await().waitMs();
  }

  /** A sign-in that turns out right; returns how long it had to wait (0: it signed in). */
  private long right(String name, String address) {
    SignInGuard.Attempt attempt = guard.attempt(name, address).await();
    if (attempt.allowed()) {
      guard.signedIn(name, address, attempt).await();
    }
    return attempt.waitMs();
  }

  /** Milliseconds between two tokens of a limit once its bucket is empty. */
  private static long step(Limit limit) {
    return limit.period().toMillis() / limit.capacity();
  }

  @Test
  @DisplayName(
      "after five failures a pair waits for its bucket, one more try every three minutes; a success clears it")
  void pairBucket() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS.capacity(); i++) {
      assertThat(wrong("ada", "10.0.0.1")).isZero();
    }
    long step = step(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS);
    assertThat(wrong("ADA ", "10.0.0.1")).as("the name, whatever its case").isEqualTo(step);
    clock.addAndGet(step);
    assertThat(wrong("ada", "10.0.0.1")).as("one more try after three minutes").isZero();
    assertThat(wrong("ada", "10.0.0.1")).isEqualTo(step);
    clock.addAndGet(step);
    assertThat(right("ada", "10.0.0.1")).isZero();
    assertThat(wrong("ada", "10.0.0.1")).as("the success cleared the pair").isZero();
  }

  @Test
  @DisplayName("a refused attempt takes nothing: waiting guesses do not push the wait further")
  void refusedTakesNothing() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS.capacity(); i++) {
      wrong("ada", "10.0.0.1");
    }
    for (int i = 0; i < 20; i++) {
      assertThat(wrong("ada", "10.0.0.1")).isPositive();
    }
    clock.addAndGet(step(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS));
    assertThat(wrong("ada", "10.0.0.1")).isZero();
  }

  @Test
  @DisplayName("a guesser cannot lock the owner out: the owner's own address signs in at once")
  void noLockOut() {
    for (int i = 0; i < 40; i++) {
      wrong("teacher", "203.0.113.9");
      clock.addAndGet(60_000);
    }
    assertThat(wrong("teacher", "203.0.113.9")).as("the guesser waits").isPositive();
    assertThat(right("teacher", "198.51.100.7")).as("the owner, elsewhere, does not").isZero();
  }

  @Test
  @DisplayName("an address gets more free failures than a name, and right answers give theirs back")
  void addressBucket() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_ADDRESS.capacity() - 1; i++) {
      wrong("student" + i, "10.0.0.9");
    }
    assertThat(right("student_x", "10.0.0.9")).as("a class signing in from one address").isZero();
    assertThat(wrong("student_y", "10.0.0.9"))
        .as("the right password gave its token back")
        .isZero();
    assertThat(wrong("anyone", "10.0.0.9")).isPositive();
    assertThat(wrong("anyone", "10.0.0.8")).isZero();
  }

  @Test
  @DisplayName("account creation is limited per address")
  void accounts() {
    for (int i = 0; i < Limit.ACCOUNTS_PER_ADDRESS.capacity(); i++) {
      assertThat(guard.createWaitMs("10.0.0.1").await()).isZero();
    }
    assertThat(guard.createWaitMs("10.0.0.1").await()).isEqualTo(step(Limit.ACCOUNTS_PER_ADDRESS));
    assertThat(guard.createWaitMs("10.0.0.2").await()).isZero();
    clock.addAndGet(step(Limit.ACCOUNTS_PER_ADDRESS));
    assertThat(guard.createWaitMs("10.0.0.1").await()).isZero();
  }

  @Test
  @DisplayName(
      "right sign-ins from one address are capped per minute, since each costs a password hash")
  void signInsPerAddress() {
    for (int i = 0; i < Limit.SIGN_INS_PER_ADDRESS.capacity(); i++) {
      assertThat(right("student" + i, "203.0.113.4")).isZero();
    }
    assertThat(right("one_more", "203.0.113.4")).isEqualTo(step(Limit.SIGN_INS_PER_ADDRESS));
    assertThat(right("one_more", "198.51.100.3")).as("another address").isZero();
    clock.addAndGet(step(Limit.SIGN_INS_PER_ADDRESS));
    assertThat(right("one_more", "203.0.113.4")).as("a moment later").isZero();
  }

  @Test
  @DisplayName(
      "guesses spread over many addresses slow each address that keeps guessing, never the owner's own")
  void spreadGuessing() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_NAME.capacity(); i++) {
      wrong("teacher", "192.0.2." + i);
    }
    wrong("teacher", "192.0.2.3");
    wrong("teacher", "192.0.2.3");
    assertThat(wrong("teacher", "192.0.2.3")).as("an address that keeps guessing").isPositive();
    assertThat(right("teacher", "198.51.100.20")).as("the owner's own address").isZero();
    wrong("teacher", "198.51.100.21");
    assertThat(right("teacher", "198.51.100.21")).as("an owner who mistyped once").isZero();
  }

  @Test
  @DisplayName(
      "buckets that are full again are forgotten, so memory does not grow with every address")
  void sweep() {
    wrong("ada", "10.0.0.1");
    assertThat(limits.size()).isEqualTo(3);
    clock.addAndGet(Limit.SIGN_IN_FAILURES_PER_ADDRESS.period().toMillis());
    limits.sweep();
    assertThat(limits.size()).isZero();
  }
}
