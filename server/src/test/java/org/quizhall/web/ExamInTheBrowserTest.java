package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * A short mock exam sat on a phone: set from the deck page, answered, flagged, reloaded in the
 * middle (answers, flags and the time left kept), an answer changed, the 30- and 5-minute warnings,
 * the time run out on the server's clock, the report.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A mock exam in the browser")
class ExamInTheBrowserTest {

  private static final String QUESTIONS =
      """
      topic,type,prompt,option1,option2,option3,option4,correct,accepted,explanation
      Cells,multiple_choice,Which molecule carries energy in cells?,ATP,DNA,RNA,Glucose,1,,Explained: ATP is the energy carrier.
      Cells,typed,Name the organelle that holds the genes.,,,,,,Nucleus,Explained: the nucleus keeps the genes.
      Storage,multiple_response,Which two of these are block storage?,EBS,S3,Instance store,Glacier,1;3,,Explained: EBS and instance store hold blocks.
      Storage,ordering,Put the OSI layers in order from the bottom.,Physical,Data link,Network,Transport,,,Explained: the wire first.
      """;

  /** The right answer of each question, in words, by the start of its prompt. */
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "Which molecule", List.of("ATP"),
          "Name the organelle", List.of("Nucleus"),
          "Which two of these", List.of("EBS", "Instance store"),
          "Put the OSI layers", List.of("Physical", "Data link", "Network", "Transport"));

  private static final TestClock clock =
      new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private static Quizhall quizhall;
  private static Api api;
  private static Browser phone;
  private static String token;
  private static String deckId;
  private static final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("eva_examinee", "sitting it on my phone");
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=Exam%20prep",
            token,
            "text/csv",
            Buffer.buffer(QUESTIONS));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    deckId = imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
    phone = Browser.smallPhone("exam-phone", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    if (phone != null) phone.close();
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "set an exam, sit it with a reload in the middle, flag and change an answer, run out of time, read the report")
  void sitAShortExam() {
    phone.go("/");
    phone.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: arguments[1]}));",
        token,
        "eva_examinee");
    phone.go("/decks/" + deckId);
    phone.find("#exam-link").click();
    phone.textOf("#new-exam-title", "Set an exam");
    assertThat(phone.find("#exam-deck").getAttribute("value"))
        .as("the deck it came from")
        .isEqualTo(deckId);
    phone.find("#exam-title").sendKeys("Mock exam one");
    phone.find("#exam-count").clear();
    phone.find("#exam-count").sendKeys("4");
    phone.find("#exam-minutes").clear();
    phone.find("#exam-minutes").sendKeys("31");
    look("exam-new");
    phone.find("#create-exam").click();
    phone.textOf("#exam-title", "Mock exam one");
    assertThat(phone.find("#exam-shape").getText())
        .contains("4 questions in 31 minutes", "pass mark 70%", "3 of 4 right");
    look("exam");
    // The owner changes the pass mark in the form filled in with the exam's settings.
    phone.find("#edit-exam summary").click();
    assertThat(phone.find("#edit-exam-minutes").getAttribute("value")).isEqualTo("31");
    assertThat(phone.find("#edit-exam-title").getAttribute("value")).isEqualTo("Mock exam one");
    phone.find("#edit-exam-pass-percent").clear();
    phone.find("#edit-exam-pass-percent").sendKeys("75");
    look("exam-edit");
    Object pagesBefore = phone.script("return history.length;");
    phone.find("#save-exam").click();
    phone.textOf("#exam-shape", "pass mark 75%");
    assertThat(phone.script("return history.length;"))
        .as("the saved exam takes the form's place in the history: Back does not return to it")
        .isEqualTo(pagesBefore);
    assertThat(phone.find("#exam-shape").getText())
        .contains("4 questions in 31 minutes", "3 of 4 right");
    phone.find("#start-attempt").click();

    phone.textOf("#attempt-title", "Mock exam one");
    String attemptId = phone.driver.getCurrentUrl().replaceAll(".*/account/attempts/", "");
    assertThat(phone.find("#exam-timer").getText()).matches("(31:00|30:5\\d) left");
    JsonArray served =
        api.get("/api/attempts/" + attemptId, token).bodyAsJsonObject().getJsonArray("questions");
    assertThat(phone.all("#exam-navigator .nav-q")).hasSize(4);

    // Question 1 answered right, question 2 flagged and answered wrong.
    answer(served.getJsonObject(0), true);
    phone.textOf("#save-status", "Saved: question 1");
    new Actions(phone.driver).sendKeys(phone.find("#question-prompt"), Keys.ARROW_RIGHT).perform();
    phone.textOf(".question-count", "Question 2 of 4");
    phone.find("#flag-question").click();
    phone.textOf("#save-status", "flagged for review");
    answer(served.getJsonObject(1), false);
    phone.textOf("#save-status", "Saved: question 2");
    look("exam-question");

    // A reload in the middle: the answers, the flag and the time left come back from the server.
    phone.driver.navigate().refresh();
    phone.textOf("#exam-progress", "2 of 4 answered · 1 flagged");
    assertThat(navClass(0)).contains("answered");
    assertThat(navClass(1)).contains("answered", "flagged");
    assertThat(navClass(2)).doesNotContain("answered");
    assertThat(phone.find("#exam-timer").getText()).matches("(31:00|30:\\d\\d) left");
    if (served.getJsonObject(0).getJsonArray("options") != null
        && served.getJsonObject(0).getString("type").equals("multiple_choice")) {
      assertThat(phone.all("#answers button[aria-pressed='true']"))
          .as("the saved choice is shown again")
          .hasSize(1);
    }

    // The answer to question 2 changed to the right one, and question 3 answered right.
    phone.find("#exam-navigator .nav-q[data-index='1']").click();
    phone.textOf(".question-count", "Question 2 of 4");
    assertThat(phone.find("#flag-question").getAttribute("aria-pressed")).isEqualTo("true");
    answer(served.getJsonObject(1), true);
    phone.textOf("#save-status", "Saved: question 2");
    phone.find("#next-question").click();
    phone.textOf(".question-count", "Question 3 of 4");

    // A minute and a second pass on the server: the next answer brings its time left, and the
    // 30-minute warning.
    clock.advance(Duration.ofSeconds(61));
    answer(served.getJsonObject(2), true);
    phone.textOf("#save-status", "Saved: question 3");
    phone.textOf("#time-warning", "30 minutes left");
    assertThat(phone.find("#exam-timer").getText()).matches("29:5\\d left");
    // Twenty-five minutes more: a flag brings the time left, and the 5-minute warning.
    clock.advance(Duration.ofMinutes(25));
    phone.find("#flag-question").click();
    phone.textOf("#save-status", "Question 3 flagged for review");
    phone.textOf("#time-warning", "5 minutes left");
    assertThat(phone.find("#exam-timer").getAttribute("class")).contains("low");
    assertThat(phone.find("#exam-timer").getText()).matches("4:5\\d left");

    phone.find("#review-exam").click();
    phone.textOf("#review-summary", "3 of 4 answered");
    assertThat(phone.find("#review-flagged").getText()).contains("Question 2", "Question 3");
    assertThat(phone.find("#review-unanswered").getText()).contains("Question 4");
    look("exam-review");
    phone.find("#back-to-questions").click();

    // The server's clock nearly at the deadline: the next change (question 3's flag taken off)
    // leaves a second, the
    // client counts it down and submits; the server's clock passes the deadline too, so either way
    // it ends with the
    // answers saved.
    clock.advance(Duration.ofSeconds(4 * 60 + 58));
    phone.find("#flag-question").click();
    phone.waitUntil(
        "the flag saved, or the time already up",
        () ->
            Boolean.TRUE.equals(
                phone.script(
                    "return !!document.querySelector('#report-title') || (document.querySelector('#save-status') || {}).textContent"
                        + " === 'Flag taken off question 3.';")));
    clock.advance(Duration.ofSeconds(5));
    phone.textOf("#report-title", "Report: Mock exam one");

    // Three of four right (75%), against a 70% pass mark.
    assertThat(phone.find("#report-verdict").getText()).contains("Passed");
    assertThat(phone.find("#report-score").getText()).contains("75%");
    assertThat(phone.find("#report-correct").getText()).contains("3 of 4 right", "3 needed");
    String domains = phone.find("#report-domains").getText();
    assertThat(domains).contains("Cells", "Storage");
    assertThat(phone.all("#report-domains progress")).hasSize(2);
    assertThat(phone.all("#report-questions > li")).hasSize(4);
    String review = phone.find("#report-questions").getText();
    assertThat(review).contains("Your answer: none", "⚑ flagged", "Explained:", "Line ");
    assertThat(phone.find("#time-measure").getText()).contains("previous answer or flag");
    look("exam-report");
    assertThat(problems).as("axe and sideways scrolling on the exam screens").isEmpty();
  }

  @Test
  @DisplayName(
      "an exam whose deck does not load is still shown and can be started, saying why it cannot be changed")
  void deckThatDoesNotLoad() {
    HttpResponse<Buffer> set =
        api.postJson(
            "/api/exams",
            new JsonObject()
                .put("deckId", deckId)
                .put("title", "Mock exam offline")
                .put("questionCount", 2)
                .put("minutes", 10)
                .put("passPercent", 70),
            token);
    assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(201);
    String examId = set.bodyAsJsonObject().getString("id");
    phone.go("/");
    phone.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: arguments[1]}));",
        token,
        "eva_examinee");
    phone.go("/account/exams");
    // The connection drops for the deck only; the page moves to the exam in place, as a link does.
    phone.script(
        "const real = window.fetch;"
            + " window.fetch = (url, options) => String(url).includes('/api/decks/')"
            + " ? Promise.reject(new TypeError('Failed to fetch')) : real(url, options);"
            + " history.pushState(null, '', arguments[0]);"
            + " dispatchEvent(new PopStateEvent('popstate'));",
        "/account/exams/" + examId);

    phone.textOf("#exam-title", "Mock exam offline");
    assertThat(phone.find("#exam-shape").getText()).contains("2 questions in 10 minutes");
    phone.find("#edit-exam summary").click();
    assertThat(phone.textOf("#edit-exam-unavailable", "cannot be changed now"))
        .contains("The server cannot be reached");
    assertThat(phone.all("#edit-exam-form")).isEmpty();
    assertThat(phone.find("#start-attempt").isEnabled()).as("the exam can still be sat").isTrue();
    assertThat(Screens.check(phone, "exam-without-deck", Screens.PHONE)).isEmpty();
  }

  /** Answers the question on screen with the key, or with something else, as a person would. */
  private static void answer(JsonObject q, boolean right) {
    List<String> key =
        KEYS.entrySet().stream()
            .filter(e -> q.getString("prompt").startsWith(e.getKey()))
            .findFirst()
            .orElseThrow()
            .getValue();
    JsonObject answer =
        switch (q.getString("type")) {
          case "typed" -> new JsonObject().put("text", right ? key.get(0) : "Ribosome");
          case "multiple_choice" ->
              new JsonObject()
                  .put(
                      "choice",
                      right
                          ? index(q.getJsonArray("options"), key.get(0))
                          : (index(q.getJsonArray("options"), key.get(0)) + 1) % 4);
          case "multiple_response" ->
              new JsonObject()
                  .put(
                      "choices",
                      new JsonArray(
                          right
                              ? key.stream()
                                  .map(k -> index(q.getJsonArray("options"), k))
                                  .sorted()
                                  .toList()
                              : q.getJsonArray("options").stream()
                                  .map(String::valueOf)
                                  .filter(o -> !key.contains(o))
                                  .map(o -> index(q.getJsonArray("options"), o))
                                  .sorted()
                                  .toList()));
          case "ordering" -> {
            List<Integer> order =
                new ArrayList<>(key.stream().map(k -> index(q.getJsonArray("items"), k)).toList());
            if (!right) {
              java.util.Collections.rotate(order, 1);
            }
            yield new JsonObject().put("choices", new JsonArray(order));
          }
          default -> throw new IllegalStateException(q.encode());
        };
    phone.textOf("#question-prompt", q.getString("prompt"));
    if (answer.containsKey("choices") && q.getString("type").equals("multiple_response")) {
      // Picks already made (a changed answer) are taken off first.
      phone
          .all("#answers button[aria-pressed='true']")
          .forEach(org.openqa.selenium.WebElement::click);
    }
    if (answer.containsKey("text")) {
      phone.find("#typed-answer").clear();
    }
    phone.answer(answer);
  }

  private static int index(JsonArray texts, String text) {
    return texts.getList().indexOf(text);
  }

  private static String navClass(int index) {
    return phone.find("#exam-navigator .nav-q[data-index='" + index + "']").getAttribute("class");
  }

  private static void look(String name) {
    problems.addAll(Screens.check(phone, name, Screens.PHONE));
  }
}
