package org.quizhall.notes;

/** Thrown when notes exceed {@link NotesLimits}; the message says which limit and by how much. */
public final class NotesTooLargeException extends IllegalArgumentException {
  public NotesTooLargeException(String message) {
    super(message);
  }
}
