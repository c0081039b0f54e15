package org.quizhall.deck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Assembles questions with stable ids and shuffled options. Ids hash the source text, kind and
 * variant, so they survive re-imports of unchanged lines; each question's randomness is seeded from
 * the deck seed and its id, so one edited line does not reshuffle the rest of the deck.
 */
final class QuestionFactory {

  static final String TRUE = "True";
  static final String FALSE = "False";

  /**
   * Served orders of ordering and matching questions are drawn from here, not from the deck's seed:
   * the order players see must not be something a reader of the source and the question's id could
   * work out.
   */
  private static final java.security.SecureRandom SHUFFLES = new java.security.SecureRandom();

  private final long seed;
  private final Map<String, Integer> seen = new HashMap<>();

  QuestionFactory(long seed) {
    this.seed = seed;
  }

  /** Randomness for one question, independent of every other question. */
  Random random(String kind, String variant, String sourceText) {
    return new Random(seed ^ hashLong(kind + '\u0000' + variant + '\u0000' + sourceText));
  }

  Question multipleChoice(
      String kind,
      String variant,
      String prompt,
      String answer,
      List<String> distractors,
      String explanation,
      Source source,
      String topic) {
    String id = id(kind, variant, source.text());
    List<String> options = new ArrayList<>(distractors);
    options.add(answer);
    options = evenForm(options);
    answer = options.get(options.size() - 1);
    // The order is the question's own (its id and the deck's seed), not dealt in generation order:
    // a re-import
    // that adds a line elsewhere leaves it, and with it the item's statistics, alone.
    Collections.shuffle(options, new Random(seed ^ hashLong(id)));
    int at = options.indexOf(answer);
    return new Question(
        id,
        QuestionType.MULTIPLE_CHOICE,
        kind,
        finished(prompt),
        options,
        at,
        List.of(),
        explanation,
        source,
        topic);
  }

  Question trueFalse(
      String kind,
      String variant,
      String prompt,
      boolean truth,
      String explanation,
      Source source,
      String topic) {
    return new Question(
        id(kind, variant, source.text()),
        QuestionType.TRUE_FALSE,
        kind,
        finished(prompt),
        List.of(TRUE, FALSE),
        truth ? 0 : 1,
        List.of(),
        explanation,
        source,
        topic);
  }

  Question typed(
      String kind,
      String variant,
      String prompt,
      List<String> accepted,
      String explanation,
      Source source,
      String topic) {
    return new Question(
        id(kind, variant, source.text()),
        QuestionType.TYPED,
        kind,
        finished(prompt),
        List.of(),
        -1,
        accepted,
        explanation,
        source,
        topic);
  }

  /**
   * Options alike in form: when only a few of them end with a remark in brackets ("Cron job (use
   * time as trigger)" beside "Dynamic websites"), the remark marks the one that came from elsewhere
   * in the notes, so it is left out of every option that has one. Options that would then read the
   * same keep theirs.
   */
  static List<String> evenForm(List<String> options) {
    int remarks = 0;
    List<String> bare = new ArrayList<>(options.size());
    for (String o : options) {
      String b = withoutRemark(o);
      if (!b.equals(o)) {
        remarks++;
      }
      bare.add(b);
    }
    if (remarks == 0 || remarks * 2 > options.size()) {
      return options;
    }
    if (bare.stream().map(b -> b.toLowerCase(java.util.Locale.ROOT)).distinct().count()
        < bare.size()) {
      return options;
    }
    return bare;
  }

  /** "Cron job (use time as trigger)" → "Cron job"; the text itself when it is all a remark. */
  static String withoutRemark(String option) {
    String o = option.strip();
    if (!o.endsWith(")")) {
      return option;
    }
    int open = o.lastIndexOf(" (");
    if (open <= 0 || o.indexOf(')', open) != o.length() - 1) {
      return option;
    }
    String head = o.substring(0, open).strip();
    // "Both (a) and (b)", "len (x)": a letter in brackets is part of the text, not a remark.
    String inner = o.substring(open + 2, o.length() - 1).strip();
    return head.length() < 2 || inner.length() < 3 ? option : head;
  }

  /**
   * Several right options among wrong ones, shuffled together; the prompt says how many to choose.
   */
  Question multipleResponse(
      String kind,
      String variant,
      String prompt,
      List<String> answers,
      List<String> distractors,
      String explanation,
      Source source,
      String topic) {
    String id = id(kind, variant, source.text());
    List<String> options = new ArrayList<>(distractors);
    options.addAll(answers);
    options = evenForm(options);
    answers = List.copyOf(options.subList(distractors.size(), options.size()));
    Collections.shuffle(options, new Random(seed ^ hashLong(id)));
    List<Integer> keys = new ArrayList<>();
    for (String answer : answers) {
      keys.add(options.indexOf(answer));
    }
    Collections.sort(keys);
    return new Question(
        id,
        QuestionType.MULTIPLE_RESPONSE,
        kind,
        prompt,
        options,
        -1,
        List.of(),
        explanation,
        source,
        topic,
        keys,
        List.of());
  }

  /** Items in their right order; players get them shuffled ({@link Question#served()}). */
  Question ordering(
      String kind,
      String variant,
      String prompt,
      List<String> items,
      String explanation,
      Source source,
      String topic) {
    return new Question(
        id(kind, variant, source.text()),
        QuestionType.ORDERING,
        kind,
        prompt,
        items,
        -1,
        List.of(),
        explanation,
        source,
        topic,
        List.of(),
        List.of(),
        Question.draw(items.size(), SHUFFLES));
  }

  /** Terms and their matches, pair by pair; players get the matches shuffled. */
  Question matching(
      String kind,
      String variant,
      String prompt,
      List<String> terms,
      List<String> matches,
      String explanation,
      Source source,
      String topic) {
    return new Question(
        id(kind, variant, source.text()),
        QuestionType.MATCHING,
        kind,
        prompt,
        terms,
        -1,
        List.of(),
        explanation,
        source,
        topic,
        List.of(),
        matches,
        Question.draw(matches.size(), SHUFFLES));
  }

  private String id(String kind, String variant, String sourceText) {
    String base = hex(kind + '\u0000' + variant + '\u0000' + sourceText).substring(0, 12);
    int n = seen.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "-" + n;
  }

  private static final List<String> STATEMENT_LEADS =
      List.of("True or false? ", "Fill in the blank: ", "Fill in the year: ");

  /**
   * A statement asked as true/false or with a blank ends as a sentence does: "True or false?
   * Mitosis produces 4 identical daughter cells." Notes lines seldom carry their full stop.
   */
  static String finished(String prompt) {
    String p = prompt.stripTrailing();
    if (p.isEmpty() || STATEMENT_LEADS.stream().noneMatch(p::startsWith)) {
      return prompt;
    }
    char last = p.charAt(p.length() - 1);
    if (".?!…".indexOf(last) >= 0) {
      return p;
    }
    if (last == ')'
        || last == '"'
        || last == '”'
        || Character.isLetterOrDigit(last)
        || last == '%'
        || last == '_'
        || last == '\'') {
      return p + ".";
    }
    return p;
  }

  /**
   * Whether a question's id is the one this factory gives the kind, variant and source line (or a
   * repeat of it).
   */
  static boolean isNamed(String id, String kind, String variant, String sourceText) {
    String base = hex(kind + '\u0000' + variant + '\u0000' + sourceText).substring(0, 12);
    return id.equals(base) || id.startsWith(base + "-");
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(sha256(s));
  }

  private static long hashLong(String s) {
    byte[] d = sha256(s);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (d[i] & 0xff);
    }
    return v;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
