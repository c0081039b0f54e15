package org.quizhall.deck;

/** How a question is answered. */
public enum QuestionType {
    MULTIPLE_CHOICE("multiple_choice"),
    TRUE_FALSE("true_false"),
    TYPED("typed");

    private final String jsonName;

    QuestionType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the API: "multiple_choice", "true_false", "typed". */
    public String jsonName() {
        return jsonName;
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
