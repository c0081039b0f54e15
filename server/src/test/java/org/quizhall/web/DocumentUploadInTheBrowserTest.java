package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.app.Quizhall;
import org.quizhall.notes.TestDocuments;
import org.quizhall.notes.TestDocuments.Para;
import org.quizhall.testing.TestServer;

/**
 * A host makes decks from documents in the browser: a Word file is sent as it is, and the server
 * reads it.
 */
@DisplayName("Notes files in the browser")
class DocumentUploadInTheBrowserTest {

  private static Quizhall quizhall;
  private static Browser host;
  private static Path files;

  @BeforeAll
  static void start() throws IOException {
    quizhall = TestServer.start(Clock.systemUTC());
    host = Browser.desktop("uploader", quizhall.httpPort());
    files = Files.createDirectories(Browser.TARGET.resolve("upload-files"));
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.close();
    }
    quizhall.close();
  }

  @Test
  @DisplayName(
      "a chosen .docx becomes a deck under its headings; a locked PDF's refusal says what to do")
  void wordFileAndLockedPdf() throws IOException {
    Path docx = files.resolve("cell-biology.docx");
    Files.write(
        docx,
        TestDocuments.docx(
            List.of(
                Para.heading(1, "Cell biology"),
                Para.bullet(0, "Mitochondria produce ATP for the cell"),
                Para.bullet(0, "Ribosomes build proteins from amino acids"),
                Para.bullet(0, "The nucleus holds the genetic material"),
                Para.heading(2, "Membrane transport"),
                Para.bullet(0, "Diffusion moves molecules down a concentration gradient"),
                Para.bullet(0, "Osmosis is the diffusion of water across a membrane"),
                Para.bullet(
                    0, "Active transport uses energy to move molecules against a gradient")),
            List.of(
                List.of("Organelle", "Job"),
                List.of("Nucleus", "holds the DNA"),
                List.of("Ribosome", "builds proteins"),
                List.of("Chloroplast", "captures light"),
                List.of("Vacuole", "stores water"))));
    Path locked = files.resolve("locked.pdf");
    Files.write(locked, TestDocuments.encryptedPdf(List.of("ATP: the energy molecule"), "secret"));

    host.go("/host");
    host.find("#tab-sign-up").click();
    host.find("#username").sendKeys("document_host");
    host.find("#password").sendKeys("documents all day");
    host.find("#account-submit").click();
    host.find("#new-deck-title");

    host.find("#deck-file").sendKeys(locked.toString());
    assertThat(host.find("#deck-title").getAttribute("value")).isEqualTo("locked");
    host.find("#create-deck").click();
    assertThat(host.textOf("#deck-message", "password")).contains("without the password");

    host.find("#deck-title").clear();
    host.find("#deck-file").sendKeys(docx.toString());
    assertThat(host.find("#deck-title").getAttribute("value"))
        .as("the title comes from the file name")
        .isEqualTo("cell-biology");
    assertThat(host.find("#deck-notes").getAttribute("value"))
        .as("the server reads a document, not the browser")
        .isEmpty();
    assertThat(host.find("#deck-notes").getAttribute("placeholder")).contains("cell-biology.docx");
    host.find("#create-deck").click();

    host.textOf("#deck-summary", "questions from");
    assertThat(host.find(".preview").getText()).contains("Membrane transport");
  }
}
