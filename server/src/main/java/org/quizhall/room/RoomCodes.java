package org.quizhall.room;

import java.security.SecureRandom;

/**
 * Room codes: six characters that cannot be misread aloud or on a projector (no 0/O, 1/I/L, 5/S,
 * 2/Z).
 */
public final class RoomCodes {

  public static final String ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
  public static final int LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RoomCodes() {}

  public static String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** The code as typed by a person: case and surrounding spaces do not matter. */
  public static String normalise(String typed) {
    return typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
  }

  public static boolean wellFormed(String code) {
    if (code.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
