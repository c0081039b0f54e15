package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * Seeded random requests to every REST endpoint: wrong types, huge values, Unicode edge cases, ids
 * that try path traversal or SQL, broken JSON, with and without a sign-in. Every answer must be a
 * clear 2xx-4xx; a 4xx from the API must be the JSON error shape. Never a 5xx.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("REST fuzzing")
class RestFuzzTest {

  static final long SEED = 20261127L;
  static final int REQUESTS = 3_000;

  /** Every route the API serves; {id}, {code} and {username} are filled in by the fuzzer. */
  static final List<String[]> ROUTES =
      List.of(
          new String[] {"DELETE", "/api/decks/{id}"},
          new String[] {"DELETE", "/api/groups/{id}"},
          new String[] {"DELETE", "/api/groups/{id}/members/{username}"},
          new String[] {"DELETE", "/api/groups/{id}/members/me"},
          new String[] {"GET", "/api/assignments/{id}"},
          new String[] {"GET", "/api/assignments/{id}/leaderboard"},
          new String[] {"GET", "/api/decks"},
          new String[] {"GET", "/api/decks/{id}"},
          new String[] {"GET", "/api/decks/{id}/leaderboard"},
          new String[] {"GET", "/api/decks/{id}/practice"},
          new String[] {"GET", "/api/decks/{id}/questions"},
          new String[] {"GET", "/api/games/{id}/results"},
          new String[] {"GET", "/api/games/{id}/results.csv"},
          new String[] {"GET", "/api/groups"},
          new String[] {"GET", "/api/groups/{id}"},
          new String[] {"GET", "/api/groups/{id}/assignments"},
          new String[] {"GET", "/api/groups/{id}/leaderboard"},
          new String[] {"GET", "/api/me"},
          new String[] {"GET", "/api/me/stats"},
          new String[] {"GET", "/api/rooms/{code}/qr.svg"},
          new String[] {"GET", "/api/rooms"},
          new String[] {"PATCH", "/api/groups/{id}"},
          new String[] {"POST", "/api/accounts"},
          new String[] {"POST", "/api/assignments/{id}/answers"},
          new String[] {"POST", "/api/decks"},
          new String[] {"POST", "/api/decks/{id}/practice/answers"},
          new String[] {"POST", "/api/groups"},
          new String[] {"POST", "/api/groups/{id}/assignments"},
          new String[] {"POST", "/api/groups/{id}/decks"},
          new String[] {"POST", "/api/groups/{id}/invite"},
          new String[] {"POST", "/api/groups/join"},
          new String[] {"POST", "/api/rooms"},
          new String[] {"POST", "/api/sessions"},
          new String[] {"PUT", "/api/decks/{id}"},
          new String[] {"DELETE", "/api/sessions/current"},
          new String[] {"DELETE", "/api/sessions"},
          new String[] {"PUT", "/api/me/password"},
          new String[] {"PATCH", "/api/decks/{id}"},
          new String[] {"GET", "/api/decks/{id}/notes"},
          new String[] {"POST", "/api/decks/{id}/duplicate"},
          new String[] {"POST", "/api/decks/{id}/questions"},
          new String[] {"GET", "/api/decks/{id}/questions/{qid}"},
          new String[] {"PATCH", "/api/decks/{id}/questions/{qid}"},
          new String[] {"DELETE", "/api/decks/{id}/questions/{qid}"},
          new String[] {"POST", "/api/decks/{id}/questions/{qid}/restore"},
          new String[] {"POST", "/api/decks/{id}/questions/{qid}/revert"},
          new String[] {"GET", "/api/decks/{id}/analysis"},
          new String[] {"POST", "/api/games/{id}/flags"},
          new String[] {"GET", "/api/games/{id}/answers"},
          new String[] {"GET", "/api/games/{id}/players.csv"},
          new String[] {"GET", "/api/games/{id}/questions.csv"},
          new String[] {"GET", "/api/games/{id}/answers.csv"},
          new String[] {"GET", "/api/games/{id}/results.xlsx"},
          new String[] {"GET", "/api/decks/{id}/export"},
          new String[] {"POST", "/api/decks/{id}/import"},
          new String[] {"POST", "/api/decks/import"},
          new String[] {"POST", "/api/exams"},
          new String[] {"GET", "/api/exams"},
          new String[] {"GET", "/api/exams/{id}"},
          new String[] {"PATCH", "/api/exams/{id}"},
          new String[] {"DELETE", "/api/exams/{id}"},
          new String[] {"POST", "/api/exams/{id}/attempts"},
          new String[] {"GET", "/api/attempts/{id}"},
          new String[] {"PUT", "/api/attempts/{id}/answers/{index}"},
          new String[] {"PUT", "/api/attempts/{id}/flags/{index}"},
          new String[] {"POST", "/api/attempts/{id}/submit"},
          new String[] {"GET", "/api/attempts/{id}/report"},
          new String[] {"POST", "/api/groups/{id}/sittings"},
          new String[] {"GET", "/api/groups/{id}/sittings"},
          new String[] {"GET", "/api/sittings/{id}"},
          new String[] {"DELETE", "/api/sittings/{id}"},
          new String[] {"POST", "/api/sittings/{id}/attempts"},
          new String[] {"GET", "/api/sittings/{id}/progress"},
          new String[] {"GET", "/api/sittings/{id}/results"},
          new String[] {"GET", "/api/decks/{id}/readiness"});

  static final List<String> FIELDS =
      List.of(
          "username",
          "password",
          "title",
          "notes",
          "deckId",
          "groupId",
          "questionCount",
          "secondsPerQuestion",
          "autoAdvance",
          "speedScoring",
          "kinds",
          "weakSpots",
          "name",
          "inviteCode",
          "questionId",
          "choice",
          "text",
          "index",
          "opensAt",
          "closesAt",
          "public",
          "answers",
          "id",
          "currentPassword",
          "newPassword",
          "type",
          "prompt",
          "options",
          "correct",
          "accepted",
          "items",
          "pairs",
          "explanation",
          "topic",
          "topics",
          "reason",
          "comment",
          "choices",
          "minutes",
          "passPercent",
          "passScore",
          "scaleMin",
          "scaleMax",
          "blueprint",
          "weight",
          "shuffleOptions",
          "attemptsAllowed",
          "flagged",
          "examId",
          "startsAt",
          "lateJoinMinutes");

  private static Quizhall quizhall;
  private static Api api;
  private static String token;
  private static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(new TestClock(Instant.parse("2026-11-02T10:00:00Z")));
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("fuzzer", "random but careful");
    String deck = api.firstDeckId(token);
    ids.add(deck);
    JsonObject group =
        api.postJson("/api/groups", new JsonObject().put("name", "Fuzz group"), token)
            .bodyAsJsonObject();
    ids.add(group.getString("id"));
    JsonObject room =
        api.postJson(
                "/api/rooms", new JsonObject().put("deckId", deck).put("questionCount", 3), token)
            .bodyAsJsonObject();
    ids.add(room.getString("gameId"));
    // A deck of the fuzzer's own, so the editor's routes are tried past their ownership check.
    String own =
        api.postJson(
                "/api/decks",
                new JsonObject()
                    .put("title", "Fuzzed")
                    .put(
                        "notes",
                        "Glossary\n- ATP: the molecule cells use to carry energy\n- DNA: the molecule that carries genes\n"
                            + "- RNA: the molecule that copies genes\n- Enzyme: a protein that speeds up reactions\n"),
                token)
            .bodyAsJsonObject()
            .getString("id");
    ids.add(own);
    ids.add(
        api.get("/api/decks/" + own + "/questions", token)
            .bodyAsJsonArray()
            .getJsonObject(0)
            .getString("id"));
    // An exam on it and an attempt under way, so the exam routes are tried past their ownership
    // checks too.
    String exam =
        api.postJson(
                "/api/exams", new JsonObject().put("deckId", own).put("questionCount", 2), token)
            .bodyAsJsonObject()
            .getString("id");
    ids.add(exam);
    ids.add(
        api.postJson("/api/exams/" + exam + "/attempts", new JsonObject(), token)
            .bodyAsJsonObject()
            .getString("id"));
    // A sitting of it for the group, under way (the clock stands still), so the sitting routes are
    // tried past their membership checks.
    ids.add(
        api.postJson(
                "/api/groups/" + group.getString("id") + "/sittings",
                new JsonObject()
                    .put("examId", exam)
                    .put("startsAt", Instant.parse("2026-11-02T10:00:00Z").toString()),
                token)
            .bodyAsJsonObject()
            .getString("id"));
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "a path too long for the HTTP decoder still gets the JSON error shape, not a bare status")
  void pathPastTheLineLimit() {
    HttpResponse<Buffer> response = api.get("/api/decks/" + "x".repeat(5000));
    assertThat(response.statusCode()).isEqualTo(414);
    assertThat(Api.errorCode(response)).isEqualTo("uri_too_long");
    assertThat(api.get("/api/decks").statusCode()).as("the server goes on").isEqualTo(200);
  }

  @Test
  @DisplayName(
      "3,000 seeded hostile requests over every endpoint: never a 5xx, and API errors are JSON")
  void neverAServerError() {
    Random random = new Random(SEED);
    // File uploads draw from a sequence of their own, so the requests above stay the ones this seed
    // always made.
    Random forms = new Random(SEED + 1);
    List<String> failures = new ArrayList<>();
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    java.util.Set<String> routesTried = new java.util.HashSet<>();
    for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
      String[] route = ROUTES.get(random.nextInt(ROUTES.size()));
      String path =
          route[1]
              .replace("{id}", pathValue(random))
              .replace("{code}", pathValue(random))
              .replace("{username}", pathValue(random))
              .replace("{qid}", pathValue(random))
              .replace("{index}", random.nextBoolean() ? "0" : pathValue(random));
      Buffer body = body(random);
      int type = random.nextInt(10);
      String contentType = type < 2 ? "text/plain" : type == 2 ? "text/csv" : "application/json";
      if (forms.nextInt(8) == 0) {
        contentType = "multipart/form-data; boundary=" + BOUNDARY;
        body = form(forms);
      }
      HttpResponse<Buffer> response;
      try {
        response =
            api.send(
                HttpMethod.valueOf(route[0]),
                path,
                random.nextBoolean() ? token : null,
                contentType,
                body);
      } catch (RuntimeException e) {
        failures.add(route[0] + " " + path + " -> no answer: " + e.getMessage());
        continue;
      }
      int status = response.statusCode();
      statuses.merge(status, 1, Integer::sum);
      routesTried.add(route[0] + " " + route[1]);
      if (status >= 500) {
        failures.add(
            route[0]
                + " "
                + path
                + " "
                + abbreviate(body.toString())
                + " -> "
                + status
                + " "
                + abbreviate(response.bodyAsString()));
      } else if (status >= 400 && !Api.isErrorJson(response)) {
        failures.add(
            route[0]
                + " "
                + path
                + " -> "
                + status
                + " without the JSON error shape: "
                + abbreviate(response.bodyAsString()));
      }
    }
    assertThat(failures).as("requests the server answered badly (seed " + SEED + ")").isEmpty();
    System.out.println("REST fuzzing, statuses: " + statuses);
    assertThat(routesTried).as("every route was tried").hasSize(ROUTES.size());
    assertThat(statuses.keySet())
        .as("some requests got through, many were refused")
        .anyMatch(s -> s < 300)
        .anyMatch(s -> s == 400)
        .anyMatch(s -> s == 404)
        .anyMatch(s -> s == 401);
  }

  private static String pathValue(Random random) {
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> ids.get(random.nextInt(ids.size()));
      case 3 -> UUID.randomUUID().toString();
      case 4 -> "..%2F..%2Fetc%2Fpasswd";
      case 5 -> "1'%20OR%20'1'%3D'1";
      case 6 -> "%00";
      case 7 -> "x".repeat(1 + random.nextInt(3000));
      case 8 -> "%F0%9F%92%A9%E2%80%AE";
      case 9 -> "%C3%28";
      case 10 -> "-1";
      default -> "ABCDEF";
    };
  }

  private static final String BOUNDARY = "fuzzboundary";

  /**
   * A form as a file upload sends it, or a broken one: a field named file or not, with the start of
   * a zip, a PDF, HTML or random bytes in it, fields with odd values, boundaries missing or cut
   * short.
   */
  private static Buffer form(Random random) {
    if (random.nextInt(4) == 0) {
      return body(random);
    }
    Buffer out = Buffer.buffer();
    int parts = random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      String name = random.nextInt(3) == 0 ? FIELDS.get(random.nextInt(FIELDS.size())) : "file";
      out.appendString("--" + BOUNDARY + "\r\n");
      if (random.nextBoolean()) {
        out.appendString(
            "Content-Disposition: form-data; name=\""
                + name
                + "\"; filename=\""
                + pathValue(random)
                + (random.nextBoolean() ? ".docx" : ".pdf")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] junk = new byte[random.nextInt(4096)];
        random.nextBytes(junk);
        String[] starts = {"PK\u0003\u0004", "%PDF-1.7\n", "<html><body><h1>", "# Notes\n- ", ""};
        out.appendString(starts[random.nextInt(starts.length)]).appendBytes(junk);
      } else {
        out.appendString("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
            .appendString(String.valueOf(value(random, 0)));
      }
      out.appendString("\r\n");
    }
    if (random.nextInt(5) > 0) {
      out.appendString("--" + BOUNDARY + "--\r\n");
    }
    return out;
  }

  private static Buffer body(Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return Buffer.buffer();
      case 1:
        return Buffer.buffer("{\"unterminated\": ");
      case 2:
        return Buffer.buffer(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
      case 3:
        return Buffer.buffer("[" + "[".repeat(2000) + "]".repeat(2000) + "]");
      case 4:
        // Question files gone wrong: an open quote, a row of endless cells, a header and junk, a
        // bad Anki header.
        return Buffer.buffer(
            List.of(
                    "\"never closed,x\ny,z",
                    ",".repeat(100_000),
                    "type,prompt,correct\nmultiple_choice," + "\u0000,99\n",
                    "#separator:nonsense\na\tb",
                    "#html:true\n<b>" + "<".repeat(50_000) + "\tback",
                    "\uFEFF" + "\t".repeat(3) + "\n".repeat(10_000))
                .get(random.nextInt(6)));
      default:
        JsonObject object = new JsonObject();
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
          object.put(FIELDS.get(random.nextInt(FIELDS.size())), value(random, 0));
        }
        return object.toBuffer();
    }
  }

  private static Object value(Random random, int depth) {
    return switch (random.nextInt(depth > 2 ? 9 : 11)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> Long.MAX_VALUE;
      case 4 -> -1e308;
      case 5 -> "";
      case 6 -> "x".repeat(random.nextInt(200_000));
      case 7 -> "\u0000\uFEFF\u202E\uD83D\uDCA9 <script>alert(1)</script>";
      case 8 -> ids.get(random.nextInt(ids.size()));
      case 9 -> new JsonArray().add(value(random, depth + 1)).add(value(random, depth + 1));
      default ->
          new JsonObject().put(FIELDS.get(random.nextInt(FIELDS.size())), value(random, depth + 1));
    };
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
