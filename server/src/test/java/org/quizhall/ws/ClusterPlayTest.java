package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Quizhall;
import org.quizhall.room.Protocol;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Failover;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * Two nodes clustered over Hazelcast on loopback, one PostgreSQL: the host on one, players on the
 * other.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A game across two nodes")
class ClusterPlayTest {

  @Test
  @DisplayName(
      "players on node B play a room that lives on node A; every answer is acknowledged and stored")
  void playAcrossNodes(Vertx vertx) throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
    List<SocketClient> sockets = new ArrayList<>();
    try (TestServer.TwoNodes nodes = TestServer.twoNodes(clock, database);
        Api api = new Api(vertx, nodes.a().httpPort())) {
      Quizhall a = nodes.a();
      Quizhall b = nodes.b();
      String token = api.signUpAndIn("clusterhost", "two nodes one game");
      String deckId = api.firstDeckId(token);
      AnswerKey key = new AnswerKey(b.pool(), deckId);
      JsonObject room = api.openRoom(token, deckId, 2, 20);
      SocketClient host = SocketClient.connect(vertx, a.httpPort());
      sockets.add(host);
      host.takeConsole(room);
      List<SocketClient> players = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SocketClient player = SocketClient.connect(vertx, b.httpPort());
        sockets.add(player);
        player.send(
            "join",
            new JsonObject().put("code", room.getString("code")).put("nickname", "far" + i));
        assertThat(player.await("welcome").getString("nickname")).isEqualTo("far" + i);
        players.add(player);
      }
      SocketClient wrongToken = SocketClient.connect(vertx, b.httpPort());
      sockets.add(wrongToken);
      String refused =
          wrongToken.send(
              "host",
              new JsonObject()
                  .put("code", room.getString("code"))
                  .put("hostToken", "not-the-token"));
      assertThat(wrongToken.reply(refused).getString("code")).isEqualTo("invalid_host_token");

      host.reply(host.send("start"));
      int acked = 0;
      for (int q = 0; q < 2; q++) {
        for (int i = 0; i < players.size(); i++) {
          SocketClient player = players.get(i);
          JsonObject question = player.await("question");
          assertThat(question.getInteger("index")).isEqualTo(q);
          String id =
              player.send(
                  "answer", key.answer(question.getString("questionId"), i != 1).put("index", q));
          assertThat(player.reply(id).getString("type")).isEqualTo("answer_ack");
          acked++;
        }
        for (SocketClient player : players) {
          player.awaitAbout("reveal", q);
          assertThat(player.awaitAbout("result", q).getBoolean("correct")).isNotNull();
        }
        host.reply(host.send("next"));
        if (q == 0) {
          host.reply(host.send("next"));
        }
      }
      String playerId = players.get(2).seen().get(0).getString("playerId");
      host.reply(host.send("kick", new JsonObject().put("playerId", playerId)));
      assertThat(players.get(2).awaitClose()).isEqualTo(Protocol.CLOSE_KICKED);
      host.reply(host.send("next"));
      assertThat(players.get(0).await("podium").getJsonArray("top")).isNotEmpty();

      JsonObject results =
          api.get("/api/games/" + room.getString("gameId") + "/results", token).bodyAsJsonObject();
      int stored = 0;
      for (Object q : results.getJsonArray("questions")) {
        stored += ((JsonObject) q).getInteger("answered");
      }
      assertThat(stored).isEqualTo(acked);
    } finally {
      sockets.forEach(SocketClient::close);
    }
  }

  @Test
  @DisplayName(
      "limits are the cluster's: code guesses and wrong passwords sent to one node are refused by the other")
  void sharedLimits(Vertx vertx) throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
    try (TestServer.TwoNodes nodes = TestServer.twoNodes(clock, database);
        Api apiA = new Api(vertx, nodes.a().httpPort());
        Api apiB = new Api(vertx, nodes.b().httpPort())) {
      // Guess on node A until it refuses (the bucket refills a little while the guesses go on),
      // then node B,
      // which has not seen a single guess, refuses the next one at once.
      int capacity = org.quizhall.limits.Limit.ROOM_LOOKUP_FAILURES_PER_ADDRESS.capacity();
      int guesses = 0;
      while (guesses < 3 * capacity
          && apiA.get("/api/rooms/" + code(guesses) + "/qr.svg").statusCode() == 404) {
        guesses++;
      }
      assertThat(guesses).as("guesses node A answered").isBetween(capacity, 3 * capacity - 1);
      // The bucket refills one guess every 600 ms of wall-clock time, so on a busy machine node B
      // may find one guess come back before it: a node that did not share the limit would take a
      // hundred.
      var refused = apiB.get("/api/rooms/" + code(guesses + 1) + "/qr.svg");
      for (int more = 2; refused.statusCode() == 404 && more <= 3; more++) {
        refused = apiB.get("/api/rooms/" + code(guesses + more) + "/qr.svg");
      }
      assertThat(refused.statusCode())
          .as("one of the next three guesses, on node B")
          .isEqualTo(429);
      assertThat(Api.errorCode(refused)).isEqualTo("rate_limited");

      apiA.signUpAndIn("shared_owner", "right horse battery");
      int tries = org.quizhall.limits.Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS.capacity();
      for (int i = 0; i < tries; i++) {
        JsonObject wrong =
            new JsonObject().put("username", "shared_owner").put("password", "guess number " + i);
        assertThat((i % 2 == 0 ? apiA : apiB).postJson("/api/sessions", wrong).statusCode())
            .isEqualTo(401);
      }
      var waiting =
          apiB.postJson(
              "/api/sessions",
              new JsonObject()
                  .put("username", "Shared_Owner")
                  .put("password", "right horse battery"));
      assertThat(waiting.statusCode())
          .as("guesses spread over both nodes count as one")
          .isEqualTo(429);
    }
  }

  /** The {@code n}-th of many well-formed room codes that no room has. */
  private static String code(int n) {
    String alphabet = org.quizhall.room.RoomCodes.ALPHABET;
    return "YYYY"
        + alphabet.charAt(n % alphabet.length())
        + alphabet.charAt(n / alphabet.length() % alphabet.length());
  }

  @Test
  @DisplayName(
      "when the node that owns a room dies mid-game, the room carries on on another node and nothing acknowledged is lost")
  void ownerDies(Vertx vertx) throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
    int portA = TestServer.freePort();
    int portB = TestServer.freePort();
    List<SocketClient> sockets = new ArrayList<>();
    Quizhall a = TestServer.start(clock, database, TestServer.clusterNode(portA, portB));
    try (Quizhall b = TestServer.start(clock, database, TestServer.clusterNode(portB, portA));
        Api api = new Api(vertx, b.httpPort())) {
      String token = api.signUpAndIn("survivor", "one node goes down");
      String deckId = api.firstDeckId(token);
      AnswerKey key = new AnswerKey(b.pool(), deckId);
      Api apiA = new Api(vertx, a.httpPort());
      JsonObject room = apiA.openRoom(token, deckId, 2, 20);
      apiA.close();
      String code = room.getString("code");
      assertThat(b.rooms().owner(code).await()).contains(a.rooms().nodeId());
      SocketClient host = SocketClient.connect(vertx, b.httpPort());
      sockets.add(host);
      host.send(
          "host", new JsonObject().put("code", code).put("hostToken", room.getString("hostToken")));
      host.await("welcome");
      List<SocketClient> players = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        SocketClient player = SocketClient.connect(vertx, b.httpPort());
        sockets.add(player);
        player.send("join", new JsonObject().put("code", code).put("nickname", "p" + i));
        tokens.add(player.await("welcome").getString("resumeToken"));
        players.add(player);
      }
      host.reply(host.send("start"));
      for (SocketClient player : players) {
        JsonObject question = player.await("question");
        assertThat(
                player
                    .reply(
                        player.send(
                            "answer",
                            key.answer(question.getString("questionId"), true).put("index", 0)))
                    .getString("type"))
            .isEqualTo("answer_ack");
      }
      players.get(0).awaitAbout("reveal", 0);
      Failover.awaitCheckpoint(b.pool(), code, "REVEAL");
      host.reply(host.send("next"));
      host.reply(host.send("next"));
      JsonObject second = players.get(0).await("question");
      String early =
          players
              .get(0)
              .send("answer", key.answer(second.getString("questionId"), true).put("index", 1));
      assertThat(players.get(0).reply(early).getString("type")).isEqualTo("answer_ack");

      long killed = System.nanoTime();
      a.vertx().close().await(); // the owner node is gone: no goodbye, no last checkpoint

      assertThat(players.get(0).awaitClose()).isEqualTo(Protocol.CLOSE_GOING_AWAY);
      assertThat(host.awaitClose()).isEqualTo(Protocol.CLOSE_GOING_AWAY);
      List<SocketClient> back = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        back.add(Failover.resume(vertx, b.httpPort(), code, tokens.get(i), sockets::add));
      }
      double seconds = (System.nanoTime() - killed) / 1e9;
      assertThat(seconds).as("the room carried on within 10 s").isLessThan(10);
      assertThat(b.rooms().owner(code).await()).contains(b.rooms().nodeId());
      SocketClient host2 = SocketClient.connect(vertx, b.httpPort());
      sockets.add(host2);
      host2.send(
          "host", new JsonObject().put("code", code).put("hostToken", room.getString("hostToken")));
      assertThat(host2.await("welcome").getString("phase")).isEqualTo("reveal");
      host2.reply(host2.send("next"));
      host2.reply(host2.send("next"));
      JsonObject again = back.get(1).await("question");
      assertThat(again.getInteger("index")).isEqualTo(1);
      String refused =
          back.get(0)
              .send("answer", key.answer(again.getString("questionId"), false).put("index", 1));
      assertThat(back.get(0).reply(refused).getString("code"))
          .as("the answer stored before the crash still counts")
          .isEqualTo("already_answered");
      String late =
          back.get(1)
              .send("answer", key.answer(again.getString("questionId"), true).put("index", 1));
      assertThat(back.get(1).reply(late).getString("type")).isEqualTo("answer_ack");
      assertThat(back.get(0).awaitAbout("reveal", 1).getInteger("answered")).isEqualTo(2);

      JsonObject results =
          api.get("/api/games/" + room.getString("gameId") + "/results", token).bodyAsJsonObject();
      int stored = 0;
      for (Object q : results.getJsonArray("questions")) {
        stored += ((JsonObject) q).getInteger("answered");
      }
      assertThat(stored).as("every acknowledged answer").isEqualTo(4);
    } finally {
      sockets.forEach(SocketClient::close);
      a.close();
    }
  }
}
