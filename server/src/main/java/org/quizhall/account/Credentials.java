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
          "invalid_username",
          "username may contain only letters, digits, '_', '.' and '-'.");
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
