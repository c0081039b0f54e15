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
import org.openqa.selenium.support.ui.Select;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * A group sitting in two browsers: the owner schedules it from the group screen and watches it live
 * on a laptop, a member waits for Start on a phone, sits it, submits, and reads the results and
 * their report once it closes.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A group sitting in the browser")
class SittingInTheBrowserTest {

  private static final String QUESTIONS =
      """
      topic,type,prompt,option1,option2,option3,option4,correct
      Cells,multiple_choice,Which molecule carries energy in cells?,ATP,DNA,RNA,Glucose,1
      Cells,multiple_choice,Which organelle holds the genes?,Nucleus,Ribosome,Vacuole,Membrane,1
      Storage,multiple_choice,Which service stores objects?,S3,EBS,EFS,RDS,1
      Storage,multiple_choice,Which service is a relational database?,RDS,S3,SQS,SNS,1
      """;

  /** The right option of each question, by the start of its prompt. */
  private static final Map<String, String> KEYS =
      Map.of(
          "Which molecule", "ATP",
          "Which organelle", "Nucleus",
          "Which service stores", "S3",
          "Which service is", "RDS");

  private static final TestClock clock =
      new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private static Quizhall quizhall;
  private static Api api;
  private static Browser laptop;
  private static Browser phone;
  private static String owner;
  private static String member;
  private static String groupId;
  private static final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn("olga_owner", "runs the mock exams");
    member = api.signUpAndIn("milo_member", "sits them on a phone");
    String absent = api.signUpAndIn("nina_absent", "never turns up");
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=Mock%20prep",
            owner,
            "text/csv",
            Buffer.buffer(QUESTIONS));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    String deck = imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
    HttpResponse<Buffer> exam =
        api.postJson(
            "/api/exams",
            new JsonObject()
                .put("deckId", deck)
                .put("title", "Friday mock")
                .put("questionCount", 4)
                .put("minutes", 20)
                .put("shuffleOptions", false),
            owner);
    assertThat(exam.statusCode()).as(exam.bodyAsString()).isEqualTo(201);
    JsonObject group =
        api.postJson("/api/groups", new JsonObject().put("name", "Friday mocks"), owner)
            .bodyAsJsonObject();
    groupId = group.getString("id");
    for (String who : List.of(member, absent)) {
      api.postJson(
          "/api/groups/join",
          new JsonObject().put("inviteCode", group.getString("inviteCode")),
          who);
    }
    laptop = Browser.desktop("sitting-owner", quizhall.httpPort());
    phone = Browser.smallPhone("sitting-member", quizhall.httpPort());
    signIn(laptop, owner, "olga_owner");
    signIn(phone, member, "milo_member");
  }

  @AfterAll
  static void stop() {
    if (laptop != null) laptop.close();
    if (phone != null) phone.close();
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "scheduled from the group screen, Start on at the start time, watched live by the owner, results and report at the close")
  void scheduleWatchAndSit() {
    String groupPage = "/account/groups/" + groupId;

    // The owner schedules it two minutes ahead (a minute's worth of it in the browser's own time).
    laptop.go(groupPage);
    laptop.find("#schedule-sitting-summary").click();
    laptop.textOf("#sitting-exam", "Friday mock");
    laptop.find("#sitting-title-input").sendKeys("Friday mock, week 1");
    laptop.script(
        "const d = new Date(Date.parse(arguments[0]) + 120000);"
            + " const pad = (n) => String(n).padStart(2, '0');"
            + " document.querySelector('#sitting-starts').value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-"
            + "${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;",
        clock.instant().toString());
    laptop.find("#sitting-late").clear();
    laptop.find("#sitting-late").sendKeys("5");
    laptop.find("#schedule-sitting").click();
    laptop.textOf("#sitting-schedule-message", "Scheduled: “Friday mock, week 1”");
    laptop.textOf("#sitting-list", "Starts in");
    laptop.screenshot("sitting-scheduled", "#sittings-title");

    // The member sees it coming on the group screen, Start still off.
    phone.go(groupPage);
    String clockText = phone.textOf("#sitting-list .sitting-clock", "Starts in");
    assertThat(clockText).matches("Starts in \\d:\\d\\d, at .*");
    assertThat(phone.find("#sitting-list button.start-sitting").isEnabled()).isFalse();
    look(phone, "group-sitting-upcoming", Screens.PHONE);
    phone.screenshot("sitting-upcoming-phone", "#sittings-title");
    String sittingId = phone.find("#sitting-list li.sitting").getAttribute("data-sitting");

    // The start time on the server's clock: Start turns on, and opens the member's attempt.
    clock.advance(Duration.ofMinutes(2));
    phone.go(groupPage);
    phone.textOf("#sitting-list .sitting-clock", "Under way: start by");
    phone.find("#sitting-list button.start-sitting").click();
    phone.textOf("#attempt-title", "Friday mock, week 1");
    String attemptId = phone.driver.getCurrentUrl().replaceAll(".*/account/attempts/", "");
    JsonArray served =
        api.get("/api/attempts/" + attemptId, member).bodyAsJsonObject().getJsonArray("questions");
    answer(served.getJsonObject(0), true);
    phone.textOf("#save-status", "Saved: question 1");

    // The owner watches: the member is sitting it with one answer, then two; never which.
    laptop.go("/account/sittings/" + sittingId);
    laptop.textOf("#sitting-progress tr[data-member='milo_member'] .progress-state", "Sitting");
    laptop.textOf("#sitting-progress tr[data-member='milo_member'] .progress-answered", "1 of 4");
    laptop.textOf("#sitting-progress tr[data-member='nina_absent'] .progress-state", "Not started");
    assertThat(laptop.find("#sitting-counts").getText()).contains("1 of 3 members began");
    look(laptop, "sitting-live", Screens.PROJECTOR);
    phone.find("#next-question").click();
    answer(served.getJsonObject(1), false);
    phone.textOf("#save-status", "Saved: question 2");
    laptop.textOf(
        "#sitting-progress tr[data-member='milo_member'] .progress-answered",
        "2 of 4",
        Duration.ofSeconds(15));
    assertThat(laptop.find("#sitting-progress").getText())
        .doesNotContain("ATP", "Nucleus", "DNA", "Ribosome");

    // The member submits; the report waits for the close.
    phone.find("#review-exam").click();
    phone.find("#submit-exam").click();
    phone.textOf("#submitted-title", "Submitted");
    assertThat(phone.find("#submitted-note").getText()).contains("when the sitting closes");
    look(phone, "sitting-submitted", Screens.PHONE);
    laptop.textOf(
        "#sitting-progress tr[data-member='milo_member'] .progress-state",
        "Submitted",
        Duration.ofSeconds(15));

    // Past the five minutes' late joining, with nobody sitting it: it closes, and the results come.
    clock.advance(Duration.ofMinutes(5));
    laptop.textOf("#sitting-summary", "1 member sat it", Duration.ofSeconds(15));
    assertThat(laptop.find("#sitting-summary").getText()).contains("0 passed", "25% right");
    // One of the two asked of one topic right, none of the other's, whichever came first.
    assertThat(laptop.find("#sitting-domains").getText())
        .contains("Cells", "Storage", "1 of 2 right", "0 of 2 right");
    assertThat(laptop.all("#most-missed > li")).hasSize(3);
    assertThat(laptop.find("#sitting-board").getText()).contains("milo_member", "1 of 4");
    look(laptop, "sitting-results", Screens.PROJECTOR);
    laptop.screenshot("sitting-results", "#sitting-results-title");

    // The member reads the results, then their own report with the keys.
    phone.find("#to-sitting").click();
    phone.textOf("#sitting-summary", "1 member sat it");
    look(phone, "sitting-results-member", Screens.PHONE);
    phone.find("#my-sitting-report").click();
    phone.textOf("#report-title", "Report: Friday mock, week 1, group sitting");
    assertThat(phone.find("#report-correct").getText()).contains("1 of 4 right");
    assertThat(phone.find("#back-to-exam").getText()).contains("Back to the sitting");

    // The group screen: the sitting closed with a link to its results, and its own board.
    phone.go(groupPage);
    phone.find("#sitting-list .sitting-results-link");
    new Select(phone.find("#lb-board")).selectByValue(sittingId);
    phone.textOf("#sitting-leaderboard", "milo_member");
    look(phone, "group-sitting-board", Screens.PHONE);
    assertThat(problems).as("axe and sideways scrolling on the sitting screens").isEmpty();
  }

  /** Picks the option that is the key, or another one, as a person would. */
  private static void answer(JsonObject q, boolean right) {
    String key =
        KEYS.entrySet().stream()
            .filter(e -> q.getString("prompt").startsWith(e.getKey()))
            .findFirst()
            .orElseThrow()
            .getValue();
    int at = q.getJsonArray("options").getList().indexOf(key);
    phone.textOf("#question-prompt", q.getString("prompt"));
    phone.answer(new JsonObject().put("choice", right ? at : (at + 1) % 4));
  }

  private static void signIn(Browser browser, String token, String username) {
    browser.go("/");
    browser.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: arguments[1]}));",
        token,
        username);
  }

  private static void look(Browser browser, String name, Screens.Size restore) {
    problems.addAll(Screens.check(browser, name, restore));
  }
}
