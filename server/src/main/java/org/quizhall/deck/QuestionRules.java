package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural checks every question must pass, independent of how it was generated. Used by tests
 * and available to the server to vet stored questions.
 */
public final class QuestionRules {

  private static final Pattern NUMBER = Pattern.compile("^[\\d.,]+$");
  private static final Pattern ANTI_PATTERN = Pattern.compile("(?i)anti[- ]?patterns?");

  private QuestionRules() {}

  /**
   * Digits with their separators only ("443", "1,024", "0.5"): an option so written is a number,
   * and options of numbers and of words are not offered together.
   */
  static boolean isNumber(String text) {
    return NUMBER.matcher(text.strip()).matches();
  }

  /**
   * Whether a multiple-choice key is a description far longer than every wrong option ("An
   * operational tool used to visualize EMR and S3 data using an EMR Hadoop cluster" beside "A
   * distributed processing system"): the longest, most qualified option is the one test-wise
   * players pick, so it tells the key without the subject being known.
   */
  static boolean keyStandsOut(Question q) {
    if (q.type() != QuestionType.MULTIPLE_CHOICE
        || q.correct() < 0
        || q.correct() >= q.options().size()) {
      return false;
    }
    String key = q.options().get(q.correct());
    String[] words = key.strip().split("\\s+");
    long described =
        java.util.Arrays.stream(words)
            .filter(w -> w.length() > 3 && w.equals(w.toLowerCase(java.util.Locale.ROOT)))
            .count();
    if (words.length < 4 || described < 2) {
      // A term ("thylakoid membranes"), a name or a list of names ("R4, R5, X1, Z1d"), not a
      // description.
      return false;
    }
    for (int i = 0; i < q.options().size(); i++) {
      // Longer by four tenths and by twenty letters: "Table and storage management for Hive
      // metastore" beside "Data security manager for Hadoop" is a description among descriptions.
      int other = q.options().get(i).length();
      if (i != q.correct() && (key.length() <= other * 1.4 || key.length() < other + 20)) {
        return false;
      }
    }
    return true;
  }

  /** Human-readable defects; empty when the question is structurally sound. */
  public static List<String> defects(Question q) {
    List<String> out = new ArrayList<>();
    if (q.id() == null || q.id().isBlank()) {
      out.add("missing id");
    }
    if (q.kind() == null || q.kind().isBlank()) {
      out.add("missing kind");
    }
    if (q.prompt() == null || q.prompt().isBlank()) {
      out.add("missing prompt");
      return out;
    }
    if (q.explanation() == null || q.explanation().isBlank()) {
      out.add("missing explanation");
    }
    if (q.source() == null
        || q.source().line() < 1
        || q.source().text() == null
        || q.source().text().isBlank()) {
      out.add("missing source");
    }
    if (q.topic() == null || q.topic().isBlank()) {
      out.add("missing topic");
    }
    switch (q.type()) {
      case MULTIPLE_CHOICE -> multipleChoice(q, out);
      case TRUE_FALSE -> {
        if (!q.options().equals(List.of("True", "False")) || q.correct() < 0 || q.correct() > 1) {
          out.add("true/false options must be True, False with index 0 or 1");
        }
      }
      case TYPED -> {
        if (!q.options().isEmpty() || q.correct() != -1) {
          out.add("typed question with options");
        }
        if (q.accepted().isEmpty()
            || q.accepted().stream().anyMatch(a -> AnswerMatcher.normalize(a).isEmpty())) {
          out.add("typed question without a usable accepted answer");
        } else if (!q.prompt().contains("___")) {
          out.add("typed question without a blank");
        } else if (appearsIn(q.prompt(), q.accepted().get(0))) {
          out.add("answer appears in the prompt");
        }
      }
      case MULTIPLE_RESPONSE -> multipleResponse(q, out);
      case ORDERING -> {
        if (q.options().size() < 3 || q.options().size() > 6) {
          out.add("ordering needs 3 to 6 items, has " + q.options().size());
        }
        distinct(q.options(), "items", out);
      }
      case MATCHING -> {
        if (q.options().size() < 3
            || q.options().size() > 5
            || q.matches().size() != q.options().size()) {
          out.add(
              "matching needs 3 to 5 pairs, has "
                  + q.options().size()
                  + " terms and "
                  + q.matches().size()
                  + " matches");
        }
        distinct(q.options(), "terms", out);
        distinct(q.matches(), "matches", out);
      }
    }
    if (q.source() != null
        && q.source().path().stream().anyMatch(p -> ANTI_PATTERN.matcher(p).find())
        && (q.kind().equals("list_member") || q.kind().equals("odd_one_out"))
        && !q.prompt().toLowerCase(Locale.ROOT).contains("anti-pattern")) {
      out.add("anti-pattern asked as if it were a recommended use");
    }
    return out;
  }

  private static void multipleResponse(Question q, List<String> out) {
    List<String> options = q.options();
    if (options.size() < 4 || options.size() > 6) {
      out.add("multiple response needs 4 to 6 options, has " + options.size());
    }
    if (q.keys().size() < 2
        || q.keys().size() >= options.size()
        || q.keys().stream().anyMatch(k -> k < 0 || k >= options.size())) {
      out.add("multiple response needs at least two right options among wrong ones");
      return;
    }
    if (!q.prompt().contains("(Choose ")) {
      out.add("multiple response prompt does not say how many to choose");
    }
    distinct(options, "options", out);
    for (int k : q.keys()) {
      if (appearsIn(q.prompt(), options.get(k))) {
        out.add("answer appears in the prompt");
      }
    }
  }

  private static void distinct(List<String> texts, String what, List<String> out) {
    Set<String> seen = new HashSet<>();
    for (String o : texts) {
      String n = AnswerMatcher.normalize(o);
      if (n.isEmpty()) {
        out.add("blank " + what);
      } else if (!seen.add(n)) {
        out.add(what + " not distinct: " + o);
      }
    }
  }

  private static void multipleChoice(Question q, List<String> out) {
    List<String> options = q.options();
    if (options.size() < 3 || options.size() > 4) {
      out.add("multiple choice needs 3 or 4 options, has " + options.size());
    }
    if (q.correct() < 0 || q.correct() >= options.size()) {
      out.add("correct index out of range");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String o : options) {
      String n = AnswerMatcher.normalize(o);
      if (n.isEmpty()) {
        out.add("blank option");
      } else if (!seen.add(n)) {
        out.add("options not distinct: " + o);
      }
    }
    String answer = options.get(q.correct());
    if (appearsIn(q.prompt(), answer)) {
      out.add("answer appears in the prompt");
    }
    boolean numeric = isNumber(answer);
    for (String o : options) {
      if (isNumber(o) != numeric) {
        out.add("options mix numbers and words");
        break;
      }
    }
    int shortest = options.stream().mapToInt(String::length).min().orElse(0);
    int longest = options.stream().mapToInt(String::length).max().orElse(0);
    if (longest > 3 * shortest + 8) {
      out.add("option lengths too different (" + shortest + " vs " + longest + ")");
    }
  }

  /** Whole-word, case and punctuation insensitive containment. */
  static boolean appearsIn(String prompt, String answer) {
    String p = " " + prompt.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}#+]+", " ") + " ";
    String a = answer.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}#+]+", " ").strip();
    return !a.isEmpty() && p.contains(" " + a + " ");
  }
}
