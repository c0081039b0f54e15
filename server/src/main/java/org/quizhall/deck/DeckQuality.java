package org.quizhall.deck;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The measures an exam writer checks a generated deck by, counted the same way for the report and
 * the tests: how often true/false is keyed False, how many questions one fact yields, repeated
 * wordings, prompts that talk about the notes' layout instead of the subject, and how much of the
 * notes became questions.
 */
public record DeckQuality(
    int questions,
    int contentLines,
    Map<String, Integer> kinds,
    int trueFalse,
    int keyedFalse,
    int mostPerFact,
    int repeatedPrompts,
    int layoutPrompts,
    int warnings) {

  /** "[AWS Lambda › …]", "the notes list", "which heading": the notes' shape, not the subject. */
  private static final Pattern LAYOUT =
      Pattern.compile(
          "(?i)\\[[^\\]]*›|\\bthe notes\\b|\\bwhich heading\\b|\\blisted under\\b|\\bnoted under\\b");

  public static DeckQuality of(GeneratedDeck deck, String notes) {
    int content = (int) notes.lines().filter(l -> !l.isBlank()).count();
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Integer> perFact = new HashMap<>();
    Map<String, Integer> prompts = new HashMap<>();
    int trueFalse = 0;
    int keyedFalse = 0;
    int layout = 0;
    for (Question q : deck.questions()) {
      kinds.merge(q.kind(), 1, Integer::sum);
      perFact.merge(FactLimits.fact(q), 1, Integer::sum);
      prompts.merge(q.prompt().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
      if (q.type() == QuestionType.TRUE_FALSE) {
        trueFalse++;
        if (q.correct() == 1) {
          keyedFalse++;
        }
      }
      if (LAYOUT.matcher(q.prompt()).find()) {
        layout++;
      }
    }
    int repeated = prompts.values().stream().filter(n -> n > 1).mapToInt(n -> n).sum();
    int most = perFact.values().stream().mapToInt(n -> n).max().orElse(0);
    return new DeckQuality(
        deck.questions().size(),
        content,
        kinds,
        trueFalse,
        keyedFalse,
        most,
        repeated,
        layout,
        deck.warnings().size());
  }

  /** The share of true/false questions keyed False; NaN without any. */
  public double falseShare() {
    return trueFalse == 0 ? Double.NaN : (double) keyedFalse / trueFalse;
  }

  public double questionsPerContentLine() {
    return contentLines == 0 ? 0 : (double) questions / contentLines;
  }
}
