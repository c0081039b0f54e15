package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

@DisplayName("Notes in another language than English")
class NotesLanguageTest {

  private static final String FRENCH = "/notes/cellule-fr.md";

  @Test
  @DisplayName(
      "are told from English ones: a table or a list of names counts as English, the questions' language")
  void detection() {
    assertThat(NotesIndex.english(NotesImporter.parse(SampleNotes.read(FRENCH)))).isFalse();
    for (String english :
        List.of(
            "/notes/cell-biology.md",
            "/notes/science-tables.md",
            "/notes/flashcards.txt",
            "/notes/git-workflow.md",
            SampleNotes.AWS)) {
      assertThat(NotesIndex.english(NotesImporter.parse(SampleNotes.read(english))))
          .as(english)
          .isTrue();
    }
  }

  @Test
  @DisplayName(
      "get questions that quote their words as written, with no English grammar joined to them")
  void noEnglishGlue() {
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(SampleNotes.read(FRENCH)), 1L, true);
    assertThat(deck.questions()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(deck.kinds().keySet())
        .contains("numeric", "true_false", "definition", "table_cell", "matching");
    for (Question q : deck.questions()) {
      assertThat(q.prompt())
          .as(q.kind())
          .doesNotContain("how many", "What is the capital", "A team", " than ", "’s ", "What does")
          .doesNotContainPattern("(?i)\\b(is|are) (typically|usually|generally)\\b|\\bhas more\\b")
          .doesNotContainPattern("^True or false\\? [^:]{1,40}: ");
      assertThat(QuestionRules.defects(q)).as(q.prompt()).isEmpty();
    }
    assertThat(deck.questions())
        .extracting(Question::prompt)
        .contains(
            "True or false? Les cellules procaryotes n'ont pas de noyau.",
            "Which of these matches “Mitochondrie”?",
            "What is the “Numéro atomique” of “Hydrogène”?");
  }

  @Test
  @DisplayName("English notes keep the sentences built around their words")
  void englishKeepsItsForms() {
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(SampleNotes.read("/notes/cell-biology.md")), 1L);
    assertThat(deck.questions())
        .extracting(Question::prompt)
        .anyMatch(p -> p.startsWith("How many "))
        .anyMatch(p -> p.startsWith("True or false? The nucleus is surrounded"));
  }
}
