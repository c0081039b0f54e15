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
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.notes.SampleNotes;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

@ExtendWith(VertxExtension.class)
@DisplayName("Decks over REST")
class DeckApiTest {

  private static final String NOTES =
      """
      # Photosynthesis
      - Takes place in the chloroplasts
      - Needs light, water and carbon dioxide
      - Produces glucose and oxygen

      ## Light reactions
      - Happen in the thylakoid membranes
      - Split water and release oxygen

      ## Calvin cycle
      - Happens in the stroma
      - Fixes carbon dioxide into sugar

      # Cell respiration
      - Takes place in the mitochondria
      - Releases energy as ATP
      - Glycolysis happens in the cytoplasm

      Glossary
      - ATP: the molecule cells use to carry energy
      - Chlorophyll: the green pigment that absorbs light
      - Stomata: pores in leaves that let gases in and out
      """;

  private static Quizhall quizhall;
  private static Api api;
  private static String owner;
  private static String other;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(new TestClock(Instant.parse("2026-11-03T08:00:00Z")));
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn("deck_owner", "my notes, my deck");
    other = api.signUpAndIn("someone_else", "not the owner here");
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  private static HttpResponse<Buffer> create(String title, String notes, String token) {
    return api.postJson(
        "/api/decks", new JsonObject().put("title", title).put("notes", notes), token);
  }

  @Test
  @DisplayName(
      "the sample notes are a public deck from the first start, with every question pointing at its line")
  void sampleDeck() {
    JsonArray decks = api.get("/api/decks").bodyAsJsonArray();
    JsonObject sample = decks.getJsonObject(0);

    assertThat(sample.getString("title")).isEqualTo("AWS Big Data: Processing");
    assertThat(sample.getBoolean("sample")).isTrue();
    assertThat(sample.getInteger("questionCount")).isGreaterThanOrEqualTo(70);
    assertThat(sample.getJsonObject("kinds").size()).isGreaterThanOrEqualTo(5);

    JsonArray questions =
        api.get("/api/decks/" + sample.getString("id") + "/questions").bodyAsJsonArray();
    assertThat(questions).hasSize(sample.getInteger("questionCount"));
    RowSet<Row> stored =
        quizhall
            .pool()
            .preparedQuery("SELECT body FROM deck_questions WHERE deck_id = $1")
            .execute(Tuple.of(java.util.UUID.fromString(sample.getString("id"))))
            .await();
    assertThat(stored.size()).isEqualTo(questions.size());
    for (Row row : stored) {
      JsonObject question = (JsonObject) row.getValue("body");
      assertThat(question.getJsonObject("source").getInteger("line")).isPositive();
      assertThat(question.getString("explanation")).isNotBlank();
      assertThat(
              org.quizhall.deck.QuestionRules.defects(
                  org.quizhall.deck.QuestionJson.fromJson(question)))
          .as("stored as a sound question: %s", question)
          .isEmpty();
    }
  }

  @Test
  @DisplayName(
      "a deck's answers reach its owner only: readers of a public or sample deck see prompts and options")
  void answersForTheOwnerOnly() {
    String id =
        api.postJson(
                "/api/decks",
                new JsonObject().put("title", "Open book").put("notes", NOTES).put("public", true),
                owner)
            .bodyAsJsonObject()
            .getString("id");
    String sample =
        api.get("/api/decks").bodyAsJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(d -> d.getBoolean("sample"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    List<String> secrets = List.of("correct", "accepted", "explanation", "source");

    JsonArray mine = api.get("/api/decks/" + id + "/questions", owner).bodyAsJsonArray();
    assertThat(mine).isNotEmpty();
    assertThat(mine.getJsonObject(0).fieldNames()).contains("explanation", "source");
    for (String reader : java.util.Arrays.asList(null, other)) {
      for (String deck : List.of(id, sample)) {
        JsonArray seen = api.get("/api/decks/" + deck + "/questions", reader).bodyAsJsonArray();
        assertThat(seen).isNotEmpty();
        for (Object q : seen) {
          JsonObject question = (JsonObject) q;
          assertThat(question.fieldNames())
              .as("what %s reads", reader == null ? "a guest" : "another user")
              .doesNotContainAnyElementsOf(secrets)
              .contains("prompt", "type");
          assertThat(question.encode()).doesNotContain("\"answer\"");
        }
      }
    }
    JsonArray sampleSeen = api.get("/api/decks/" + sample + "/questions", other).bodyAsJsonArray();
    assertThat(
            sampleSeen.stream()
                .map(JsonObject.class::cast)
                .filter(q -> q.getString("kind").equals("topic_of")))
        .as(
            "a 'which of these' question shows no topic or heading that is one of its options, the answer among them")
        .isNotEmpty()
        .allMatch(
            q ->
                !q.getJsonArray("options").contains(q.getValue("topic"))
                    && q.getJsonArray("context").stream()
                        .noneMatch(q.getJsonArray("options")::contains));
    JsonObject first = mine.getJsonObject(0);
    JsonObject public0 =
        api.get("/api/decks/" + id + "/questions", other).bodyAsJsonArray().getJsonObject(0);
    assertThat(public0.getString("prompt")).isEqualTo(first.getString("prompt"));
    assertThat(public0.getJsonArray("options")).isEqualTo(first.getJsonArray("options"));
  }

  @Test
  @DisplayName(
      "imports run on their own pool: a third at once from one account is refused, a sign-in goes through, /metrics times them")
  void importsAreBounded() throws Exception {
    String busy = api.signUpAndIn("busy_importer", "many notes at once");
    String notes = SampleNotes.read(SampleNotes.AWS).repeat(20);
    double importsBefore = api.metric("quizhall_deck_import_seconds_count");
    java.util.concurrent.ExecutorService senders =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<HttpResponse<Buffer>>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int n = i;
        sent.add(senders.submit(() -> create("Big " + n, notes, busy)));
      }
      Thread.sleep(100);
      assertThat(
              api.postJson(
                      "/api/sessions",
                      new JsonObject()
                          .put("username", "deck_owner")
                          .put("password", "my notes, my deck"))
                  .statusCode())
          .as("a sign-in while the imports run")
          .isEqualTo(200);
      List<Integer> statuses = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<HttpResponse<Buffer>> f : sent) {
        HttpResponse<Buffer> response = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() == 429) {
          assertThat(errorCode(response)).isEqualTo("imports_busy");
        }
      }
      assertThat(statuses).contains(201, 429).containsOnly(201, 429);
      assertThat(api.metric("quizhall_deck_import_seconds_count"))
          .isEqualTo(importsBefore + statuses.stream().filter(s -> s == 201).count());
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a signed-in user creates a deck from JSON notes and reads it back with its questions")
  void createFromJson() {
    HttpResponse<Buffer> created = create("Biology", NOTES, owner);

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject deck = created.bodyAsJsonObject();
    assertThat(deck.getString("title")).isEqualTo("Biology");
    assertThat(deck.getInteger("questionCount")).isPositive();
    assertThat(deck.getJsonArray("topics").getList())
        .contains("Photosynthesis", "Cell respiration");
    int kindTotal =
        deck.getJsonObject("kinds").stream()
            .mapToInt(e -> ((Number) e.getValue()).intValue())
            .sum();
    assertThat(kindTotal).isEqualTo(deck.getInteger("questionCount"));

    String id = deck.getString("id");
    assertThat(api.get("/api/decks/" + id, owner).bodyAsJsonObject().getString("title"))
        .isEqualTo("Biology");
    JsonArray questions = api.get("/api/decks/" + id + "/questions", owner).bodyAsJsonArray();
    assertThat(questions).hasSize(deck.getInteger("questionCount"));
    List<String> sourceLines =
        questions.stream()
            .map(q -> ((JsonObject) q).getJsonObject("source").getString("text"))
            .toList();
    assertThat(String.join("\n", sourceLines)).contains("chloroplasts");
    assertThat(
            api.get("/api/decks", owner).bodyAsJsonArray().stream()
                .map(d -> ((JsonObject) d).getString("id"))
                .collect(Collectors.toList()))
        .contains(id);
  }

  @Test
  @DisplayName("notes can be sent as a raw text/markdown body with the title in the query")
  void createFromRawBody() {
    HttpResponse<Buffer> created =
        api.send(
            HttpMethod.POST,
            "/api/decks?title=Raw%20notes",
            owner,
            "text/markdown; charset=utf-8",
            Buffer.buffer("\uFEFF" + NOTES.replace("\n", "\r\n")));

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("title")).isEqualTo("Raw notes");
  }

  @Test
  @DisplayName(
      "another user's private deck is a 404 for them, for reading, replacing and deleting alike")
  void privacy() {
    String id = create("Private", NOTES, owner).bodyAsJsonObject().getString("id");

    assertThat(api.get("/api/decks/" + id, other).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/decks/" + id + "/questions", other).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/decks/" + id).statusCode()).isEqualTo(404);
    HttpResponse<Buffer> replace =
        api.send(
            HttpMethod.PUT,
            "/api/decks/" + id,
            other,
            "application/json",
            new JsonObject().put("title", "Mine now").put("notes", NOTES).toBuffer());
    assertThat(replace.statusCode()).isEqualTo(404);
    assertThat(api.delete("/api/decks/" + id, other).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/decks", other).bodyAsString()).doesNotContain(id);
  }

  @Test
  @DisplayName(
      "re-importing keeps the ids of questions from unchanged lines; deleting removes the deck")
  void replaceAndDelete() {
    String id = create("Evolving", NOTES, owner).bodyAsJsonObject().getString("id");
    List<String> before = ids(id);

    String extended =
        NOTES
            + "\n# Genetics\n- DNA is a double helix\n- Genes are made of DNA\n- Chromosomes carry genes\n";
    HttpResponse<Buffer> replaced =
        api.send(
            HttpMethod.PUT,
            "/api/decks/" + id,
            owner,
            "application/json",
            new JsonObject().put("title", "Evolving").put("notes", extended).toBuffer());
    assertThat(replaced.statusCode()).as(replaced.bodyAsString()).isEqualTo(200);
    List<String> after = ids(id);
    long kept = before.stream().filter(after::contains).count();
    assertThat(kept)
        .as("question ids kept across the re-import")
        .isGreaterThanOrEqualTo(before.size() * 8L / 10);

    assertThat(api.delete("/api/decks/" + id, owner).statusCode()).isEqualTo(204);
    assertThat(api.get("/api/decks/" + id, owner).statusCode()).isEqualTo(404);
  }

  private static List<String> ids(String deckId) {
    return api.get("/api/decks/" + deckId + "/questions", owner).bodyAsJsonArray().stream()
        .map(q -> ((JsonObject) q).getString("id"))
        .toList();
  }

  @Test
  @DisplayName(
      "bad notes get a clear error: empty, binary, not UTF-8, too large, nothing to ask, not signed in")
  void badInput() {
    assertThat(errorCode(create("Empty", "   \n\t\n", owner))).isEqualTo("no_notes");
    assertThat(create("Empty", "   ", owner).statusCode()).isEqualTo(400);

    HttpResponse<Buffer> binary =
        api.send(
            HttpMethod.POST,
            "/api/decks",
            owner,
            "text/plain",
            Buffer.buffer(new byte[] {'P', 'K', 3, 4, 0, 0, 1}));
    assertThat(binary.statusCode()).isEqualTo(415);
    assertThat(errorCode(binary)).isEqualTo("binary_notes");

    HttpResponse<Buffer> latin1 =
        api.send(
            HttpMethod.POST,
            "/api/decks",
            owner,
            "text/plain",
            Buffer.buffer(
                "Caf\u00e9 notes\n- cr\u00e8me br\u00fbl\u00e9e"
                    .getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(latin1.statusCode()).isEqualTo(400);
    assertThat(errorCode(latin1)).isEqualTo("not_utf8");

    HttpResponse<Buffer> huge = create("Huge", "- a fact about nothing\n".repeat(60_000), owner);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(errorCode(huge)).isEqualTo("notes_too_large");

    HttpResponse<Buffer> pointless = create("Pointless", "hello", owner);
    assertThat(pointless.statusCode()).isEqualTo(422);
    assertThat(errorCode(pointless)).isEqualTo("nothing_to_ask");

    assertThat(create("Anonymous", NOTES, null).statusCode()).isEqualTo(401);
    assertThat(
            api.send(HttpMethod.POST, "/api/decks", owner, "image/png", Buffer.buffer("x"))
                .statusCode())
        .isEqualTo(415);
    assertThat(create("x".repeat(201), NOTES, owner).statusCode()).isEqualTo(400);
    assertThat(errorCode(create("Nul", NOTES + "- a \u0000 inside\n", owner)))
        .isEqualTo("invalid_field");
    HttpResponse<Buffer> hashOnly =
        api.send(
            HttpMethod.POST, "/api/decks", owner, "text/markdown", Buffer.buffer("#\n" + NOTES));
    assertThat(hashOnly.statusCode()).as(hashOnly.bodyAsString()).isEqualTo(201);
    assertThat(hashOnly.bodyAsJsonObject().getString("title")).isNotBlank();
    assertThat(api.get("/api/decks/not-a-uuid").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/decks/00000000-0000-0000-0000-000000000000/questions").statusCode())
        .isEqualTo(404);
  }
}
