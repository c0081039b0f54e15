package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

@DisplayName("Decks from notes of every accepted shape")
class NotesShapesDeckTest {

  @ParameterizedTest(name = "{0} gives at least {1} questions of kinds {2}, at most 2% defective")
  @CsvSource(
      delimiter = '|',
      value = {
        "/notes/cell-biology.md | 18 | odd_one_out,numeric,true_false,matching,ordering",
        "/notes/flashcards.txt  | 15 | definition",
        "/notes/glossary.txt    | 15 | definition",
        "/notes/cloze.md        | 8  | cloze",
        "/notes/mixed.md        | 10 | true_false,definition,cloze",
        "/samples/aws-big-data-processing.txt | 70 | list_member,odd_one_out,topic_of,numeric,true_false,definition,cloze"
      })
  @DisplayName("notes of every shape give questions of the expected kinds, none of them malformed")
  void shapes(String resource, int minimum, String kinds) {
    // Strict: a malformed question throws rather than leaving its line out quietly.
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(SampleNotes.read(resource)), 1L, true);
    assertThat(deck.questions()).hasSizeGreaterThanOrEqualTo(minimum);
    assertThat(deck.kinds().keySet()).containsAll(List.of(kinds.split(",")));
  }

  @ParameterizedTest(name = "flashcards: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Capital of France :: Paris | What is the capital of France? | Paris",
        "Largest planet ::: Jupiter | Which of these describes Jupiter? | Largest planet",
        "Who wrote Hamlet? >> William Shakespeare | Who wrote Hamlet? | William Shakespeare"
      })
  @DisplayName("flashcards are asked in the direction their syntax allows")
  void flashcardDirections(String line, String prompt, String answer) {
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(SampleNotes.read("/notes/flashcards.txt")), 1L);
    assertThat(deck.questions())
        .filteredOn(q -> q.source().text().equals(line))
        .anySatisfy(
            q -> {
              assertThat(q.prompt()).isEqualTo(prompt);
              assertThat(q.answer()).isEqualTo(answer);
            });
    assertThat(deck.questions())
        .filteredOn(q -> q.source().text().startsWith("Capital of France"))
        .noneMatch(q -> q.prompt().contains("Which term means"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5 | Fill in the blank: The Great Pyramid of Giza was built for the pharaoh _____. | Khufu",
        "6 | Fill in the blank: Rome was traditionally founded in _____ by Romulus. | 753 BC",
        "6 | Fill in the blank: Rome was traditionally founded in 753 BC by _____. | Romulus"
      })
  @DisplayName("each cloze deletion becomes its own typed question")
  void clozeDeletions(int line, String prompt, String answer) {
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(SampleNotes.read("/notes/cloze.md")), 1L);
    Question q =
        deck.questions().stream().filter(x -> x.prompt().equals(prompt)).findFirst().orElseThrow();
    assertThat(q.type()).isEqualTo(QuestionType.TYPED);
    assertThat(q.source().line()).isEqualTo(line);
    assertThat(q.accepted()).containsExactly(answer);
    assertThat(AnswerMatcher.matches(answer.toLowerCase(), q.accepted())).isTrue();
  }

  @org.junit.jupiter.api.Test
  @DisplayName("remarks and links in a glossary are reported, never asked")
  void remarks() {
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(SampleNotes.read("/notes/glossary.txt")), 1L);
    assertThat(deck.questions()).noneMatch(q -> q.source().line() >= 13);
    assertThat(deck.warnings()).extracting(GenerationWarning::line).contains(13, 14);
    assertThat(deck.questions()).allMatch(q -> q.kind().equals("definition"));
  }
}
