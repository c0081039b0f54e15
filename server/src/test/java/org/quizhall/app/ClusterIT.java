package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quizhall.room.Protocol;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Failover;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestDatabase;

/**
 * Three quizhall.jar processes clustered on 127.0.0.1 (their own HTTP and Hazelcast ports) over one
 * PostgreSQL: a game across them, and the node that owns the room killed in the middle of it.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A cluster of three quizhall.jar processes")
class ClusterIT {

  private static final Path JAR =
      Path.of(System.getProperty("quizhall.jar", "target/quizhall.jar"));
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final List<Process> started = new ArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  @TempDir Path work;

  private record Node(Process process, int httpPort, Path log) {}

  @AfterEach
  void stopAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    started.forEach(Process::destroyForcibly);
  }

  @Test
  @DisplayName(
      "host on A, players on B and C; A is killed mid-game; the room carries on, everyone resumes, nothing is lost")
  void ownerKilled(Vertx vertx) throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    int[] hz = {freePort(), freePort(), freePort()};
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<String> members = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        if (j != i) {
          members.add("127.0.0.1:" + hz[j]);
        }
      }
      nodes.add(start(database, hz[i], String.join(",", members), "node" + i + ".log"));
    }
    for (Node node : nodes) {
      waitUntilReady(node);
    }
    Node a = nodes.get(0);
    Api api = opened(new Api(vertx, a.httpPort()));
    String token = api.signUpAndIn("threenodes", "a cluster of three");
    String deckId = api.firstDeckId(token);
    Pool pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    open.add(() -> pool.close().await());
    AnswerKey key = new AnswerKey(pool, deckId);
    JsonObject room = api.openRoom(token, deckId, 2, 30);
    String code = room.getString("code");
    SocketClient host = opened(SocketClient.connect(vertx, a.httpPort()));
    host.send(
        "host", new JsonObject().put("code", code).put("hostToken", room.getString("hostToken")));
    host.await("welcome");
    List<SocketClient> players = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<Node> homes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Node home = nodes.get(1 + i % 2);
      SocketClient player = opened(SocketClient.connect(vertx, home.httpPort()));
      player.send("join", new JsonObject().put("code", code).put("nickname", "player" + i));
      tokens.add(player.await("welcome").getString("resumeToken"));
      players.add(player);
      homes.add(home);
    }

    host.reply(host.send("start"));
    int acked = 0;
    for (SocketClient player : players) {
      JsonObject question = player.await("question");
      String id =
          player.send("answer", key.answer(question.getString("questionId"), true).put("index", 0));
      assertThat(player.reply(id).getString("type")).isEqualTo("answer_ack");
      acked++;
    }
    for (SocketClient player : players) {
      player.awaitAbout("reveal", 0);
    }
    Failover.awaitCheckpoint(pool, code, "REVEAL");
    host.reply(host.send("next"));
    host.reply(host.send("next"));
    JsonObject second = players.get(0).await("question");
    String early =
        players
            .get(0)
            .send("answer", key.answer(second.getString("questionId"), true).put("index", 1));
    assertThat(players.get(0).reply(early).getString("type")).isEqualTo("answer_ack");
    acked++;

    long killed = System.nanoTime();
    a.process().destroyForcibly(); // kill -9: no goodbye, no last checkpoint
    a.process().waitFor(10, TimeUnit.SECONDS);

    for (SocketClient player : players) {
      assertThat(player.awaitClose()).isEqualTo(Protocol.CLOSE_GOING_AWAY);
    }
    List<SocketClient> back = new ArrayList<>();
    for (int i = 0; i < players.size(); i++) {
      back.add(Failover.resume(vertx, homes.get(i).httpPort(), code, tokens.get(i), open::add));
    }
    double seconds = (System.nanoTime() - killed) / 1e9;
    System.out.printf(
        "owner killed: every player resumed on the surviving nodes after %.1f s%n", seconds);
    assertThat(seconds).as("the room came back within 10 s").isLessThan(10);
    SocketClient host2 = opened(SocketClient.connect(vertx, nodes.get(1).httpPort()));
    host2.send(
        "host", new JsonObject().put("code", code).put("hostToken", room.getString("hostToken")));
    assertThat(host2.await("welcome").getString("phase")).isEqualTo("reveal");
    host2.reply(host2.send("next"));
    host2.reply(host2.send("next"));
    for (int i = 1; i < back.size(); i++) {
      JsonObject again = back.get(i).await("question");
      assertThat(again.getInteger("index")).isEqualTo(1);
      String id =
          back.get(i)
              .send(
                  "answer", key.answer(again.getString("questionId"), i % 2 == 0).put("index", 1));
      assertThat(back.get(i).reply(id).getString("type")).isEqualTo("answer_ack");
      acked++;
    }
    assertThat(back.get(0).awaitAbout("reveal", 1).getInteger("answered")).isEqualTo(4);
    host2.reply(host2.send("next"));
    host2.reply(host2.send("next"));
    JsonObject podium =
        host2.seen().stream()
            .filter(m -> "podium".equals(m.getString("type")))
            .findFirst()
            .orElseGet(() -> host2.await("podium"));
    assertThat(podium.getJsonArray("ranking")).hasSize(4);

    Api apiB = opened(new Api(vertx, nodes.get(1).httpPort()));
    JsonObject results =
        apiB.get("/api/games/" + room.getString("gameId") + "/results", token).bodyAsJsonObject();
    int stored = 0;
    for (Object q : results.getJsonArray("questions")) {
      stored += ((JsonObject) q).getInteger("answered");
    }
    assertThat(stored).as("every acknowledged answer, before and after the kill").isEqualTo(acked);
  }

  private <T extends AutoCloseable> T opened(T thing) {
    open.add(thing);
    return thing;
  }

  private Node start(DatabaseSettings database, int hazelcastPort, String members, String log)
      throws IOException {
    int port = freePort();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            JAR.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("QUIZHALL_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "QUIZHALL_HTTP_HOST", "127.0.0.1",
                "QUIZHALL_HTTP_PORT", String.valueOf(port),
                "QUIZHALL_DATABASE_URL", database.jdbcUrl(),
                "QUIZHALL_DATABASE_USER", database.user(),
                "QUIZHALL_DATABASE_PASSWORD", database.password(),
                "QUIZHALL_CLUSTER", "true",
                "QUIZHALL_CLUSTER_HOST", "127.0.0.1",
                "QUIZHALL_CLUSTER_PORT", String.valueOf(hazelcastPort),
                "QUIZHALL_CLUSTER_MEMBERS", members));
    File output = work.resolve(log).toFile();
    builder.redirectErrorStream(true).redirectOutput(output);
    Process process = builder.start();
    started.add(process);
    return new Node(process, port, output.toPath());
  }

  private void waitUntilReady(Node node) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!node.process().isAlive()) {
        throw new AssertionError(
            "a node stopped while starting:\n" + java.nio.file.Files.readString(node.log()));
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.httpPort() + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not ready within 90 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
