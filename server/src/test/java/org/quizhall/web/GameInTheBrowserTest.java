package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestServer;

/**
 * A whole game as people play it: a host on a laptop, three players on phones, all in real
 * Chromium.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A game in the browser")
class GameInTheBrowserTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Browser host;
  private static Browser ada;
  private static Browser bob;
  private static Browser cy;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    host = Browser.desktop("host", quizhall.httpPort());
    ada = Browser.phone("ada", quizhall.httpPort());
    bob = Browser.phone("bob", quizhall.httpPort());
    cy = Browser.phone("cy", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    Stream.of(host, ada, bob, cy).filter(b -> b != null).forEach(Browser::close);
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "a host makes a deck from a notes file and opens a room; three players join, answer, one reloads mid-question, and the podium is in the right order")
  void wholeGame() throws Exception {
    host.go("/host");
    host.find("#tab-sign-up").click();
    host.find("#username").sendKeys("quizmaster");
    host.find("#password").sendKeys("hosting all day");
    host.find("#account-submit").click();
    host.find("#new-deck-title");
    host.find("#deck-file").sendKeys(notesFile().toString());
    assertThat(host.find("#deck-title").getAttribute("value"))
        .as("the title comes from the file name")
        .isEqualTo("cell-biology");
    assertThat(host.find("#deck-notes").getAttribute("value")).startsWith("# Cell Biology");
    host.screenshot("host-new-deck");
    host.find("#create-deck").click();

    host.textOf("#deck-summary", "questions from");
    assertThat(host.all("#editor-list .topic"))
        .as("the owner's questions are grouped by topic")
        .hasSizeGreaterThan(1);
    assertThat(host.find(".preview").getText()).contains("Organelles", "Line ");
    host.screenshot("deck-preview");
    WebElement count = host.find("#question-count");
    count.clear();
    count.sendKeys("3");
    WebElement seconds = host.find("#seconds");
    seconds.clear();
    seconds.sendKeys("240");
    host.find("#open-room").click();

    String code = host.find("#room-code").getText();
    assertThat(code).matches("[A-Z0-9]{6}");
    host.waitUntil(
        "the QR code to load",
        () ->
            Boolean.TRUE.equals(
                host.script(
                    "const img = document.getElementById('qr'); return img.complete && img.naturalWidth > 0;")));
    assertThat(host.find("#join-link").getText()).endsWith("/join/" + code);
    host.screenshot("host-lobby-empty");

    AnswerKey answerKey = answerKey("quizmaster", "hosting all day");

    ada.go("/join/" + code);
    assertThat(ada.find("#code").getAttribute("value"))
        .as("the code in the link is filled in")
        .isEqualTo(code);
    ada.find("#nickname").sendKeys("Ada");
    ada.screenshot("player-join");
    ada.find("#join-submit").click();
    join(bob, code, "Bob");
    join(cy, code, "Cy");
    ada.textOf("#player-count", "3 players");
    ada.screenshot("player-lobby");
    host.textOf("#player-count", "3 players");
    assertThat(host.find("#roster").getText()).contains("Ada", "Bob", "Cy");
    host.screenshot("host-lobby");

    host.find("#next").click();
    for (int question = 0; question < 3; question++) {
      String questionId = ada.find("#question-prompt").getAttribute("data-question-id");
      JsonObject key = answerKey.question(questionId);
      if (question == 0) {
        ada.screenshot("player-question");
        host.screenshot("host-question");
      }
      if (question == 1) {
        String scoreBefore = bob.find("#my-score").getText();
        bob.find("#question-prompt");
        bob.driver.navigate().refresh();
        assertThat(bob.find("#question-prompt").getAttribute("data-question-id"))
            .as("after a reload Bob is back on the same question")
            .isEqualTo(questionId);
        assertThat(bob.find("#my-score").getText())
            .as("and keeps his score")
            .isEqualTo(scoreBefore);
        bob.screenshot("player-question-after-reload");
      }
      answer(ada, key, true);
      answer(bob, key, question == 0);
      answer(cy, key, false);

      assertThat(ada.textOf("#my-result", "Right")).contains("✓ Right! +");
      assertThat(cy.textOf("#my-result", "Not right")).contains("✗");
      assertThat(ada.find(".source").getText())
          .as("the reveal shows where in the notes the answer is")
          .contains("Line " + key.getJsonObject("source").getInteger("line"));
      if (question == 0) {
        ada.screenshot("player-reveal-right");
        cy.screenshot("player-reveal-wrong");
        host.textOf("#stage", "3 of 3 answered");
        host.screenshot("host-reveal");
      }

      host.find("#next").click();
      ada.textOf("#my-rank", "You are 1st of 3");
      if (question == 0) {
        ada.screenshot("player-leaderboard");
        host.screenshot("host-leaderboard");
      }
      host.find("#next").click();
    }

    host.textOf("#podium", "Cy");
    List<String> podium = host.all("#podium .name").stream().map(WebElement::getText).toList();
    assertThat(podium).containsExactly("Ada", "Bob", "Cy");
    host.screenshot("host-podium");
    assertThat(ada.textOf("#my-standing", "You finished")).contains("You finished 1st of 3");
    assertThat(bob.textOf("#my-standing", "You finished")).contains("You finished 2nd of 3");
    assertThat(cy.textOf("#my-standing", "You finished")).contains("You finished 3rd of 3");
    ada.screenshot("player-podium");

    host.find("#results-link").click();
    host.textOf("#results-players", "Cy");
    List<String> ranked =
        Stream.of(1, 2, 3)
            .map(row -> host.textOf("#results-players tbody tr:nth-child(" + row + ") th", ""))
            .toList();
    assertThat(ranked).containsExactly("Ada", "Bob", "Cy");
    host.screenshot("results");
    host.find("#download-csv").click();
    host.waitUntil("the CSV to be downloaded", () -> csv(host).isPresent());
    assertThat(Files.readString(csv(host).get())).contains("Ada", "Bob", "Cy");

    cy.find("a[href^='/results/']").click();
    assertThat(cy.textOf("#results-players", "Cy"))
        .as("a guest player sees the results with the seat's token")
        .contains("Ada");
  }

  private static java.util.Optional<Path> csv(Browser browser) {
    try (Stream<Path> files = Files.list(browser.downloads)) {
      return files.filter(f -> f.toString().endsWith(".csv")).findFirst();
    } catch (java.io.IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static void join(Browser player, String code, String nickname) {
    player.go("/join/" + code);
    player.find("#nickname").sendKeys(nickname, Keys.ENTER);
    player.find("#player-count");
  }

  /** Answers the way a person would: a tap on an option, or typing into the box. */
  private static void answer(Browser player, JsonObject key, boolean right) {
    player.find("#question-prompt");
    player.answer(AnswerKey.answerTo(key, right));
    // The last answer brings the reveal at once, so either one shows the answer was taken.
    player.waitUntil(
        "the answer to be locked in",
        () ->
            !player.all("#reveal-answer").isEmpty()
                || player.all("#answer-status").stream()
                    .anyMatch(s -> s.getText().contains("Answer locked in")));
  }

  /** The deck's answers, read over the API by the same host account. */
  private static AnswerKey answerKey(String username, String password) {
    String token = api.signUpAndIn(username, password);
    String deckId =
        api.get("/api/decks", token).bodyAsJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(d -> d.getString("title").equals("cell-biology"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    return new AnswerKey(quizhall.pool(), deckId);
  }

  private static Path notesFile() throws URISyntaxException {
    return Path.of(GameInTheBrowserTest.class.getResource("/notes/cell-biology.md").toURI());
  }
}
