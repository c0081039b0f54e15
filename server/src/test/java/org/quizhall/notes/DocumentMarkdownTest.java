package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.problem.Problem;
import org.xml.sax.InputSource;

@DisplayName("A document's XHTML as Markdown notes")
class DocumentMarkdownTest {

  private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

  /** The Markdown for a body of XHTML, as Tika reports a document of the given kind. */
  private static String markdown(
      String body, boolean keepLineBreaks, boolean labelledLists, long limit) {
    DocumentMarkdown handler =
        new DocumentMarkdown(keepLineBreaks, labelledLists, limit, System.nanoTime() + NO_DEADLINE);
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory
          .newSAXParser()
          .parse(
              new InputSource(
                  new StringReader(
                      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Not notes</title></head><body>"
                          + body
                          + "</body></html>")),
              handler);
    } catch (DocumentMarkdown.Refusal refusal) {
      throw refusal.problem();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return handler.text();
  }

  private static String html(String body) {
    return markdown(body, false, false, NotesLimits.MAX_BYTES);
  }

  @Test
  @DisplayName(
      "headings keep their levels, paragraphs a blank line apart, and the head is not notes")
  void headingsAndParagraphs() {
    assertThat(
            html(
                "<h1>Cells</h1><p>All living things\n are made of cells.</p><h3>Organelles</h3><p>Small organs.</p>"))
        .isEqualTo(
            "# Cells\n\nAll living things are made of cells.\n\n### Organelles\n\nSmall organs.");
  }

  @Test
  @DisplayName(
      "nested bulleted and numbered lists become - and 1. items, each level indented under its parent")
  void nestedLists() {
    String md =
        html(
            "<ul><li>Plants<ul><li>Leaves<ol><li>Absorb light</li><li>Make sugar</li></ol></li></ul></li>"
                + "<li><p>Animals</p></li></ul><ol><li>First</li><li>Second</li></ol>");

    assertThat(md)
        .isEqualTo(
            "- Plants\n  - Leaves\n    1. Absorb light\n    2. Make sugar\n- Animals\n\n1. First\n2. Second");
    TopicNode leaves =
        NotesImporter.parse(md).nodes().stream()
            .filter(n -> n.text().equals("Leaves"))
            .findFirst()
            .orElseThrow();
    assertThat(leaves.listItems().stream().map(TopicNode::text))
        .containsExactly("Absorb light", "Make sugar");
  }

  @Test
  @DisplayName(
      "a table becomes a pipe table with its first row as header, which the importer reads as a table")
  void table() {
    String md =
        html(
            "<h2>Organelles</h2><table><tbody><tr><th>Organelle</th><th>Job</th></tr>"
                + "<tr><td><p>Nucleus</p></td><td>holds the DNA</td></tr><tr><td>Ribosome</td><td>builds | proteins</td></tr>"
                + "<tr><td></td><td></td></tr></tbody></table>");

    assertThat(md)
        .isEqualTo(
            "## Organelles\n\n| Organelle | Job |\n| --- | --- |\n| Nucleus | holds the DNA |\n"
                + "| Ribosome | builds \\| proteins |");
    assertThat(NotesImporter.parse(md).nodes()).anyMatch(n -> n.text().contains("Nucleus"));
  }

  @Test
  @DisplayName(
      "Word's lists arrive as labelled paragraphs: bullets and outline numbers become items nested by label")
  void wordLists() {
    String md =
        markdown(
            "<h1>Baking</h1><p>1. Mix</p><p>a. Flour first</p><p>b. Then water</p><p>i. Slowly</p>"
                + "<p>2. Bake</p><p>\u00b7 At 200 C</p><p>After that, cool it.</p><p>\u00b7 Serve</p><p>1.1. Section style</p>",
            true,
            true,
            NotesLimits.MAX_BYTES);

    assertThat(md)
        .isEqualTo(
            "# Baking\n\n1. Mix\n   1. Flour first\n   2. Then water\n      1. Slowly\n2. Bake\n"
                + "   - At 200 C\n\nAfter that, cool it.\n\n- Serve\n  1. Section style");
  }

  @Test
  @DisplayName(
      "a PDF's lines stay lines, its bullet glyphs become items, and rules and empty paragraphs go")
  void pdfLines() {
    String md =
        markdown(
            "<div class=\"page\"><p/><p>Glossary\nATP: the energy molecule\n\u2022 Made in mitochondria\n-----\n</p>"
                + "<p>Page two</p></div>",
            true,
            false,
            NotesLimits.MAX_BYTES);

    assertThat(md)
        .isEqualTo("Glossary\nATP: the energy molecule\n- Made in mitochondria\n\nPage two");
  }

  @Test
  @DisplayName("definition lists become term: definition lines, which the importer reads as cards")
  void definitions() {
    String md =
        html(
            "<dl><dt>ATP</dt><dd>the molecule cells use to carry energy</dd><dt>DNA</dt>"
                + "<dd>the molecule that carries genes</dd></dl>");

    assertThat(md)
        .isEqualTo(
            "ATP: the molecule cells use to carry energy\nDNA: the molecule that carries genes");
  }

  @Test
  @DisplayName(
      "text that would read as Markdown it is not is escaped, and the importer reads it back as typed")
  void escaping() {
    String md =
        html(
            "<p># not a heading</p><p>&gt; not a quote</p><p>&lt;div&gt; is a tag</p><ul><li>#1 rule</li></ul>");

    assertThat(md)
        .isEqualTo("\\# not a heading\n\n\\> not a quote\n\n\\<div> is a tag\n\n- \\#1 rule");
    assertThat(NotesImporter.parse(md).nodes())
        .anyMatch(n -> n.text().equals("<div> is a tag"))
        .anyMatch(n -> n.text().equals("# not a heading"))
        .noneMatch(TopicNode::isHeading);
  }

  @Test
  @DisplayName(
      "text past the notes limit is refused with notes_too_large as soon as it is written, not at the end")
  void limit() {
    String body = "<p>A sentence about cells that repeats.</p>".repeat(100);

    assertThat(markdown(body, false, false, 10_000)).hasSizeLessThan(10_000);
    assertThatThrownBy(() -> markdown(body, false, false, 2_000))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.code()).isEqualTo("notes_too_large"));
    assertThatThrownBy(
            () ->
                markdown(
                    "<table><tr><td>x</td></tr>"
                        + "<tr><td></td><td></td></tr>".repeat(2_000)
                        + "<tr><td>y</td></tr></table>",
                    false,
                    false,
                    2_000))
        .as("a table of empty cells costs its pipes")
        .isInstanceOf(Problem.class);
  }
}
