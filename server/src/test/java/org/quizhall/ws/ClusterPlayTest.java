package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;
import org.quizhall.room.Protocol;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/** Two nodes clustered over Hazelcast on loopback, one PostgreSQL: the host on one, players on the other. */
@ExtendWith(VertxExtension.class)
@DisplayName("A game across two nodes")
class ClusterPlayTest {

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static JsonObject node(int port, int other) {
    return new JsonObject()
        .put(QuizhallConfig.CLUSTER, "true")
        .put(QuizhallConfig.CLUSTER_HOST, "127.0.0.1")
        .put(QuizhallConfig.CLUSTER_PORT, port)
        .put(QuizhallConfig.CLUSTER_MEMBERS, "127.0.0.1:" + other);
  }

  @Test
  @DisplayName("players on node B play a room that lives on node A; every answer is acknowledged and stored")
  void playAcrossNodes(Vertx vertx) throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
    int portA = freePort();
    int portB = freePort();
    List<SocketClient> sockets = new ArrayList<>();
    try (Quizhall a = TestServer.start(clock, database, node(portA, portB));
        Quizhall b = TestServer.start(clock, database, node(portB, portA));
        Api api = new Api(vertx, a.httpPort())) {
      String token = api.signUpAndIn("clusterhost", "two nodes one game");
      String deckId = api.get("/api/decks", token).bodyAsJsonArray().getJsonObject(0).getString("id");
      AnswerKey key = new AnswerKey(api, deckId, token);
      JsonObject room =
          api.postJson("/api/rooms", new JsonObject().put("deckId", deckId).put("questionCount", 2).put("secondsPerQuestion", 20), token)
              .bodyAsJsonObject();
      SocketClient host = SocketClient.connect(vertx, a.httpPort());
      sockets.add(host);
      host.send("host", new JsonObject().put("code", room.getString("code")).put("hostToken", room.getString("hostToken")));
      assertThat(host.await("welcome").getString("role")).isEqualTo("host");
      List<SocketClient> players = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SocketClient player = SocketClient.connect(vertx, b.httpPort());
        sockets.add(player);
        player.send("join", new JsonObject().put("code", room.getString("code")).put("nickname", "far" + i));
        assertThat(player.await("welcome").getString("nickname")).isEqualTo("far" + i);
        players.add(player);
      }
      SocketClient wrongToken = SocketClient.connect(vertx, b.httpPort());
      sockets.add(wrongToken);
      String refused = wrongToken.send("host", new JsonObject().put("code", room.getString("code")).put("hostToken", "not-the-token"));
      assertThat(wrongToken.reply(refused).getString("code")).isEqualTo("invalid_host_token");

      host.reply(host.send("start"));
      int acked = 0;
      for (int q = 0; q < 2; q++) {
        for (int i = 0; i < players.size(); i++) {
          SocketClient player = players.get(i);
          JsonObject question = player.await("question");
          assertThat(question.getInteger("index")).isEqualTo(q);
          String id = player.send("answer", key.answer(question.getString("questionId"), i != 1).put("index", q));
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

      JsonObject results = api.get("/api/games/" + room.getString("gameId") + "/results", token).bodyAsJsonObject();
      int stored = 0;
      for (Object q : results.getJsonArray("questions")) {
        stored += ((JsonObject) q).getInteger("answered");
      }
      assertThat(stored).isEqualTo(acked);
    } finally {
      sockets.forEach(SocketClient::close);
    }
  }
}
