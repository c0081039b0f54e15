package org.quizhall.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so the cost can be raised later without breaking
 * stored hashes. Hashing is deliberately slow: call it from a worker thread, never an event loop.
 */
public final class PasswordHasher {

  /** OWASP's recommended minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane. */
  public static final int MEMORY_KIB = 19 * 1024;

  public static final int ITERATIONS = 2;
  public static final int PARALLELISM = 1;
  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();
  private final int memoryKib;
  private final int iterations;

  public PasswordHasher() {
    this(MEMORY_KIB, ITERATIONS);
  }

  PasswordHasher(int memoryKib, int iterations) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * True when {@code password} produces {@code encoded}; false for a wrong password or a malformed
   * hash.
   */
  public boolean verify(String password, String encoded) {
    try {
      return verifyEncoded(password, encoded);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static boolean verifyEncoded(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int memory = 0;
    int passes = 0;
    int lanes = 0;
    for (String setting : parts[3].split(",")) {
      String[] kv = setting.split("=", 2);
      if (kv.length != 2) {
        return false;
      }
      int value = Integer.parseInt(kv[1]);
      switch (kv[0]) {
        case "m" -> memory = value;
        case "t" -> passes = value;
        case "p" -> lanes = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64_DECODE.decode(parts[4]);
    byte[] expected = B64_DECODE.decode(parts[5]);
    byte[] actual = derive(password, salt, memory, passes, lanes, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
