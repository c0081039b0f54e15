package org.quizhall.group;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.Question;
import org.quizhall.game.GameHistory;

/**
 * The group's weak spots in a deck: the questions its members missed most in the group's earlier
 * games, spread across topics, with the group's accuracy on each so the reveal can show it.
 */
public final class WeakSpots {

  /** The questions to ask and the group's earlier accuracy on each (0 to 1). */
  public record Round(List<Question> questions, Map<String, Double> accuracy) {}

  private final GameHistory history;

  public WeakSpots(GameHistory history) {
    this.history = history;
  }

  public Future<Round> pick(UUID groupId, List<Question> deck, int count) {
    return history.groupAccuracy(groupId).map(accuracy -> balance(deck, accuracy, count));
  }

  /** Missed questions only, worst first within each topic, topics taken in turn. */
  static Round balance(List<Question> deck, Map<String, Double> accuracy, int count) {
    Map<String, List<Question>> byTopic = new LinkedHashMap<>();
    for (Question question : deck) {
      Double rate = accuracy.get(question.id());
      if (rate != null && rate < 1.0) {
        byTopic
            .computeIfAbsent(String.valueOf(question.topic()), t -> new ArrayList<>())
            .add(question);
      }
    }
    List<Deque<Question>> queues = new ArrayList<>();
    byTopic.values().stream()
        .map(
            list -> {
              list.sort(
                  java.util.Comparator.comparingDouble((Question q) -> accuracy.get(q.id()))
                      .thenComparing(Question::id));
              return new ArrayDeque<>(list);
            })
        .sorted(
            java.util.Comparator.comparingDouble(
                (Deque<Question> q) -> accuracy.get(q.peekFirst().id())))
        .forEach(queues::add);
    List<Question> picked = new ArrayList<>();
    java.util.Set<Integer> lines = new java.util.HashSet<>();
    boolean progress = true;
    while (picked.size() < count && progress) {
      progress = false;
      for (Deque<Question> queue : queues) {
        while (!queue.isEmpty() && picked.size() < count) {
          Question next = queue.pollFirst();
          if (lines.add(next.source().line())) {
            picked.add(next);
            progress = true;
            break;
          }
        }
      }
    }
    Map<String, Double> shown = new HashMap<>();
    picked.forEach(q -> shown.put(q.id(), accuracy.get(q.id())));
    return new Round(picked, shown);
  }
}
