package org.quizhall.notes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the shape of one line of notes: is it a full statement, a short list-item-like fragment, or
 * a line that introduces a list. Flat outlines carry no indentation, so these shapes are all there
 * is to infer nesting from.
 */
public final class BulletShape {

  private static final Set<String> VERB_MARKERS =
      Set.of(
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "can",
          "cannot",
          "could",
          "will",
          "would",
          "should",
          "must",
          "may",
          "might",
          "has",
          "have",
          "had",
          "does",
          "do",
          "did",
          "don't",
          "doesn't",
          "can't",
          "won't",
          "isn't",
          "aren't",
          "uses",
          "used",
          "provides",
          "supports",
          "allows",
          "lets",
          "runs",
          "stores",
          "makes",
          "requires",
          "needs",
          "gives",
          "means",
          "takes",
          "contains",
          "includes",
          "helps",
          "creates",
          "returns",
          "becomes",
          "if",
          "when",
          "because",
          "which",
          "that",
          "than",
          "so",
          "get",
          "gets");

  private static final Set<String> LEAD_PREPOSITIONS =
      Set.of(
          "by",
          "of",
          "from",
          "as",
          "to",
          "for",
          "with",
          "like",
          "include",
          "includes",
          "including",
          "are",
          "is",
          "between",
          "into",
          "via",
          "on",
          "in",
          "such");

  private static final Set<String> QUANTIFIERS =
      Set.of("many", "several", "various", "multiple", "some", "other", "all", "different");

  private static final Set<String> LEAD_NOUNS =
      Set.of(
          "integration",
          "integrations",
          "tools",
          "types",
          "kinds",
          "options",
          "examples",
          "sources",
          "destinations",
          "targets",
          "services",
          "languages",
          "modes",
          "steps",
          "features",
          "components",
          "categories",
          "classes",
          "levels",
          "stages",
          "phases",
          "parts",
          "support",
          "formats",
          "uses");

  private static final Set<String> NOT_PLURAL =
      Set.of(
          "this",
          "its",
          "has",
          "is",
          "was",
          "does",
          "analysis",
          "basis",
          "process",
          "access",
          "less",
          "class",
          "address",
          "status",
          "bus",
          "plus",
          "chaos",
          "series",
          "always",
          "across",
          "perhaps",
          "thus",
          "yes",
          "us",
          "news",
          "analytics",
          "physics",
          "mathematics");

  private final String text;
  private final String core;
  private final List<String> words;

  private BulletShape(String text) {
    this.text = text.strip();
    String c = withoutTrailingParenthetical(this.text);
    if (c.isBlank()) {
      c = this.text;
    }
    if (c.endsWith(":")) {
      c = c.substring(0, c.length() - 1).strip();
    }
    this.core = c;
    this.words = words(c);
  }

  private static String withoutTrailingParenthetical(String t) {
    if (!t.endsWith(")")) {
      return t;
    }
    int open = t.lastIndexOf('(');
    if (open < 0 || t.indexOf(')', open) != t.length() - 1) {
      return t;
    }
    return t.substring(0, open).strip();
  }

  /**
   * Words as {@code [letter or digit][letter, digit or .#+'_-]*}: "Node.js" and "C#" are one word
   * each.
   */
  private static List<String> words(String s) {
    List<String> out = new java.util.ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i++;
      while (i < s.length()
          && (Character.isLetterOrDigit(s.charAt(i)) || ".#+'_-".indexOf(s.charAt(i)) >= 0)) {
        i++;
      }
      out.add(s.substring(start, i));
    }
    return out;
  }

  public static BulletShape of(String text) {
    return new BulletShape(text);
  }

  /** The text without a trailing parenthetical remark or colon. */
  public String core() {
    return core;
  }

  public int wordCount() {
    return words.size();
  }

  /** "etc.", "...": marks a list as not exhaustive. */
  public boolean isEtc() {
    if (text.length() > 12) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\s.…]", "");
    return t.equals("etc") || t.isEmpty() || t.equals("andmore") || t.equals("andsoon");
  }

  public boolean endsWithColon() {
    return text.endsWith(":") && !text.endsWith("::");
  }

  /** A comma-separated run of at least three short names, like "S3, RDS, DynamoDB, Redshift". */
  public boolean isCommaList() {
    List<String> parts = commaParts();
    return parts.size() >= 3
        && parts.stream()
            .allMatch(
                p -> {
                  BulletShape s = of(p);
                  return s.wordCount() >= 1 && s.wordCount() <= 3 && !s.hasVerb();
                });
  }

  public List<String> commaParts() {
    if (core.indexOf(',') < 0) {
      return List.of(core);
    }
    return Arrays.stream(core.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  private Boolean verb;
  private Boolean itemLike;
  private Boolean nameLike;

  /**
   * Whether the text has a verb or a clause word, i.e. makes a claim rather than naming something.
   */
  public boolean makesClaim() {
    return hasVerb() || words.size() >= 6;
  }

  public boolean hasVerb() {
    if (verb == null) {
      verb = computeHasVerb();
    }
    return verb;
  }

  private boolean computeHasVerb() {
    if (!words.isEmpty() && words.get(0).equalsIgnoreCase("use")) {
      return true;
    }
    for (String w : words) {
      if (VERB_MARKERS.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Short fragment without a verb: a list item, a name, a noun phrase. */
  public boolean isItemLike() {
    if (itemLike == null) {
      itemLike = computeItemLike();
    }
    return itemLike;
  }

  private boolean computeItemLike() {
    List<String> parts = commaParts();
    if (parts.size() >= 2
        && parts.stream()
            .allMatch(
                p -> {
                  BulletShape s = of(p);
                  return s.wordCount() >= 1 && s.wordCount() <= 3 && !s.hasVerb();
                })) {
      return true;
    }
    return !words.isEmpty() && words.size() <= 4 && !hasVerb() && !core.endsWith(".");
  }

  public boolean isStatement() {
    return !isItemLike() && words.size() >= 2;
  }

  /**
   * Every word starts with a capital or digit, or carries a symbol: product and technology names.
   */
  public boolean isNameLike() {
    if (nameLike == null) {
      nameLike = computeNameLike();
    }
    return nameLike;
  }

  private boolean computeNameLike() {
    if (words.isEmpty() || words.size() > 3 || hasVerb()) {
      return false;
    }
    for (String w : words) {
      char first = w.charAt(0);
      boolean symbolic =
          w.chars().anyMatch(ch -> ch == '.' || ch == '#' || ch == '+' || Character.isDigit(ch));
      if (!Character.isUpperCase(first) && !Character.isDigit(first) && !symbolic) {
        return false;
      }
    }
    return true;
  }

  private String lastWordLower() {
    return words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(Locale.ROOT);
  }

  private String firstWordLower() {
    return words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
  }

  /**
   * Ends in a plural common noun ("Supported languages", "Cluster types"), not an acronym like
   * "AWS".
   */
  public boolean endsPlural() {
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    String lower = last.toLowerCase(Locale.ROOT);
    if (!lower.chars().allMatch(ch -> Character.isLetter(ch) || ch == '-')) {
      return false;
    }
    if (last.equals(last.toUpperCase(Locale.ROOT))
        || NOT_PLURAL.contains(lower)
        || lower.length() <= 3) {
      return false;
    }
    return lower.endsWith("s")
        && !lower.endsWith("ss")
        && !lower.endsWith("us")
        && !lower.endsWith("is")
        && !Character.isUpperCase(last.charAt(last.length() - 2));
  }

  /**
   * Wording that announces a list regardless of what follows: a colon, a dangling preposition,
   * "Many X ...".
   */
  public boolean strongLeadIn() {
    if (endsWithColon()) {
      return true;
    }
    if (words.isEmpty()) {
      return false;
    }
    if (LEAD_PREPOSITIONS.contains(lastWordLower()) && words.size() >= 2) {
      return true;
    }
    if (QUANTIFIERS.contains(firstWordLower())
        && words.size() >= 2
        && words.stream().anyMatch(w -> of(w).endsPlural())) {
      return true;
    }
    return isItemLike() && LEAD_NOUNS.contains(lastWordLower());
  }

  /**
   * Whether any word is a plural noun: such a heading ("Spark Components") introduces its own
   * bullets.
   */
  public boolean mentionsPlural() {
    return words.stream().anyMatch(w -> of(w).endsPlural());
  }

  /** A short plural noun phrase, which often introduces a list ("Supported languages"). */
  public boolean pluralLeadIn() {
    return isItemLike() && !isCommaList() && endsPlural() && !endsInAName();
  }

  /** "DStreams", "DataFrames": a last word capitalised inside is a name, not a kind of things. */
  private boolean endsInAName() {
    String last = words.get(words.size() - 1);
    return last.length() > 1 && last.substring(1).chars().anyMatch(Character::isUpperCase);
  }
}
