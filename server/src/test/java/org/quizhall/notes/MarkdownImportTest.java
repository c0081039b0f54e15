package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing Markdown notes")
class MarkdownImportTest {

  private static TopicNode find(TopicTree tree, String text) {
    return tree.nodes().stream()
        .filter(n -> n.text().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + text));
  }

  private static List<String> texts(List<TopicNode> nodes) {
    return nodes.stream().map(TopicNode::text).toList();
  }

  @Test
  @DisplayName("ATX and setext headings nest by level and keep their line numbers")
  void headings() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/cell-biology.md"));
    assertThat(tree.topics()).containsExactly("Cell Biology");
    TopicNode organelles = find(tree, "Organelles");
    assertThat(organelles.line()).isEqualTo(5);
    assertThat(organelles.path()).containsExactly("Cell Biology", "Organelles");
    TopicNode transport = find(tree, "Membrane transport");
    assertThat(transport.isHeading()).isTrue();
    assertThat(transport.line()).isEqualTo(27);
    assertThat(transport.path()).containsExactly("Cell Biology", "Membrane transport");
  }

  @Test
  @DisplayName(
      "nested lists with -, *, + and 1. markers, indented by spaces or tabs, become lead-ins with items")
  void nestedLists() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/cell-biology.md"));
    TopicNode passive = find(tree, "Passive transport");
    assertThat(passive.kind()).isEqualTo(NodeKind.LIST_LEAD_IN);
    assertThat(texts(passive.listItems()))
        .containsExactly("Diffusion", "Osmosis", "Facilitated diffusion");
    assertThat(passive.listItems().get(1).line()).isEqualTo(32);
    assertThat(passive.listItems().get(1).path())
        .containsExactly("Cell Biology", "Membrane transport", "Passive transport");
    TopicNode phases = find(tree, "The cell cycle has four phases");
    assertThat(texts(phases.listItems()))
        .containsExactly("G1 phase", "S phase", "G2 phase", "M phase");
    TopicNode prokaryotic = find(tree, "Prokaryotic cells");
    assertThat(texts(prokaryotic.children()))
        .containsExactly("No nucleus", "Typically 1 to 10 micrometres across");
  }

  @Test
  @DisplayName("emphasis is stripped and a bullet with details keeps them as its children")
  void elaboration() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/cell-biology.md"));
    TopicNode nucleus = find(tree, "Nucleus");
    assertThat(nucleus.line()).isEqualTo(7);
    assertThat(texts(nucleus.children()))
        .containsExactly(
            "Stores the genetic material of the cell",
            "Surrounded by a double membrane called the nuclear envelope");
    assertThat(nucleus.children().get(0).kind()).isEqualTo(NodeKind.STATEMENT);
  }

  @Test
  @DisplayName("paragraph lines are split into sentences on the line they start")
  void paragraphs() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/cell-biology.md"));
    TopicNode first = find(tree, "Cells are the basic unit of life.");
    TopicNode second = find(tree, "Every living organism is made of one or more cells.");
    assertThat(first.line()).isEqualTo(3);
    assertThat(second.line()).isEqualTo(3);
    assertThat(
            find(tree, "Osmosis is the diffusion of water across a semi-permeable membrane.")
                .line())
        .isEqualTo(40);
  }

  @Test
  @DisplayName("CRLF and LF line endings give the same tree")
  void lineEndings() {
    String lf = SampleNotes.read("/notes/cell-biology.md");
    assertThat(NotesImporter.parse(lf.replace("\n", "\r\n"))).isEqualTo(NotesImporter.parse(lf));
    String sample = SampleNotes.read(SampleNotes.AWS);
    assertThat(NotesImporter.parse(sample.replace("\n", "\r\n")))
        .isEqualTo(NotesImporter.parse(sample));
  }

  @Test
  @DisplayName("a flat outline block after Markdown sections sits beside the last section")
  void mixedShapes() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/mixed.md"));
    TopicNode transactions = find(tree, "Transactions");
    assertThat(transactions.isHeading()).isTrue();
    assertThat(transactions.line()).isEqualTo(20);
    assertThat(transactions.path()).containsExactly("Databases", "Transactions");
    assertThat(find(tree, "Replication").path()).containsExactly("Databases", "Replication");
    assertThat(find(tree, "Primary key :: a column set that uniquely identifies a row").kind())
        .isEqualTo(NodeKind.DEFINITION);
    assertThat(find(tree, "The default PostgreSQL port is 5432.").kind()).isEqualTo(NodeKind.CLOZE);
  }

  @Test
  @DisplayName("fenced code is not read as notes")
  void fencedCode() {
    TopicTree tree =
        NotesImporter.parse(
            """
                # Shell

                ```
                Commands
                - ls lists files
                ```

                - grep searches text with regular expressions
                """);
    assertThat(tree.nodes())
        .extracting(TopicNode::text)
        .doesNotContain("Commands", "ls lists files");
    assertThat(find(tree, "grep searches text with regular expressions").line()).isEqualTo(8);
  }
}
