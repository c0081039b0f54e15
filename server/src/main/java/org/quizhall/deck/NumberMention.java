package org.quizhall.deck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with its unit in a fact ("900 seconds", "128 Mb", "10,000 records"). Digits inside names
 * such as "S3", "m4.large" or "EC2" are not numbers.
 *
 * @param start index of the number in the text; {@code end} is exclusive and excludes the unit
 * @param unit normalised unit ("second" for "s", "seconds", "sec")
 */
record NumberMention(
    int start, int end, String raw, BigDecimal value, String unit, String unitRaw) {

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}.,_/-])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:(\\s?)(%|[A-Za-z]+))?(?![\\p{N}])");
  private static final Set<String> NOT_UNITS =
      Set.of(
          "a", "an", "the", "of", "in", "on", "to", "and", "or", "by", "for", "if", "is", "are",
          "at", "as", "with", "from", "than", "per", "x", "th", "st", "nd", "rd", "am", "pm", "it",
          "be", "was", "were", "that", "which");
  private static final Map<String, String> UNIT_ALIASES =
      Map.ofEntries(
          Map.entry("s", "second"),
          Map.entry("sec", "second"),
          Map.entry("secs", "second"),
          Map.entry("ms", "millisecond"),
          Map.entry("min", "minute"),
          Map.entry("mins", "minute"),
          Map.entry("h", "hour"),
          Map.entry("hr", "hour"),
          Map.entry("hrs", "hour"),
          Map.entry("d", "day"),
          Map.entry("%", "percent"));

  static List<NumberMention> find(String text) {
    List<NumberMention> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String unitRaw = m.group(3);
      String raw0 = m.group(1);
      boolean yearLike =
          raw0.length() == 4
              && !raw0.contains(",")
              && !raw0.contains(".")
              && Integer.parseInt(raw0) >= 1000
              && Integer.parseInt(raw0) <= 2100
              && (unitRaw == null || !Quantity.isMeasure(unitRaw))
              && !"s".equals(unitRaw)
              && datedBy(text.substring(0, m.start(1)));
      if (yearLike) {
        // "in 1788 drove up", "crowned in 1804.": a year, asked among years and changed by a few
        // years.
        out.add(new NumberMention(m.start(1), m.end(1), raw0, new BigDecimal(raw0), "year", ""));
        continue;
      }
      if (unitRaw == null) {
        continue;
      }
      String unit = normalizeUnit(unitRaw);
      if (unit.isEmpty()) {
        continue;
      }
      if (unitRaw.equals("s") && m.group(2).isEmpty() && m.group(1).length() == 4) {
        continue; // "the 1780s" is a decade, not 1780 seconds
      }
      String raw = m.group(1);
      BigDecimal value = new BigDecimal(raw.replace(",", ""));
      out.add(new NumberMention(m.start(1), m.end(1), raw, value, unit, unitRaw));
    }
    return out;
  }

  private static final Set<String> DATING_WORDS =
      Set.of(
          "in",
          "by",
          "from",
          "to",
          "since",
          "until",
          "till",
          "before",
          "after",
          "around",
          "circa",
          "c.",
          "year",
          "early",
          "late",
          "mid",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /**
   * "in 1788", "May 1789", "from 1793 to 1794": the word before a year dates it; "of 1000
   * concurrent" does not.
   */
  private static boolean datedBy(String before) {
    String b = before.stripTrailing();
    int space = b.lastIndexOf(' ');
    String word =
        (space < 0 ? b : b.substring(space + 1)).toLowerCase(Locale.ROOT).replace(",", "");
    return DATING_WORDS.contains(word) || word.matches("\\d{1,2}");
  }

  private static String normalizeUnit(String unitRaw) {
    String u = unitRaw.toLowerCase(Locale.ROOT);
    if (NOT_UNITS.contains(u)) {
      return "";
    }
    if (UNIT_ALIASES.containsKey(u)) {
      return UNIT_ALIASES.get(u);
    }
    if (u.length() > 3 && u.endsWith("s") && !u.endsWith("ss")) {
      return u.substring(0, u.length() - 1);
    }
    return u;
  }

  /** Writes a value the way this mention writes numbers (thousands separators or not). */
  String format(BigDecimal v) {
    BigDecimal plain = v.stripTrailingZeros();
    if (plain.scale() < 0) {
      plain = plain.setScale(0);
    }
    if (raw.contains(",") && plain.scale() == 0) {
      return String.format(Locale.ROOT, "%,d", plain.longValueExact());
    }
    return plain.toPlainString();
  }

  /**
   * Wrong values a person who half-remembers would pick, for numbers chosen by a rule: powers of
   * two stay powers of two (64, 256 and 512 for a 128 MB block, not 102 or 154), and a round number
   * in hundreds or more moves in steps of its leading unit (300, 600, 1200 for a 900-second limit,
   * rather than only halving and doubling it). Empty for other numbers and years.
   */
  List<String> kindredVariants() {
    List<String> out = new ArrayList<>();
    if (unit.equals("year")
        || value.stripTrailingZeros().scale() > 0
        || value.compareTo(BigDecimal.valueOf(16)) < 0
        || value.compareTo(BigDecimal.valueOf(1L << 40)) > 0) {
      return out;
    }
    long v = value.longValueExact();
    if (Long.bitCount(v) == 1) {
      for (long w : new long[] {v / 2, v * 2, v * 4, v / 4, v * 8}) {
        out.add(format(BigDecimal.valueOf(w)));
      }
      return out;
    }
    long step = 1;
    while (v % (step * 10) == 0) {
      step *= 10;
    }
    long lead = v / step;
    if (step < 100 || lead < 3 || lead > 9) {
      return out;
    }
    for (long d : new long[] {lead - 3, lead + 3, lead - 6, lead + 6, lead * 2}) {
      if (d > 0 && d != lead) {
        out.add(format(BigDecimal.valueOf(d * step)));
      }
    }
    return out;
  }

  /**
   * For a count that is not a round number ("46 chromosomes", "206 bones"), numbers about a tenth
   * and a fifth away from it, of the same parity (40, 52, 36, 56 for 46): 138 or 184 chromosomes
   * are guessed wrong at a glance. Empty for round numbers and years.
   */
  List<String> nearVariants() {
    List<String> out = new ArrayList<>();
    if (unit.equals("year")
        || value.stripTrailingZeros().scale() > 0
        || value.compareTo(BigDecimal.valueOf(11)) < 0
        || value.compareTo(BigDecimal.valueOf(10_000)) >= 0
        || value.remainder(BigDecimal.TEN).signum() == 0) {
      return out;
    }
    long v = value.longValue();
    for (double f : new double[] {0.1, -0.1, 0.2, -0.2}) {
      long w = v + Math.round(v * f);
      if ((w - v) % 2 != 0) {
        // Of the same parity as the key: 46 chromosomes among 37, 51 and 55 is the one even count.
        w += f > 0 ? 1 : -1;
      }
      if (w > 0 && w != v) {
        out.add(format(BigDecimal.valueOf(w)));
      }
    }
    return out;
  }

  /**
   * For a small measure (2 to 15 of a unit, not a multiple of five nor a power of two, which 4 and
   * 8 GB are as often as not), its neighbours: 4, 5, 7 or 8 for a 6 MB limit. Half, double and one
   * more (3, 12, 7) all point back to the one value they were made from, which a test-wise player
   * picks without knowing. Empty for counts ("4 gametes", whose wrong values double and halve as
   * cells divide), round values and years.
   */
  List<String> neighbourVariants() {
    List<String> out = new ArrayList<>();
    if (unit.equals("year")
        || !Quantity.isMeasure(unitRaw)
        || value.stripTrailingZeros().scale() > 0
        || value.remainder(BigDecimal.valueOf(5)).signum() == 0
        || Long.bitCount(value.longValue()) == 1
        || value.compareTo(BigDecimal.valueOf(2)) < 0
        || value.compareTo(BigDecimal.valueOf(16)) >= 0) {
      return out;
    }
    long v = value.longValueExact();
    for (long d : new long[] {-1, 1, -2, 2, 3}) {
      if (v + d > 0) {
        out.add(format(BigDecimal.valueOf(v + d)));
      }
    }
    return out;
  }

  /** Plausible wrong values: multiples and fractions that keep the number's precision. */
  List<String> scaledVariants() {
    List<String> out = new ArrayList<>();
    if (unit.equals("year")) {
      for (int delta : new int[] {1, -1, 2, -3, 5, -5, 10, -10}) {
        out.add(value.add(BigDecimal.valueOf(delta)).toPlainString());
      }
      return out;
    }
    boolean integral = value.stripTrailingZeros().scale() <= 0;
    int[][] factors = {{2, 1}, {1, 2}, {10, 1}, {1, 10}, {5, 1}, {3, 1}, {4, 1}, {1, 4}, {1, 5}};
    for (int[] f : factors) {
      BigDecimal v = value.multiply(BigDecimal.valueOf(f[0]));
      if (f[1] != 1) {
        BigDecimal[] qr = v.divideAndRemainder(BigDecimal.valueOf(f[1]));
        if (integral && qr[1].signum() != 0) {
          continue;
        }
        v = integral ? qr[0] : v.divide(BigDecimal.valueOf(f[1]), java.math.MathContext.DECIMAL64);
      }
      if (v.signum() > 0 && v.compareTo(value) != 0) {
        out.add(format(v));
      }
    }
    if (integral && value.compareTo(BigDecimal.TEN) < 0) {
      out.add(format(value.add(BigDecimal.ONE)));
    }
    return out;
  }
}
