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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.GameFixture;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * Item analysis and flags on small games whose figures are worked out by hand below. Games are
 * written straight into the game tables, as the room's writer leaves them, so every answer is
 * known.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Item analysis and player flags")
class ItemAnalysisApiTest {

  private static final String NOTES =
      """
      Glossary
      - ATP: the molecule cells use to carry energy
      - DNA: the molecule that carries genes
      - RNA: the molecule that copies genes
      - Enzyme: a protein that speeds up reactions
      """;

  private static Quizhall quizhall;
  private static Api api;
  private static String owner;
  private static UUID ownerId;

  private static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-02T09:00:00Z"));

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(CLOCK);
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn("item_analyst", "which questions are bad");
    ownerId = UUID.fromString(api.get("/api/me", owner).bodyAsJsonObject().getString("id"));
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  private static String deck() {
    return api.postJson(
            "/api/decks", new JsonObject().put("title", "Cells").put("notes", NOTES), owner)
        .bodyAsJsonObject()
        .getString("id");
  }

  private static JsonObject add(String deck, String prompt, List<String> options, int correct) {
    HttpResponse<Buffer> added =
        api.postJson(
            "/api/decks/" + deck + "/questions",
            new JsonObject()
                .put("type", "multiple_choice")
                .put("prompt", prompt)
                .put("options", new JsonArray(options))
                .put("correct", correct),
            owner);
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    return added.bodyAsJsonObject();
  }

  /**
   * A game of {@code GameFixture}'s, hosted by the owner; {@code picks[p][q]} is an option index or
   * -1 for none.
   */
  private static UUID game(
      int number, String deck, List<JsonObject> questions, int[][] picks, boolean ended) {
    Object[][] boxed = new Object[picks.length][];
    for (int p = 0; p < picks.length; p++) {
      boxed[p] =
          java.util.Arrays.stream(picks[p]).mapToObj(i -> i < 0 ? null : (Object) i).toArray();
    }
    return GameFixture.game(quizhall.pool(), CLOCK, number, deck, ownerId, questions, boxed, ended);
  }

  private static JsonObject figuresOf(String deck, String questionId) {
    HttpResponse<Buffer> analysis = api.get("/api/decks/" + deck + "/analysis", owner);
    assertThat(analysis.statusCode()).as(analysis.bodyAsString()).isEqualTo(200);
    return analysis.bodyAsJsonObject().getJsonArray("questions").stream()
        .map(JsonObject.class::cast)
        .filter(q -> q.getString("questionId").equals(questionId))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<Buffer> flag(UUID game, String token, JsonObject body) {
    return api.sendAs(
        HttpMethod.POST,
        "/api/games/" + game + "/flags",
        token == null ? null : "Player " + token,
        "application/json",
        body.toBuffer());
  }

  @Test
  @DisplayName(
      "difficulty, discrimination, option shares and median time match the figures worked out by hand")
  void figuresByHand() {
    String deck = deck();
    JsonObject q1 =
        add(
            deck,
            "Where does the Calvin cycle happen?",
            List.of("Stroma", "Thylakoid", "Cytoplasm", "Nucleus"),
            0);
    JsonObject q2 = add(deck, "Which molecule carries genes?", List.of("DNA", "ATP", "Glucose"), 0);
    JsonObject q3 = add(deck, "Which molecule copies genes?", List.of("RNA", "ATP", "Water"), 0);
    // Right (0) or the wrong option chosen, per player, for Q1..Q3. Totals right: 3 3 2 2 2 1 1 1 0
    // 0.
    int[][] picks = {
      {0, 0, 0}, {0, 0, 0}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0},
      {2, 2, 2}, {1, 1, 1}
    };
    game(1, deck, List.of(q1, q2, q3), picks, true);

    JsonObject f = figuresOf(deck, q1.getString("id"));

    // Q1: right x = 1 1 1 1 0 1 0 0 0 0, so 5 of 10.
    assertThat(f.getLong("answers")).isEqualTo(10);
    assertThat(f.getLong("games")).isEqualTo(1);
    assertThat(f.getDouble("correctShare")).isEqualTo(0.5);
    // Rest scores y = (total - x) / 2 = 1 1 .5 .5 1 0 .5 .5 0 0; mean of y where right 0.6, where
    // wrong 0.4;
    // population SD of y = sqrt(0.15); r = (0.6 - 0.4) / sqrt(0.15) * sqrt(0.5 * 0.5) = 0.2582.
    assertThat(f.getDouble("discrimination")).isCloseTo(0.258, within(0.001));
    // Upper 27% (3 of 10): P0 P1 P2, all right; lower: P7 P8 P9, none right.
    assertThat(f.getDouble("upperMinusLower")).isEqualTo(1.0);
    // Times 1 000 … 10 000 ms: the median, the 5th, is 5 000 ms, reported as the middle of its 250
    // ms bucket.
    assertThat(f.getLong("medianMs")).isBetween(5000L, 5250L);
    JsonArray options = f.getJsonArray("options");
    assertThat(
            options.stream()
                .map(JsonObject.class::cast)
                .map(o -> o.getString("letter") + o.getLong("chosen")))
        .containsExactly("A5", "B4", "C1", "D0");
    assertThat(options.getJsonObject(0).getBoolean("key")).isTrue();
    assertThat(options.getJsonObject(1).getDouble("share")).isEqualTo(0.4);
    assertThat(f.getJsonArray("hints").getList())
        .contains("option D was never chosen: replace it")
        .noneMatch(
            h -> ((String) h).startsWith("too easy") || ((String) h).contains("check the key"));
  }

  @Test
  @DisplayName(
      "a key the strongest players reject is pointed out, practice answers count, and an edit starts afresh")
  void suspectKey() {
    String deck = deck();
    JsonObject suspect =
        add(deck, "Which organelle makes ATP?", List.of("Ribosome", "Mitochondrion", "Nucleus"), 0);
    JsonObject anchor =
        add(deck, "Which molecule carries genes?", List.of("DNA", "ATP", "Glucose"), 0);
    // The five strongest on the anchor all chose option B of the suspect question; the five weakest
    // chose the key A.
    int[][] picks = new int[10][];
    for (int p = 0; p < 10; p++) {
      picks[p] = p < 5 ? new int[] {1, 0} : new int[] {0, 1};
    }
    game(2, deck, List.of(suspect, anchor), picks, true);

    JsonObject f = figuresOf(deck, suspect.getString("id"));
    // Right x = 0 0 0 0 0 1 1 1 1 1 against rest scores (the anchor) 1 1 1 1 1 0 0 0 0 0: r = -1.
    assertThat(f.getDouble("discrimination")).isEqualTo(-1.0);
    assertThat(f.getJsonArray("hints").getList())
        .contains(
            "top scorers chose B more than the key: check the key",
            "stronger players got it wrong more often than weaker ones: check the key");

    String practised = suspect.getString("id");
    HttpResponse<Buffer> practice =
        api.postJson(
            "/api/decks/" + deck + "/practice/answers",
            new JsonObject().put("questionId", practised).put("choice", 1).put("responseMs", 2000),
            owner);
    assertThat(practice.statusCode()).as(practice.bodyAsString()).isEqualTo(200);
    JsonObject withPractice = figuresOf(deck, practised);
    assertThat(withPractice.getLong("answers")).isEqualTo(11);
    assertThat(withPractice.getLong("practice")).isEqualTo(1);
    assertThat(figuresOf(deck, practised).getLong("answers"))
        .as("folded once, not again on the next read")
        .isEqualTo(11);

    // The owner fixes the key: the figures were about the old key, so they start again, the old
    // ones counted apart.
    HttpResponse<Buffer> fixed =
        api.patchJson(
            "/api/decks/" + deck + "/questions/" + practised,
            new JsonObject().put("correct", 1),
            owner);
    assertThat(fixed.statusCode()).isEqualTo(200);
    JsonObject afresh = figuresOf(deck, practised);
    assertThat(afresh.getLong("answers")).isZero();
    assertThat(afresh.getLong("earlierAnswers")).isEqualTo(11);
    assertThat(afresh.getJsonArray("hints").getList()).isEmpty();
  }

  @Test
  @DisplayName(
      "a player flags a question once its answer was shown, once per question, and the owner reads the flags")
  void flags() {
    String deck = deck();
    JsonObject q1 =
        add(
            deck,
            "Where does the Calvin cycle happen?",
            List.of("Stroma", "Thylakoid", "Cytoplasm"),
            0);
    JsonObject q2 = add(deck, "Which molecule carries genes?", List.of("DNA", "ATP", "Glucose"), 0);
    UUID running = game(3, deck, List.of(q1, q2), new int[][] {{1, -1}, {0, -1}, {-1, -1}}, false);

    HttpResponse<Buffer> first =
        flag(
            running,
            "token-3-0",
            new JsonObject()
                .put("index", 0)
                .put("reason", "wrong_key")
                .put("comment", "The stroma is not it, surely?"));
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    HttpResponse<Buffer> changed =
        flag(running, "token-3-0", new JsonObject().put("index", 0).put("reason", "unclear"));
    assertThat(changed.statusCode()).isEqualTo(201);
    assertThat(
            flag(
                    running,
                    "token-3-1",
                    new JsonObject()
                        .put("index", 0)
                        .put("reason", "two_right")
                        .put("comment", "Thylakoid too"))
                .statusCode())
        .isEqualTo(201);

    HttpResponse<Buffer> unseen =
        flag(running, "token-3-2", new JsonObject().put("index", 1).put("reason", "unclear"));
    assertThat(unseen.statusCode())
        .as("nobody has been shown question 2's answer yet")
        .isEqualTo(409);
    assertThat(errorCode(unseen)).isEqualTo("not_revealed");
    assertThat(
            errorCode(
                flag(
                    running,
                    "token-3-0",
                    new JsonObject().put("index", 7).put("reason", "unclear"))))
        .isEqualTo("question_not_found");
    assertThat(
            errorCode(
                flag(
                    running,
                    "token-3-0",
                    new JsonObject().put("index", 0).put("reason", "boring"))))
        .isEqualTo("invalid_reason");
    assertThat(
            errorCode(
                flag(
                    running,
                    "token-3-0",
                    new JsonObject()
                        .put("index", 0)
                        .put("reason", "unclear")
                        .put("comment", "x".repeat(501)))))
        .isEqualTo("invalid_comment");
    assertThat(
            flag(running, "someone-else", new JsonObject().put("index", 0).put("reason", "unclear"))
                .statusCode())
        .as("no seat in the game")
        .isEqualTo(404);
    assertThat(
            flag(running, null, new JsonObject().put("index", 0).put("reason", "unclear"))
                .statusCode())
        .isEqualTo(401);

    JsonObject flags = figuresOf(deck, q1.getString("id")).getJsonObject("flags");
    assertThat(flags.getInteger("total")).as("one flag per player per question").isEqualTo(2);
    assertThat(flags.getJsonObject("byReason").getInteger("unclear")).isEqualTo(1);
    assertThat(flags.getJsonObject("byReason").getInteger("two_right")).isEqualTo(1);
    assertThat(flags.getJsonArray("comments").encode())
        .contains("Thylakoid too")
        .doesNotContain("surely");
    assertThat(figuresOf(deck, q1.getString("id")).getJsonArray("hints").getString(0))
        .isIn(
            "flagged 2 times: 1 says it is unclear, 1 says two answers are right",
            "flagged 2 times: 1 says two answers are right, 1 says it is unclear");

    assertThat(
            api.get(
                    "/api/decks/" + deck + "/analysis",
                    api.signUpAndIn("not_the_owner", "just curious here"))
                .statusCode())
        .isEqualTo(404);
  }
}
