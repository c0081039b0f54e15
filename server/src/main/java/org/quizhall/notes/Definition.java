package org.quizhall.notes;

/**
 * A term and its definition, with the syntax it was written in deciding which directions are fair
 * to ask.
 */
public record Definition(String term, String definition, CardStyle style) {

  /** Whether the definition may also be asked for its term (definition to term). */
  public boolean reversible() {
    return style != CardStyle.ONE_WAY && style != CardStyle.QUESTION_ANSWER;
  }
}
