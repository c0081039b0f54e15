package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizhall.app.Quizhall;
import org.quizhall.notes.SampleNotes;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestServer;

/**
 * Notes of three shapes pasted into the web page as a teacher would (prose, a table, a Q&A cram
 * sheet), each played for a round on a phone: the question shows where it sits in the notes above
 * the prompt, never in it.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Notes of every shape, from the web page to a phone")
class NotesShapesInTheBrowserTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Browser host;
  private static Browser phone;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    host = Browser.desktop("shapes-host", quizhall.httpPort());
    phone = Browser.phone("shapes-phone", quizhall.httpPort());
    host.go("/host");
    host.find("#tab-sign-up").click();
    host.find("#username").sendKeys("shape_teacher");
    host.find("#password").sendKeys("notes of every shape");
    host.find("#account-submit").click();
    host.find("#new-deck-title");
  }

  @AfterAll
  static void stop() {
    Stream.of(host, phone).filter(b -> b != null).forEach(Browser::close);
    api.close();
    quizhall.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "prose, /notes/french-revolution.md, true",
    "table, /notes/science-tables.md, true",
    "cram sheet, /notes/networking-qa.txt, false"
  })
  @DisplayName("pasted notes become a deck whose round plays on a phone")
  void pasteAndPlay(String shape, String resource, boolean headings) {
    host.go("/host");
    host.find("#deck-title").sendKeys("Shape: " + shape);
    WebElement notes = host.find("#deck-notes");
    notes.clear();
    host.script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        notes,
        SampleNotes.read(resource));
    host.find("#create-deck").click();
    host.textOf("#deck-summary", "questions from");
    host.screenshot("shape-" + shape.replace(' ', '-') + "-deck");
    String deckId = host.driver.getCurrentUrl().replaceAll(".*/decks/([0-9a-f-]+).*", "$1");
    WebElement count = host.find("#question-count");
    count.clear();
    count.sendKeys("2");
    host.find("#open-room").click();
    String code = host.find("#room-code").getText();

    phone.go("/join/" + code);
    phone.find("#nickname").sendKeys("Pat", Keys.ENTER);
    phone.find("#player-count");
    host.textOf("#player-count", "1 player");
    host.find("#next").click();

    AnswerKey key = new AnswerKey(quizhall.pool(), deckId);
    JsonObject question =
        key.question(phone.find("#question-prompt").getAttribute("data-question-id"));
    String prompt = phone.find("#question-prompt").getText();
    assertThat(prompt).doesNotContain("›").doesNotContain("[");
    // A question's context is cut before a heading that names its answer ("The French Revolution"
    // for "French"),
    // so it may be empty; when the notes have headings and it is not, the phone shows it above the
    // prompt.
    if (headings && !question.getJsonArray("context").isEmpty()) {
      assertThat(phone.find("#question-context").getText())
          .as("the place in the notes, above the prompt")
          .isEqualTo(
              String.join(
                  " › ", question.getJsonArray("context").stream().map(String::valueOf).toList()));
    }
    phone.screenshot("shape-" + shape.replace(' ', '-') + "-question");
    phone.answer(AnswerKey.answerTo(question, true));
    assertThat(phone.textOf("#my-result", "Right")).contains("✓ Right!");
    phone.screenshot("shape-" + shape.replace(' ', '-') + "-reveal");
  }
}
