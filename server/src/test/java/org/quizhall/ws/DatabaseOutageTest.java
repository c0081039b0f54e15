package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Closing;
import org.quizhall.testing.Eventually;
import org.quizhall.testing.OwnedDatabase;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * PostgreSQL stops in the middle of a game and comes back: the room plays on from memory, what it
 * accepted waits (in a bounded queue) and is written when the database returns, readiness and
 * metrics say what is going on, and nothing a player was told was accepted goes missing.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A database outage during a game")
class DatabaseOutageTest {

  /** Small, so the test can fill it: 3 answers and 1 join fit, the next join or answer does not. */
  private static final int QUEUE_LIMIT = 4;

  private final TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
  @RegisterExtension final Closing open = new Closing();

  @Test
  @DisplayName(
      "the room plays on, writes wait within their bound and flush on return, and no accepted answer is lost")
  void roomPlaysThroughAnOutage(Vertx vertx) {
    OwnedDatabase database = open.add(OwnedDatabase.start());
    Quizhall server =
        open.add(
            TestServer.start(
                clock,
                database.settings(),
                new JsonObject().put(QuizhallConfig.WRITE_QUEUE_LIMIT, QUEUE_LIMIT)));
    Api api = open.add(new Api(vertx, server.httpPort()));
    String account = api.signUpAndIn("outage-host", "the lights went out");
    String deckId = api.firstDeckId(account);
    AnswerKey key = new AnswerKey(server.pool(), deckId);
    JsonObject room = api.openRoom(account, deckId, 3, 20);
    String code = room.getString("code");
    SocketClient host = open.add(SocketClient.connect(vertx, server.httpPort()));
    host.send(
        "host", new JsonObject().put("code", code).put("hostToken", room.getString("hostToken")));
    host.await("welcome");
    Map<String, SocketClient> players = new HashMap<>();
    for (String name : List.of("Ada", "Bob", "Cy")) {
      players.put(name, join(vertx, server, code, name));
    }
    host.send("start");

    // Question 1 with the database up: answered and acknowledged as usual. (The joins and the start
    // alone would fill this small queue, so they are let through to the database first.)
    JsonObject first = players.get("Ada").await("question");
    Eventually.holds(
        "the joins and the start to be written",
        () -> api.metric("quizhall_write_queue_rows") == 0);
    for (String name : List.of("Ada", "Bob", "Cy")) {
      SocketClient player = players.get(name);
      JsonObject reply =
          player.reply(
              player.send(
                  "answer",
                  key.answer(first.getString("questionId"), !name.equals("Cy")).put("index", 0)));
      assertThat(reply.getString("type"))
          .as("%s's answer: %s", name, reply)
          .isEqualTo("answer_ack");
    }
    players.get("Ada").awaitAbout("result", 0);
    assertThat(api.get("/health/ready").statusCode()).isEqualTo(200);

    database.stop();

    HttpResponse<Buffer> ready = api.get("/health/ready");
    assertThat(ready.statusCode()).as("readiness reports the outage").isEqualTo(503);
    assertThat(ready.bodyAsJsonObject().encode()).contains("\"id\":\"database\"", "DOWN");
    HttpResponse<Buffer> decks = api.get("/api/decks", account);
    assertThat(decks.statusCode())
        .as("REST says the database is away, not that the server failed")
        .isEqualTo(503);
    assertThat(decks.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("database_unavailable");
    assertThat(decks.getHeader("Retry-After")).isNotBlank();

    // Question 2 during the outage: the room keeps playing from memory.
    host.send("next");
    host.send("next");
    JsonObject second = players.get("Ada").await("question");
    assertThat(second.getInteger("index")).isEqualTo(1);
    Map<String, String> pendingAnswers = new HashMap<>();
    for (String name : List.of("Ada", "Bob", "Cy")) {
      pendingAnswers.put(
          name,
          players
              .get(name)
              .send(
                  "answer",
                  key.answer(second.getString("questionId"), !name.equals("Bob")).put("index", 1)));
    }
    JsonObject adaResult = players.get("Ada").awaitAbout("result", 1);
    assertThat(adaResult.getBoolean("correct"))
        .as("scores are worked out without the database")
        .isTrue();
    assertThat(players.get("Bob").awaitAbout("result", 1).getBoolean("correct")).isFalse();
    for (String name : List.of("Ada", "Bob", "Cy")) {
      assertThat(players.get(name).seen())
          .as("%s is not told the answer is safe while it is not", name)
          .noneMatch(m -> pendingAnswers.get(name).equals(m.getString("re")));
    }
    Eventually.holds(
        "the metrics to report failing writes", () -> api.metric("quizhall_database_failing") == 1);
    assertThat(api.metric("quizhall_write_queue_rows")).as("the three answers wait").isEqualTo(3);

    // A late joiner fills the queue to its bound; after that joins and answers are refused, not
    // lost.
    SocketClient dee = join(vertx, server, code, "Dee");
    players.put("Dee", dee);
    SocketClient eve = open.add(SocketClient.connect(vertx, server.httpPort()));
    JsonObject refused =
        eve.reply(eve.send("join", new JsonObject().put("code", code).put("nickname", "Eve")));
    assertThat(refused.getString("code")).isEqualTo("server_busy");
    HttpResponse<Buffer> full = api.get("/health/ready");
    assertThat(full.statusCode()).isEqualTo(503);
    JsonObject writes =
        full.bodyAsJsonObject().getJsonArray("checks").stream()
            .map(JsonObject.class::cast)
            .filter(check -> "game-writes".equals(check.getString("id")))
            .findFirst()
            .orElseThrow();
    assertThat(writes.getString("status"))
        .as("readiness says the rows waiting reached their limit")
        .isEqualTo("DOWN");
    assertThat(writes.getJsonObject("data").getInteger("waiting")).isEqualTo(QUEUE_LIMIT);
    assertThat(api.metric("quizhall_writes_refused_total")).isEqualTo(1);
    SocketClient signedIn = open.add(SocketClient.connect(vertx, server.httpPort()));
    JsonObject noSignIn =
        signedIn.reply(
            signedIn.send(
                "join",
                new JsonObject()
                    .put("code", code)
                    .put("nickname", "Sam")
                    .put("accountToken", account)));
    assertThat(noSignIn.getString("code"))
        .as("a sign-in cannot be checked now, and the player is told so")
        .isEqualTo("database_unavailable");

    host.send("next");
    host.send("next");
    JsonObject third = players.get("Ada").await("question");
    String tooSoon =
        players
            .get("Ada")
            .send("answer", key.answer(third.getString("questionId"), true).put("index", 2));
    assertThat(players.get("Ada").reply(tooSoon).getString("code")).isEqualTo("server_busy");
    assertThat(eve.isClosed()).as("refusals keep the connection").isFalse();

    database.restart();

    // The pool reconnects by itself; the waiting rows are written and their players told.
    for (String name : List.of("Ada", "Bob", "Cy")) {
      assertThat(players.get(name).reply(pendingAnswers.get(name)).getString("type"))
          .isEqualTo("answer_ack");
    }
    Eventually.holds("readiness to recover", () -> api.get("/health/ready").statusCode() == 200);
    Eventually.holds(
        "every waiting row to be written", () -> api.metric("quizhall_write_queue_rows") == 0);
    assertThat(api.metric("quizhall_database_failing")).isZero();

    // Refused players try again and get in.
    eve.send("join", new JsonObject().put("code", code).put("nickname", "Eve"));
    assertThat(eve.await("welcome").getString("nickname")).isEqualTo("Eve");
    players.put("Eve", eve);
    for (String name : List.of("Ada", "Bob", "Cy", "Dee", "Eve")) {
      SocketClient player = players.get(name);
      assertThat(
              player
                  .reply(
                      player.send(
                          "answer",
                          key.answer(third.getString("questionId"), true).put("index", 2)))
                  .getString("type"))
          .as("%s's answer to question 3", name)
          .isEqualTo("answer_ack");
    }
    host.send("next");
    host.send("next");
    JsonArray ranking = host.await("podium").getJsonArray("ranking");

    JsonObject results =
        api.get("/api/games/" + room.getString("gameId") + "/results", account).bodyAsJsonObject();
    List<Integer> answered = new ArrayList<>();
    for (Object question : results.getJsonArray("questions")) {
      answered.add(((JsonObject) question).getInteger("answered"));
    }
    assertThat(answered)
        .as("every accepted answer is stored: before, during and after the outage")
        .containsExactly(3, 3, 5);
    Map<String, Integer> podiumScores = new HashMap<>();
    for (Object entry : ranking) {
      podiumScores.put(
          ((JsonObject) entry).getString("nickname"), ((JsonObject) entry).getInteger("score"));
    }
    Map<String, Integer> storedScores = new HashMap<>();
    for (Object entry : results.getJsonArray("players")) {
      storedScores.put(
          ((JsonObject) entry).getString("nickname"), ((JsonObject) entry).getInteger("score"));
    }
    assertThat(storedScores)
        .as("the stored standings are the ones the podium showed")
        .isEqualTo(podiumScores)
        .hasSize(5);
  }

  private SocketClient join(Vertx vertx, Quizhall server, String code, String nickname) {
    SocketClient player = open.add(SocketClient.connect(vertx, server.httpPort()));
    player.send("join", new JsonObject().put("code", code).put("nickname", nickname));
    player.await("welcome");
    return player;
  }
}
