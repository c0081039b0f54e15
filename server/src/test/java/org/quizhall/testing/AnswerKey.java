package org.quizhall.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The answers to a deck's questions, read from its questions endpoint, so that tests can answer a
 * live question right or wrong on purpose.
 */
public final class AnswerKey {

  private final Map<String, JsonObject> byId = new HashMap<>();

  public AnswerKey(Api api, String deckId, String token) {
    for (Object question : api.get("/api/decks/" + deckId + "/questions", token).bodyAsJsonArray()) {
      byId.put(((JsonObject) question).getString("id"), (JsonObject) question);
    }
  }

  public JsonObject question(String id) {
    return byId.get(id);
  }

  /** The answer fields (without the index) for a question: the right one, or a wrong one. */
  public JsonObject answer(String questionId, boolean right) {
    JsonObject key = byId.get(questionId);
    if (key.getString("type").equals("typed")) {
      return new JsonObject().put("text", right ? key.getJsonArray("accepted").getString(0) : "definitely not it");
    }
    int correct = key.getInteger("correct");
    JsonArray options = key.getJsonArray("options");
    return new JsonObject().put("choice", right ? correct : (correct + 1) % options.size());
  }
}
