package org.quizhall.notes;

/** The flashcard or glossary syntax a definition came from. */
public enum CardStyle {
  /** {@code term :: definition}, asked term to definition. */
  ONE_WAY,
  /** {@code term ::: definition}, asked both ways. */
  TWO_WAY,
  /** {@code term: definition} glossary line. */
  GLOSSARY,
  /** {@code term ;; value}. */
  TERM_VALUE,
  /** {@code question >> answer}, asked as written. */
  QUESTION_ANSWER
}
