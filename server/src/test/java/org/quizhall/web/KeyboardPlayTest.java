package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestServer;

/** A player who uses only the keyboard can join and play; the host is a plain socket here. */
@ExtendWith(VertxExtension.class)
@DisplayName("Playing with the keyboard only")
class KeyboardPlayTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Vertx vertx;
  private static Browser player;
  private static SocketClient host;
  private static AnswerKey answerKey;
  private static JsonObject room;

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    String token = api.signUpAndIn("keyboard_host", "hosting by socket");
    String deckId = api.firstDeckId(token);
    answerKey = new AnswerKey(quizhall.pool(), deckId);
    room =
        api.postJson(
                "/api/rooms",
                new JsonObject()
                    .put("deckId", deckId)
                    .put("questionCount", 2)
                    .put("secondsPerQuestion", 60)
                    .put("kinds", new JsonArray().add("definition")),
                token)
            .bodyAsJsonObject();
    host = SocketClient.connect(vertx, quizhall.httpPort());
    host.send(
        "host",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("hostToken", room.getString("hostToken")));
    host.await("welcome");
    player = Browser.phone("keyboard-player", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    if (player != null) player.close();
    if (host != null) host.close();
    api.close();
    quizhall.close();
  }

  private static void hostDoes(String command) {
    assertThat(host.reply(host.send(command)).getString("type")).as(command).isEqualTo("ok");
  }

  private static int rightChoice() {
    return answerKey
        .question(player.find("#question-prompt").getAttribute("data-question-id"))
        .getInteger("correct");
  }

  @Test
  @DisplayName(
      "a player joins with Tab and Enter, answers one question with a number key and one with Tab and Enter, and sees the podium")
  void keyboardOnlyRound() {
    player.go("/join");
    assertThat(player.focused().getAttribute("id"))
        .as("the code box has the focus")
        .isEqualTo("code");
    player.focused().sendKeys(room.getString("code"), Keys.TAB);
    assertThat(player.focused().getAttribute("id")).isEqualTo("nickname");
    player.focused().sendKeys("Kim", Keys.ENTER);
    player.textOf("#player-count", "1 player");

    hostDoes("start");
    int first = rightChoice();
    player.afterTheLeadIn();
    assertThat(player.focused().getAttribute("id"))
        .as("a new question takes the focus")
        .isEqualTo("question-prompt");
    player.focused().sendKeys(String.valueOf(first + 1));
    assertThat(player.textOf("#my-result", "Right")).contains("✓ Right!");
    player.screenshot("keyboard-reveal");

    hostDoes("next");
    player.textOf("#my-rank", "You are 1st of 1");
    hostDoes("next");
    player.textOf(".question-count", "Question 2 of 2");
    int second = rightChoice();
    for (int i = 0; i <= second; i++) {
      player.focused().sendKeys(Keys.TAB);
    }
    assertThat(player.focused().getAttribute("data-option")).isEqualTo(String.valueOf(second));
    assertThat(player.script("return getComputedStyle(document.activeElement).outlineStyle;"))
        .as("the focused answer is outlined")
        .isEqualTo("solid");
    player.screenshot("keyboard-focus");
    player.focused().sendKeys(Keys.ENTER);
    assertThat(player.textOf("#my-result", "Right")).contains("You are 1st of 1");

    hostDoes("next");
    hostDoes("next");
    assertThat(player.textOf("#my-standing", "You finished"))
        .contains("You finished 1st of 1", "2 right answers");
    player.screenshot("keyboard-podium");
  }
}
