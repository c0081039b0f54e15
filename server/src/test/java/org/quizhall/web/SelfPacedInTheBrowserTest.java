package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
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
 * Studying alone: an assignment set from the group page and answered at one's own pace, then solo
 * practice.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Self-paced study in the browser")
class SelfPacedInTheBrowserTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Browser student;
  private static String token;
  private static String groupId;
  private static AnswerKey answerKey;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("sol_student", "studying on my own");
    groupId =
        api.postJson(
                "/api/groups",
                new JsonObject().put("name", "Night owls").put("description", ""),
                token)
            .bodyAsJsonObject()
            .getString("id");
    student = Browser.phone("self-paced", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    if (student != null) student.close();
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "an assignment is set with a window, answered with an instant reveal and a live leaderboard; practice says when a question comes back")
  void assignmentAndPractice() {
    student.go("/account/groups/" + groupId);
    student.find("#username").sendKeys("sol_student");
    student.find("#password").sendKeys("studying on my own", Keys.ENTER);
    student.textOf("#group-title", "Night owls", java.time.Duration.ofSeconds(30));
    student.find("#new-assignment-summary").click();
    String deckId = student.find("#assignment-deck").getAttribute("value");
    answerKey = new AnswerKey(quizhall.pool(), deckId);

    student.find("#assignment-title").sendKeys("Week 1 revision");
    WebElement count = student.find("#assignment-count");
    count.clear();
    count.sendKeys("2");
    student.screenshot("assignment-new", "#assignments-title");
    student.find("#create-assignment").click();
    student.textOf("#assignment-list", "Week 1 revision");
    student.find("#assignment-list a").click();

    student.textOf("#assignment-title", "Week 1 revision");
    answer(
        answerKey.question(student.find("#question-prompt").getAttribute("data-question-id")),
        true);
    assertThat(student.textOf("#my-result", "Right")).contains("points");
    assertThat(student.find(".source").getText()).contains("Line ");
    assertThat(student.textOf("#assignment-leaderboard", "sol_student")).contains("1 answered");
    student.screenshot("assignment-reveal");
    student.find("#next-question").click();
    answer(
        answerKey.question(student.find("#question-prompt").getAttribute("data-question-id")),
        false);
    student.textOf("#my-result", "Not right");
    student.find("#next-question").click();
    student.textOf("#assignment-done", "All done");
    assertThat(student.textOf("#assignment-leaderboard", "2 answered")).contains("50% right");
    assertThat(student.find("#assignment-board-state").getText()).contains("Live");
    student.screenshot("assignment-done");

    student.go("/decks/" + deckId + "/practice");
    student.textOf("#practice-title", "Practise");
    assertThat(student.textOf(".question-count", "Question 1 of")).contains("new");
    answer(
        answerKey.question(student.find("#question-prompt").getAttribute("data-question-id")),
        false);
    assertThat(student.textOf("#comes-back", "You will see this again")).contains("(1 review,");
    assertThat(student.find("#reveal-answer").getText()).startsWith("✓ Answer:");
    student.screenshot("practice-reveal");
  }

  /** Answers the way a person would: a tap on an option, or typing into the box. */
  private static void answer(JsonObject key, boolean right) {
    student.answer(AnswerKey.answerTo(key, right));
    student.find("#reveal-answer");
  }
}
