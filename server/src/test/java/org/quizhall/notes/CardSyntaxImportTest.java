package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing flashcard, glossary and cloze lines")
class CardSyntaxImportTest {

  private static List<TopicNode> kind(TopicTree tree, NodeKind kind) {
    return tree.nodes().stream().filter(n -> n.kind() == kind).toList();
  }

  @Test
  @DisplayName("'::' is one-way, ':::' two-way, ';;' term-value, '>>' question-answer")
  void flashcards() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/flashcards.txt"));
    List<TopicNode> cards = kind(tree, NodeKind.DEFINITION);
    assertThat(cards).hasSize(15);
    assertThat(cards.get(0).definition())
        .isEqualTo(new Definition("Capital of France", "Paris", CardStyle.ONE_WAY));
    assertThat(cards.get(0).definition().reversible()).isFalse();
    assertThat(cards.get(4).definition())
        .isEqualTo(new Definition("Largest planet", "Jupiter", CardStyle.TWO_WAY));
    assertThat(cards.get(4).definition().reversible()).isTrue();
    assertThat(cards.get(8).definition().style()).isEqualTo(CardStyle.TERM_VALUE);
    assertThat(cards.get(8).definition().definition()).isEqualTo("299,792 km per second");
    assertThat(cards.get(11).definition())
        .isEqualTo(
            new Definition("Who wrote Hamlet?", "William Shakespeare", CardStyle.QUESTION_ANSWER));
    assertThat(cards.get(11).line()).isEqualTo(12);
  }

  @Test
  @DisplayName("'term: definition' lines are glossary entries, but remarks and links are not")
  void glossary() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/glossary.txt"));
    List<TopicNode> cards = kind(tree, NodeKind.DEFINITION);
    assertThat(cards)
        .extracting(n -> n.definition().term())
        .containsExactly(
            "Latency",
            "Bandwidth",
            "Throughput",
            "Jitter",
            "Packet loss",
            "Router",
            "Switch",
            "Firewall",
            "DNS",
            "DHCP");
    assertThat(cards.get(0).definition().definition())
        .isEqualTo("the time a packet takes to travel from source to destination");
    assertThat(cards.get(0).definition().style()).isEqualTo(CardStyle.GLOSSARY);
  }

  @Test
  @DisplayName(
      "cloze markup {{c1::x}}, {{c1::x::hint}}, {{x}} and ==x== hides exactly the marked text")
  void cloze() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/cloze.md"));
    List<TopicNode> lines = kind(tree, NodeKind.CLOZE);
    assertThat(lines).hasSize(8);
    Cloze rome = lines.get(1).cloze();
    assertThat(rome.text()).isEqualTo("Rome was traditionally founded in 753 BC by Romulus.");
    assertThat(rome.blanks()).extracting(rome::answer).containsExactly("753 BC", "Romulus");
    assertThat(lines.get(2).cloze().blanks())
        .extracting(lines.get(2).cloze()::answer)
        .containsExactly("Code of Hammurabi");
    assertThat(lines.get(3).cloze().blanks())
        .extracting(lines.get(3).cloze()::answer)
        .containsExactly("Aristotle");
    Cloze versailles = lines.get(5).cloze();
    assertThat(versailles.text())
        .isEqualTo("The Treaty of Versailles ended the First World War in 1919.");
    assertThat(lines.get(5).line()).isEqualTo(13);
    assertThat(lines.get(5).path()).containsExactly("World History", "Modern era");
  }

  @Test
  @DisplayName("URLs, times and 'Note:' remarks are not glossary lines")
  void notGlossary() {
    assertThat(CardSyntax.read("See: https://example.org")).isEmpty();
    assertThat(CardSyntax.read("Note: check this later")).isEmpty();
    assertThat(CardSyntax.read("Meeting at 10:30")).isEmpty();
    assertThat(CardSyntax.read("Master node:")).isEmpty();
  }
}
