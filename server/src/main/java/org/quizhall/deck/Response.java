package org.quizhall.deck;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.quizhall.problem.Problem;

/**
 * A player's answer as sent: exactly one of {@code choice} (multiple choice, true/false), {@code
 * text} (typed) or {@code choices} (multiple response, ordering, matching). {@link Judge} decides
 * whether it fits the question.
 */
public record Response(Integer choice, String text, List<Integer> choices) {

  /** More indices than any question has options, items or pairs. */
  public static final int MAX_CHOICES = 12;

  public Response {
    choices = choices == null ? null : List.copyOf(choices);
  }

  public static Response choice(int choice) {
    return new Response(choice, null, null);
  }

  public static Response text(String text) {
    return new Response(null, text, null);
  }

  public static Response choices(List<Integer> choices) {
    return new Response(null, null, choices);
  }

  /**
   * Reads an answer from a client message or request body: {@code choice}, {@code text} or {@code
   * choices}.
   *
   * @throws Problem when a field has the wrong type; which of them the question takes is {@link
   *     Judge}'s to say
   */
  public static Response from(JsonObject body) {
    Object choice = body.getValue("choice");
    if (choice != null && !isWhole(choice)) {
      throw Problem.invalid("invalid_field", "choice must be a whole number.");
    }
    Object text = body.getValue("text");
    if (text != null && !(text instanceof String)) {
      throw Problem.invalid("invalid_field", "text must be a string.");
    }
    if (text instanceof String s && s.indexOf(0) >= 0) {
      // PostgreSQL text cannot hold a NUL character: such an answer could be acknowledged but never
      // stored.
      throw Problem.invalid("invalid_field", "text must not contain a NUL character.");
    }
    Object list = body.getValue("choices");
    List<Integer> choices = null;
    if (list != null) {
      if (!(list instanceof JsonArray array) || array.size() > MAX_CHOICES) {
        throw Problem.invalid(
            "invalid_field",
            "choices must be a list of at most " + MAX_CHOICES + " whole numbers.");
      }
      choices = new ArrayList<>();
      for (Object item : array) {
        if (!isWhole(item)) {
          throw Problem.invalid("invalid_field", "choices must be a list of whole numbers.");
        }
        choices.add(((Number) item).intValue());
      }
    }
    int given = (choice == null ? 0 : 1) + (text == null ? 0 : 1) + (choices == null ? 0 : 1);
    if (given > 1) {
      throw Problem.invalid(
          "invalid_answer",
          "An answer has one of \"choice\", \"text\" or \"choices\", not several.");
    }
    return new Response(
        choice == null ? null : ((Number) choice).intValue(), (String) text, choices);
  }

  /** Writes the answer's one field into {@code json} (for checkpoints and resumed players). */
  public JsonObject into(JsonObject json) {
    if (choice != null) {
      json.put("choice", choice);
    } else if (text != null) {
      json.put("text", text);
    } else if (choices != null) {
      json.put("choices", new JsonArray(choices));
    }
    return json;
  }

  public JsonObject toJson() {
    return into(new JsonObject());
  }

  /** The chosen indices as an array for the database, or null. */
  public Integer[] choiceArray() {
    return choices == null ? null : choices.toArray(Integer[]::new);
  }

  private static boolean isWhole(Object value) {
    return value instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE;
  }
}
