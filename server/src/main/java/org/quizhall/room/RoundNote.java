package org.quizhall.room;

import io.vertx.core.json.JsonObject;

/**
 * What the people in a room are told about its round when there is something to tell: that it is a
 * review round of what the group missed, or that it has fewer questions than its host asked for,
 * and why.
 *
 * @param review a review (weak-spot) round: only questions the group has missed, worst first
 * @param requested how many questions the host asked for
 * @param questions how many the round has
 */
public record RoundNote(boolean review, int requested, int questions) {

  /** The note for a round, or null for a plain round that has every question asked for. */
  public static RoundNote of(boolean review, int requested, int questions) {
    return review || questions < requested ? new RoundNote(review, requested, questions) : null;
  }

  public boolean shorter() {
    return questions < requested;
  }

  /**
   * A line for the console and the lobby, e.g. "Review round: 4 questions on what the group missed
   * most".
   */
  public String title() {
    return review
        ? "Review round: " + count(questions) + " on what the group missed most"
        : "A round of " + count(questions);
  }

  /** Why the round is shorter than asked, or null when it is not. */
  public String why() {
    if (!shorter()) {
      return null;
    }
    return review
        ? "only " + count(questions) + " the group missed (" + requested + " asked for)"
        // The deck, the kinds chosen and a round's own rules (no fact asked twice, no question that
        // shows another's
        // answer) all bound it: what is true in every case is how many could be drawn.
        : "only "
            + count(questions)
            + " could be drawn without asking a fact twice ("
            + requested
            + " asked for)";
  }

  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("kind", review ? "review" : "plain")
            .put("requested", requested)
            .put("questions", questions)
            .put("title", title());
    String why = why();
    if (why != null) {
      json.put("why", why);
    }
    return json;
  }

  /** The note a checkpoint or an event-bus copy carries, or null. */
  public static RoundNote fromJson(JsonObject json) {
    return json == null
        ? null
        : new RoundNote(
            "review".equals(json.getString("kind")),
            json.getInteger("requested"),
            json.getInteger("questions"));
  }

  private static String count(int n) {
    return n + (n == 1 ? " question" : " questions");
  }
}
