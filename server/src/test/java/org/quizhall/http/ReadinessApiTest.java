package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * Readiness: the exam score a student would get now, from their FSRS memory of each fact and their
 * mock exams, worked by hand; too little to say; the domains to review; calibration; who may see
 * it.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Readiness")
class ReadinessApiTest {

  /** Two domains of three facts, each a multiple choice whose first option is right. */
  static final String TWO_DOMAINS =
      """
      topic,type,prompt,option1,option2,option3,option4,correct
      Cells,multiple_choice,Which molecule carries energy in cells?,ATP,DNA,RNA,Glucose,1
      Cells,multiple_choice,Which organelle holds the genes?,Nucleus,Ribosome,Vacuole,Lysosome,1
      Cells,multiple_choice,Which organelle releases energy from food?,Mitochondrion,Golgi body,Centriole,Cell wall,1
      Storage,multiple_choice,Which service stores objects?,S3,EBS,EFS,RDS,1
      Storage,multiple_choice,Which service archives cold data?,Glacier,Lambda,SQS,Route 53,1
      Storage,multiple_choice,Which volume attaches to one instance?,EBS,SNS,CloudFront,Athena,1
      """;

  /** Four domains of two facts each. */
  static final String FOUR_DOMAINS =
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

  private static final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
  private static Quizhall quizhall;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(clock, TestDatabase.fresh());
    api = new Api(vertx, quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "the prediction and its interval match a hand-worked example: FSRS recall of studied facts, first tries for the rest")
  void handWorked() {
    String student = api.signUpAndIn("ready_by_hand", "worked out by hand");
    String deck = importDeck(student, "Two domains", TWO_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, student);
    // Day 0: the three Cells facts practised, two right (rated Good: 10 s of the 20 s practice
    // measures against, not under a quarter, so not Easy) and one wrong (Again). Storage never.
    practise(student, deck, keys.get("Which molecule carries energy in cells?"), true);
    practise(student, deck, keys.get("Which organelle holds the genes?"), true);
    practise(student, deck, keys.get("Which organelle releases energy from food?"), false);
    clock.advance(Duration.ofDays(2));

    JsonObject readiness = ok(api.get("/api/decks/" + deck + "/readiness", student));

    // FSRS-6 defaults: decay d = −w20 = −0.1542, factor = 0.9^(1/d) − 1 = 0.980346; R(t) = (1 +
    // factor·t/S)^d. A first Good gives S = w2 = 2.3065: after 2 days R = (1 + 0.980346·2/2.3065)^
    // −0.1542 = 0.909493. A first Again gives S = w0 = 0.212: R = (1 + 0.980346·2/0.212)^−0.1542 =
    // 0.698483.
    // First tries on the deck: 2 right of 3, so facts never studied count with the mean of Beta(1 +
    // 2, 1 + 1) = 3/5 = 0.6, whose variance is 3·2/(5²·6) = 0.04.
    // No exam set: the default, 20 questions of the deck's topics in proportion (3 : 3), capped at
    // the facts there are: 3 + 3 = 6 questions, 70% to pass, 5 of 6 right (4.2 rounded up).
    // Expected right: Cells 0.909493 + 0.909493 + 0.698483 = 2.517469, Storage 3 × 0.6 = 1.8, in
    // all 4.317469 of 6 = 71.96%.
    // Variance: every fact is asked, so the draw adds nothing and each domain is a
    // Poisson-binomial:
    // Cells 2·0.909493·0.090507 + 0.698483·0.301517 = 0.375235, Storage 3·0.6·0.4 = 0.72. The
    // prior's uncertainty moves the 3 Storage questions together: 3²·0.04 = 0.36. FSRS's defaults
    // may be off for this student by a log-odds shift of sd 0.5 (no exam yet), which moves the
    // expected number right by Σ p(1 − p) = 0.375235 + 0.72 = 1.095235 per unit: 1.095235²·0.25 =
    // 0.299886. In all 1.755120, sd 1.324809 questions. 90% interval: (4.317469 ±
    // 1.644854·1.324809)/6 = 35.64% to 108.3%, cut to 100%.
    // Passing (5 right or more): 1 − Φ((4.5 − 4.317469)/1.324809) = 1 − Φ(0.137779) = 0.4452:
    // not yet.
    assertThat(readiness.getString("verdict")).isEqualTo("not_yet");
    assertThat(readiness.getInteger("questions")).isEqualTo(6);
    assertThat(readiness.getInteger("studied")).isEqualTo(3);
    assertThat(readiness.getInteger("facts")).isEqualTo(6);
    JsonObject passMark = readiness.getJsonObject("passMark");
    assertThat(passMark.getBoolean("default")).isTrue();
    assertThat(passMark.getInteger("correctNeeded")).isEqualTo(5);
    JsonObject predicted = readiness.getJsonObject("predicted");
    assertThat(predicted.getDouble("percent")).isCloseTo(71.96, within(0.1));
    assertThat(predicted.getDouble("low")).isCloseTo(35.64, within(0.1));
    assertThat(predicted.getDouble("high")).isEqualTo(100.0);
    assertThat(predicted.getDouble("passProbability")).isCloseTo(0.4452, within(0.002));
    assertThat(readiness.getJsonObject("model").getDouble("prior")).isEqualTo(60.0);
    assertThat(readiness.getString("message")).startsWith("Not yet").contains("45%");

    // Per domain: Cells expects 2.517469 / 3 = 83.92%, its variance 0.375235 + 0.375235²·0.25 =
    // 0.410435 (sd 0.640652), so its interval starts at (2.517469 − 1.644854·0.640652)/3 = 48.79%.
    // Storage expects 60%. What full recall would gain, as a share of the exam: Storage 3·(1 −
    // 0.6)/6 = 20%, Cells 3·(1 − 0.839156)/6 = 8.04%.
    Map<String, JsonObject> domains = byTopic(readiness.getJsonArray("domains"));
    assertThat(domains.get("Cells").getDouble("percent")).isCloseTo(83.92, within(0.1));
    assertThat(domains.get("Cells").getDouble("low")).isCloseTo(48.79, within(0.1));
    assertThat(domains.get("Cells").getInteger("studied")).isEqualTo(3);
    assertThat(domains.get("Storage").getDouble("percent")).isEqualTo(60.0);
    assertThat(domains.get("Storage").getInteger("studied")).isZero();
    JsonArray focus = readiness.getJsonArray("focus");
    assertThat(focus.getJsonObject(0).getString("topic")).isEqualTo("Storage");
    assertThat(focus.getJsonObject(0).getDouble("gain")).isCloseTo(20.0, within(0.1));
    assertThat(focus.getJsonObject(1).getString("topic")).isEqualTo("Cells");
    assertThat(focus.getJsonObject(1).getDouble("gain")).isCloseTo(8.04, within(0.1));
    assertThat(readiness.getJsonObject("calibration").getJsonArray("attempts")).isEmpty();
    assertThat(readiness.getJsonObject("calibration").getValue("meanAbsoluteError")).isNull();
  }

  @Test
  @DisplayName("with too few facts studied it says there is too little to say, and gives no number")
  void tooLittle() {
    String student = api.signUpAndIn("ready_too_soon", "too little studied");
    String deck = importDeck(student, "Two domains", TWO_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, student);
    practise(student, deck, keys.get("Which molecule carries energy in cells?"), true);
    practise(student, deck, keys.get("Which service stores objects?"), true);

    JsonObject readiness = ok(api.get("/api/decks/" + deck + "/readiness", student));

    // Six facts: a prediction needs half of them (3) studied, and two are.
    assertThat(readiness.getString("verdict")).isEqualTo("too_little");
    assertThat(readiness.getValue("predicted")).isNull();
    assertThat(readiness.getInteger("studied")).isEqualTo(2);
    assertThat(readiness.getInteger("studiedNeeded")).isEqualTo(3);
    assertThat(readiness.getString("message"))
        .startsWith("Too little to say")
        .contains("2 of the 6 facts");
    readiness
        .getJsonArray("domains")
        .forEach(d -> assertThat(((JsonObject) d).getValue("percent")).isNull());
  }

  @Test
  @DisplayName("a fact missed a moment ago counts as FSRS says it stands a day on, not as recalled")
  void justMissed() {
    String student = api.signUpAndIn("ready_just_missed", "missed them all just now");
    String deck = importDeck(student, "Two domains", TWO_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, student);
    practise(student, deck, keys.get("Which molecule carries energy in cells?"), false);
    practise(student, deck, keys.get("Which organelle holds the genes?"), false);
    practise(student, deck, keys.get("Which organelle releases energy from food?"), false);

    JsonObject readiness = ok(api.get("/api/decks/" + deck + "/readiness", student));

    // At the moment of a review FSRS's curve is at 1; a day after a first Again (S = 0.212) it is
    // (1 + 0.980346·1/0.212)^−0.1542 = 0.7662.
    assertThat(byTopic(readiness.getJsonArray("domains")).get("Cells").getDouble("percent"))
        .isCloseTo(76.62, within(0.1));
  }

  @Test
  @DisplayName(
      "the three domains that would gain most come first, and their review round asks only their questions")
  void topThreeAndTheirRound() {
    String student = api.signUpAndIn("ready_to_focus", "three domains to go");
    String deck = importDeck(student, "Four domains", FOUR_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, student);
    // Networking both right, Security one of two, Storage both wrong, Compute never practised.
    practise(student, deck, keys.get("Which port does HTTPS use?"), true);
    practise(student, deck, keys.get("Which protocol resolves names?"), true);
    practise(student, deck, keys.get("Which service manages keys?"), true);
    practise(student, deck, keys.get("Which service holds user identities?"), false);
    practise(student, deck, keys.get("Which service stores objects?"), false);
    practise(student, deck, keys.get("Which service archives cold data?"), false);
    clock.advance(Duration.ofDays(2));

    JsonObject readiness = ok(api.get("/api/decks/" + deck + "/readiness", student));

    // Two days on, a fact right once is recalled with 0.909, a fact missed once with 0.698; first
    // tries 3 of 6 right put the unpractised Compute at Beta(4, 4)'s mean, 0.5. Each domain asks
    // its 2 facts of 8 questions, so full recall gains 2/8 × (1 − recall): Compute 12.5%, Storage
    // 7.5%, Security 4.9%, Networking 2.3%.
    List<String> focus =
        readiness.getJsonArray("focus").stream()
            .map(f -> ((JsonObject) f).getString("topic"))
            .toList();
    assertThat(focus).containsExactly("Compute", "Storage", "Security");
    Map<String, JsonObject> domains = byTopic(readiness.getJsonArray("domains"));
    assertThat(domains.get("Compute").getDouble("gain")).isCloseTo(12.5, within(0.1));
    assertThat(domains.get("Storage").getDouble("gain")).isCloseTo(7.54, within(0.1));
    assertThat(domains.get("Security").getDouble("gain")).isCloseTo(4.89, within(0.1));
    assertThat(domains.get("Networking").getDouble("gain")).isCloseTo(2.26, within(0.1));
    assertThat(readiness.getJsonArray("practiceTopics").getList())
        .containsExactly("Compute", "Storage", "Security");

    // The one-tap review round: practice limited to those topics.
    StringBuilder query = new StringBuilder("?count=50");
    for (String topic : focus) {
      query.append("&topic=").append(URLEncoder.encode(topic, StandardCharsets.UTF_8));
    }
    JsonObject round = ok(api.get("/api/decks/" + deck + "/practice" + query, student));
    Set<String> topics =
        round.getJsonArray("questions").stream()
            .map(q -> ((JsonObject) q).getString("topic"))
            .collect(Collectors.toSet());
    assertThat(topics).containsExactlyInAnyOrder("Compute", "Storage", "Security");
    assertThat(round.getJsonArray("questions")).hasSize(6);

    HttpResponse<Buffer> unknown =
        api.get("/api/decks/" + deck + "/practice?topic=Astronomy", student);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(errorCode(unknown)).isEqualTo("invalid_topic");
  }

  @Test
  @DisplayName(
      "after an attempt, the prediction made as it started stands beside its score, with the error, and corrects the next one")
  void calibrationAfterOneAttempt() {
    String student = api.signUpAndIn("ready_calibrated", "predicted then sat");
    String deck = importDeck(student, "Two domains", TWO_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, student);
    practise(student, deck, keys.get("Which molecule carries energy in cells?"), true);
    practise(student, deck, keys.get("Which organelle holds the genes?"), false);
    practise(student, deck, keys.get("Which service stores objects?"), false);
    practise(student, deck, keys.get("Which service archives cold data?"), true);
    clock.advance(Duration.ofDays(3));
    String exam =
        created(
                api.postJson(
                    "/api/exams",
                    new JsonObject()
                        .put("deckId", deck)
                        .put("title", "Six of six")
                        .put("questionCount", 6)
                        .put("passPercent", 50),
                    student))
            .getString("id");
    JsonObject before = ok(api.get("/api/decks/" + deck + "/readiness", student));
    assertThat(before.getJsonObject("exam").getString("id")).isEqualTo(exam);
    assertThat(before.getJsonObject("passMark").getBoolean("default")).isFalse();
    assertThat(before.getJsonObject("passMark").getInteger("correctNeeded")).isEqualTo(3);
    double predicted = before.getJsonObject("predicted").getDouble("percent");

    // The attempt, sat at the same moment: every question answered right.
    JsonObject attempt =
        created(api.postJson("/api/exams/" + exam + "/attempts", new JsonObject(), student));
    for (Object item : attempt.getJsonArray("questions")) {
      JsonObject q = (JsonObject) item;
      JsonObject key = keys.get(q.getString("prompt"));
      String right = key.getJsonArray("options").getString(key.getInteger("correct"));
      int choice = q.getJsonArray("options").getList().indexOf(right);
      ok(
          api.putJson(
              "/api/attempts/" + attempt.getString("id") + "/answers/" + q.getInteger("index"),
              new JsonObject().put("choice", choice),
              student));
    }
    ok(
        api.postJson(
            "/api/attempts/" + attempt.getString("id") + "/submit", new JsonObject(), student));

    JsonObject after = ok(api.get("/api/decks/" + deck + "/readiness", student));
    JsonObject calibration = after.getJsonObject("calibration");
    JsonArray rows = calibration.getJsonArray("attempts");
    assertThat(rows).hasSize(1);
    JsonObject row = rows.getJsonObject(0);
    assertThat(row.getString("attemptId")).isEqualTo(attempt.getString("id"));
    assertThat(row.getDouble("predicted"))
        .as("the prediction kept is the one shown when the attempt started")
        .isEqualTo(predicted);
    assertThat(row.getDouble("actual")).isEqualTo(100.0);
    assertThat(row.getInteger("correct")).isEqualTo(6);
    assertThat(row.getDouble("error")).isCloseTo(100.0 - predicted, within(0.11));
    assertThat(calibration.getDouble("meanAbsoluteError")).isEqualTo(row.getDouble("error"));
    // The score beat the prediction: the model now leans up (a positive log-odds shift) by part of
    // that error, not all of it.
    JsonObject model = after.getJsonObject("model");
    assertThat(model.getInteger("attemptsUsed")).isEqualTo(1);
    assertThat(model.getDouble("shift")).isPositive();
    assertThat(model.getDouble("adjustment")).isPositive().isLessThan(100.0 - predicted);
  }

  @Test
  @DisplayName("against a scaled pass mark the prediction is given on the exam's scale")
  void scaledPassMark() {
    String student = api.signUpAndIn("ready_scaled", "seven hundred and twenty");
    String deck = importDeck(student, "Two domains", TWO_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, student);
    keys.values().forEach(k -> practise(student, deck, k, true));
    String exam =
        created(
                api.postJson(
                    "/api/exams",
                    new JsonObject()
                        .put("deckId", deck)
                        .put("questionCount", 6)
                        .put("passScore", 720)
                        .put("scaleMin", 100)
                        .put("scaleMax", 1000),
                    student))
            .getString("id");

    JsonObject readiness = ok(api.get("/api/decks/" + deck + "/readiness?exam=" + exam, student));

    // 720 on 100–1000 is (720 − 100)/900 = 68.9% of the scale: 4.13 of 6 questions, so 5 right,
    // 83.3%, which is where the bar draws the pass line.
    JsonObject passMark = readiness.getJsonObject("passMark");
    assertThat(passMark.getString("kind")).isEqualTo("scaled");
    assertThat(passMark.getInteger("correctNeeded")).isEqualTo(5);
    assertThat(passMark.getDouble("neededPercent")).isEqualTo(83.3);
    JsonObject predicted = readiness.getJsonObject("predicted");
    double share = predicted.getDouble("percent") / 100;
    assertThat(predicted.getInteger("scaled")).isCloseTo((int) (100 + 900 * share), within(1));
    assertThat(predicted.getInteger("scaledLow"))
        .isLessThanOrEqualTo(predicted.getInteger("scaled"));
    assertThat(predicted.getInteger("scaledHigh")).isBetween(predicted.getInteger("scaled"), 1000);
  }

  @Test
  @DisplayName(
      "readiness is the caller's own: another student sees theirs on a public deck, none on a private one, never another's exam")
  void authorization() {
    String owner = api.signUpAndIn("ready_owner", "my own readiness");
    String other = api.signUpAndIn("ready_other", "someone else's");
    String deck = importDeck(owner, "Two domains", TWO_DOMAINS);
    Map<String, JsonObject> keys = keys(deck, owner);
    keys.values().forEach(k -> practise(owner, deck, k, true));
    String exam =
        created(
                api.postJson(
                    "/api/exams",
                    new JsonObject().put("deckId", deck).put("questionCount", 4),
                    owner))
            .getString("id");

    assertThat(api.get("/api/decks/" + deck + "/readiness").statusCode()).isEqualTo(401);
    HttpResponse<Buffer> privateDeck = api.get("/api/decks/" + deck + "/readiness", other);
    assertThat(privateDeck.statusCode()).isEqualTo(404);
    assertThat(errorCode(privateDeck)).isEqualTo("deck_not_found");
    HttpResponse<Buffer> malformed = api.get("/api/decks/not-a-deck/readiness", owner);
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(errorCode(malformed)).isEqualTo("deck_not_found");

    ok(api.patchJson("/api/decks/" + deck, new JsonObject().put("public", true), owner));
    JsonObject theirs = ok(api.get("/api/decks/" + deck + "/readiness", other));
    assertThat(theirs.getInteger("studied")).as("the other's own memory, not the owner's").isZero();
    assertThat(theirs.getString("verdict")).isEqualTo("too_little");
    assertThat(theirs.getJsonArray("exams")).isEmpty();
    assertThat(theirs.getValue("exam")).isNull();
    HttpResponse<Buffer> ownersExam =
        api.get("/api/decks/" + deck + "/readiness?exam=" + exam, other);
    assertThat(ownersExam.statusCode()).isEqualTo(404);
    assertThat(errorCode(ownersExam)).isEqualTo("exam_not_found");
    HttpResponse<Buffer> badExam = api.get("/api/decks/" + deck + "/readiness?exam=x", owner);
    assertThat(badExam.statusCode()).isEqualTo(404);
    assertThat(errorCode(badExam)).isEqualTo("exam_not_found");

    JsonObject mine = ok(api.get("/api/decks/" + deck + "/readiness?exam=" + exam, owner));
    assertThat(mine.getInteger("studied")).isEqualTo(6);
    assertThat(mine.getJsonObject("exam").getString("id")).isEqualTo(exam);
    assertThat(mine.getInteger("questions")).isEqualTo(4);
  }

  // Helpers.

  private static String importDeck(String who, String title, String csv) {
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
            who,
            "text/csv",
            Buffer.buffer(csv));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    return imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
  }

  /** The owner's view of each question, by prompt: its id, options and key. */
  private static Map<String, JsonObject> keys(String deck, String owner) {
    Map<String, JsonObject> out = new HashMap<>();
    HttpResponse<Buffer> questions = api.get("/api/decks/" + deck + "/questions", owner);
    assertThat(questions.statusCode()).isEqualTo(200);
    questions
        .bodyAsJsonArray()
        .forEach(q -> out.put(((JsonObject) q).getString("prompt"), (JsonObject) q));
    return out;
  }

  /** A practice answer, right or wrong, given in 10 of the 20 seconds practice measures against. */
  private static void practise(String who, String deck, JsonObject question, boolean right) {
    int key = question.getInteger("correct");
    int choice = right ? key : (key + 1) % question.getJsonArray("options").size();
    JsonObject verdict =
        ok(
            api.postJson(
                "/api/decks/" + deck + "/practice/answers",
                new JsonObject()
                    .put("questionId", question.getString("id"))
                    .put("choice", choice)
                    .put("responseMs", 10_000),
                who));
    assertThat(verdict.getBoolean("correct")).isEqualTo(right);
  }

  private static Map<String, JsonObject> byTopic(JsonArray domains) {
    Map<String, JsonObject> out = new HashMap<>();
    domains.forEach(d -> out.put(((JsonObject) d).getString("topic"), (JsonObject) d));
    return out;
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }
}
