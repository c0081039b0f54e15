package org.quizhall.exchange;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizhall.deck.QuestionRow;

/**
 * The header lines Anki 2.1.54 and later writes at the top of a text export, {@code #key:value}
 * each, as far as they matter here: the separator, whether fields are HTML, and which columns hold
 * something other than the note's fields.
 */
final class AnkiHeaders {

  private static final Pattern LINE = Pattern.compile("#([A-Za-z ]{1,30}):(.*)");
  private static final Map<String, Character> SEPARATORS =
      Map.of("tab", '\t', "comma", ',', "semicolon", ';', "space", ' ', "pipe", '|', "colon", ':');
  private static final Set<String> OTHER_COLUMNS =
      Set.of("tags column", "guid column", "notetype column", "deck column");

  /** The keys Anki writes; any other "#word:" line is a card, such as "#1 hit: …", not a header. */
  private static final Set<String> KEYS =
      Set.of(
          "separator",
          "html",
          "tags",
          "columns",
          "notetype",
          "deck",
          "tags column",
          "guid column",
          "notetype column",
          "deck column");

  private Character separator;
  private boolean html;
  private final Set<Integer> otherColumns = new HashSet<>();
  private int lines;

  /** Reads one line if it is a header line; false (and nothing read) when it is not. */
  boolean read(String line, int row) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return false;
    }
    String key = m.group(1).strip().toLowerCase(Locale.ROOT);
    String value = m.group(2).strip();
    if (!KEYS.contains(key)) {
      return false;
    }
    if (key.equals("separator")) {
      separator = SEPARATORS.get(value.toLowerCase(Locale.ROOT));
      if (separator == null && value.length() == 1 && SEPARATORS.containsValue(value.charAt(0))) {
        separator = value.charAt(0);
      }
      if (separator == null) {
        throw QuestionRow.invalid(
            row, "the separator is one of tab, comma, semicolon, space, pipe or colon.");
      }
    } else if (key.equals("html")) {
      html = value.equalsIgnoreCase("true");
    } else if (OTHER_COLUMNS.contains(key)) {
      try {
        otherColumns.add(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        throw QuestionRow.invalid(row, "#" + key + " is the number of a column, such as 3.");
      }
    }
    lines++;
    return true;
  }

  /** The separator the headers name, or null. */
  Character separator() {
    return separator;
  }

  boolean html() {
    return html;
  }

  /** Whether any header line was read. */
  boolean any() {
    return lines > 0;
  }

  /**
   * The columns, 1 for the first, that hold a note's tags, id, type or deck rather than its fields.
   */
  Set<Integer> columnsBesideFields() {
    return otherColumns;
  }
}
