package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

@DisplayName("The quality measures of every corpus deck")
class DeckQualityTest {

  private static DeckQuality measure(String resource) {
    String notes = SampleNotes.read(resource);
    return DeckQuality.of(DeckGenerator.generate(NotesImporter.parse(notes), 1L), notes);
  }

  /** The quality corpus: notes of every shape the importer reads, in several fields. */
  static final List<String> CORPUS =
      List.of(
          "/samples/aws-big-data-processing.txt",
          "/notes/cell-biology.md",
          "/notes/mixed.md",
          "/notes/glossary.txt",
          "/notes/flashcards.txt",
          "/notes/cloze.md",
          "/notes/science-tables.md",
          "/notes/networking-qa.txt",
          "/notes/chemistry-glossary.md",
          "/notes/french-revolution.md",
          "/notes/git-workflow.md",
          "/notes/human-body.txt",
          "/notes/cellule-fr.md");

  static List<String> corpus() {
    return CORPUS;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName(
      "no repeated wording, at most two questions a fact, no prompt about the notes' layout")
  void perDeckLimits(String resource) {
    DeckQuality quality = measure(resource);
    assertThat(quality.questions()).isPositive();
    assertThat(quality.repeatedPrompts()).as("questions that share a wording").isZero();
    assertThat(quality.mostPerFact())
        .as("questions from one fact")
        .isLessThanOrEqualTo(FactLimits.PER_FACT);
    assertThat(quality.layoutPrompts()).as("prompts with breadcrumbs or 'the notes'").isZero();
  }

  @Test
  @DisplayName(
      "true/false is keyed False 40–60% of the time in every deck with ten or more, so 'always True' is no strategy")
  void trueFalseBalance() {
    int balanced = 0;
    for (String resource : CORPUS) {
      DeckQuality quality = measure(resource);
      // The goal holds for decks of ten or more; it is checked from six, so that the corpus
      // exercises it.
      if (quality.trueFalse() >= 6) {
        assertThat(quality.falseShare()).as(resource).isBetween(0.4, 0.6);
        balanced++;
      }
    }
    assertThat(balanced)
        .as("decks with six or more true/false questions")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName(
      "at least twelve notes files, and every one gives questions (none is refused as having nothing to ask)")
  void corpusSize() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(12);
    for (String resource : CORPUS) {
      assertThat(measure(resource).questions()).as(resource).isPositive();
    }
  }
}
