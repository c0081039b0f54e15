package org.quizhall.deck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.quizhall.notes.NotesImporter;

/**
 * Prints the quality measures of the decks made from notes files, one row a file: {@code java -cp
 * server/target/quizhall.jar org.quizhall.deck.QualityReport notes/*.md}.
 */
public final class QualityReport {

  private QualityReport() {}

  public static void main(String[] args) throws IOException {
    System.out.println(
        "| notes | questions | per content line | true/false | keyed False | most per fact"
            + " | repeated prompts | layout prompts | warnings | kinds |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (String arg : args) {
      Path file = Path.of(arg);
      String notes = Files.readString(file, StandardCharsets.UTF_8);
      DeckQuality q = DeckQuality.of(DeckGenerator.generate(NotesImporter.parse(notes), 1L), notes);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f | %d | %s | %d | %d | %d | %d | %s |%n",
          file.getFileName(),
          q.questions(),
          q.questionsPerContentLine(),
          q.trueFalse(),
          q.trueFalse() == 0 ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * q.falseShare()),
          q.mostPerFact(),
          q.repeatedPrompts(),
          q.layoutPrompts(),
          q.warnings(),
          q.kinds());
    }
  }
}
