package org.quizhall.deck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

/**
 * Renders rounds from the quality corpus as text: 40 questions of the sample notes and a few from
 * each other notes file. {@link SampleSnapshotTest} compares it with the reviewed file, in which
 * every item carries a verdict; run this main to print a fresh rendering for review after a
 * deliberate generator change.
 */
public final class SampleSnapshot {

  static final long DECK_SEED = 2024L;
  static final long ROUND_SEED = 7L;

  /** The notes and how many questions each gives to the reviewed sample. */
  static final List<Map.Entry<String, Integer>> CORPUS =
      List.of(
          Map.entry("/samples/aws-big-data-processing.txt", 40),
              Map.entry("/notes/cell-biology.md", 10),
          Map.entry("/notes/mixed.md", 6), Map.entry("/notes/glossary.txt", 4),
          Map.entry("/notes/flashcards.txt", 4), Map.entry("/notes/cloze.md", 4),
          Map.entry("/notes/science-tables.md", 4), Map.entry("/notes/networking-qa.txt", 4),
          Map.entry("/notes/chemistry-glossary.md", 4), Map.entry("/notes/french-revolution.md", 4),
          Map.entry("/notes/git-workflow.md", 4), Map.entry("/notes/human-body.txt", 4));

  private SampleSnapshot() {}

  static String render() {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Map.Entry<String, Integer> notes : CORPUS) {
      GeneratedDeck deck =
          DeckGenerator.generate(NotesImporter.parse(SampleNotes.read(notes.getKey())), DECK_SEED);
      List<Question> round =
          RoundAssembler.assemble(deck.questions(), notes.getValue(), Set.of(), ROUND_SEED);
      for (Question q : round) {
        out.append(
            String.format(
                "%d. %s (%s) id=%s %s line %d%n",
                n++, q.kind(), q.type().jsonName(), q.id(), notes.getKey(), q.source().line()));
        out.append("   Context: ").append(String.join(" › ", q.context())).append('\n');
        out.append("   Q: ").append(q.prompt()).append('\n');
        switch (q.type()) {
          // The served order is drawn at random for each import, so only the key is rendered.
          case ORDERING ->
              out.append("   Order: ").append(String.join(" → ", q.options())).append('\n');
          case MATCHING -> {
            for (int i = 0; i < q.options().size(); i++) {
              out.append("   - ")
                  .append(q.options().get(i))
                  .append(" ⇒ ")
                  .append(q.matches().get(i))
                  .append('\n');
            }
          }
          default -> {
            for (int i = 0; i < q.options().size(); i++) {
              boolean key = i == q.correct() || q.keys().contains(i);
              out.append(key ? "   * " : "   - ").append(q.options().get(i)).append('\n');
            }
          }
        }
        if (!q.accepted().isEmpty()) {
          out.append("   = ").append(String.join(" | ", q.accepted())).append('\n');
        }
        out.append("   Why: ").append(q.explanation()).append('\n');
      }
    }
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    String text = render();
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
    } else {
      System.out.print(text);
    }
  }
}
