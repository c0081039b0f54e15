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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestServer;

/**
 * A "choose two", an ordering and a matching question from the sample deck, each played on a
 * phone-sized window with its own controls (toggled tiles, move buttons, one menu per term); the
 * host is a plain socket here.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("List questions on a phone")
class ListQuestionsInTheBrowserTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Vertx vertx;
  private static Browser phone;
  private static AnswerKey answerKey;
  private static String token;
  private static String deckId;

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("list_host", "hosting by socket");
    deckId = api.firstDeckId(token);
    answerKey = new AnswerKey(quizhall.pool(), deckId);
    phone = Browser.phone("list-player", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    if (phone != null) {
      phone.close();
    }
    api.close();
    quizhall.close();
  }

  @ParameterizedTest(name = "{0}, answered {1}")
  @CsvSource({
    "list_members, right",
    "ordering, right",
    "matching, right",
    "ordering, wrong",
    "matching, wrong"
  })
  @DisplayName(
      "a list question is answered with its own controls, then revealed with the player's answer marked")
  void play(String kind, String how) {
    boolean right = how.equals("right");
    JsonObject room =
        api.postJson(
                "/api/rooms",
                new JsonObject()
                    .put("deckId", deckId)
                    .put("questionCount", 1)
                    .put("secondsPerQuestion", 60)
                    .put("kinds", new JsonArray().add(kind)),
                token)
            .bodyAsJsonObject();
    SocketClient host = SocketClient.connect(vertx, quizhall.httpPort());
    try {
      host.send(
          "host",
          new JsonObject()
              .put("code", room.getString("code"))
              .put("hostToken", room.getString("hostToken")));
      host.await("welcome");
      phone.go("/join/" + room.getString("code"));
      phone.find("#nickname").sendKeys("Pat", Keys.ENTER);
      phone.find("#player-count");
      host.send("start");

      JsonObject key =
          answerKey.question(phone.find("#question-prompt").getAttribute("data-question-id"));
      String type = key.getString("type");
      assertThat(phone.find("#answer-form").getAttribute("data-answer-type")).isEqualTo(type);
      if (type.equals("multiple_response")) {
        assertThat(phone.find("#question-prompt").getText()).contains("(Choose two.)");
        assertThat(phone.find("#submit-answer").isEnabled())
            .as("nothing is sent before two are chosen")
            .isFalse();
      }
      assertThat(fitsTheScreen()).as("no sideways scrolling on a 390 px phone").isTrue();
      phone.screenshot("list-" + kind + "-" + how + "-question");

      phone.answer(AnswerKey.answerTo(key, right));
      // The only player's answer brings the reveal at once.
      String verdict = phone.textOf("#my-result", right ? "Right" : "Not right");
      assertThat(verdict).contains(right ? "✓ Right!" : "✗");
      String reveal =
          switch (type) {
            case "ordering" -> "#reveal-order li";
            case "matching" -> "#reveal-pairs li";
            default -> "#reveal-options li";
          };
      assertThat(phone.all(reveal))
          .as("the key is shown in the question's own shape")
          .hasSizeGreaterThanOrEqualTo(3);
      if (!right && !type.equals("multiple_response")) {
        assertThat(phone.all(reveal + ".wrong"))
            .as("the rows the player put in the wrong place are marked")
            .isNotEmpty();
      }
      assertThat(fitsTheScreen()).isTrue();
      phone.screenshot("list-" + kind + "-" + how + "-reveal");
      host.send("end");
    } finally {
      host.close();
    }
  }

  private static boolean fitsTheScreen() {
    return (Boolean)
        phone.script("return document.documentElement.scrollWidth <= window.innerWidth;");
  }
}
