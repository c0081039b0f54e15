package org.quizhall.deck;

import java.time.Instant;

/**
 * A question as its deck's owner edits it: the question, where it came from, and whether a round
 * may ask it.
 *
 * @param origin who wrote it
 * @param hidden the owner took it out of play; it can be restored
 * @param fact the notes it was made from (its line and the lines under it), null for a question
 *     written by hand
 * @param original for an edited question, the generator's version it was edited from; null
 *     otherwise
 * @param review set when a re-import changed or removed the fact an edit was made from; null
 *     otherwise
 * @param editedAt when the owner last changed it; null for a question as generated
 */
public record DeckQuestion(
    Question question,
    Origin origin,
    boolean hidden,
    String fact,
    Question original,
    Review review,
    Instant editedAt) {

  /** Who wrote a question. */
  public enum Origin {
    GENERATED,
    EDITED,
    ADDED;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Origin fromJsonName(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * Why an edited question waits for its owner after a re-import.
   *
   * @param reason {@code changed} (the fact's line reads differently now) or {@code gone} (no such
   *     line remains)
   * @param old the fact the edit was made from
   * @param now the fact as the notes now have it; null when gone
   * @param line the line it is on now; 0 when gone
   */
  public record Review(String reason, String old, String now, int line) {}

  /** Whether a round, practice or an assignment may ask it. */
  public boolean playable() {
    return !hidden && review == null;
  }

  public String id() {
    return question.id();
  }

  DeckQuestion withHidden(boolean hide) {
    return new DeckQuestion(question, origin, hide, fact, original, review, editedAt);
  }

  static DeckQuestion generated(Question question, String fact) {
    return new DeckQuestion(question, Origin.GENERATED, false, fact, null, null, null);
  }
}
