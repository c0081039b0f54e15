package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Quizhall;
import org.quizhall.room.Protocol;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Closing;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/** A server stopped in the middle of a game and started again on the same database. */
@ExtendWith(VertxExtension.class)
@DisplayName("A restart during a game")
class RestartTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
  @RegisterExtension final Closing open = new Closing();

  private SocketClient hostOn(Vertx vertx, Quizhall server, JsonObject room) {
    SocketClient host = open.add(SocketClient.connect(vertx, server.httpPort()));
    host.takeConsole(room);
    return host;
  }

  @Test
  @DisplayName(
      "rooms checkpoint when the server stops, carry on after it starts, and players resume with their scores")
  void roomsCarryOn(Vertx vertx) {
    DatabaseSettings database = TestDatabase.fresh();
    Quizhall first = open.add(TestServer.start(clock, database));
    Api api = open.add(new Api(vertx, first.httpPort()));
    String account = api.signUpAndIn("restarter", "through the restart");
    String deckId = api.firstDeckId(account);
    AnswerKey key = new AnswerKey(first.pool(), deckId);
    JsonObject room = api.openRoom(account, deckId, 2, 20);
    SocketClient host = hostOn(vertx, first, room);
    SocketClient ada = open.add(SocketClient.connect(vertx, first.httpPort()));
    ada.send("join", new JsonObject().put("code", room.getString("code")).put("nickname", "Ada"));
    String adaToken = ada.await("welcome").getString("resumeToken");
    SocketClient bob = open.add(SocketClient.connect(vertx, first.httpPort()));
    bob.send("join", new JsonObject().put("code", room.getString("code")).put("nickname", "Bob"));
    String bobToken = bob.await("welcome").getString("resumeToken");
    host.send("start");
    JsonObject question = ada.await("question");
    bob.await("question");
    String answered =
        ada.send("answer", key.answer(question.getString("questionId"), true).put("index", 0));
    assertThat(ada.reply(answered).getString("type")).isEqualTo("answer_ack");

    first.close();

    assertThat(ada.awaitClose()).isEqualTo(Protocol.CLOSE_GOING_AWAY);
    assertThat(host.awaitClose()).isEqualTo(Protocol.CLOSE_GOING_AWAY);

    Quizhall second = open.add(TestServer.start(clock, database));
    SocketClient host2 = hostOn(vertx, second, room);
    SocketClient ada2 = open.add(SocketClient.connect(vertx, second.httpPort()));
    ada2.send(
        "resume",
        new JsonObject().put("code", room.getString("code")).put("resumeToken", adaToken));
    JsonObject adaBack = ada2.await("welcome");
    assertThat(adaBack.getString("phase")).isEqualTo("question");
    assertThat(adaBack.getBoolean("answered"))
        .as("her acknowledged answer survived the restart")
        .isTrue();
    SocketClient bob2 = open.add(SocketClient.connect(vertx, second.httpPort()));
    bob2.send(
        "resume",
        new JsonObject().put("code", room.getString("code")).put("resumeToken", bobToken));
    JsonObject bobBack = bob2.await("welcome");
    JsonObject current = bobBack.getJsonObject("current");
    String bobAnswer =
        bob2.send("answer", key.answer(current.getString("questionId"), false).put("index", 0));
    assertThat(bob2.reply(bobAnswer).getString("type")).isEqualTo("answer_ack");

    JsonObject adaResult = ada2.awaitAbout("result", 0);
    assertThat(adaResult.getBoolean("correct")).isTrue();
    assertThat(adaResult.getInteger("rank")).isEqualTo(1);
    host2.send("next");
    host2.send("next");
    JsonObject second2 = ada2.await("question");
    assertThat(second2.getInteger("index")).isEqualTo(1);
    String last =
        ada2.send("answer", key.answer(second2.getString("questionId"), true).put("index", 1));
    ada2.reply(last);
    String bobLast =
        bob2.send("answer", key.answer(second2.getString("questionId"), true).put("index", 1));
    bob2.reply(bobLast);
    host2.send("next");
    host2.send("next");
    JsonObject podium = host2.await("podium");
    JsonArray ranking = podium.getJsonArray("ranking");
    assertThat(ranking.getJsonObject(0).getString("nickname")).isEqualTo("Ada");

    Api api2 = open.add(new Api(vertx, second.httpPort()));
    JsonObject results =
        api2.get("/api/games/" + room.getString("gameId") + "/results", account).bodyAsJsonObject();
    int stored = 0;
    for (Object q : results.getJsonArray("questions")) {
      stored += ((JsonObject) q).getInteger("answered");
    }
    assertThat(stored)
        .as("every acknowledged answer, from before and after the restart")
        .isEqualTo(4);
  }
}
