package org.quizhall.exam;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quizhall.deck.Question;
import org.quizhall.problem.Problem;

/**
 * An exam's topic weights, as a certification's blueprint gives its domains ("Security 30%, Storage
 * 24%, …"), and how a number of questions is shared out over them: by largest remainder (Hamilton's
 * method), so that every topic gets the whole part of its share and the questions left over go to
 * the largest fractions.
 */
public record Blueprint(List<Weight> weights) {

  public static final int MAX_TOPICS = 100;

  /** One topic's weight; weights need not add up to anything, only their proportions count. */
  public record Weight(String topic, double weight) {}

  public Blueprint {
    weights = List.copyOf(weights);
  }

  /**
   * The deck's topics in proportion to how many questions each has, in the order they first appear.
   */
  public static Blueprint proportional(List<Question> questions) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Question q : questions) {
      counts.merge(q.topic(), 1, Integer::sum);
    }
    List<Weight> weights = new ArrayList<>();
    counts.forEach((topic, n) -> weights.add(new Weight(topic, n)));
    return new Blueprint(weights);
  }

  /**
   * How many of {@code count} questions each topic gets. Ties in the fractions go to the heavier
   * topic, then to the one listed first, so the same blueprint always gives the same shares.
   */
  public Map<String, Integer> apportion(int count) {
    double total = weights.stream().mapToDouble(Weight::weight).sum();
    Map<String, Integer> shares = new LinkedHashMap<>();
    if (total <= 0 || count <= 0) {
      weights.forEach(w -> shares.put(w.topic(), 0));
      return shares;
    }
    record Part(int index, Weight weight, double fraction) {}
    List<Part> parts = new ArrayList<>();
    int given = 0;
    for (int i = 0; i < weights.size(); i++) {
      Weight w = weights.get(i);
      double quota = count * w.weight() / total;
      int whole = (int) Math.floor(quota);
      shares.put(w.topic(), whole);
      given += whole;
      parts.add(new Part(i, w, quota - whole));
    }
    parts.sort(
        Comparator.comparingDouble(Part::fraction)
            .reversed()
            .thenComparing(Comparator.comparingDouble((Part p) -> p.weight().weight()).reversed())
            .thenComparingInt(Part::index));
    for (int i = 0; given < count; i++, given++) {
      String topic = parts.get(i % parts.size()).weight().topic();
      shares.merge(topic, 1, Integer::sum);
    }
    return shares;
  }

  public JsonArray toJson() {
    JsonArray out = new JsonArray();
    weights.forEach(
        w -> out.add(new JsonObject().put("topic", w.topic()).put("weight", w.weight())));
    return out;
  }

  /**
   * An owner's blueprint: {@code [{topic, weight}]}, each topic once, each one of the deck's,
   * weights from 0 to 1000 and not all 0.
   *
   * @throws Problem 400 {@code invalid_blueprint} naming what is wrong
   */
  public static Blueprint fromJson(Object value, List<String> deckTopics) {
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_TOPICS) {
      throw invalid("blueprint must be a list of 1 to " + MAX_TOPICS + " {topic, weight} entries.");
    }
    List<Weight> weights = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof JsonObject entry)
          || !(entry.getValue("topic") instanceof String topic)
          || !(entry.getValue("weight") instanceof Number weight)) {
        throw invalid("Each blueprint entry is {topic, weight}: a topic's name and a number.");
      }
      double w = weight.doubleValue();
      if (!Double.isFinite(w) || w < 0 || w > 1000) {
        throw invalid(
            "A topic's weight is a number from 0 to 1000 (\"" + topic + "\" has " + weight + ").");
      }
      if (!deckTopics.contains(topic)) {
        throw invalid("\"" + abbreviate(topic) + "\" is not one of the deck's topics.");
      }
      if (weights.stream().anyMatch(x -> Objects.equals(x.topic(), topic))) {
        throw invalid("\"" + abbreviate(topic) + "\" is in the blueprint twice.");
      }
      weights.add(new Weight(topic, w));
    }
    if (weights.stream().allMatch(w -> w.weight() == 0)) {
      throw invalid("At least one topic needs a weight above 0.");
    }
    return new Blueprint(weights);
  }

  public static Blueprint stored(JsonArray array) {
    List<Weight> weights = new ArrayList<>();
    for (Object item : array) {
      JsonObject entry = (JsonObject) item;
      weights.add(new Weight(entry.getString("topic"), entry.getDouble("weight")));
    }
    return new Blueprint(weights);
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static Problem invalid(String message) {
    return Problem.invalid("invalid_blueprint", message);
  }
}
