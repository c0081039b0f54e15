package org.quizhall.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.RoundAssembler;

/**
 * The questions of one attempt: the exam's count shared over the blueprint's topics, each topic's
 * share drawn by the rules every round keeps (one question per notes line, none that shows
 * another's answer), then, if the exam says so, each choice question's options in an order of this
 * attempt's own.
 */
public final class ExamDraw {

  /**
   * What was drawn, and per topic how many the blueprint asked for and how many there were to give.
   */
  public record Drawn(
      List<Question> questions, Map<String, Integer> planned, Map<String, Integer> drawn) {}

  private ExamDraw() {}

  /**
   * @param blueprint the owner's, or null for the eligible questions' topics in proportion
   * @param kinds the kinds to draw from; empty for every kind
   */
  public static Drawn draw(
      List<Question> deck,
      int count,
      Blueprint blueprint,
      Set<String> kinds,
      boolean shuffle,
      long seed) {
    List<Question> eligible = eligible(deck, blueprint, kinds);
    Blueprint plan = blueprint != null ? blueprint : Blueprint.proportional(eligible);
    Map<String, Integer> planned = plan.apportion(count);
    List<Question> round = RoundAssembler.assemble(eligible, count, kinds, seed, planned);
    // The assembler's order (topics in turn) is kept: each domain is spread over the whole attempt.
    Map<String, Integer> drawn = new LinkedHashMap<>();
    planned.keySet().forEach(topic -> drawn.put(topic, 0));
    for (Question q : round) {
      drawn.merge(q.topic(), 1, Integer::sum);
    }
    return new Drawn(shuffle ? inOwnOrder(round, seed) : List.copyOf(round), planned, drawn);
  }

  /**
   * The questions with each choice question's options in an order drawn from {@code seed}: an
   * attempt's own, over questions drawn for it or for the group sitting it belongs to.
   */
  static List<Question> inOwnOrder(List<Question> questions, long seed) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<Question> out = new ArrayList<>();
    for (Question q : questions) {
      out.add(shuffled(q, random));
    }
    return List.copyOf(out);
  }

  /**
   * The questions an exam draws from: of its kinds, and in the topics its blueprint weighs above 0.
   * A blueprint names the domains the exam covers: a topic it weighs 0, or leaves out, gives no
   * question, even when the weighted ones run short.
   */
  static List<Question> eligible(List<Question> deck, Blueprint blueprint, Set<String> kinds) {
    Set<String> covered =
        blueprint == null
            ? null
            : blueprint.weights().stream()
                .filter(w -> w.weight() > 0)
                .map(Blueprint.Weight::topic)
                .collect(java.util.stream.Collectors.toSet());
    return deck.stream()
        .filter(q -> kinds.isEmpty() || kinds.contains(q.kind()))
        .filter(q -> covered == null || covered.contains(q.topic()))
        .toList();
  }

  /**
   * A choice question with its options in a new order and its key moved with them. True/false keeps
   * "True, False"; ordering and matching already show their items in an order drawn for them.
   */
  static Question shuffled(Question q, Random random) {
    if (q.type() != QuestionType.MULTIPLE_CHOICE && q.type() != QuestionType.MULTIPLE_RESPONSE) {
      return q;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < q.options().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<String> options = order.stream().map(q.options()::get).toList();
    int correct = q.type() == QuestionType.MULTIPLE_CHOICE ? order.indexOf(q.correct()) : -1;
    List<Integer> keys = q.keys().stream().map(order::indexOf).sorted().toList();
    return new Question(
        q.id(),
        q.type(),
        q.kind(),
        q.prompt(),
        options,
        correct,
        q.accepted(),
        q.explanation(),
        q.source(),
        q.topic(),
        keys,
        q.matches(),
        q.shuffle(),
        q.seconds());
  }
}
