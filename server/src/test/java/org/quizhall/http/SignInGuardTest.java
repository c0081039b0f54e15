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
  private final SignInGuard guard = new SignInGuard(RateLimits.local(clock::get));

  private long waitMs(String name, String address) {
    return guard.signInWaitMs(name, address).await();
  }

  private void fail(String name, String address) {
    guard.signInAttempted(name, address).await();
  }

  /** Milliseconds between two tokens of a limit once its bucket is empty. */
  private static long step(Limit limit) {
    return limit.period().toMillis() / limit.capacity();
  }

  @Test
  @DisplayName("after five failures a pair waits for its bucket, one more try every three minutes; a success clears it")
  void pairBucket() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS.capacity(); i++) {
      assertThat(waitMs("ada", "10.0.0.1")).isZero();
      fail("ada", "10.0.0.1");
    }
    long step = step(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS);
    assertThat(waitMs("ADA ", "10.0.0.1")).as("the name, whatever its case").isEqualTo(step);
    clock.addAndGet(step);
    assertThat(waitMs("ada", "10.0.0.1")).as("one more try after three minutes").isZero();
    fail("ada", "10.0.0.1");
    assertThat(waitMs("ada", "10.0.0.1")).isEqualTo(step);

    guard.signedIn("ada", "10.0.0.1").await();

    assertThat(waitMs("ada", "10.0.0.1")).isZero();
  }

  @Test
  @DisplayName("a guesser cannot lock the owner out: the owner's own address signs in at once")
  void noLockOut() {
    for (int i = 0; i < 40; i++) {
      fail("teacher", "203.0.113.9");
      clock.addAndGet(60_000);
    }
    assertThat(waitMs("teacher", "203.0.113.9")).as("the guesser waits").isPositive();
    assertThat(waitMs("teacher", "198.51.100.7")).as("the owner, elsewhere, does not").isZero();
  }

  @Test
  @DisplayName("an address gets more free failures than a name, and right answers give theirs back")
  void addressBucket() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_ADDRESS.capacity() - 1; i++) {
      fail("student" + i, "10.0.0.9");
    }
    assertThat(waitMs("anyone", "10.0.0.9")).as("a class signing in from one address").isZero();
    fail("student_x", "10.0.0.9");
    guard.signedIn("student_x", "10.0.0.9").await();
    assertThat(waitMs("anyone", "10.0.0.9")).as("a right password gave its token back").isZero();
    fail("student_y", "10.0.0.9");
    assertThat(waitMs("anyone", "10.0.0.9")).isPositive();
    assertThat(waitMs("anyone", "10.0.0.8")).isZero();
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
  @DisplayName("right sign-ins from one address are capped per minute, since each costs a password hash")
  void signInsPerAddress() {
    for (int i = 0; i < Limit.SIGN_INS_PER_ADDRESS.capacity(); i++) {
      assertThat(waitMs("student" + i, "203.0.113.4")).isZero();
      guard.signedIn("student" + i, "203.0.113.4").await();
    }
    assertThat(waitMs("one_more", "203.0.113.4")).isEqualTo(step(Limit.SIGN_INS_PER_ADDRESS));
    assertThat(waitMs("one_more", "198.51.100.3")).as("another address").isZero();
    clock.addAndGet(step(Limit.SIGN_INS_PER_ADDRESS));
    assertThat(waitMs("one_more", "203.0.113.4")).as("a moment later").isZero();
  }

  @Test
  @DisplayName("guesses spread over many addresses slow each guessing address down, never the owner's own")
  void spreadGuessing() {
    for (int i = 0; i < Limit.SIGN_IN_FAILURES_PER_NAME.capacity(); i++) {
      fail("teacher", "192.0.2." + i);
    }
    assertThat(waitMs("teacher", "192.0.2.3")).as("an address that guessed").isPositive();
    assertThat(waitMs("teacher", "198.51.100.20")).as("the owner's own address").isZero();
  }

  @Test
  @DisplayName("buckets that are full again are forgotten, so memory does not grow with every address")
  void sweep() {
    RateLimits limits = RateLimits.local(clock::get);
    SignInGuard swept = new SignInGuard(limits);
    swept.signInAttempted("ada", "10.0.0.1").await();
    assertThat(limits.size()).isEqualTo(3);
    clock.addAndGet(Limit.SIGN_IN_FAILURES_PER_ADDRESS.period().toMillis());
    limits.sweep();
    assertThat(limits.size()).isZero();
  }
}
