package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.Eventually;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * Mock exams sat alone: drawing by blueprint, the server's clock, judging, the report and what is
 * kept secret.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Mock exams")
class ExamApiTest {

  /**
   * One question of every type, in two topics, with explanations no response may show before
   * submission.
   */
  static final String QUESTIONS =
      """
      topic,type,prompt,option1,option2,option3,option4,match1,match2,match3,correct,accepted,explanation
      Cells,multiple_choice,Which molecule carries energy in cells?,ATP,DNA,RNA,Glucose,,,,1,,Explained: ATP is the energy carrier.
      Cells,true_false,DNA is a protein.,,,,,,,,false,,Explained: DNA is a nucleic acid.
      Cells,typed,Name the organelle that holds the genes.,,,,,,,,,Nucleus,Explained: the nucleus keeps the genes.
      Storage,multiple_response,Which two of these are block storage?,EBS,S3,Instance store,Glacier,,,,1;3,,Explained: EBS and instance store hold blocks.
      Storage,ordering,Put the OSI layers in order from the bottom.,Physical,Data link,Network,Transport,,,,,,Explained: the wire first.
      Storage,matching,Match each protocol to its port.,HTTP,SSH,DNS,,80,22,53,,,Explained: HTTP 80; SSH 22; DNS 53.
      """;

  private static final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
  private static Vertx vertx;
  private static DatabaseSettings database;
  private static Quizhall quizhall;
  private static Api api;
  private static String token;
  private static String allTypesDeck;
  private static String sampleCopy;

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    database = TestDatabase.fresh();
    quizhall = TestServer.start(clock, database);
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("exam_taker", "sitting the mock exam");
    allTypesDeck = importAllTypes(token);
    // The sample notes as a deck of the caller's own: exams are set by a deck's owner, and nobody
    // owns the sample.
    HttpResponse<Buffer> copy =
        api.postJson(
            "/api/decks",
            new JsonObject()
                .put("title", "AWS, my copy")
                .put(
                    "notes",
                    org.quizhall.notes.SampleNotes.read(org.quizhall.notes.SampleNotes.AWS)),
            token);
    assertThat(copy.statusCode()).as(copy.bodyAsString()).isEqualTo(201);
    sampleCopy = copy.bodyAsJsonObject().getString("id");
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "an attempt follows the blueprint by largest remainder, never asks one notes line twice, and keeps to the kinds")
  void drawsByBlueprint() {
    JsonObject deck = api.get("/api/decks/" + sampleCopy, token).bodyAsJsonObject();
    // The three topics with the most notes lines asked about, so that each can give its share
    // without asking a line twice.
    Map<String, Set<Integer>> linesPerTopic = new HashMap<>();
    for (Object o : api.get("/api/decks/" + sampleCopy + "/questions", token).bodyAsJsonArray()) {
      JsonObject q = (JsonObject) o;
      linesPerTopic
          .computeIfAbsent(q.getString("topic"), t -> new HashSet<>())
          .add(q.getJsonObject("source").getInteger("line"));
    }
    List<String> topics =
        linesPerTopic.entrySet().stream()
            .sorted(
                java.util.Comparator.<Map.Entry<String, Set<Integer>>>comparingInt(
                        e -> -e.getValue().size())
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .limit(3)
            .toList();
    assertThat(topics).hasSize(3);
    assertThat(linesPerTopic.get(topics.get(2)))
        .as("enough lines for its share")
        .hasSizeGreaterThanOrEqualTo(5);
    JsonArray blueprint =
        new JsonArray()
            .add(new JsonObject().put("topic", topics.get(0)).put("weight", 3))
            .add(new JsonObject().put("topic", topics.get(1)).put("weight", 2))
            .add(new JsonObject().put("topic", topics.get(2)).put("weight", 1));
    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", sampleCopy)
                    .put("title", "Weighted")
                    .put("questionCount", 10)
                    .put("minutes", 20)
                    .put("blueprint", blueprint),
                token));
    // 10 × 3/6 = 5, 10 × 2/6 = 3.33, 10 × 1/6 = 1.67: 5 + 3 + 1, and the tenth to the largest
    // fraction, .67.
    Map<String, Integer> expected = Map.of(topics.get(0), 5, topics.get(1), 3, topics.get(2), 2);
    for (int sitting = 0; sitting < 3; sitting++) {
      JsonObject report = sitAndSubmit(exam.getString("id"));
      Map<String, Integer> perTopic = new HashMap<>();
      Set<String> lines = new HashSet<>();
      for (Object item : report.getJsonArray("questions")) {
        JsonObject q = (JsonObject) item;
        perTopic.merge(q.getString("topic"), 1, Integer::sum);
        JsonObject source = q.getJsonObject("source");
        assertThat(lines.add(source.getInteger("line") + "|" + source.getString("text")))
            .as("no two questions about the same notes line: %s", source)
            .isTrue();
      }
      assertThat(perTopic).isEqualTo(expected);
    }

    // Only the kinds allowed: "choose two" (multiple response) and numbers.
    List<String> kinds = List.of("list_members", "numeric");
    assertThat(deck.getJsonObject("kinds").fieldNames()).containsAll(kinds);
    JsonObject kindsExam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", sampleCopy)
                    .put("questionCount", 6)
                    .put("kinds", new JsonArray(kinds)),
                token));
    JsonObject report = sitAndSubmit(kindsExam.getString("id"));
    assertThat(report.getJsonArray("questions")).hasSize(6);
    Set<String> seen = new HashSet<>();
    report.getJsonArray("questions").forEach(q -> seen.add(((JsonObject) q).getString("kind")));
    assertThat(kinds).containsAll(seen);
    assertThat(
            report.getJsonArray("questions").stream()
                .anyMatch(q -> ((JsonObject) q).getString("type").equals("multiple_response")))
        .as("multiple response is drawn when allowed")
        .isTrue();
  }

  @Test
  @DisplayName(
      "the report's figures match an attempt worked by hand: every type judged by the shared judge, scaled score, domains, time")
  void handWorkedReport() {
    // A student of their own, whose memory cards start here.
    String student = api.signUpAndIn("hand_worked", "worked out by hand");
    String deck = importAllTypes(student);
    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", deck)
                    .put("title", "All six")
                    .put("questionCount", 6)
                    .put("minutes", 30)
                    .put("passScore", 550)
                    .put("scaleMin", 100)
                    .put("scaleMax", 1000)
                    .put("shuffleOptions", true),
                student));
    assertThat(exam.getJsonObject("passMark").getString("kind")).isEqualTo("scaled");
    JsonObject attempt =
        created(
            api.postJson(
                "/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), student));
    String id = attempt.getString("id");
    Map<String, JsonObject> byPrompt = new HashMap<>();
    attempt
        .getJsonArray("questions")
        .forEach(q -> byPrompt.put(((JsonObject) q).getString("prompt"), (JsonObject) q));
    assertThat(byPrompt).hasSize(6);
    JsonObject mc = byPrompt.get("Which molecule carries energy in cells?");
    JsonObject tf = byPrompt.get("DNA is a protein.");
    JsonObject typed = byPrompt.get("Name the organelle that holds the genes.");
    JsonObject mr =
        byPrompt.keySet().stream()
            .filter(p -> p.startsWith("Which two of these are block storage?"))
            .map(byPrompt::get)
            .findFirst()
            .orElseThrow();
    JsonObject ordering = byPrompt.get("Put the OSI layers in order from the bottom.");
    JsonObject matching = byPrompt.get("Match each protocol to its port.");

    // Right: the multiple choice, the typed answer (another case, spaces around), the ordering.
    // Wrong: true/false,
    // the multiple response half right (a "choose two" is right only whole), the matching with two
    // matches swapped.
    clock.advance(Duration.ofSeconds(30));
    save(
        student,
        id,
        mc,
        new JsonObject().put("choice", indexOf(mc.getJsonArray("options"), "ATP")));
    clock.advance(Duration.ofSeconds(45));
    save(
        student,
        id,
        tf,
        new JsonObject().put("choice", indexOf(tf.getJsonArray("options"), "True")));
    clock.advance(Duration.ofSeconds(10));
    flag(student, id, typed, true);
    clock.advance(Duration.ofSeconds(5));
    save(student, id, typed, new JsonObject().put("text", "  nucleus "));
    clock.advance(Duration.ofSeconds(20));
    JsonArray options = mr.getJsonArray("options");
    save(
        student,
        id,
        mr,
        new JsonObject()
            .put(
                "choices",
                new JsonArray(
                    List.of(indexOf(options, "EBS"), indexOf(options, "S3")).stream()
                        .sorted()
                        .toList())));
    clock.advance(Duration.ofSeconds(20));
    JsonArray items = ordering.getJsonArray("items");
    save(
        student,
        id,
        ordering,
        new JsonObject()
            .put(
                "choices",
                new JsonArray(
                    List.of(
                        indexOf(items, "Physical"),
                        indexOf(items, "Data link"),
                        indexOf(items, "Network"),
                        indexOf(items, "Transport")))));
    clock.advance(Duration.ofSeconds(20));
    JsonArray right = matching.getJsonArray("right");
    List<String> left = matching.getJsonArray("left").stream().map(String::valueOf).toList();
    Map<String, String> swapped = Map.of("HTTP", "22", "SSH", "80", "DNS", "53");
    save(
        student,
        id,
        matching,
        new JsonObject()
            .put(
                "choices",
                new JsonArray(
                    left.stream().map(term -> indexOf(right, swapped.get(term))).toList())));
    clock.advance(Duration.ofSeconds(60));
    // Changing an answer counts the time since the last event to that question too.
    save(
        student,
        id,
        matching,
        new JsonObject()
            .put(
                "choices",
                new JsonArray(
                    left.stream().map(term -> indexOf(right, swapped.get(term))).toList())));
    clock.advance(Duration.ofSeconds(10));
    HttpResponse<Buffer> submitted =
        api.postJson("/api/attempts/" + id + "/submit", new JsonObject(), student);
    assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(200);
    assertThat(submitted.bodyAsJsonObject().getString("state")).isEqualTo("submitted");

    JsonObject report = ok(api.get("/api/attempts/" + id + "/report", student));
    JsonObject score = report.getJsonObject("score");
    // 3 of 6 right: 100 + 900 × 3/6 = 550, exactly the pass mark; (550 − 100) × 6 / 900 = 3 right
    // needed.
    assertThat(score.getInteger("correct")).isEqualTo(3);
    assertThat(score.getInteger("total")).isEqualTo(6);
    assertThat(score.getDouble("percent")).isEqualTo(50.0);
    assertThat(score.getInteger("scaled")).isEqualTo(550);
    assertThat(score.getBoolean("passed")).isTrue();
    assertThat(score.getInteger("correctNeeded")).isEqualTo(3);
    assertThat(score.getString("explanation")).contains("550 on a scale of 100 to 1000", "3 of 6");
    // Cells: multiple choice and typed right, true/false wrong; Storage: only the ordering right.
    Map<String, String> domains = new HashMap<>();
    report
        .getJsonArray("domains")
        .forEach(
            d ->
                domains.put(
                    ((JsonObject) d).getString("topic"),
                    ((JsonObject) d).getInteger("correct")
                        + "/"
                        + ((JsonObject) d).getInteger("total")));
    assertThat(domains).isEqualTo(Map.of("Cells", "2/3", "Storage", "1/3"));

    Map<String, JsonObject> reviewed = new HashMap<>();
    report
        .getJsonArray("questions")
        .forEach(q -> reviewed.put(((JsonObject) q).getString("type"), (JsonObject) q));
    assertThat(reviewed.get("multiple_choice").getBoolean("correct")).isTrue();
    assertThat(reviewed.get("true_false").getBoolean("correct")).isFalse();
    assertThat(reviewed.get("typed").getBoolean("correct")).isTrue();
    assertThat(reviewed.get("multiple_response").getBoolean("correct")).isFalse();
    assertThat(reviewed.get("ordering").getBoolean("correct")).isTrue();
    assertThat(reviewed.get("matching").getBoolean("correct")).isFalse();
    assertThat(reviewed.get("multiple_response").getString("answerText")).contains("EBS", "S3");
    // One of the two picks right: half the answer, and still wrong; the matching with two of three
    // pairs swapped.
    assertThat(reviewed.get("multiple_response").getDouble("credit")).isEqualTo(0.5);
    assertThat(reviewed.get("matching").getDouble("credit")).isEqualTo(0.333);
    assertThat(reviewed.get("ordering").getDouble("credit")).isEqualTo(1.0);
    assertThat(reviewed.get("multiple_response").getString("keyText"))
        .contains("EBS", "Instance store");
    assertThat(reviewed.get("true_false").getString("explanation"))
        .isEqualTo("Explained: DNA is a nucleic acid.");
    assertThat(reviewed.get("typed").getBoolean("flagged")).isTrue();
    assertThat(reviewed.get("typed").getJsonObject("source")).isNotNull();
    // Time: 30 s, 45 s, 10 + 5 s, 20 s, 20 s, 20 + 60 s; 210 s in all, 220 s from start to
    // submission.
    assertThat(reviewed.get("multiple_choice").getLong("timeMs")).isEqualTo(30_000);
    assertThat(reviewed.get("true_false").getLong("timeMs")).isEqualTo(45_000);
    assertThat(reviewed.get("typed").getLong("timeMs")).isEqualTo(15_000);
    assertThat(reviewed.get("multiple_response").getLong("timeMs")).isEqualTo(20_000);
    assertThat(reviewed.get("ordering").getLong("timeMs")).isEqualTo(20_000);
    assertThat(reviewed.get("matching").getLong("timeMs")).isEqualTo(80_000);
    assertThat(report.getJsonObject("timing").getLong("answeredMs")).isEqualTo(210_000);
    assertThat(report.getLong("durationMs")).isEqualTo(220_000);

    // Memory: wrong is Again, right but flagged Hard, right Good: an Again card is due first, and
    // remembered least.
    Map<String, Row> cards = new HashMap<>();
    UUID account = UUID.fromString(api.get("/api/me", student).bodyAsJsonObject().getString("id"));
    for (Row row :
        quizhall
            .pool()
            .preparedQuery("SELECT question_id, due, stability FROM mastery WHERE account_id = $1")
            .execute(Tuple.of(account))
            .await()) {
      cards.put(row.getString("question_id"), row);
    }
    for (String type :
        List.of(
            "multiple_choice",
            "true_false",
            "typed",
            "multiple_response",
            "ordering",
            "matching")) {
      assertThat(cards)
          .as("a memory card for the %s question", type)
          .containsKey(reviewed.get(type).getString("id"));
    }
    Row wrong = cards.get(reviewed.get("true_false").getString("id"));
    Row hard = cards.get(reviewed.get("typed").getString("id"));
    Row good = cards.get(reviewed.get("multiple_choice").getString("id"));
    assertThat(wrong.getOffsetDateTime("due")).isBefore(good.getOffsetDateTime("due"));
    assertThat(wrong.getDouble("stability")).isLessThan(hard.getDouble("stability"));
    assertThat(hard.getDouble("stability")).isLessThan(good.getDouble("stability"));
  }

  @Test
  @DisplayName(
      "nothing of a key, an accepted answer, an explanation or a source line is in any response before submission")
  void noKeyBeforeSubmission() {
    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 6)
                    .put("minutes", 10),
                token));
    HttpResponse<Buffer> started =
        api.postJson("/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), token);
    JsonObject attempt = created(started);
    String id = attempt.getString("id");
    JsonObject typed =
        attempt.getJsonArray("questions").stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getString("type").equals("typed"))
            .findFirst()
            .orElseThrow();
    List<String> raw =
        new ArrayList<>(
            List.of(started.bodyAsString(), api.get("/api/attempts/" + id, token).bodyAsString()));
    raw.add(
        api.putJson(
                "/api/attempts/" + id + "/answers/" + typed.getInteger("index"),
                new JsonObject().put("text", "Nucleus"),
                token)
            .bodyAsString());
    raw.add(
        api.putJson(
                "/api/attempts/" + id + "/flags/0", new JsonObject().put("flagged", true), token)
            .bodyAsString());
    raw.add(api.get("/api/exams/" + exam.getString("id"), token).bodyAsString());
    raw.add(api.get("/api/attempts/" + id + "/report", token).bodyAsString());
    for (String body : raw) {
      assertThat(body)
          .doesNotContain(
              "\"correct\"",
              "\"accepted\"",
              "\"explanation\"",
              "\"source\"",
              "\"keyText\"",
              "\"key\"",
              "\"pairs\"",
              "\"shuffle\"",
              "Explained:");
    }
    assertThat(raw.get(raw.size() - 1)).contains("not_submitted");
    // The typed answer saved comes back as given, and is not said to be right or wrong.
    assertThat(raw.get(2)).contains("\"text\":\"Nucleus\"");
  }

  @Test
  @DisplayName(
      "the server's clock: time left counts down, late answers are refused, time up submits with the saved answers")
  void theClock() {
    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 6)
                    .put("minutes", 15)
                    .put("passPercent", 60),
                token));
    JsonObject attempt =
        created(
            api.postJson(
                "/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), token));
    String id = attempt.getString("id");
    assertThat(attempt.getLong("remainingSeconds")).isEqualTo(15 * 60);
    assertThat(
            errorCode(
                api.postJson(
                    "/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), token)))
        .as("one attempt at a time")
        .isEqualTo("attempt_in_progress");
    JsonObject tf = question(attempt, "true_false");
    clock.advance(Duration.ofMinutes(10));
    assertThat(ok(api.get("/api/attempts/" + id, token)).getLong("remainingSeconds"))
        .isEqualTo(5 * 60);
    JsonObject saved =
        save(id, tf, new JsonObject().put("choice", indexOf(tf.getJsonArray("options"), "False")));
    assertThat(saved.getLong("remainingMs")).isEqualTo(5 * 60_000);
    assertThat(saved.getInteger("answered")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(5));
    HttpResponse<Buffer> late =
        api.putJson("/api/attempts/" + id + "/answers/0", new JsonObject().put("choice", 0), token);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(errorCode(late)).isEqualTo("time_up");
    assertThat(
            errorCode(
                api.putJson(
                    "/api/attempts/" + id + "/flags/0",
                    new JsonObject().put("flagged", true),
                    token)))
        .isEqualTo("time_up");
    JsonObject after = ok(api.get("/api/attempts/" + id, token));
    assertThat(after.getString("state")).isEqualTo("submitted");
    assertThat(after.getString("submittedBy")).isEqualTo("deadline");
    assertThat(after.getString("submittedAt"))
        .as("submitted as of its deadline")
        .isEqualTo(after.getString("deadline"));
    assertThat(after.containsKey("questions")).isFalse();
    JsonObject report = ok(api.get("/api/attempts/" + id + "/report", token));
    assertThat(report.getJsonObject("score").getInteger("correct"))
        .as("the one answer saved in time, right")
        .isEqualTo(1);
    assertThat(report.getJsonObject("score").getBoolean("passed")).isFalse();

    // Submitted by the player: changes are refused with their own code, and the exam's attempts
    // list says so.
    JsonObject second =
        created(
            api.postJson(
                "/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), token));
    assertThat(second.getInteger("number")).isEqualTo(2);
    assertThat(
            ok(api.postJson(
                    "/api/attempts/" + second.getString("id") + "/submit", new JsonObject(), token))
                .getString("submittedBy"))
        .isEqualTo("player");
    assertThat(
            errorCode(
                api.putJson(
                    "/api/attempts/" + second.getString("id") + "/answers/0",
                    new JsonObject().put("choice", 0),
                    token)))
        .isEqualTo("attempt_submitted");
    assertThat(
            errorCode(
                api.postJson(
                    "/api/attempts/" + second.getString("id") + "/submit",
                    new JsonObject(),
                    token)))
        .isEqualTo("attempt_submitted");
    assertThat(ok(api.get("/api/exams/" + exam.getString("id"), token)).getJsonArray("attempts"))
        .hasSize(2);
  }

  @Test
  @DisplayName("an attempt nobody opens again is submitted by the sweep once its time is up")
  void sweepSubmits() {
    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("minutes", 1),
                token));
    String id =
        created(
                api.postJson(
                    "/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), token))
            .getString("id");
    clock.advance(Duration.ofSeconds(61));
    Eventually.holds(
        "the sweep to submit the attempt",
        () ->
            quizhall
                    .pool()
                    .preparedQuery("SELECT submitted_by FROM exam_attempts WHERE id = $1")
                    .execute(Tuple.of(UUID.fromString(id)))
                    .await()
                    .iterator()
                    .next()
                    .getString("submitted_by")
                != null);
    assertThat(
            quizhall
                .pool()
                .preparedQuery("SELECT submitted_by FROM exam_attempts WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id)))
                .await()
                .iterator()
                .next()
                .getString("submitted_by"))
        .isEqualTo("deadline");
  }

  @Test
  @DisplayName(
      "a server restart resumes an attempt with its answers, flags and the time that was left")
  void resumesAfterRestart() {
    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 6)
                    .put("minutes", 20),
                token));
    JsonObject attempt =
        created(
            api.postJson(
                "/api/exams/" + exam.getString("id") + "/attempts", new JsonObject(), token));
    String id = attempt.getString("id");
    JsonObject typed = question(attempt, "typed");
    clock.advance(Duration.ofMinutes(3));
    save(id, typed, new JsonObject().put("text", "Nucleus"));
    flag(id, typed, true);

    api.close();
    quizhall.close();
    clock.advance(Duration.ofMinutes(4));
    quizhall = TestServer.start(clock, database);
    api = new Api(vertx, quizhall.httpPort());

    JsonObject resumed = ok(api.get("/api/attempts/" + id, token));
    assertThat(resumed.getString("state")).isEqualTo("open");
    assertThat(resumed.getLong("remainingSeconds"))
        .as("20 minutes less 3 and 4")
        .isEqualTo(13 * 60);
    JsonObject kept = resumed.getJsonArray("questions").getJsonObject(typed.getInteger("index"));
    assertThat(kept.getJsonObject("answer").getString("text")).isEqualTo("Nucleus");
    assertThat(kept.getBoolean("flagged")).isTrue();
    assertThat(
            resumed.getJsonArray("questions").stream()
                .map(q -> ((JsonObject) q).getString("prompt"))
                .toList())
        .as("the same questions in the same order")
        .isEqualTo(
            attempt.getJsonArray("questions").stream()
                .map(q -> ((JsonObject) q).getString("prompt"))
                .toList());
    assertThat(
            ok(api.postJson("/api/attempts/" + id + "/submit", new JsonObject(), token))
                .getString("state"))
        .isEqualTo("submitted");
  }

  @Test
  @DisplayName(
      "bad exam settings and answers are refused with a clear 4xx code, and attempts are limited as set")
  void refusals() {
    String sample = sampleDeck();
    record Case(JsonObject body, int status, String code) {}
    List<Case> cases =
        List.of(
            new Case(
                new JsonObject().put("deckId", UUID.randomUUID().toString()),
                404,
                "deck_not_found"),
            new Case(
                new JsonObject().put("deckId", allTypesDeck).put("questionCount", 0),
                400,
                "invalid_field"),
            new Case(
                new JsonObject().put("deckId", allTypesDeck).put("questionCount", 7),
                400,
                "not_enough_questions"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("minutes", 601),
                400,
                "invalid_field"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("passScore", 720),
                400,
                "invalid_pass_mark"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("passScore", 90)
                    .put("scaleMin", 100)
                    .put("scaleMax", 1000),
                400,
                "invalid_pass_mark"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("passPercent", 0),
                400,
                "invalid_pass_mark"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put(
                        "blueprint",
                        new JsonArray()
                            .add(new JsonObject().put("topic", "Astrology").put("weight", 1))),
                400,
                "invalid_blueprint"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("kinds", new JsonArray().add("nope")),
                400,
                "invalid_kinds"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("colour", "red"),
                400,
                "invalid_field"),
            new Case(
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 3)
                    .put("attemptsAllowed", 0),
                400,
                "invalid_field"));
    // A deck the student can read but does not own (the sample) takes an exam of theirs; its
    // attempt shows no key.
    HttpResponse<Buffer> onSample =
        api.postJson(
            "/api/exams",
            new JsonObject().put("deckId", sample).put("questionCount", 5).put("minutes", 10),
            token);
    assertThat(onSample.statusCode()).as(onSample.bodyAsString()).isEqualTo(201);
    HttpResponse<Buffer> sat =
        api.postJson(
            "/api/exams/" + onSample.bodyAsJsonObject().getString("id") + "/attempts",
            new JsonObject(),
            token);
    assertThat(sat.statusCode()).as(sat.bodyAsString()).isEqualTo(201);
    assertThat(sat.bodyAsString()).doesNotContain("\"correct\"", "\"explanation\"", "\"accepted\"");
    for (Case c : cases) {
      HttpResponse<Buffer> response = api.postJson("/api/exams", c.body(), token);
      assertThat(response.statusCode())
          .as("%s: %s", c.body(), response.bodyAsString())
          .isEqualTo(c.status());
      assertThat(errorCode(response)).as(c.body().encode()).isEqualTo(c.code());
    }

    JsonObject exam =
        created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", allTypesDeck)
                    .put("questionCount", 6)
                    .put("attemptsAllowed", 1)
                    .put("shuffleOptions", false),
                token));
    String examId = exam.getString("id");
    JsonObject attempt =
        created(api.postJson("/api/exams/" + examId + "/attempts", new JsonObject(), token));
    String id = attempt.getString("id");
    JsonObject mr = question(attempt, "multiple_response");
    assertThat(
            errorCode(
                api.putJson(
                    "/api/attempts/" + id + "/answers/" + mr.getInteger("index"),
                    new JsonObject().put("choices", new JsonArray().add(0)),
                    token)))
        .as("choose two means two")
        .isEqualTo("invalid_choice");
    assertThat(
            errorCode(
                api.putJson(
                    "/api/attempts/" + id + "/answers/" + mr.getInteger("index"),
                    new JsonObject().put("choice", 0),
                    token)))
        .isEqualTo("invalid_answer");
    assertThat(
            errorCode(
                api.putJson(
                    "/api/attempts/" + id + "/answers/99",
                    new JsonObject().put("choice", 0),
                    token)))
        .isEqualTo("question_not_found");
    assertThat(
            errorCode(
                api.putJson(
                    "/api/attempts/" + id + "/flags/0",
                    new JsonObject().put("flagged", "yes"),
                    token)))
        .isEqualTo("invalid_field");
    // An empty answer takes a saved one back.
    save(id, mr, new JsonObject().put("choices", new JsonArray().add(0).add(2)));
    JsonObject cleared = save(id, mr, new JsonObject());
    assertThat(cleared.getValue("answer")).isNull();
    assertThat(cleared.getInteger("answered")).isZero();
    ok(api.postJson("/api/attempts/" + id + "/submit", new JsonObject(), token));
    assertThat(
            errorCode(api.postJson("/api/exams/" + examId + "/attempts", new JsonObject(), token)))
        .isEqualTo("no_attempts_left");

    // The owner changes the exam: later attempts follow it, the report of the earlier one keeps its
    // own title.
    JsonObject changed =
        ok(
            api.patchJson(
                "/api/exams/" + examId,
                new JsonObject().put("title", "Renamed").put("attemptsAllowed", 2),
                token));
    assertThat(changed.getString("title")).isEqualTo("Renamed");
    assertThat(ok(api.get("/api/attempts/" + id + "/report", token)).getString("title"))
        .isEqualTo(exam.getString("title"));
    assertThat(
            created(api.postJson("/api/exams/" + examId + "/attempts", new JsonObject(), token))
                .getString("title"))
        .isEqualTo("Renamed");
    assertThat(
            errorCode(
                api.patchJson(
                    "/api/exams/" + examId, new JsonObject().put("minutes", "ten"), token)))
        .isEqualTo("invalid_field");
    assertThat(
            api.get("/api/exams", token).bodyAsJsonArray().stream()
                .map(e -> ((JsonObject) e).getString("id")))
        .contains(examId);
    assertThat(api.delete("/api/exams/" + examId, token).statusCode()).isEqualTo(204);
    assertThat(errorCode(api.get("/api/attempts/" + id, token)))
        .as("its attempts go with it")
        .isEqualTo("attempt_not_found");
  }

  // Helpers.

  private static String sampleDeck() {
    return api.get("/api/decks", token).bodyAsJsonArray().stream()
        .map(JsonObject.class::cast)
        .filter(d -> Boolean.TRUE.equals(d.getBoolean("sample")))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  /** Starts an attempt, submits it unanswered and returns its report. */
  private static JsonObject sitAndSubmit(String examId) {
    String id =
        created(api.postJson("/api/exams/" + examId + "/attempts", new JsonObject(), token))
            .getString("id");
    ok(api.postJson("/api/attempts/" + id + "/submit", new JsonObject(), token));
    return ok(api.get("/api/attempts/" + id + "/report", token));
  }

  private static JsonObject question(JsonObject attempt, String type) {
    return attempt.getJsonArray("questions").stream()
        .map(JsonObject.class::cast)
        .filter(q -> q.getString("type").equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject save(String attempt, JsonObject question, JsonObject answer) {
    return save(token, attempt, question, answer);
  }

  private static JsonObject save(
      String who, String attempt, JsonObject question, JsonObject answer) {
    return ok(
        api.putJson(
            "/api/attempts/" + attempt + "/answers/" + question.getInteger("index"), answer, who));
  }

  private static JsonObject flag(String attempt, JsonObject question, boolean flagged) {
    return flag(token, attempt, question, flagged);
  }

  private static JsonObject flag(String who, String attempt, JsonObject question, boolean flagged) {
    return ok(
        api.putJson(
            "/api/attempts/" + attempt + "/flags/" + question.getInteger("index"),
            new JsonObject().put("flagged", flagged),
            who));
  }

  /** A deck of the six questions, owned by {@code who}. */
  private static String importAllTypes(String who) {
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=Every%20type",
            who,
            "text/csv",
            Buffer.buffer(QUESTIONS));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    return imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
  }

  static int indexOf(JsonArray texts, String text) {
    int at = texts.getList().indexOf(text);
    assertThat(at).as("%s among %s", text, texts).isNotNegative();
    return at;
  }

  static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  static JsonObject ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }
}
