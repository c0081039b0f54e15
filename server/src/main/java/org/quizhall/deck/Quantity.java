package org.quizhall.deck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A typed number with its unit, read the way a person writes it: "900", "900 s", "900 sec", "15
 * minutes", "ten thousand records", "25 %". Two quantities are the same answer when they measure
 * the same amount in units of one kind (900 seconds and 15 minutes), or are the same bare number.
 *
 * @param unit the unit's kind ("time", "percent", "bytes") or, for counted things, the thing
 *     ("record"); null when none was written
 * @param base the value in the kind's base unit (seconds, bytes), or the number itself for counted
 *     things
 */
record Quantity(BigDecimal number, String unit, BigDecimal base) {

  private record Unit(String kind, BigDecimal factor) {}

  private static final Map<String, Unit> UNITS = new HashMap<>();

  static {
    unit("time", "0.001", "ms", "msec", "millisecond", "milliseconds");
    unit("time", "1", "s", "sec", "secs", "second", "seconds");
    unit("time", "60", "min", "mins", "minute", "minutes");
    unit("time", "3600", "h", "hr", "hrs", "hour", "hours");
    unit("time", "86400", "d", "day", "days");
    unit("time", "604800", "wk", "week", "weeks");
    unit("percent", "1", "%", "percent", "pct", "per cent");
    unit("bytes", "1", "b", "byte", "bytes");
    unit("bytes", "1000", "kb", "kilobyte", "kilobytes");
    unit("bytes", "1000000", "mb", "megabyte", "megabytes");
    unit("bytes", "1000000000", "gb", "gigabyte", "gigabytes");
    unit("bytes", "1000000000000", "tb", "terabyte", "terabytes");
    unit("bytes", "1024", "kib", "kibibyte", "kibibytes");
    unit("bytes", "1048576", "mib", "mebibyte", "mebibytes");
    unit("bytes", "1073741824", "gib", "gibibyte", "gibibytes");
  }

  private static void unit(String kind, String factor, String... names) {
    for (String name : names) {
      UNITS.put(name, new Unit(kind, new BigDecimal(factor)));
    }
  }

  private static final Map<String, Integer> SMALL = new HashMap<>();
  private static final Map<String, Integer> TENS = new HashMap<>();

  static {
    String[] small = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    for (int i = 0; i < small.length; i++) {
      SMALL.put(small[i], i);
    }
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      TENS.put(tens[i], 20 + 10 * i);
    }
  }

  /** Whether {@code unit} (as written after a number) is a unit of measure this class converts. */
  static boolean isMeasure(String unit) {
    return unit != null && UNITS.containsKey(unit.strip().toLowerCase(Locale.ROOT));
  }

  /** The quantity a whole answer writes, or null when it is not a number with at most one unit. */
  static Quantity parse(String text) {
    if (text == null || text.length() > 80) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ');
    int i = 0;
    while (i < t.length()
        && (Character.isDigit(t.charAt(i)) || t.charAt(i) == ',' || t.charAt(i) == '.')) {
      i++;
    }
    BigDecimal number;
    String rest;
    if (i > 0) {
      String digits = t.substring(0, i).replace(",", "");
      if (digits.endsWith(".")) {
        digits = digits.substring(0, digits.length() - 1);
      }
      try {
        number = new BigDecimal(digits);
      } catch (NumberFormatException e) {
        return null;
      }
      rest = t.substring(i).strip();
    } else {
      String[] words = t.split("\\s+");
      int used = 0;
      long total = 0;
      long current = 0;
      boolean any = false;
      while (used < words.length) {
        String w = words[used];
        if (SMALL.containsKey(w)) {
          current += SMALL.get(w);
        } else if (TENS.containsKey(w)) {
          current += TENS.get(w);
        } else if (w.equals("hundred") && any) {
          current = Math.max(current, 1) * 100;
        } else if (w.equals("thousand") && any) {
          total += Math.max(current, 1) * 1000;
          current = 0;
        } else if (w.equals("million") && any) {
          total += Math.max(current, 1) * 1_000_000;
          current = 0;
        } else if (w.equals("and") && any) {
          // "one hundred and twenty"
        } else if ((w.equals("a") || w.equals("an")) && !any && used + 1 < words.length) {
          current = 1;
        } else {
          break;
        }
        any = true;
        used++;
      }
      if (!any || used == 0) {
        return null;
      }
      number = BigDecimal.valueOf(total + current);
      rest = String.join(" ", java.util.Arrays.copyOfRange(words, used, words.length)).strip();
    }
    if (rest.isEmpty()) {
      return new Quantity(number, null, number);
    }
    Unit unit = UNITS.get(rest);
    if (unit != null) {
      return new Quantity(
          number, unit.kind(), number.multiply(unit.factor(), MathContext.DECIMAL64));
    }
    if (rest.contains(" ") || !rest.chars().allMatch(Character::isLetter)) {
      return null;
    }
    String counted =
        rest.length() > 3 && rest.endsWith("s") && !rest.endsWith("ss")
            ? rest.substring(0, rest.length() - 1)
            : rest;
    return new Quantity(number, counted, number);
  }

  /**
   * Whether {@code typed} gives this key: the same amount in a unit of the same kind, the same
   * count of the same things, or the key's bare number when no unit is typed.
   */
  boolean acceptsTyped(Quantity typed) {
    if (typed.unit() == null) {
      return typed.number().compareTo(number) == 0;
    }
    if (unit == null) {
      // A bare key ("10,000") takes a count of things ("10,000 records"), never another measure.
      return !MEASURES.contains(typed.unit()) && typed.number().compareTo(number) == 0;
    }
    return unit.equals(typed.unit()) && typed.base().compareTo(base) == 0;
  }

  private static final java.util.Set<String> MEASURES =
      java.util.Set.of("time", "percent", "bytes");

  /**
   * The key a question's accepted answers describe: the first that is a quantity with a unit, else
   * the first.
   */
  static Quantity key(List<String> accepted) {
    Quantity bare = null;
    for (String a : accepted) {
      Quantity q = parse(a);
      if (q != null && q.unit() != null) {
        return q;
      }
      if (q != null && bare == null) {
        bare = q;
      }
    }
    return bare;
  }
}
