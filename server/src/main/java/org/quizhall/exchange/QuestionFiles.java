package org.quizhall.exchange;

import java.util.ArrayList;
import java.util.List;
import org.quizhall.deck.QuestionRow;

/**
 * Reads a file of questions into rows to import: Quizhall's own question CSV when its first row is
 * that file's header ({@link QuestionCsv}), else flashcards with a front and a back per row as
 * Quizlet and Anki export them ({@link CardFile}).
 */
public final class QuestionFiles {

  private QuestionFiles() {}

  /**
   * @param separator the separator the file's media type declares (a comma for text/csv, a tab for
   *     text/tab-separated-values), or null to tell from the file; Anki's {@code #separator} header
   *     and a header row of Quizhall's CSV written with another one win
   * @throws org.quizhall.problem.Problem 400 {@code invalid_row} naming the first row that cannot
   *     be read, 413 {@code too_many_rows}
   */
  public static List<QuestionRow> read(String file, Character separator) {
    String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
    AnkiHeaders headers = new AnkiHeaders();
    int at = 0;
    int row = 1;
    while (at < text.length() && text.charAt(at) == '#') {
      int end = lineEnd(text, at);
      if (!headers.read(text.substring(at, end), row)) {
        break;
      }
      at = next(text, end);
      row++;
    }
    String body = text.substring(at);
    String first = firstLine(body);
    Character own =
        ownSeparator(first, headers.separator() != null ? headers.separator() : separator);
    if (own != null) {
      return QuestionCsv.read(Rows.read(body, own, true, row, QuestionRow.MAX_ROWS + 1));
    }
    char cards =
        headers.separator() != null
            ? headers.separator()
            : separator != null && first.indexOf(separator) >= 0
                ? separator
                : first.indexOf('\t') >= 0 ? '\t' : separator != null ? separator : ',';
    // Quizlet writes no quotes, so in its tab-separated files a quote is text; Anki's export quotes
    // when it must.
    boolean quoted = headers.any() || cards != '\t';
    return CardFile.read(Rows.read(body, cards, quoted, row, QuestionRow.MAX_ROWS), headers, cards);
  }

  /**
   * The separator with which {@code line} is the header row of Quizhall's CSV, trying {@code
   * declared} first.
   */
  private static Character ownSeparator(String line, Character declared) {
    List<Character> candidates = new ArrayList<>();
    if (declared != null) {
      candidates.add(declared);
    }
    candidates.addAll(List.of(',', '\t', ';'));
    for (char c : candidates) {
      List<String> cells = new ArrayList<>();
      for (String cell : line.split(java.util.regex.Pattern.quote(String.valueOf(c)), -1)) {
        String stripped = cell.strip();
        cells.add(
            stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1)
                : stripped);
      }
      if (QuestionCsv.isHeader(cells)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The first line that is not blank; a header row is short, so a long line is none and is not
   * split here.
   */
  private static String firstLine(String text) {
    int at = 0;
    while (at < text.length()) {
      int end = lineEnd(text, at);
      if (end - at > HEADER_MAX) {
        return "";
      }
      if (!text.substring(at, end).isBlank()) {
        return text.substring(at, end);
      }
      at = next(text, end);
    }
    return "";
  }

  private static final int HEADER_MAX = 4096;

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int next(String text, int end) {
    if (end < text.length()
        && text.charAt(end) == '\r'
        && end + 1 < text.length()
        && text.charAt(end + 1) == '\n') {
      return end + 2;
    }
    return Math.min(text.length(), end + 1);
  }
}
