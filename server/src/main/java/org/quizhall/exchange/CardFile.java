package org.quizhall.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.quizhall.deck.CardQuestions;
import org.quizhall.deck.QuestionRow;

/**
 * Flashcards as Quizlet and Anki export them: a front and a back per row, tab- or comma-separated,
 * no header row. Anki's header lines ({@code #separator:tab}, {@code #html:true}, {@code #tags
 * column:3}, …) say how to read the rows, and the columns they name for a note's type, deck, tags
 * or id are left out.
 */
final class CardFile {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(div|p|li)>");
  private static final Pattern SOUND = Pattern.compile("\\[sound:[^\\]]*]");

  private CardFile() {}

  static List<QuestionRow> read(List<Rows.Line> lines, AnkiHeaders headers, char separator) {
    Set<Integer> skipped = headers.columnsBesideFields();
    List<CardQuestions.Card> cards = new ArrayList<>(lines.size());
    for (Rows.Line line : lines) {
      List<String> sides = new ArrayList<>();
      for (int i = 0; i < line.cells().size(); i++) {
        if (!skipped.contains(i + 1)) {
          sides.add(headers.html() ? plain(line.cells().get(i)) : line.cells().get(i));
        }
      }
      while (sides.size() > 2 && sides.get(sides.size() - 1).isBlank()) {
        sides.remove(sides.size() - 1);
      }
      String between = separator == '\t' ? "a tab" : "\"" + separator + "\"";
      if (sides.size() < 2) {
        throw QuestionRow.invalid(
            line.row(), "a card is a front and a back with " + between + " between them.");
      }
      if (sides.size() > 2) {
        throw QuestionRow.invalid(
            line.row(),
            "this row has "
                + sides.size()
                + " cells, but a card has two, its"
                + " front and its back, with "
                + between
                + " between them"
                + (separator == '\t' ? "." : " (put a side that holds one in double quotes)."));
      }
      cards.add(new CardQuestions.Card(line.row(), sides.get(0), sides.get(1)));
    }
    return CardQuestions.questions(cards);
  }

  /** A field of Anki's HTML as the plain text it shows: tags and sounds left out, entities read. */
  static String plain(String html) {
    String text = TAG.matcher(LINE_BREAK.matcher(html).replaceAll(" ")).replaceAll("");
    text = SOUND.matcher(text).replaceAll("");
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = c == '&' ? text.indexOf(';', i) : -1;
      if (end > i && end - i <= 10) {
        String entity = entity(text.substring(i + 1, end));
        if (entity != null) {
          out.append(entity);
          i = end + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String entity(String name) {
    switch (name) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      case "nbsp":
        return " ";
      default:
        break;
    }
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return Character.toString(Integer.parseInt(name.substring(2), 16));
      }
      if (name.startsWith("#")) {
        return Character.toString(Integer.parseInt(name.substring(1)));
      }
    } catch (IllegalArgumentException notANumber) {
      // Not an entity: kept as written.
    }
    return null;
  }
}
