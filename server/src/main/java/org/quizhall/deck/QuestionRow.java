package org.quizhall.deck;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.quizhall.problem.Problem;

/**
 * One question read from a file, before it is checked: the owner's JSON shape of {@link
 * QuestionDraft}, the row of the file it came from (to name it when it is refused), and whether it
 * was hidden where it was exported from.
 */
public record QuestionRow(int row, JsonObject question, boolean hidden) {

  /** At most this many questions in one import: a file of more is refused, not read on. */
  public static final int MAX_ROWS = 2_000;

  /**
   * The one error for a row that cannot become a question: 400 {@code invalid_row} naming the row
   * and why.
   */
  public static Problem invalid(int row, String why) {
    return Problem.invalid(
        "invalid_row",
        "Row " + row + ": " + Character.toUpperCase(why.charAt(0)) + why.substring(1));
  }

  /** 413 {@code too_many_rows}. */
  public static Problem tooMany() {
    return new Problem(
        Problem.Kind.TOO_LARGE,
        "too_many_rows",
        "One import holds at most "
            + String.format(Locale.ROOT, "%,d", MAX_ROWS)
            + " questions; this file has more: split it into smaller files.");
  }
}
