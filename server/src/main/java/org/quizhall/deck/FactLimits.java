package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deck-wide rules no single generator can keep on its own: one question per wording, at most
 * two questions per fact (one of them true/false at most), and, in a deck of ten or more true/false
 * questions, True and False each keyed at most 60% of the time, so that "always tap True" is no
 * strategy. A fact is the notes line a question was made from.
 */
final class FactLimits {

  static final int PER_FACT = 2;
  static final double MOST_ONE_WAY = 0.6;

  /**
   * Decks with fewer true/false questions, all of one truth value, keep them all: a few notes lines
   * with nothing to falsify would otherwise give no question at all.
   */
  static final int BALANCED_FROM = 10;

  /**
   * What is kept first when a fact yields more questions than it may: choices before statements
   * before blanks.
   */
  private static final List<String> PREFERENCE =
      List.of(
          ScenarioQuestions.SCENARIO,
          ScenarioQuestions.COMPARISON,
          MatchingQuestions.KIND,
          OrderingQuestions.KIND,
          ListQuestions.CHOOSE_TWO,
          TableQuestions.KIND,
          ListQuestions.MEMBER,
          DefinitionQuestions.KIND,
          NumericQuestions.KIND,
          TopicQuestions.KIND,
          ListQuestions.ODD,
          StatementQuestions.TRUE_FALSE,
          StatementQuestions.CLOZE);

  private FactLimits() {}

  /** The questions kept, and why each left-out one was left out. */
  record Kept(List<Question> questions, Map<Question, String> leftOut) {}

  static List<Question> apply(List<Question> questions) {
    return keep(questions).questions();
  }

  static Kept keep(List<Question> questions) {
    Map<Question, String> leftOut = new java.util.IdentityHashMap<>();
    List<Question> ranked = new ArrayList<>(questions);
    // Stable: within one kind the generators' order (the notes' order) stands.
    ranked.sort(Comparator.comparingInt(FactLimits::preference));
    Set<String> prompts = new HashSet<>();
    Map<String, Integer> perFact = new HashMap<>();
    Set<String> factsWithTrueFalse = new HashSet<>();
    List<Question> kept = new ArrayList<>();
    for (Question q : ranked) {
      String fact = fact(q);
      boolean trueFalse = q.type() == QuestionType.TRUE_FALSE;
      if (prompts.contains(wording(q))) {
        leftOut.put(q, "asked in the same words by another question");
        continue;
      }
      if (perFact.getOrDefault(fact, 0) >= PER_FACT
          || trueFalse && factsWithTrueFalse.contains(fact)) {
        leftOut.put(q, "already asked as often as one fact may be");
        continue;
      }
      prompts.add(wording(q));
      perFact.merge(fact, 1, Integer::sum);
      if (trueFalse) {
        factsWithTrueFalse.add(fact);
      }
      kept.add(q);
    }
    balanceTrueFalse(kept)
        .forEach(
            q ->
                leftOut.put(
                    q,
                    "a true statement left out so that true/false is not mostly True: nothing here could be made false"));
    Map<Question, Integer> order = new java.util.IdentityHashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      order.put(questions.get(i), i);
    }
    kept.sort(Comparator.comparingInt(order::get));
    return new Kept(kept, leftOut);
  }

  /**
   * Drops statements of the more common truth value, last in the notes first, until neither is more
   * than 60% of the deck's true/false questions. A statement whose fact is also asked another way
   * goes first, so that no fact is lost for the balance while there is a choice.
   */
  private static Set<Question> balanceTrueFalse(List<Question> kept) {
    List<Question> trues = new ArrayList<>();
    List<Question> falses = new ArrayList<>();
    for (Question q : kept) {
      if (q.type() == QuestionType.TRUE_FALSE) {
        (q.correct() == 0 ? trues : falses).add(q);
      }
    }
    if (trues.size() + falses.size() < BALANCED_FROM && (trues.isEmpty() || falses.isEmpty())) {
      return Set.of();
    }
    List<Question> more = trues.size() >= falses.size() ? trues : falses;
    int fewer = Math.min(trues.size(), falses.size());
    int allowed = (int) Math.floor(fewer * MOST_ONE_WAY / (1 - MOST_ONE_WAY));
    if (more.size() <= allowed) {
      return Set.of();
    }
    Map<String, Integer> perFact = new HashMap<>();
    kept.forEach(q -> perFact.merge(fact(q), 1, Integer::sum));
    List<Question> dropFirst = new ArrayList<>();
    for (int i = more.size() - 1; i >= 0; i--) {
      dropFirst.add(more.get(i));
    }
    dropFirst.sort(Comparator.comparingInt((Question q) -> perFact.get(fact(q)) > 1 ? 0 : 1));
    Set<Question> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    dropped.addAll(dropFirst.subList(0, more.size() - allowed));
    kept.removeIf(dropped::contains);
    return dropped;
  }

  static String fact(Question q) {
    return q.source().line() + "\u0000" + q.source().text();
  }

  private static String wording(Question q) {
    return q.prompt().strip().toLowerCase(Locale.ROOT);
  }

  private static int preference(Question q) {
    int at = PREFERENCE.indexOf(q.kind());
    return at < 0 ? PREFERENCE.size() : at;
  }
}
