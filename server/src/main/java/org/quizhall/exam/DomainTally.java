package org.quizhall.exam;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Questions right over questions asked, per domain (topic), in the order the exam's blueprint
 * planned them: one attempt's for its report, or every attempt's of a group sitting for the group.
 */
final class DomainTally {

  private final Map<String, int[]> tally = new LinkedHashMap<>();

  /** The domains of an attempt's or a sitting's settings, in the blueprint's order. */
  DomainTally(JsonObject settings) {
    for (Object item : settings.getJsonArray("blueprint", new JsonArray())) {
      tally.put(((JsonObject) item).getString("topic"), new int[2]);
    }
  }

  void add(String topic, int right, int asked) {
    int[] t = tally.computeIfAbsent(topic, key -> new int[2]);
    t[0] += right;
    t[1] += asked;
  }

  /** {@code [{topic, correct, total, percent}]} for each domain asked at all. */
  JsonArray toJson() {
    JsonArray out = new JsonArray();
    tally.forEach(
        (topic, t) -> {
          if (t[1] > 0) {
            out.add(
                new JsonObject()
                    .put("topic", topic)
                    .put("correct", t[0])
                    .put("total", t[1])
                    .put("percent", Math.floor(1000.0 * t[0] / t[1]) / 10));
          }
        });
    return out;
  }
}
