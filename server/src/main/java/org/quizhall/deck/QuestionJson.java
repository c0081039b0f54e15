package org.quizhall.deck;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of a question: the owner's (with its key, also the copy kept in the database),
 * the one players answer from (live rooms, practice, assignments, and anyone who may see the deck
 * but not its keys), and the key in that second shape, sent once an answer is in.
 */
public final class QuestionJson {

  private QuestionJson() {}

  /**
   * The whole question, key included: for the deck's owner and the database. {@code shuffle} is the
   * order players are served an ordering's items or a matching's matches in: with the key, since it
   * leads to it.
   */
  public static JsonObject toJson(Question question) {
    JsonObject json = head(question);
    switch (question.type()) {
      case TYPED -> json.put("accepted", new JsonArray(question.accepted()));
      case MULTIPLE_CHOICE, TRUE_FALSE ->
          json.put("options", new JsonArray(question.options())).put("correct", question.correct());
      case MULTIPLE_RESPONSE ->
          json.put("options", new JsonArray(question.options()))
              .put("correct", new JsonArray(question.keys()));
      case ORDERING ->
          json.put("items", new JsonArray(question.options()))
              .put("shuffle", new JsonArray(question.served()));
      case MATCHING -> {
        JsonArray pairs = new JsonArray();
        for (int i = 0; i < question.options().size(); i++) {
          pairs.add(
              new JsonObject()
                  .put("left", question.options().get(i))
                  .put("right", question.matches().get(i)));
        }
        json.put("pairs", pairs).put("shuffle", new JsonArray(question.served()));
      }
    }
    if (question.seconds() > 0) {
      json.put("seconds", question.seconds());
    }
    return json.put("explanation", question.explanation())
        .put("source", sourceJson(question.source()))
        .put("topic", question.topic())
        .put("context", new JsonArray(question.context()));
  }

  /**
   * A question as someone who is not the deck's owner sees it: what a player answers from, never
   * the key, the accepted answers, the explanation or the notes line, all of which give the answer
   * away.
   */
  public static JsonObject withoutKey(Question question) {
    return head(question)
        .mergeIn(askable(question))
        .put("topic", question.topicBeforeAnswer())
        .put("context", new JsonArray(question.context()));
  }

  /**
   * What a player answers from, and nothing more: {@code options} (and {@code choose} for multiple
   * response), the {@code items} to order in their served order, or the terms on the {@code left}
   * and their shuffled matches on the {@code right}. Typed questions have none of these.
   */
  public static JsonObject askable(Question question) {
    JsonObject json = new JsonObject();
    switch (question.type()) {
      case TYPED -> {}
      case MULTIPLE_CHOICE, TRUE_FALSE -> json.put("options", new JsonArray(question.options()));
      case MULTIPLE_RESPONSE ->
          json.put("options", new JsonArray(question.options()))
              .put("choose", question.keys().size());
      case ORDERING -> json.put("items", new JsonArray(question.servedTexts()));
      case MATCHING ->
          json.put("left", new JsonArray(question.options()))
              .put("right", new JsonArray(question.servedTexts()));
    }
    return json;
  }

  /**
   * The key in the shape of {@link #askable}: {@code correct} as an index (multiple choice,
   * true/false) or a list of indices (the others, in the served order), or {@code accepted} for
   * typed questions.
   */
  public static JsonObject key(Question question) {
    JsonObject json = new JsonObject();
    switch (question.type()) {
      case TYPED -> json.put("accepted", new JsonArray(question.accepted()));
      case MULTIPLE_CHOICE, TRUE_FALSE -> json.put("correct", question.correct());
      case MULTIPLE_RESPONSE, ORDERING, MATCHING ->
          json.put("correct", new JsonArray(question.keyChoices()));
    }
    return json;
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
    List<String> options = strings(json.getJsonArray("options"));
    int correct = -1;
    List<Integer> keys = List.of();
    List<String> matches = List.of();
    switch (type) {
      case MULTIPLE_CHOICE, TRUE_FALSE -> correct = json.getInteger("correct");
      case MULTIPLE_RESPONSE ->
          keys = json.getJsonArray("correct").stream().map(o -> ((Number) o).intValue()).toList();
      case ORDERING -> options = strings(json.getJsonArray("items"));
      case MATCHING -> {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (Object pair : json.getJsonArray("pairs")) {
          left.add(((JsonObject) pair).getString("left"));
          right.add(((JsonObject) pair).getString("right"));
        }
        options = left;
        matches = right;
      }
      case TYPED -> {}
    }
    return new Question(
        json.getString("id"),
        type,
        json.getString("kind"),
        json.getString("prompt"),
        options,
        correct,
        strings(json.getJsonArray("accepted")),
        json.getString("explanation"),
        new Source(
            source.getInteger("line"),
            source.getString("text"),
            strings(source.getJsonArray("path"))),
        json.getString("topic"),
        keys,
        matches,
        json.getJsonArray("shuffle") == null
            ? List.of()
            : json.getJsonArray("shuffle").stream().map(o -> ((Number) o).intValue()).toList(),
        json.getInteger("seconds", 0));
  }

  private static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    return array.stream().map(String::valueOf).toList();
  }
}
