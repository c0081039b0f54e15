package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizhall.deck.DeckGenerator;

/**
 * Pasted notes built to make a parser backtrack. Each once took seconds to hours (4 KB of unclosed
 * Anki deletions: 25 s, growing with the cube of the size); the generous bound only catches that
 * kind of blow-up, it is no speed goal.
 */
@DisplayName("Hostile notes")
class HostileNotesTest {

  @ParameterizedTest(name = "{0} repeated to about 400 KB")
  @ValueSource(strings = {"{{c1::", "{{", "==a ", "{{c1::x::", "}}{{c2::"})
  @DisplayName("unclosed and half-closed deletions are read in linear time")
  void deletions(String piece) {
    String notes = piece.repeat(400_000 / piece.length());
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> DeckGenerator.generate(NotesImporter.parse(notes), 1L));
  }

  @Test
  @DisplayName("a heading with a long run of spaces is read in linear time, and keeps its words")
  void headingSpaces() {
    String notes = "# Cells" + " ".repeat(500_000) + "and tissues ##\n- Nucleus\n- Ribosome\n";
    TopicTree tree =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> NotesImporter.parse(notes));
    assertThat(tree.headings().get(0).text()).startsWith("Cells").endsWith("and tissues");
  }

  @Test
  @DisplayName("deletions still read as before: Anki with a hint, plain braces and highlights")
  void deletionsStillRead() {
    assertThat(
            CardSyntax.cloze(
                    "The {{c1::mitochondria::organelle}} makes {{ATP}} by ==respiration==.")
                .orElseThrow()
                .text())
        .isEqualTo("The mitochondria makes ATP by respiration.");
    assertThat(CardSyntax.cloze("The {{c1::mitochondria makes ATP").isEmpty()).isTrue();
  }
}
