package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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

@ExtendWith(VertxExtension.class)
@DisplayName(
    "A game's gradebook for its host: who missed what, as JSON, tidy CSV tables and a workbook")
class GradebookApiTest {

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
  private static String host;
  private static String player;
  private static String deck;
  private static UUID game;
  private static List<JsonObject> questions;

  private static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(CLOCK);
    api = new Api(vertx, quizhall.httpPort());
    host = api.signUpAndIn("grading_host", "who missed what");
    player = api.signUpAndIn("graded_player", "only my own answers");
    UUID hostId = UUID.fromString(api.get("/api/me", host).bodyAsJsonObject().getString("id"));
    UUID playerId = UUID.fromString(api.get("/api/me", player).bodyAsJsonObject().getString("id"));
    deck =
        api.postJson("/api/decks", new JsonObject().put("title", "Cells").put("notes", NOTES), host)
            .bodyAsJsonObject()
            .getString("id");
    questions =
        List.of(
            add(
                new JsonObject()
                    .put("type", "multiple_choice")
                    .put("prompt", "=Which molecule carries genes?")
                    .put("options", new JsonArray().add("DNA").add("ATP").add("@Glucose"))
                    .put("correct", 0)),
            add(
                new JsonObject()
                    .put("type", "multiple_response")
                    .put("prompt", "Which of these are nucleic acids?")
                    .put("options", new JsonArray().add("DNA").add("RNA").add("ATP").add("Glucose"))
                    .put("correct", new JsonArray().add(0).add(1))),
            add(
                new JsonObject()
                    .put("type", "typed")
                    .put("prompt", "A protein that speeds up reactions is an ___.")
                    .put("accepted", new JsonArray().add("enzyme"))));
    Object[][] picks = {
      {0, List.of(0, 1), "enzyme"},
      {2, List.of(0, 2), "catalyst"},
      {1, null, "enzyme"}
    };
    game =
        GameFixture.game(
            quizhall.pool(), CLOCK, 1, deck, hostId, questions, picks, true, null, playerId);
  }

  private static JsonObject add(JsonObject body) {
    HttpResponse<Buffer> added = api.postJson("/api/decks/" + deck + "/questions", body, host);
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    return added.bodyAsJsonObject();
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "the grid gives each player's answer to each question in words, with the key, and links the host's deck")
  void grid() {
    JsonObject sheet = api.get("/api/games/" + game + "/answers", host).bodyAsJsonObject();

    assertThat(sheet.getJsonArray("players")).hasSize(3);
    JsonArray asked = sheet.getJsonArray("questions");
    assertThat(asked.getJsonObject(0).getString("key")).isEqualTo("DNA");
    assertThat(asked.getJsonObject(1).getString("key")).isEqualTo("DNA; RNA");
    assertThat(asked.getJsonObject(0).getString("deckQuestionId"))
        .as("the host owns the deck: a link to the editor")
        .isEqualTo(questions.get(0).getString("id"));
    JsonArray answers = sheet.getJsonArray("answers");
    assertThat(answers).hasSize(8);
    String p1 = GameFixture.player(1, 1).toString();
    assertThat(given(answers, p1, 0)).isEqualTo("@Glucose");
    assertThat(given(answers, p1, 1)).isEqualTo("DNA; ATP");
    assertThat(given(answers, p1, 2)).isEqualTo("catalyst");
    assertThat(
            answers.stream()
                .map(JsonObject.class::cast)
                .filter(
                    a ->
                        a.getString("player").equals(GameFixture.player(1, 2).toString())
                            && a.getInteger("index") == 1))
        .as("no answer, no row")
        .isEmpty();
  }

  private static String given(JsonArray answers, String player, int index) {
    return answers.stream()
        .map(JsonObject.class::cast)
        .filter(a -> a.getString("player").equals(player) && a.getInteger("index") == index)
        .findFirst()
        .orElseThrow()
        .getString("given");
  }

  @Test
  @DisplayName("each table is its own CSV, with formula-like text made harmless")
  void csvTables() throws Exception {
    HttpResponse<Buffer> answers = api.get("/api/games/" + game + "/answers.csv", host);
    assertThat(answers.getHeader("Content-Disposition")).contains("quizhall-game1-answers.csv");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(answers.bodyAsString()))
            .getRecords();
    assertThat(rows).hasSize(8);
    CSVRecord glucose =
        rows.stream()
            .filter(r -> r.get("nickname").equals("P1") && r.get("question").equals("1"))
            .findFirst()
            .orElseThrow();
    assertThat(glucose.get("answer"))
        .as("a leading @ would run as a formula")
        .isEqualTo("'@Glucose");
    assertThat(glucose.get("prompt")).isEqualTo("'=Which molecule carries genes?");
    assertThat(glucose.get("correct")).isEqualTo("false");

    List<CSVRecord> players =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new StringReader(
                    api.get("/api/games/" + game + "/players.csv", host).bodyAsString()))
            .getRecords();
    assertThat(players.stream().map(r -> r.get("nickname")))
        .containsExactlyInAnyOrder("P0", "P1", "P2");
    List<CSVRecord> perQuestion =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new StringReader(
                    api.get("/api/games/" + game + "/questions.csv", host).bodyAsString()))
            .getRecords();
    assertThat(perQuestion.stream().map(r -> r.get("answered") + "/" + r.get("correct")))
        .containsExactly("3/1", "2/1", "3/2");
  }

  @Test
  @DisplayName("the workbook holds the three tables as sheets, text as text")
  void workbook() throws Exception {
    HttpResponse<Buffer> xlsx = api.get("/api/games/" + game + "/results.xlsx", host);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.getHeader("Content-Type"))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
    try (ReadableWorkbook book =
        new ReadableWorkbook(new ByteArrayInputStream(xlsx.body().getBytes()))) {
      assertThat(book.getSheets().map(s -> s.getName()))
          .containsExactly("players", "questions", "answers");
      List<Row> answers =
          book.getSheets()
              .filter(s -> s.getName().equals("answers"))
              .findFirst()
              .orElseThrow()
              .read();
      assertThat(answers).hasSize(9);
      assertThat(answers.get(0).getCellText(3)).isEqualTo("answer");
      assertThat(answers.stream().skip(1).map(r -> r.getCellText(3)))
          .contains("@Glucose", "DNA; ATP", "catalyst");
    }
  }

  @Test
  @DisplayName("players see the results, not each other's answers; strangers see nothing")
  void hostOnly() {
    for (String path :
        List.of("/answers", "/answers.csv", "/players.csv", "/questions.csv", "/results.xlsx")) {
      HttpResponse<Buffer> asPlayer = api.get("/api/games/" + game + path, player);
      assertThat(asPlayer.statusCode()).as(path).isEqualTo(403);
      assertThat(errorCode(asPlayer)).isEqualTo("not_host");
      assertThat(
              api.get(
                      "/api/games/" + game + path,
                      api.signUpAndIn("grade_stranger", "nothing to see"))
                  .statusCode())
          .isEqualTo(404);
      assertThat(api.get("/api/games/" + game + path, null).statusCode()).isEqualTo(401);
    }
  }
}
