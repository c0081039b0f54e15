package org.quizhall.notes;

import org.quizhall.problem.Problem;

/** Size limits for pasted notes, shared by the HTTP layer and the importer. */
public final class NotesLimits {
  /** Largest accepted notes text, in UTF-8 bytes (1 MiB). */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Largest accepted number of lines. */
  public static final int MAX_LINES = 20_000;

  private NotesLimits() {}

  /** 413 {@code notes_too_large}, for notes of {@code bytes} UTF-8 bytes, however they came. */
  public static Problem tooLarge(long bytes) {
    return new Problem(
        Problem.Kind.TOO_LARGE,
        "notes_too_large",
        "Notes are at most 1 MiB; these are " + bytes + " bytes.");
  }
}
