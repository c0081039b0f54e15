package org.quizhall.deck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Picks the questions for one round: spread across topics and kinds in turn, at most one question
 * per source line, no repeated ids, optionally only some kinds.
 */
public final class RoundAssembler {

  /**
   * Kinds whose questions ask to order, match, choose several, compare or apply, not to recall one
   * line.
   */
  static final Set<String> UNDERSTANDING =
      Set.of(
          OrderingQuestions.KIND,
          MatchingQuestions.KIND,
          ListQuestions.CHOOSE_TWO,
          ScenarioQuestions.COMPARISON,
          ScenarioQuestions.SCENARIO,
          ListQuestions.ODD);

  /**
   * Among the kinds that test understanding, those that ask to apply or compare (which topic fits a
   * need, which is true of one thing rather than another), not to recognise the members of a list
   * or a sequence.
   */
  static final Set<String> APPLYING =
      Set.of(ScenarioQuestions.SCENARIO, ScenarioQuestions.COMPARISON);

  /**
   * A round holds at most one true/false question in this many while questions of other kinds
   * remain.
   */
  static final int TRUE_FALSE_SHARE = 6;

  /** A round asks at most this many questions about one column of one table. */
  static final int PER_COLUMN = 2;

  /** An ordering of fewer steps than this is held back like true/false. */
  static final int FEW_STEPS = 4;

  private RoundAssembler() {}

  /**
   * @param kinds kinds to draw from; empty means all
   * @return at most {@code n} questions, fewer if the pool runs out of distinct source lines
   */
  public static List<Question> assemble(List<Question> pool, int n, Set<String> kinds, long seed) {
    return assemble(pool, n, kinds, seed, null);
  }

  /**
   * The same, with at most {@code quotas.get(topic)} questions from each topic (an exam's
   * blueprint) while any topic under its quota still has a question to give; only then are the rest
   * drawn from whichever topics have some.
   *
   * @param quotas questions wanted from each topic; null for no quotas
   */
  public static List<Question> assemble(
      List<Question> pool, int n, Set<String> kinds, long seed, Map<String, Integer> quotas) {
    if (n <= 0 || pool.isEmpty()) {
      return List.of();
    }
    Random random = new Random(seed);
    List<Question> candidates = new ArrayList<>();
    for (Question q : pool) {
      if (kinds == null || kinds.isEmpty() || kinds.contains(q.kind())) {
        candidates.add(q);
      }
    }
    Collections.shuffle(candidates, random);
    Map<String, Map<String, Deque<Question>>> byTopicAndKind = new LinkedHashMap<>();
    for (Question q : candidates) {
      byTopicAndKind
          .computeIfAbsent(q.topic(), t -> new LinkedHashMap<>())
          .computeIfAbsent(q.kind(), k -> new ArrayDeque<>())
          .add(q);
    }
    List<String> topics = new ArrayList<>(byTopicAndKind.keySet());
    Collections.shuffle(topics, random);
    Map<String, Integer> kindCounts = new LinkedHashMap<>();
    Set<String> usedIds = new HashSet<>();
    Set<String> usedLines = new HashSet<>();
    Map<String, Integer> columnCounts = new HashMap<>();
    List<Question> round = new ArrayList<>();
    int trueAnswers = 0;
    int falseAnswers = 0;
    Map<String, Integer> perTopic = new HashMap<>();
    boolean progress = true;
    // True/false is the weakest form: half is guessed, and certification exams do not use it. It
    // takes at most
    // one question in six while other kinds remain, and the rest of the round only when nothing
    // else does.
    boolean capTrueFalse = true;
    // A blueprint's quotas give way last: a topic short of questions takes true/false before its
    // share goes to
    // another topic.
    boolean holdQuotas = quotas != null;
    while (round.size() < n && (progress || capTrueFalse || holdQuotas)) {
      if (!progress) {
        if (capTrueFalse) {
          capTrueFalse = false;
        } else {
          holdQuotas = false;
        }
      }
      progress = false;
      for (String topic : topics) {
        if (round.size() == n) {
          break;
        }
        if (holdQuotas && perTopic.getOrDefault(topic, 0) >= quotas.getOrDefault(topic, 0)) {
          continue;
        }
        int trueFalse = trueAnswers + falseAnswers;
        boolean trueFalseAllowed =
            !capTrueFalse || (trueFalse + 1) * TRUE_FALSE_SHARE <= round.size() + 1;
        Question q =
            next(
                byTopicAndKind.get(topic),
                kindCounts,
                usedIds,
                usedLines,
                trueAnswers - falseAnswers,
                round,
                columnCounts,
                trueFalseAllowed,
                !capTrueFalse);
        if (q != null) {
          round.add(q);
          perTopic.merge(topic, 1, Integer::sum);
          String column = tableColumn(q);
          if (column != null) {
            columnCounts.merge(column, 1, Integer::sum);
          }
          usedIds.add(q.id());
          usedLines.add(factKey(q));
          kindCounts.merge(q.kind(), 1, Integer::sum);
          if (q.type() == QuestionType.TRUE_FALSE) {
            if (q.correct() == 0) {
              trueAnswers++;
            } else {
              falseAnswers++;
            }
          }
          progress = true;
        }
      }
    }
    return round;
  }

  /**
   * From one topic, a question of the kind used least so far in the round. True/false answers are
   * kept within one of each other: notes state far more true facts than can safely be falsified,
   * and a round of mostly "True" is guessable.
   */
  private static Question next(
      Map<String, Deque<Question>> kinds,
      Map<String, Integer> kindCounts,
      Set<String> usedIds,
      Set<String> usedLines,
      int trueLead,
      List<Question> round,
      Map<String, Integer> columnCounts,
      boolean trueFalseAllowed,
      boolean lastResort) {
    List<String> order = new ArrayList<>(kinds.keySet());
    // While those that ask to apply or compare (comparison, scenario) are under a quarter of the
    // round they come first, even once the kinds that test more than recall of one line are at
    // their third; then, while those (ordering, matching, choose two, comparison, scenario, odd one
    // out) are under a third of the round, they come next; then the least used kind.
    long understanding = round.stream().filter(r -> UNDERSTANDING.contains(r.kind())).count();
    long applying = round.stream().filter(r -> APPLYING.contains(r.kind())).count();
    boolean wantMore = understanding * 3 < round.size() + 1;
    boolean wantApplying = applying * 4 < round.size() + 1;
    order.sort(
        java.util.Comparator.<String>comparingInt(
                k ->
                    wantApplying && APPLYING.contains(k)
                        ? 0
                        : wantMore && UNDERSTANDING.contains(k) ? 1 : 2)
            .thenComparingInt(k -> kindCounts.getOrDefault(k, 0)));
    for (String kind : order) {
      Deque<Question> queue = kinds.get(kind);
      for (java.util.Iterator<Question> it = queue.iterator(); it.hasNext(); ) {
        Question q = it.next();
        if (usedIds.contains(q.id()) || usedLines.contains(factKey(q))) {
          it.remove();
          continue;
        }
        if (round.stream().anyMatch(r -> overlaps(q, r))) {
          // The round only grows, so a question it overlaps now it overlaps for good.
          it.remove();
          continue;
        }
        String column = lastResort ? null : tableColumn(q);
        if (column != null && columnCounts.getOrDefault(column, 0) >= PER_COLUMN) {
          // Eight planets' order from the Sun, one after another, is one fact drilled, not a round;
          // a deck
          // that is mostly one table still fills its round once little else is left.
          continue;
        }
        if (q.type() == QuestionType.ORDERING && q.options().size() < FEW_STEPS && !lastResort) {
          // Three steps ("Build, Train, Deploy") are often put in order by common sense: a round
          // takes
          // them only as it takes true/false, when little else is left.
          continue;
        }
        if (q.type() == QuestionType.TRUE_FALSE && !trueFalseAllowed) {
          // The kind's other questions may be choices ("comparison" holds both).
          continue;
        }
        boolean balanced =
            q.type() != QuestionType.TRUE_FALSE
                || (q.correct() == 0 ? trueLead < 1 : trueLead > -1);
        if (balanced) {
          it.remove();
          return q;
        }
      }
    }
    return null;
  }

  /**
   * Whether one of two questions shows what the other asks: a question over a whole list or table
   * (choose two, ordering, matching, odd one out) prints its members, so a round holding it cannot
   * also ask for one of them.
   */
  static boolean overlaps(Question a, Question b) {
    if (sameMeasure(a, b)) {
      // "Max timeout can be set is 900 seconds" and "Lambda has a 900 seconds timeout limit": two
      // lines of one topic stating one measure are one fact, and the first question's reveal
      // answers the second.
      return true;
    }
    if (LISTS.contains(a.kind()) && LISTS.contains(b.kind()) && listOf(a).equals(listOf(b))) {
      // A choose two of Data Pipeline's destinations shows, once revealed, that SQS and SNS are
      // none, which leaves "Which of these is one of the destinations?" to elimination.
      return true;
    }
    if (fromTable(a) && fromTable(b) && a.source().path().equals(b.source().path())) {
      if (sameAs(a, b) || sameAs(b, a)) {
        return true;
      }
      // Questions over different columns of one table ("in group 1", "the highest atomic number", a
      // symbol)
      // show the same names and give nothing of each other away; an ordering gives away any
      // comparison.
      if (orders(a, b) || orders(b, a)) {
        return true;
      }
      if (!a.kind().equals(b.kind())
          && a.type() != QuestionType.MULTIPLE_RESPONSE
          && b.type() != QuestionType.MULTIPLE_RESPONSE) {
        return false;
      }
    }
    return shows(a, b) || shows(b, a);
  }

  /**
   * Whether {@code shown} shows the answer of {@code other}, a question from the same table: an
   * ordering of its rows by a column ("Put these planets in their order from the Sun") shows, once
   * revealed, the place of each row it lists; "the same type as Earth" shows the type of each row
   * it offers, and a choose two over the table the category of its keys.
   */
  private static boolean sameAs(Question shown, Question other) {
    boolean ordering = shown.type() == QuestionType.ORDERING;
    if (!ordering && !shown.kind().equals(ScenarioQuestions.COMPARISON)) {
      return false;
    }
    int cells = shown.source().text().split(" \\| ").length;
    for (int c = 1; c < cells; c++) {
      boolean named =
          ordering
              ? QuestionFactory.isNamed(
                  shown.id(), OrderingQuestions.KIND, "column:" + c, shown.source().text())
              : QuestionFactory.isNamed(
                  shown.id(),
                  ScenarioQuestions.COMPARISON,
                  TableComparisons.sameAsVariant(c),
                  shown.source().text());
      if (!named) {
        continue;
      }
      if (!ordering && other.type() == QuestionType.MULTIPLE_RESPONSE) {
        return true;
      }
      String column = tableColumn(other);
      if (column == null || !column.endsWith("\u0000" + c)) {
        return false;
      }
      // "What type of planet is Mars?" is given away by an option of "the same type as Earth", or
      // by its prompt; a question about a row it does not show is not.
      String row = other.source().text().split(" \\| ", 2)[0].strip();
      return shown.options().stream().anyMatch(o -> NotesIndex.norm(o).equals(NotesIndex.norm(row)))
          || NotesIndex.mentions(shown.prompt(), row);
    }
    return false;
  }

  /** Whether two questions' lines, under one topic, state the same measure ("900 seconds"). */
  private static boolean sameMeasure(Question a, Question b) {
    if (a.topic() == null
        || !a.topic().equals(b.topic())
        || a.source().line() == b.source().line()
        || a.source().line() < 1
        || b.source().line() < 1) {
      return false;
    }
    java.util.Set<String> measures = new java.util.HashSet<>();
    for (NumberMention m : NumberMention.find(a.source().text())) {
      // "1789" is a date (a year without a unit written), and events of one year are different
      // facts; "7 years" is a measure.
      if (m.unit() != null && !m.unit().isBlank() && !isDate(m)) {
        measures.add(m.value().stripTrailingZeros().toPlainString() + " " + m.unit());
      }
    }
    if (measures.isEmpty()) {
      return false;
    }
    for (NumberMention m : NumberMention.find(b.source().text())) {
      if (m.unit() != null
          && !isDate(m)
          && measures.contains(m.value().stripTrailingZeros().toPlainString() + " " + m.unit())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDate(NumberMention m) {
    return m.unit().equals("year") && (m.unitRaw() == null || m.unitRaw().isEmpty());
  }

  private static boolean fromTable(Question q) {
    return q.source().text().contains(" | ");
  }

  private static boolean orders(Question ordering, Question other) {
    return ordering.type() == QuestionType.ORDERING
        && other.kind().equals(ScenarioQuestions.COMPARISON);
  }

  private static boolean shows(Question group, Question other) {
    if (!isGroup(group)) {
      return false;
    }
    List<String> shown = new ArrayList<>(group.options());
    shown.addAll(group.matches());
    boolean sameTopic = java.util.Objects.equals(group.topic(), other.topic());
    List<String> asked =
        new ArrayList<>(
            other.type() == QuestionType.TRUE_FALSE || !sameTopic ? List.of() : keyTexts(other));
    if (!other.source().text().contains(" | ")) {
      // A table row names its thing beside every attribute: a question over other rows that shows
      // "Lithium"
      // gives away what is asked of Lithium only if it shows the key, or names its group among the
      // options.
      asked.add(other.source().text());
    } else if (group.type() == QuestionType.MULTIPLE_RESPONSE
        && other.kind().equals(TableQuestions.KIND)) {
      asked.add(other.source().text().split(" \\| ", 2)[0].strip());
    }
    for (String s : shown) {
      for (String a : asked) {
        if (!a.isBlank() && NotesIndex.mentions(s, a)) {
          return true;
        }
        // "First normal form" ⇒ "Requires atomic column values" is the line a true/false states.
        if (group.type() == QuestionType.MATCHING
            && s.length() > 3
            && NotesIndex.mentions(a, s)
            && a.equals(other.source().text())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isGroup(Question q) {
    return q.type().takesChoices() || q.kind().equals(ListQuestions.ODD);
  }

  private static List<String> keyTexts(Question q) {
    return switch (q.type()) {
      case TYPED -> q.accepted();
      case MULTIPLE_CHOICE, TRUE_FALSE -> List.of(q.answer());
      case MULTIPLE_RESPONSE -> q.keys().stream().map(q.options()::get).toList();
      case ORDERING, MATCHING -> List.of();
    };
  }

  /**
   * For a question about one cell of a table row, the table and the column it asks about ("What is
   * Saturn’s order from the Sun?" and "Which planet’s order from the Sun is 8?" ask the same
   * column); null for any other.
   */
  static String tableColumn(Question q) {
    if (!q.kind().equals(TableQuestions.KIND) || q.type() != QuestionType.MULTIPLE_CHOICE) {
      return null;
    }
    String[] cells = q.source().text().split(" \\| ");
    String answer = NotesIndex.norm(q.answer());
    int column = -1;
    // The generator names a table question by its column ("cell:2", "owner:2"): exact even when two
    // cells of the
    // row read the same (Hydrogen's atomic number and group are both 1). A question edited by hand
    // keeps its id.
    for (int c = 1; c < cells.length && column < 0; c++) {
      if (QuestionFactory.isNamed(q.id(), TableQuestions.KIND, "cell:" + c, q.source().text())
          || QuestionFactory.isNamed(
              q.id(), TableQuestions.KIND, "owner:" + c, q.source().text())) {
        column = c;
      }
    }
    if (column >= 0) {
      return String.join(" › ", q.source().path()) + "\u0000" + column;
    }
    if (answer.equals(NotesIndex.norm(cells[0].strip()))) {
      // The row is the answer: the column is the one whose cell the prompt ends with.
      String prompt = q.prompt().strip();
      for (int c = 1; c < cells.length && column < 0; c++) {
        String cell = cells[c].strip();
        if (!cell.isEmpty()
            && (prompt.endsWith(" " + cell + "?") || prompt.contains("“" + cell + "”"))) {
          column = c;
        }
      }
    } else {
      for (int c = 1; c < cells.length && column < 0; c++) {
        if (NotesIndex.norm(cells[c].strip()).equals(answer)) {
          column = c;
        }
      }
    }
    return column < 0 ? null : String.join(" › ", q.source().path()) + "\u0000" + column;
  }

  /**
   * The fact (notes line) a question asks about, as rounds and exams count them: a question written
   * by hand stands for itself.
   */
  /** Kinds that ask about the members of one list. */
  private static final Set<String> LISTS =
      Set.of(ListQuestions.MEMBER, ListQuestions.CHOOSE_TWO, ListQuestions.ODD);

  /**
   * The list a list question asks about, as the path of its lead-in: a member's source is the
   * member under it, a question over the list is sourced at the lead-in itself.
   */
  static List<String> listOf(Question q) {
    List<String> path = q.source().path();
    if (q.kind().equals(ListQuestions.MEMBER)
        || !path.isEmpty() && path.get(path.size() - 1).equals(q.source().text())) {
      return path;
    }
    List<String> out = new ArrayList<>(path);
    out.add(q.source().text());
    return out;
  }

  public static String factKey(Question q) {
    if (q.source().line() < 1) {
      return "\u0000" + q.id();
    }
    return q.source().line() + "\u0000" + q.source().text();
  }
}
