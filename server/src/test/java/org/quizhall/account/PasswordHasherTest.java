package org.quizhall.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Password hashes")
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  @DisplayName("are Argon2id in PHC format with the parameters named in PasswordHasher")
  void format() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hash)
        .startsWith(
            "$argon2id$v=19$m="
                + PasswordHasher.MEMORY_KIB
                + ",t="
                + PasswordHasher.ITERATIONS
                + ",p="
                + PasswordHasher.PARALLELISM
                + "$")
        .doesNotContain("correct horse battery");
  }

  @Test
  @DisplayName("accept the right password and refuse a wrong one")
  void verify() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  @DisplayName("use a fresh salt each time, so equal passwords do not give equal hashes")
  void salted() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  @DisplayName(
      "verify against the cost stored in the hash, so raising the cost keeps old hashes valid")
  void costTravelsWithHash() {
    String cheap = new PasswordHasher(1024, 1).hash("older account");

    assertThat(hasher.verify("older account", cheap)).isTrue();
  }

  @Test
  @DisplayName("treat a malformed stored hash as a mismatch, not a crash")
  void malformed() {
    assertThat(hasher.verify("x", "not a hash")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=1024,t=1,p=1$%%%$aGFzaA")).isFalse();
  }

  @Test
  @DisplayName("tokens are 256 random bits and only their digest is kept")
  void tokens() {
    String token = SessionToken.create();

    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(SessionToken.create()).isNotEqualTo(token);
    assertThat(SessionToken.digest(token)).hasSize(32).isEqualTo(SessionToken.digest(token));
  }
}
