package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Configuration")
class QuizhallConfigTest {

  @Test
  @DisplayName("defaults to port 8080 on all interfaces with an embedded database in ./data")
  void defaults() {
    QuizhallConfig config = QuizhallConfig.from(new JsonObject());

    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(config.sessionTtl()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  @DisplayName("reads strings from the environment and numbers from a JSON file alike")
  void types() {
    assertThat(QuizhallConfig.from(new JsonObject().put("QUIZHALL_HTTP_PORT", "9090")).httpPort())
        .isEqualTo(9090);
    assertThat(QuizhallConfig.from(new JsonObject().put("QUIZHALL_HTTP_PORT", 9091)).httpPort())
        .isEqualTo(9091);
  }

  @Test
  @DisplayName("refuses an unreadable port with a message naming the setting")
  void badPort() {
    assertThatThrownBy(
            () -> QuizhallConfig.from(new JsonObject().put("QUIZHALL_HTTP_PORT", "eighty")))
        .hasMessageContaining("QUIZHALL_HTTP_PORT");
    assertThatThrownBy(() -> QuizhallConfig.from(new JsonObject().put("QUIZHALL_HTTP_PORT", 70000)))
        .hasMessageContaining("between 0 and 65535");
  }

  @Test
  @DisplayName(
      "cluster mode is off unless asked for, needs a shared database, and reads its members")
  void cluster() {
    assertThat(QuizhallConfig.from(new JsonObject()).cluster()).isEmpty();
    JsonObject clustered =
        new JsonObject()
            .put("QUIZHALL_CLUSTER", "true")
            .put("QUIZHALL_DATABASE_URL", "jdbc:postgresql://db:5432/quizhall")
            .put("QUIZHALL_CLUSTER_HOST", "10.0.0.5")
            .put("QUIZHALL_CLUSTER_MEMBERS", "10.0.0.6:5701, 10.0.0.7:5702");

    QuizhallConfig.Cluster cluster = QuizhallConfig.from(clustered).cluster().orElseThrow();

    assertThat(cluster.host()).isEqualTo("10.0.0.5");
    assertThat(cluster.port()).isEqualTo(5701);
    assertThat(cluster.members()).containsExactly("10.0.0.6:5701", "10.0.0.7:5702");
    assertThatThrownBy(() -> QuizhallConfig.from(new JsonObject().put("QUIZHALL_CLUSTER", "true")))
        .hasMessageContaining("QUIZHALL_DATABASE_URL");
    assertThatThrownBy(
            () -> QuizhallConfig.from(clustered.copy().put("QUIZHALL_CLUSTER_MEMBERS", "10.0.0.6")))
        .hasMessageContaining("'10.0.0.6' is not one");
    assertThatThrownBy(() -> QuizhallConfig.from(new JsonObject().put("QUIZHALL_CLUSTER", "yes")))
        .hasMessageContaining("true or false");
  }

  @Test
  @DisplayName(
      "reads the other sites allowed to open the WebSocket, and refuses what is not an origin")
  void allowedOrigins() {
    assertThat(QuizhallConfig.from(new JsonObject()).allowedOrigins()).isEmpty();
    assertThat(
            QuizhallConfig.from(
                    new JsonObject()
                        .put(
                            "QUIZHALL_ALLOWED_ORIGINS",
                            "https://Quiz.School.org, http://localhost:3000"))
                .allowedOrigins())
        .containsExactly("https://quiz.school.org", "http://localhost:3000");
    assertThatThrownBy(
            () ->
                QuizhallConfig.from(
                    new JsonObject().put("QUIZHALL_ALLOWED_ORIGINS", "quiz.school.org/play")))
        .hasMessageContaining("QUIZHALL_ALLOWED_ORIGINS");
  }

  @Test
  @DisplayName(
      "reads the trusted proxies, addresses or networks, and refuses names and bad prefixes")
  void trustedProxies() {
    assertThat(QuizhallConfig.from(new JsonObject()).trustedProxies()).isEmpty();
    assertThat(
            QuizhallConfig.from(
                    new JsonObject().put("QUIZHALL_TRUSTED_PROXIES", "10.0.0.5, 172.16.0.0/12,::1"))
                .trustedProxies())
        .containsExactly("10.0.0.5", "172.16.0.0/12", "::1");
    for (String bad :
        new String[] {"proxy.school.org", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.256"}) {
      assertThatThrownBy(
              () -> QuizhallConfig.from(new JsonObject().put("QUIZHALL_TRUSTED_PROXIES", bad)))
          .as(bad)
          .hasMessageContaining("QUIZHALL_TRUSTED_PROXIES");
    }
  }

  @Test
  @DisplayName("refuses a database URL that is not a PostgreSQL JDBC URL")
  void badUrl() {
    assertThatThrownBy(
            () ->
                QuizhallConfig.from(
                    new JsonObject().put("QUIZHALL_DATABASE_URL", "postgres://db/x")))
        .hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  @DisplayName("never shows the database password in the effective configuration")
  void describeHidesSecrets() {
    QuizhallConfig config =
        QuizhallConfig.from(
            new JsonObject()
                .put(
                    "QUIZHALL_DATABASE_URL", "jdbc:postgresql://db:5432/quizhall?password=hunter22")
                .put("QUIZHALL_DATABASE_PASSWORD", "hunter2"));

    assertThat(config.describe().toString()).doesNotContain("hunter2").contains("db:5432/quizhall");
  }

  @Test
  @DisplayName("a --config file is read, and the environment wins over it")
  void fileThenEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("quizhall.json");
    Files.writeString(file, "{\"QUIZHALL_HTTP_PORT\": 9123, \"QUIZHALL_SESSION_TTL_HOURS\": 2}");

    QuizhallConfig config = QuizhallConfig.from(Main.readSettings(file));

    assertThat(config.httpPort()).isEqualTo(9123);
    assertThat(config.sessionTtl()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  @DisplayName("a missing --config file is a clear error")
  void missingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> Main.readSettings(dir.resolve("absent.json")))
        .hasMessageContaining("absent.json");
  }

  @Test
  @DisplayName("the database connection options follow the JDBC URL")
  void connectOptions() {
    var options =
        new DatabaseSettings("jdbc:postgresql://db.example:6543/quiz?sslmode=disable", "qh", "pw")
            .connectOptions();

    assertThat(options.getHost()).isEqualTo("db.example");
    assertThat(options.getPort()).isEqualTo(6543);
    assertThat(options.getDatabase()).isEqualTo("quiz");
    assertThat(options.getUser()).isEqualTo("qh");
  }
}
