package org.quizhall.account;

import java.util.regex.Pattern;
import org.quizhall.problem.Problem;

/** The rules a username and a password must meet, checked before any hashing or SQL. */
public final class Credentials {

  public static final int USERNAME_MIN = 3;
  public static final int USERNAME_MAX = 32;
  public static final int PASSWORD_MIN = 8;
  public static final int PASSWORD_MAX = 256;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private Credentials() {}

  public static void checkUsername(String username) {
    if (username == null) {
      throw Problem.invalid("invalid_username", "username is required.");
    }
    if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX) {
      throw Problem.invalid(
          "invalid_username",
          "username must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters long.");
    }
    if (!USERNAME.matcher(username).matches()) {
      throw Problem.invalid(
          "invalid_username", "username may contain only letters, digits, '_', '.' and '-'.");
    }
  }

  /**
   * The one form of a username that lookups, uniqueness and the sign-in limits compare: ASCII
   * letters lower-cased, as PostgreSQL's lower() does to the ASCII names accounts are allowed. Null
   * for a name no account can have (outside the allowed characters, such as "İ"), which therefore
   * never matches one.
   */
  public static String fold(String username) {
    if (username == null) {
      return null;
    }
    String name = username.strip();
    if (name.length() < USERNAME_MIN
        || name.length() > USERNAME_MAX
        || !USERNAME.matcher(name).matches()) {
      return null;
    }
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  /**
   * Reads the common-passwords list (done once, when this class is first used): start-up calls it
   * on a worker, so that the first sign-up does not read the jar on an event loop.
   */
  public static void preload() {
    // Class initialisation has done the work by the time this runs.
  }

  /** Common passwords, lower-cased, read once from the list shipped with Quizhall. */
  private static final java.util.Set<String> COMMON = common();

  private static java.util.Set<String> common() {
    try (var in = Credentials.class.getResourceAsStream("/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the jar");
      }
      java.util.Set<String> out = new java.util.HashSet<>();
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        String p = line.strip();
        if (!p.isEmpty() && !p.startsWith("#")) {
          out.add(p.toLowerCase(java.util.Locale.ROOT));
        }
      }
      return java.util.Set.copyOf(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The password rules for a new password: its length, and neither a common password nor the
   * username.
   */
  public static void checkNewPassword(String username, String password) {
    checkPassword(password);
    String lower = password.toLowerCase(java.util.Locale.ROOT);
    if (username != null && lower.equals(username.toLowerCase(java.util.Locale.ROOT))) {
      throw Problem.invalid("weak_password", "The password may not be the username.");
    }
    if (COMMON.contains(lower)) {
      throw Problem.invalid(
          "weak_password", "That password is one of the most common ones: choose another.");
    }
  }

  public static void checkPassword(String password) {
    if (password == null) {
      throw Problem.invalid("invalid_password", "password is required.");
    }
    int length = password.codePointCount(0, password.length());
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
      throw Problem.invalid(
          "invalid_password",
          "password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long.");
    }
  }
}
