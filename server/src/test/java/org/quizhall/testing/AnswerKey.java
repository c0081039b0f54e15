package org.quizhall.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.QuestionType;
import org.quizhall.game.Games;

/**
 * The answers to a deck's questions, read straight from the database (no client can read them from
 * the API any more), so that tests can answer a question right or wrong on purpose. A question is
 * found by its deck id (practice) or by the id a live room or assignment gave it on the wire.
 */
public final class AnswerKey {

  private final Pool pool;
  private final UUID deckId;
  private final Map<String, JsonObject> byId = new HashMap<>();

  public AnswerKey(Pool pool, String deckId) {
    this.pool = pool;
    this.deckId = UUID.fromString(deckId);
    load();
  }

  public JsonObject question(String id) {
    if (!byId.containsKey(id)) {
      load();
    }
    JsonObject question = byId.get(id);
    if (question == null) {
      throw new IllegalArgumentException("no question " + id + " in deck " + deckId);
    }
    return question;
  }

  /** The answer fields (without the index) for a question: the right one, or a wrong one. */
  public JsonObject answer(String questionId, boolean right) {
    return answerTo(question(questionId), right);
  }

  /**
   * The answer to the question at {@code position} of a game (a live room's or an assignment's).
   */
  public JsonObject answerAt(String gameId, int position, boolean right) {
    return answer(Games.questionId(UUID.fromString(gameId), position), right);
  }

  /** The answer fields for a question's body as the database keeps it. */
  public static JsonObject answerTo(JsonObject key, boolean right) {
    if (key.getString("type").equals("typed")) {
      return new JsonObject()
          .put("text", right ? key.getJsonArray("accepted").getString(0) : "definitely not it");
    }
    Question question = QuestionJson.fromJson(key);
    if (question.type().takesChoices()) {
      // The key in the order players are shown the items. A wrong answer is wholly wrong (no credit
      // at all):
      // options that are not keys, or the key turned one place round, which puts no item in its
      // place.
      List<Integer> choices = new ArrayList<>(question.keyChoices());
      if (!right && question.type() == QuestionType.MULTIPLE_RESPONSE) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < question.options().size() && wrong.size() < choices.size(); i++) {
          if (!choices.contains(i)) {
            wrong.add(i);
          }
        }
        choices = wrong;
      } else if (!right) {
        Collections.rotate(choices, 1);
      }
      return new JsonObject().put("choices", new JsonArray(choices));
    }
    int correct = key.getInteger("correct");
    JsonArray options = key.getJsonArray("options");
    return new JsonObject().put("choice", right ? correct : (correct + 1) % options.size());
  }

  private void load() {
    try {
      for (Row row :
          pool.preparedQuery("SELECT question_id, body FROM deck_questions WHERE deck_id = $1")
              .execute(Tuple.of(deckId))
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS)) {
        byId.put(row.getString("question_id"), (JsonObject) row.getValue("body"));
      }
      for (Row row :
          pool.preparedQuery(
                  "SELECT q.game_id, q.position, q.body FROM game_questions q JOIN games g ON g.id = q.game_id"
                      + " WHERE g.deck_id = $1")
              .execute(Tuple.of(deckId))
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS)) {
        byId.put(
            Games.questionId(row.getUUID("game_id"), row.getInteger("position")),
            (JsonObject) row.getValue("body"));
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the answer key of deck " + deckId, e);
    }
  }
}
