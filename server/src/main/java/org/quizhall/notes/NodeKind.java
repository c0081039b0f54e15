package org.quizhall.notes;

/** What a line of notes turned out to be once its structure was inferred. */
public enum NodeKind {
  /** Document chrome or chapter title before the first real topic; never part of a path. */
  TITLE,
  HEADING,
  /** A full fact that can stand on its own. */
  STATEMENT,
  /** A short fragment that is neither a statement nor part of a list, e.g. "Consistency". */
  NOTE,
  /** A bullet that introduces the list items nested under it. */
  LIST_LEAD_IN,
  LIST_ITEM,
  /** A glossary or flashcard pair. */
  DEFINITION,
  /** A line with cloze deletions. */
  CLOZE,
  /** A table: its header cells in {@link TopicNode#cells()}, its rows as children. */
  TABLE,
  /** One row of a table: a thing (the first cell) and its attributes, one per column. */
  TABLE_ROW
}
