package org.quizhall.deck;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Judges typed answers as a person who knows would write them: case, whitespace and punctuation are
 * ignored; answers of six or more characters tolerate one typo (an insertion, deletion,
 * substitution or swap of adjacent characters); a vendor's name or an article in front ("Amazon",
 * "AWS", "Apache", "the") may be given or left out; and numbers may be written in words or digits,
 * with any spelling of their unit, or in another unit of the same kind ("15 minutes" for 900
 * seconds).
 */
public final class AnswerMatcher {

  private static final int TYPO_MIN_LENGTH = 6;
  private static final java.util.Set<String> VENDORS =
      java.util.Set.of("amazon", "aws", "apache", "microsoft", "google", "azure", "oracle", "ibm");

  /** "The mitochondrion" and "mitochondrion" are the same answer. */
  private static final java.util.Set<String> ARTICLES = java.util.Set.of("the", "a", "an");

  private AnswerMatcher() {}

  public static boolean matches(String typed, List<String> accepted) {
    if (typed == null || accepted == null) {
      return false;
    }
    String t = normalize(typed);
    if (t.isEmpty()) {
      return false;
    }
    String tBare = normalize(withoutVendor(typed));
    for (String a : accepted) {
      String n = normalize(a);
      if (n.isEmpty()) {
        continue;
      }
      if (n.equals(t) || typoAllowed(n) && withinOneEdit(t, n)) {
        return true;
      }
      String nBare = normalize(withoutVendor(a));
      if (!nBare.isEmpty()
          && !tBare.isEmpty()
          && (nBare.equals(tBare) || typoAllowed(nBare) && withinOneEdit(tBare, nBare))) {
        return true;
      }
    }
    Quantity key = Quantity.key(accepted);
    Quantity given = key == null ? null : Quantity.parse(typed);
    return given != null && key.acceptsTyped(given);
  }

  /** Long words forgive a typo; numbers never do (1,000,000 is not 1,000,001). */
  private static boolean typoAllowed(String normalized) {
    return normalized.length() >= TYPO_MIN_LENGTH
        && !normalized.chars().allMatch(Character::isDigit);
  }

  /**
   * "Amazon Kinesis Data Streams" without "Amazon", "The mitochondrion" without "The"; a name that
   * is only a vendor's or an article stays as it is.
   */
  private static String withoutVendor(String s) {
    String t = s.strip();
    int space = t.indexOf(' ');
    if (space > 0
        && (VENDORS.contains(t.substring(0, space).toLowerCase(Locale.ROOT))
            || ARTICLES.contains(t.substring(0, space).toLowerCase(Locale.ROOT)))) {
      return t.substring(space + 1);
    }
    return t;
  }

  /**
   * Lower case letters and digits only, accents folded. "#" and "+" are kept because they tell C#
   * and C++ from C.
   */
  public static String normalize(String s) {
    String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '#' || c == '+') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Optimal string alignment distance of at most one. */
  static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() && i == b.length()) {
      return true;
    }
    if (a.length() == b.length()) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < a.length()
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return a.length() > b.length()
        ? a.substring(i + 1).equals(b.substring(i))
        : a.substring(i).equals(b.substring(i + 1));
  }
}
