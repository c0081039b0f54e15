package org.quizhall.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quizhall.deck.QuestionRow;

/** A file of questions or cards read as rows of cells, numbered as a spreadsheet numbers them. */
final class Rows {

  /** One row that is not blank: its number in the file (the first row is 1) and its cells. */
  record Line(int row, List<String> cells) {}

  /**
   * More cells than any row of questions or cards has; a row of more is refused before it is held
   * in memory.
   */
  static final int MAX_CELLS = 64;

  private Rows() {}

  /**
   * The rows of {@code text} that are not blank.
   *
   * @param quoted whether a cell may be quoted as RFC 4180 has it; Quizlet writes no quotes, so
   *     there a quote is text
   * @param first the number of the text's first row (header lines read before it come first)
   * @param limit the most rows read; a file of more is refused (413 {@code too_many_rows})
   */
  static List<Line> read(String text, char separator, boolean quoted, int first, int limit) {
    checkCells(text, separator, quoted, first);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(separator)
            .setQuote(quoted ? '"' : null)
            .setIgnoreEmptyLines(false)
            .get();
    List<Line> out = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          throw QuestionRow.invalid(
              first + (int) parser.getRecordNumber(),
              "a quoted cell is not closed, or text follows its closing quote (a quote inside a quoted cell is"
                  + " written twice).");
        }
        List<String> cells = record.toList();
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (out.size() == limit) {
          throw QuestionRow.tooMany();
        }
        out.add(new Line(first + (int) record.getRecordNumber() - 1, cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Refuses a row of more than {@link #MAX_CELLS} cells, counting separators outside quoted cells
   * the way the parser reads them: a parser holds a whole row in memory, and a row of a million
   * empty cells would cost far more than its few megabytes.
   */
  private static void checkCells(String text, char separator, boolean quoted, int first) {
    int row = first;
    int cells = 1;
    boolean inQuotes = false;
    boolean cellStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else {
            inQuotes = false;
          }
        }
        continue;
      }
      if (c == separator) {
        if (++cells > MAX_CELLS) {
          throw QuestionRow.invalid(row, "a row has at most " + MAX_CELLS + " cells.");
        }
        cellStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row++;
        cells = 1;
        cellStart = true;
      } else if (quoted && c == '"' && cellStart) {
        inQuotes = true;
        cellStart = false;
      } else {
        cellStart = false;
      }
    }
  }
}
