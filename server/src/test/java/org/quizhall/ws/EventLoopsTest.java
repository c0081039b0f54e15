package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Closing;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * The HTTP/WebSocket verticle runs once per event loop: sockets are read on several loops, a game
 * played by players on different loops is the same game, and limits that count across the node
 * still count once.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Sockets on every event loop")
class EventLoopsTest {

  private static final int PLAYERS = 8;

  @RegisterExtension final Closing open = new Closing();

  @Test
  @DisplayName(
      "players on different event loops play one game: joins, answers, results and the stored answers")
  void gameAcrossLoops(Vertx vertx) {
    Quizhall server =
        open.add(TestServer.start(new TestClock(Instant.parse("2026-12-02T10:00:00Z"))));
    Api api = open.add(new Api(vertx, server.httpPort()));
    String account = api.signUpAndIn("loop_host", "many loops today");
    String deckId = api.firstDeckId(account);
    AnswerKey key = new AnswerKey(server.pool(), deckId);
    JsonObject room = api.openRoom(account, deckId, 1, 20);
    SocketClient host = open.add(SocketClient.connect(vertx, server.httpPort()));
    host.takeConsole(room);
    List<SocketClient> players = new ArrayList<>();
    for (int i = 0; i < PLAYERS; i++) {
      SocketClient player = open.add(SocketClient.connect(vertx, server.httpPort()));
      player.send(
          "join",
          new JsonObject().put("code", room.getString("code")).put("nickname", "Player" + i));
      player.await("welcome");
      players.add(player);
    }
    assertThat(server.gateway().socketLoops())
        .as("the host's and %d players' sockets were taken by more than one event loop", PLAYERS)
        .isGreaterThan(1);
    assertThat(server.gateway().openSockets()).as("one count for the node").isEqualTo(PLAYERS + 1);
    assertThat(server.gateway().outboxes())
        .as("one outbox per event loop, not one per socket")
        .isEqualTo(server.gateway().socketLoops());

    host.send("start");
    for (int i = 0; i < PLAYERS; i++) {
      SocketClient player = players.get(i);
      JsonObject question = player.await("question");
      String answered =
          player.send(
              "answer", key.answer(question.getString("questionId"), i % 2 == 0).put("index", 0));
      assertThat(player.reply(answered).getString("type"))
          .as("player %d's ack", i)
          .isEqualTo("answer_ack");
    }
    for (int i = 0; i < PLAYERS; i++) {
      JsonObject result = players.get(i).awaitAbout("result", 0);
      assertThat(result.getBoolean("correct")).as("player %d's result", i).isEqualTo(i % 2 == 0);
    }
    host.send("next");
    host.send("next");
    JsonArray ranking = host.await("podium").getJsonArray("ranking");
    assertThat(ranking).hasSize(PLAYERS);

    JsonObject results =
        api.get("/api/games/" + room.getString("gameId") + "/results", account).bodyAsJsonObject();
    int stored = 0;
    for (Object q : results.getJsonArray("questions")) {
      stored += ((JsonObject) q).getInteger("answered");
    }
    assertThat(stored)
        .as("every acknowledged answer, whichever loop it came in on")
        .isEqualTo(PLAYERS);
  }

  @Test
  @DisplayName(
      "the open-rooms cap of an account holds when its requests arrive together on several event loops")
  void roomCapAcrossLoops(Vertx vertx) {
    int cap = 3;
    Quizhall server =
        open.add(
            TestServer.start(
                new TestClock(Instant.parse("2026-12-02T10:00:00Z")),
                TestDatabase.fresh(),
                new JsonObject().put(QuizhallConfig.OPEN_ROOMS_PER_ACCOUNT, cap)));
    Api signUp = open.add(new Api(vertx, server.httpPort()));
    String account = signUp.signUpAndIn("eager_host", "opens all at once");
    String deckId = signUp.firstDeckId(account);
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // A client each: each is its own connection, so the requests spread over the loops.
      io.vertx.ext.web.client.WebClient client = io.vertx.ext.web.client.WebClient.create(vertx);
      open.add(client::close);
      all.add(
          client
              .post(server.httpPort(), "127.0.0.1", "/api/rooms")
              .putHeader("Authorization", "Bearer " + account)
              .sendJsonObject(new JsonObject().put("deckId", deckId)));
    }
    Future.join(all).await();
    long opened = all.stream().filter(f -> f.result().statusCode() == 201).count();
    long refused = all.stream().filter(f -> f.result().statusCode() == 429).count();
    assertThat(opened).as("rooms opened").isEqualTo(cap);
    assertThat(refused).as("refused with too_many_rooms").isEqualTo(12 - cap);
  }
}
