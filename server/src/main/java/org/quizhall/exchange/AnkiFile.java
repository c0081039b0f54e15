package org.quizhall.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizhall.deck.DeckQuestion;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionType;

/**
 * A deck as a text file Anki (2.1.54 and later) imports as Basic notes: tab-separated front, back,
 * tags and id, after header lines that tell Anki so ({@code #separator:tab}, {@code #html:false},
 * the deck, the tags and id columns). The front is the prompt with its options (lettered), its
 * items or its terms and matches; the back the answer as players are shown it, then the
 * explanation. The topic is the note's tag. Each note's id names the deck and the question, so
 * importing a newer export of the same deck updates the notes instead of adding them twice. A field
 * that holds a line break, a tab or a quote is quoted, which Anki reads. Only questions a round may
 * ask are written.
 */
public final class AnkiFile {

  private static final String LETTERS = "ABCDEFGH";

  private AnkiFile() {}

  public static String write(UUID deckId, String deckTitle, List<DeckQuestion> rows) {
    StringBuilder out = new StringBuilder();
    out.append("#separator:tab\n#html:false\n#deck:")
        .append(oneLine(deckTitle))
        .append("\n#tags column:3\n#guid column:4\n");
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter('\t').setRecordSeparator('\n').get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (DeckQuestion row : rows) {
        if (row.playable()) {
          Question q = row.question();
          printer.printRecord(
              front(q), back(q), tag(q.topic()), "quizhall-" + deckId + "-" + q.id());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** What the card asks: the prompt, and what a player chooses from in the order players see it. */
  static String front(Question q) {
    List<String> lines = new ArrayList<>();
    switch (q.type()) {
      case MULTIPLE_CHOICE, MULTIPLE_RESPONSE -> lines.addAll(lettered(q.options()));
      case ORDERING -> q.servedTexts().forEach(item -> lines.add("- " + item));
      case MATCHING -> {
        for (int i = 0; i < q.options().size(); i++) {
          lines.add((i + 1) + ". " + q.options().get(i));
        }
        lines.add("");
        lines.addAll(lettered(q.servedTexts()));
      }
      case TRUE_FALSE, TYPED -> {}
    }
    return lines.isEmpty() ? q.prompt() : q.prompt() + "\n\n" + String.join("\n", lines);
  }

  /** The answer, as the front letters and numbers it, then the explanation. */
  static String back(Question q) {
    List<String> lines = new ArrayList<>();
    switch (q.type()) {
      case MULTIPLE_CHOICE, TRUE_FALSE ->
          lines.add(
              q.type() == QuestionType.TRUE_FALSE
                  ? q.answer()
                  : LETTERS.charAt(q.correct()) + ". " + q.answer());
      case MULTIPLE_RESPONSE ->
          q.keys().forEach(k -> lines.add(LETTERS.charAt(k) + ". " + q.options().get(k)));
      case TYPED -> {
        lines.add(q.accepted().get(0));
        if (q.accepted().size() > 1) {
          lines.add(
              "(also accepted: "
                  + String.join("; ", q.accepted().subList(1, q.accepted().size()))
                  + ")");
        }
      }
      case ORDERING -> {
        for (int i = 0; i < q.options().size(); i++) {
          lines.add((i + 1) + ". " + q.options().get(i));
        }
      }
      case MATCHING -> {
        for (int i = 0; i < q.options().size(); i++) {
          lines.add((i + 1) + ". " + q.options().get(i) + " → " + q.matches().get(i));
        }
      }
    }
    String answer = String.join("\n", lines);
    return q.explanation().isBlank() ? answer : answer + "\n\n" + q.explanation();
  }

  private static List<String> lettered(List<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(LETTERS.charAt(i) + ". " + texts.get(i));
    }
    return out;
  }

  /**
   * A topic as one Anki tag: tags are separated by spaces, so spaces inside one become underscores.
   */
  static String tag(String topic) {
    return topic == null ? "" : oneLine(topic).replace(' ', '_');
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
