package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Readiness on a phone: from the deck page to the prediction, its bar and verdict, the domains to
 * review, a tap on "Review these" that starts a round of those topics, and after an exam the
 * calibration table.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Readiness in the browser")
class ReadinessInTheBrowserTest {

  private static final String QUESTIONS =
      """
      topic,type,prompt,option1,option2,option3,option4,correct
      Networking,multiple_choice,Which port does HTTPS use?,443,80,22,25,1
      Networking,multiple_choice,Which protocol resolves names?,DNS,FTP,SMTP,SSH,1
      Security,multiple_choice,Which service manages keys?,KMS,SQS,SNS,EMR,1
      Security,multiple_choice,Which service holds user identities?,IAM,EBS,S3,ECS,1
      Storage,multiple_choice,Which service stores objects?,S3,EBS,EFS,RDS,1
      Storage,multiple_choice,Which service archives cold data?,Glacier,Lambda,SQS,Route 53,1
      Compute,multiple_choice,Which service runs functions?,Lambda,Glacier,KMS,IAM,1
      Compute,multiple_choice,Which service runs virtual machines?,EC2,S3,SNS,DNS,1
      """;

  private static final TestClock clock =
      new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private static Quizhall quizhall;
  private static Api api;
  private static Browser phone;
  private static String token;
  private static String deckId;
  private static final Map<String, JsonObject> keys = new HashMap<>();
  private static final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("rita_ready", "am I ready yet");
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=Cloud%20exam",
            token,
            "text/csv",
            Buffer.buffer(QUESTIONS));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    deckId = imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
    api.get("/api/decks/" + deckId + "/questions", token)
        .bodyAsJsonArray()
        .forEach(q -> keys.put(((JsonObject) q).getString("prompt"), (JsonObject) q));
    phone = Browser.smallPhone("readiness-phone", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    if (phone != null) phone.close();
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "open readiness from the deck, read the verdict and the domains, tap Review these, then see an exam beside its prediction")
  void readinessAndItsReviewRound() {
    // Networking known, Security half, Storage missed, Compute never met: six facts studied.
    practise("Which port does HTTPS use?", true);
    practise("Which protocol resolves names?", true);
    practise("Which service manages keys?", true);
    practise("Which service holds user identities?", false);
    practise("Which service stores objects?", false);
    practise("Which service archives cold data?", false);
    clock.advance(Duration.ofDays(2));

    phone.go("/");
    phone.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: arguments[1]}));",
        token,
        "rita_ready");
    phone.go("/decks/" + deckId);
    phone.find("#readiness-link").click();
    phone.textOf("#readiness-title", "Readiness: Cloud exam");
    assertThat(phone.find("#readiness-verdict").getText()).isEqualTo("Not yet");
    // 70% of 8 questions is 6 right: the bar's pass line is at 75%.
    assertThat(phone.find("#readiness-pass").getText())
        .isEqualTo("Pass mark 70%: 6 of 8 right (75%)");
    assertThat(phone.find("svg.score-bar").getAttribute("aria-label"))
        .contains("Predicted", "passing takes 75%");
    assertThat(phone.find("#readiness-basis").getText())
        .contains("You have studied 6 of 8 facts", "3 of 6 first tries right");
    List<String> focus =
        phone.all("#readiness-focus li strong").stream().map(e -> e.getText()).toList();
    assertThat(focus).containsExactly("Compute", "Storage", "Security");
    assertThat(phone.all("#readiness-domains li")).hasSize(4);
    assertThat(phone.find("#calibration-title").isDisplayed()).isTrue();
    look("readiness-not-yet");

    // The button is reached and pressed with the keyboard as well as a tap.
    for (int i = 0; i < 40 && !"review-these".equals(phone.focused().getAttribute("id")); i++) {
      new Actions(phone.driver).sendKeys(Keys.TAB).perform();
    }
    assertThat(phone.focused().getAttribute("id"))
        .as("Tab reaches Review these")
        .isEqualTo("review-these");
    phone.find("#review-these").click();
    phone.textOf("#practice-topics", "Review round on Compute, Storage, Security");
    assertThat(phone.driver.getCurrentUrl()).contains("/practice?topic=Compute");
    String heading = phone.textOf(".question-count", "Question 1 of 6");
    assertThat(heading)
        .containsAnyOf("Compute", "Storage", "Security")
        .doesNotContain("Networking");
    look("readiness-review-round");

    // An exam sat at once, every answer right: its prediction stands beside its score.
    String exam =
        api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", deckId)
                    .put("title", "Cloud mock")
                    .put("questionCount", 8)
                    .put("shuffleOptions", false),
                token)
            .bodyAsJsonObject()
            .getString("id");
    JsonObject attempt =
        api.postJson("/api/exams/" + exam + "/attempts", new JsonObject(), token)
            .bodyAsJsonObject();
    for (Object item : attempt.getJsonArray("questions")) {
      JsonObject q = (JsonObject) item;
      api.putJson(
          "/api/attempts/" + attempt.getString("id") + "/answers/" + q.getInteger("index"),
          new JsonObject().put("choice", keys.get(q.getString("prompt")).getInteger("correct")),
          token);
    }
    api.postJson("/api/attempts/" + attempt.getString("id") + "/submit", new JsonObject(), token);

    phone.go("/account/exams/" + exam);
    phone.find("#exam-readiness").click();
    phone.textOf("#calibration-table", "Cloud mock, attempt 1");
    assertThat(phone.find("#calibration-table tbody tr").getText()).contains("100% (8 of 8)");
    assertThat(phone.find("#calibration-error").getText()).contains("mean absolute error");
    assertThat(phone.find("#readiness-exam").getAttribute("value")).isEqualTo(exam);
    look("readiness-calibrated");

    assertThat(problems).as("axe and sideways scrolling on the readiness screens").isEmpty();
  }

  private static void practise(String prompt, boolean right) {
    JsonObject q = keys.get(prompt);
    int key = q.getInteger("correct");
    HttpResponse<Buffer> verdict =
        api.postJson(
            "/api/decks/" + deckId + "/practice/answers",
            new JsonObject()
                .put("questionId", q.getString("id"))
                .put("choice", right ? key : (key + 1) % 4)
                .put("responseMs", 10_000),
            token);
    assertThat(verdict.statusCode()).as(verdict.bodyAsString()).isEqualTo(200);
  }

  private static void look(String name) {
    problems.addAll(Screens.check(phone, name, Screens.PHONE));
  }
}
