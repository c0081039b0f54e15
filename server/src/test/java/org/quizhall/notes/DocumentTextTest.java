package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.TestDocuments.Item;
import org.quizhall.notes.TestDocuments.Para;
import org.quizhall.problem.Problem;

@DisplayName("The notes in an uploaded file")
class DocumentTextTest {

  private static final long TEN_SECONDS = 10_000_000_000L;

  private static String read(String name, byte[] bytes) {
    return DocumentText.read(new NotesFile(name, null, bytes), System.nanoTime() + TEN_SECONDS);
  }

  private static String refusal(String name, byte[] bytes, long giveUpAt) {
    try {
      DocumentText.read(new NotesFile(name, null, bytes), giveUpAt);
    } catch (Problem problem) {
      return problem.code();
    }
    throw new AssertionError(name + " was read");
  }

  @Test
  @DisplayName(
      "Word's headings, numbered outline and table come out as Markdown; its bullets as one level")
  void word() {
    byte[] docx =
        TestDocuments.docx(
            List.of(
                Para.heading(1, "Baking"),
                Para.numbered(0, "Mix"),
                Para.numbered(1, "Flour first"),
                Para.numbered(1, "Then water"),
                Para.numbered(0, "Bake"),
                Para.bullet(1, "At 200 C"),
                Para.heading(2, "Tools"),
                Para.bullet(0, "Bowl"),
                Para.bullet(1, "Whisk")),
            List.of(List.of("Tool", "Use"), List.of("Bowl", "holds the dough")));

    assertThat(read("baking.docx", docx))
        .isEqualTo(
            "# Baking\n\n1. Mix\n   1. Flour first\n   2. Then water\n"
                + "2. Bake\n   - At 200 C\n\n## Tools\n\n- Bowl\n- Whisk\n\n| Tool | Use |\n| --- | --- |\n| Bowl | holds the dough |");
  }

  @Test
  @DisplayName(
      "the type is read from the bytes: a Word file named .txt is Word, a picture named .docx is refused")
  void typeFromBytes() {
    byte[] docx = TestDocuments.docx(List.of(Para.heading(1, "Cells")), null);
    assertThat(read("cells.txt", docx)).isEqualTo("# Cells");
    assertThat(read("", docx)).as("no name at all").isEqualTo("# Cells");

    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    assertThat(refusal("cells.docx", png, System.nanoTime() + TEN_SECONDS))
        .isEqualTo("unsupported_file");
    assertThat(
            read(
                "tags.md",
                "<h1> is the biggest heading\n- <p> a paragraph".getBytes(StandardCharsets.UTF_8)))
        .as("notes about HTML, named as text, stay text")
        .isEqualTo("<h1> is the biggest heading\n- <p> a paragraph");
  }

  @Test
  @DisplayName("an OpenDocument zip bomb is refused like a Word one, before any parser opens it")
  void openDocumentBomb() {
    assertThat(read("plants.odt", TestDocuments.odt("Plants", List.of(Item.of("Leaves")))))
        .isEqualTo("# Plants\n\n- Leaves");
    long started = System.nanoTime();
    assertThat(
            refusal(
                "bomb.odt",
                TestDocuments.zipBombOdt(100L * 1024 * 1024),
                System.nanoTime() + TEN_SECONDS))
        .isEqualTo("file_too_complex");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
  }

  @Test
  @DisplayName(
      "a PDF page that decodes to far more than the file, or a zip without its directory, is refused up front")
  void bombsThatRaiseNoEvents() throws Exception {
    byte[] pdf;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
      byte[] spaces = new byte[40 * 1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      page.setContents(
          new org.apache.pdfbox.pdmodel.common.PDStream(
              doc,
              new java.io.ByteArrayInputStream(spaces),
              org.apache.pdfbox.cos.COSName.FLATE_DECODE));
      doc.addPage(page);
      doc.save(out);
      pdf = out.toByteArray();
    }
    assertThat(pdf.length).as("a small file").isLessThan(1024 * 1024);
    long started = System.nanoTime();
    assertThat(refusal("spaces.pdf", pdf, System.nanoTime() + TEN_SECONDS))
        .isEqualTo("file_too_complex");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);

    byte[] docx =
        TestDocuments.docx(
            List.of(Para.heading(1, "Cells"), Para.bullet(0, "Mitochondria make ATP")), null);
    int directory = -1;
    for (int i = docx.length - 4; i >= 0 && directory < 0; i--) {
      if (docx[i] == 'P' && docx[i + 1] == 'K' && docx[i + 2] == 1 && docx[i + 3] == 2) {
        directory = i;
      }
    }
    int first = directory;
    for (int i = directory; i >= 0; i--) {
      if (docx[i] == 'P' && docx[i + 1] == 'K' && docx[i + 2] == 1 && docx[i + 3] == 2) {
        first = i;
      }
    }
    byte[] headless = java.util.Arrays.copyOf(docx, first);
    assertThat(refusal("cells.docx", headless, System.nanoTime() + TEN_SECONDS))
        .as("its parts could still be read one by one, past the size check")
        .isIn("unreadable_file", "unsupported_file");
  }

  @Test
  @DisplayName(
      "a read past its deadline stops with import_too_slow instead of running on for nobody")
  void deadline() {
    byte[] page =
        ("<html><body>" + "<p>One more paragraph of a page.</p>".repeat(20_000) + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(read("page.html", page)).startsWith("One more paragraph of a page.");

    assertThat(refusal("page.html", page, System.nanoTime() - 1)).isEqualTo("import_too_slow");
  }

  @Test
  @DisplayName("an empty file and a file over 20 MB are refused before anything reads them")
  void emptyAndHuge() {
    assertThat(refusal("empty.docx", new byte[0], System.nanoTime() + TEN_SECONDS))
        .isEqualTo("no_text");
    assertThatThrownBy(() -> read("huge.pdf", new byte[DocumentText.MAX_FILE_BYTES + 1]))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.code()).isEqualTo("file_too_large"));
  }
}
