package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizhall.notes.TopicNode;

/** Collects questions and remembers, per line, whether it yielded one or why not. */
final class Emitter {
  private final boolean strict;

  /**
   * @param strict whether a malformed question is an error (for tests of the generator) rather than
   *     a line left out
   */
  Emitter(boolean strict) {
    this.strict = strict;
  }

  final List<Question> questions = new ArrayList<>();
  final Set<TopicNode> covered = Collections.newSetFromMap(new IdentityHashMap<>());
  final Map<TopicNode, String> skipped = new IdentityHashMap<>();

  /**
   * Keeps a question, unless it came out malformed (two options reading the same, a blank one,
   * numbers among words): notes damaged in ways no rule foresaw must not put one before players.
   * The line is then reported with the reason, as a line that gave no question is.
   */
  void add(TopicNode node, Question q) {
    List<String> defects = QuestionRules.defects(q);
    if (!defects.isEmpty()) {
      if (strict) {
        throw new IllegalStateException(
            "line " + node.line() + ": " + defects + " in " + q.prompt() + " " + q.options());
      }
      skip(node, MALFORMED + " (" + defects.get(0) + ")");
      return;
    }
    if (QuestionRules.keyStandsOut(q)) {
      skip(node, "its answer is far longer than every wrong option, which gives it away");
      return;
    }
    questions.add(q);
    covered.add(node);
  }

  /** How a line whose question came out malformed is reported. */
  static final String MALFORMED = "its question came out malformed";

  void cover(TopicNode node) {
    covered.add(node);
  }

  void skip(TopicNode node, String reason) {
    skipped.putIfAbsent(node, reason);
  }
}
