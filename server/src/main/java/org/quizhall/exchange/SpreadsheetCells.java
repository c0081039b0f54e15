package org.quizhall.exchange;

import java.util.regex.Pattern;

/**
 * Cells a spreadsheet shows as text. A cell that starts like a formula ({@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is written with a leading apostrophe, as OWASP
 * advises against CSV injection, so that a prompt such as {@code =HYPERLINK(...)} is never
 * evaluated; reading takes the apostrophe off again. A cell that already starts with apostrophes
 * before such a character gets one more, so that the two always undo each other.
 */
final class SpreadsheetCells {

  private static final Pattern FORMULA_LIKE = Pattern.compile("'*[=+\\-@\\t\\r]");

  private SpreadsheetCells() {}

  static String guard(String cell) {
    return cell != null && FORMULA_LIKE.matcher(cell).lookingAt() ? "'" + cell : cell;
  }

  static String unguard(String cell) {
    return cell.startsWith("'") && FORMULA_LIKE.matcher(cell).region(1, cell.length()).lookingAt()
        ? cell.substring(1)
        : cell;
  }
}
