package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

/**
 * The corpus notes, damaged as pasted notes get damaged: letters whose lower case is longer than
 * their upper case ("İ"), combining marks, emoji, invisible and right-to-left marks, stray Markdown
 * and card syntax, lines cut, joined, repeated and re-indented. Every seed is one case, named in
 * the display name, so a failure is replayed by running that seed again. A crash here is an import
 * that fails for its owner; a defect is a question a player would see broken.
 */
@DisplayName("Notes damaged in the ways pasted notes are")
class MutatedNotesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 240);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("make a deck of valid questions, the same one every time")
  void generates(long seed) {
    Random random = new Random(seed);
    String source = DeckQualityTest.CORPUS.get(random.nextInt(DeckQualityTest.CORPUS.size()));
    String notes = mutate(SampleNotes.read(source), random);
    // Strict: a malformed question throws here, where users would only miss its line.
    GeneratedDeck deck = DeckGenerator.generate(NotesImporter.parse(notes), seed, true);
    assertThat(deck.questions()).extracting(Question::id).doesNotHaveDuplicates();
    assertThat(DeckGenerator.generate(NotesImporter.parse(notes), seed).questions())
        .extracting(Question::prompt)
        .isEqualTo(deck.questions().stream().map(Question::prompt).toList());
  }

  /** Text that has broken parsers and generators before, and the shapes notes are written in. */
  private static final List<String> ODD =
      List.of(
          "İ", "ı", "ß", "ﬁ", "ǅ", "e\u0301", "\u200b", "\u200f", "\u202e", "\ufeff", "\u00a0",
          "\t", "😀", "👩‍💻", "𝒜", "\ufffd", "Ω", "ǰ", "{{c1::", "}}", "::", " - ", " — ", " -> ",
          " = ", ": ", "? ", "Q: ", "A: ", "| ", "|---|", "# ", "- ", "1. ", "(", ")", "\"", "*",
          "`", "[[", "]]", "==", "100%", "1e9", "0.5 s", "v2.1.3", "It ", "They ", "  ");

  static String mutate(String notes, Random random) {
    List<String> lines = new ArrayList<>(notes.lines().toList());
    for (int edits = 1 + random.nextInt(12); edits > 0 && !lines.isEmpty(); edits--) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0, 1 -> {
          int i = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
          lines.set(
              at, line.substring(0, i) + ODD.get(random.nextInt(ODD.size())) + line.substring(i));
        }
        case 2 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 3 -> {
          if (at + 1 < lines.size()) {
            lines.set(at, line + " " + lines.remove(at + 1).strip());
          }
        }
        case 4 -> lines.add(at, line);
        case 5 -> lines.set(at, "  ".repeat(random.nextInt(4)) + line.strip());
        case 6 -> lines.remove(at);
        default -> lines.set(at, line.toUpperCase(java.util.Locale.ROOT));
      }
    }
    return String.join("\n", lines);
  }
}
