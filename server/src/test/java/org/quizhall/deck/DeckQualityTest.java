package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

@DisplayName("The quality measures of every corpus deck")
class DeckQualityTest {

    private static DeckQuality measure(String resource) {
        String notes = SampleNotes.read(resource);
        return DeckQuality.of(DeckGenerator.generate(NotesImporter.parse(notes), 1L), notes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/samples/aws-big-data-processing.txt", "/notes/cell-biology.md", "/notes/mixed.md",
            "/notes/glossary.txt", "/notes/flashcards.txt", "/notes/cloze.md"})
    @DisplayName("no repeated wording, at most two questions a fact, no prompt about the notes' layout")
    void perDeckLimits(String resource) {
        DeckQuality quality = measure(resource);
        assertThat(quality.questions()).isPositive();
        assertThat(quality.repeatedPrompts()).as("questions that share a wording").isZero();
        assertThat(quality.mostPerFact()).as("questions from one fact").isLessThanOrEqualTo(FactLimits.PER_FACT);
        assertThat(quality.layoutPrompts()).as("prompts with breadcrumbs or 'the notes'").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/samples/aws-big-data-processing.txt", "/notes/cell-biology.md"})
    @DisplayName("true/false is keyed False 40–60% of the time, so 'always True' scores no better than chance")
    void trueFalseBalance(String resource) {
        DeckQuality quality = measure(resource);
        assertThat(quality.trueFalse()).isGreaterThanOrEqualTo(10);
        assertThat(quality.falseShare()).isBetween(0.4, 0.6);
    }
}
