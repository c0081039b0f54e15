package org.quizhall.deck;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The one JSON shape of a question, used by the API and for the copies kept in the database. */
public final class QuestionJson {

  private QuestionJson() {}

  public static JsonObject toJson(Question question) {
    JsonObject json = head(question);
    if (question.type() == QuestionType.TYPED) {
      json.put("accepted", new JsonArray(question.accepted()));
    } else {
      json.put("options", new JsonArray(question.options())).put("correct", question.correct());
    }
    return json.put("explanation", question.explanation())
        .put("source", sourceJson(question.source()))
        .put("topic", question.topic())
        .put("context", new JsonArray(question.context()));
  }

  /**
   * A question as someone who is not the deck's owner sees it: the prompt and options, never the key,
   * the accepted answers, the explanation or the notes line, all of which give the answer away.
   */
  public static JsonObject withoutKey(Question question) {
    JsonObject json = head(question);
    if (question.type() != QuestionType.TYPED) {
      json.put("options", new JsonArray(question.options()));
    }
    return json.put("topic", question.topicBeforeAnswer()).put("context", new JsonArray(question.context()));
  }

  /** What every view of a question starts with. */
  private static JsonObject head(Question question) {
    return new JsonObject()
        .put("id", question.id())
        .put("type", question.type().jsonName())
        .put("kind", question.kind())
        .put("prompt", question.prompt());
  }

  public static JsonObject sourceJson(Source source) {
    return new JsonObject()
        .put("line", source.line())
        .put("text", source.text())
        .put("path", new JsonArray(source.path()));
  }

  public static Question fromJson(JsonObject json) {
    QuestionType type = QuestionType.fromJsonName(json.getString("type"));
    JsonObject source = json.getJsonObject("source");
    return new Question(
        json.getString("id"),
        type,
        json.getString("kind"),
        json.getString("prompt"),
        strings(json.getJsonArray("options")),
        type == QuestionType.TYPED ? -1 : json.getInteger("correct"),
        strings(json.getJsonArray("accepted")),
        json.getString("explanation"),
        new Source(source.getInteger("line"), source.getString("text"), strings(source.getJsonArray("path"))),
        json.getString("topic"));
  }

  private static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    return array.stream().map(String::valueOf).toList();
  }
}
