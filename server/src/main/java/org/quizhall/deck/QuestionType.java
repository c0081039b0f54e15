package org.quizhall.deck;

/** How a question is answered. */
public enum QuestionType {
  MULTIPLE_CHOICE("multiple_choice"),
  TRUE_FALSE("true_false"),
  TYPED("typed"),
  /** Several options are right; the player picks exactly as many as the prompt says. */
  MULTIPLE_RESPONSE("multiple_response"),
  /** Items to put in their order (steps, a timeline, layers). */
  ORDERING("ordering"),
  /** Terms to pair with their matches. */
  MATCHING("matching");

  private final String jsonName;

  QuestionType(String jsonName) {
    this.jsonName = jsonName;
  }

  /**
   * The name used in the API: "multiple_choice", "true_false", "typed", "multiple_response",
   * "ordering", "matching".
   */
  public String jsonName() {
    return jsonName;
  }

  /** Whether the player answers with a list of indices ({@link Response#choices()}). */
  public boolean takesChoices() {
    return this == MULTIPLE_RESPONSE || this == ORDERING || this == MATCHING;
  }

  public static QuestionType fromJsonName(String name) {
    for (QuestionType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown question type: " + name);
  }
}
