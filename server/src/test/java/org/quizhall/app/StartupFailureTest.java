package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizhall.testing.Eventually;
import org.quizhall.testing.TestServer;

/** A start that fails says why in the operator's words and leaves nothing of itself running. */
@DisplayName("A start that fails")
class StartupFailureTest {

  @TempDir Path data;

  private QuizhallConfig embedded(int port) {
    return QuizhallConfig.from(
        new JsonObject()
            .put(QuizhallConfig.HTTP_HOST, "127.0.0.1")
            .put(QuizhallConfig.HTTP_PORT, port)
            .put(QuizhallConfig.DATA_DIR, data.toString())
            .put(QuizhallConfig.SHUTDOWN_GRACE_SECONDS, 1));
  }

  /** Threads of Vert.x instances (event loops, workers, acceptors) alive now. */
  private static Set<Thread> vertxThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("vert.x-"))
        .collect(Collectors.toSet());
  }

  private static void noNewVertxThreads(Set<Thread> before) {
    Eventually.holds(
        "the failed start's Vert.x threads to end", () -> before.containsAll(vertxThreads()));
  }

  @Test
  @DisplayName(
      "on a port already in use names the host and port, stops its embedded PostgreSQL and Vert.x, and the next start on the same data works")
  void portInUse() throws Exception {
    Set<Thread> before = vertxThreads();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> Quizhall.start(embedded(port), Clock.systemUTC(), List.of()))
          .isInstanceOfSatisfying(
              StartupException.class, e -> assertThat(e.step()).isEqualTo("http"))
          .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
          .hasMessageContaining("already in use")
          .hasMessageContaining(QuizhallConfig.HTTP_PORT);
    }
    assertThat(data.resolve("postgres/postmaster.pid"))
        .as("the embedded PostgreSQL was stopped")
        .doesNotExist();
    noNewVertxThreads(before);

    try (Quizhall again = Quizhall.start(embedded(0), Clock.systemUTC(), List.of())) {
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + again.httpPort() + "/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    }
    assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
  }

  @Test
  @DisplayName(
      "on a database it cannot reach keeps the step's own message, names the step, and stops Vert.x")
  void unreachableDatabase() {
    Set<Thread> before = vertxThreads();
    QuizhallConfig config =
        QuizhallConfig.from(
            new JsonObject()
                .put(QuizhallConfig.HTTP_HOST, "127.0.0.1")
                .put(QuizhallConfig.HTTP_PORT, 0)
                .put(
                    QuizhallConfig.DATABASE_URL,
                    "jdbc:postgresql://127.0.0.1:" + TestServer.freePort() + "/quizhall")
                .put(QuizhallConfig.DATABASE_USER, "quizhall"));

    assertThatThrownBy(() -> Quizhall.start(config, Clock.systemUTC(), List.of()))
        .isInstanceOfSatisfying(
            StartupException.class, e -> assertThat(e.step()).isEqualTo("migrations"))
        .hasMessageStartingWith("Database migration failed");
    noNewVertxThreads(before);
  }
}
