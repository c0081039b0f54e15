package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sign-in and sign-up limits")
class SignInGuardTest {

  @Test
  @DisplayName("after the free failures each one doubles the wait, up to 15 minutes; a success clears the pair")
  void backOff() {
    SignInGuard guard = new SignInGuard();
    long now = 1_000_000;
    for (int i = 0; i < SignInGuard.FREE_FAILURES_PER_NAME_AND_ADDRESS; i++) {
      assertThat(guard.signInWaitMs("ada", "10.0.0.1", now)).isZero();
      guard.signInAttempted("ada", "10.0.0.1", now);
    }
    assertThat(guard.signInWaitMs("ADA ", "10.0.0.1", now)).as("the name, whatever its case").isEqualTo(1_000);
    guard.signInAttempted("ada", "10.0.0.1", now + 1_000);
    assertThat(guard.signInWaitMs("ada", "10.0.0.1", now + 1_000)).isEqualTo(2_000);
    for (int i = 0; i < 30; i++) {
      guard.signInAttempted("ada", "10.0.0.1", now + 1_000);
    }
    assertThat(guard.signInWaitMs("ada", "10.0.0.1", now + 1_000)).isEqualTo(SignInGuard.MAX_WAIT_MS);

    guard.signedIn("ada", "10.0.0.1", now + 1_000);

    assertThat(guard.signInWaitMs("ada", "10.0.0.1", now + 1_000)).isZero();
  }

  @Test
  @DisplayName("a guesser cannot lock the owner out: the owner's own address signs in at once")
  void noLockOut() {
    SignInGuard guard = new SignInGuard();
    long now = 1_000_000;
    for (int i = 0; i < 40; i++) {
      guard.signInAttempted("teacher", "203.0.113.9", now + i * 60_000L);
    }
    long later = now + 40 * 60_000L;
    assertThat(guard.signInWaitMs("teacher", "203.0.113.9", later)).as("the guesser waits").isPositive();
    assertThat(guard.signInWaitMs("teacher", "198.51.100.7", later)).as("the owner, elsewhere, does not").isZero();
  }

  @Test
  @DisplayName("an address gets more free failures than a name, and right answers give theirs back")
  void perAddress() {
    SignInGuard guard = new SignInGuard();
    long now = 5_000;
    for (int i = 0; i < SignInGuard.FREE_FAILURES_PER_ADDRESS; i++) {
      guard.signInAttempted("student" + i, "10.0.0.9", now);
      guard.signedIn("student" + i, "10.0.0.9", now);
    }
    assertThat(guard.signInWaitMs("anyone", "10.0.0.9", now)).as("a class signing in from one address").isZero();
    for (int i = 0; i < SignInGuard.FREE_FAILURES_PER_ADDRESS; i++) {
      guard.signInAttempted("guess" + i, "10.0.0.9", now);
    }
    assertThat(guard.signInWaitMs("anyone", "10.0.0.9", now)).isPositive();
    assertThat(guard.signInWaitMs("anyone", "10.0.0.8", now)).isZero();
  }

  @Test
  @DisplayName("account creation is limited per address and hour")
  void creation() {
    SignInGuard guard = new SignInGuard();
    for (int i = 0; i < SignInGuard.ACCOUNTS_PER_ADDRESS_HOUR; i++) {
      assertThat(guard.createWaitMs("10.0.0.1", 0)).isZero();
    }
    assertThat(guard.createWaitMs("10.0.0.1", 60_000)).isEqualTo(SignInGuard.HOUR_MS - 60_000);
    assertThat(guard.createWaitMs("10.0.0.2", 60_000)).isZero();
    assertThat(guard.createWaitMs("10.0.0.1", SignInGuard.HOUR_MS)).isZero();
  }

  @Test
  @DisplayName("right sign-ins from one address are capped per minute, since each costs a password hash")
  void successesPerAddress() {
    SignInGuard guard = new SignInGuard();
    long now = 5_000_000;
    for (int i = 0; i < SignInGuard.SIGN_INS_PER_ADDRESS_MINUTE; i++) {
      assertThat(guard.signInWaitMs("student" + i, "203.0.113.4", now)).isZero();
      guard.signedIn("student" + i, "203.0.113.4", now);
    }
    assertThat(guard.signInWaitMs("one_more", "203.0.113.4", now + 1_000)).isEqualTo(59_000);
    assertThat(guard.signInWaitMs("one_more", "198.51.100.3", now + 1_000)).as("another address").isZero();
    assertThat(guard.signInWaitMs("one_more", "203.0.113.4", now + 60_000)).as("the next minute").isZero();
  }

  @Test
  @DisplayName("guesses spread over many addresses slow each guessing address down, never the owner's own")
  void spreadGuessing() {
    SignInGuard guard = new SignInGuard();
    long now = 9_000_000;
    for (int i = 0; i < SignInGuard.FREE_FAILURES_PER_NAME + 5; i++) {
      guard.signInAttempted("teacher", "192.0.2." + (i % 250), now);
    }
    assertThat(guard.signInWaitMs("teacher", "192.0.2.3", now)).as("an address that guessed").isPositive();
    assertThat(guard.signInWaitMs("teacher", "198.51.100.20", now)).as("the owner's own address").isZero();
  }
}
