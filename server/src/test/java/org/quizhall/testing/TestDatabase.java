package org.quizhall.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.quizhall.app.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one way tests get a real PostgreSQL: {@code QUIZHALL_TEST_DATABASE_URL} when set, else a
 * Testcontainers PostgreSQL when Docker is available, else an embedded server. The server is shared
 * by the test JVM; every call to {@link #fresh()} creates a new empty database on it, so no test
 * class sees another's rows.
 */
public final class TestDatabase {

  public static final String URL_VARIABLE = "QUIZHALL_TEST_DATABASE_URL";
  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static DatabaseSettings admin;

  private TestDatabase() {}

  /** A new, empty database (not yet migrated) on the shared test server. */
  public static DatabaseSettings fresh() {
    DatabaseSettings server = server();
    String name =
        "quizhall_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return new DatabaseSettings(
        withDatabase(server.jdbcUrl(), name), server.user(), server.password());
  }

  private static synchronized DatabaseSettings server() {
    if (admin == null) {
      admin = startServer();
    }
    return admin;
  }

  private static DatabaseSettings startServer() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      log.info("Tests use the PostgreSQL at {}", URI.create(url.substring(5)).getHost());
      return new DatabaseSettings(
          url,
          System.getenv().getOrDefault("QUIZHALL_TEST_DATABASE_USER", "postgres"),
          System.getenv().getOrDefault("QUIZHALL_TEST_DATABASE_PASSWORD", ""));
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      log.info("Tests use a Testcontainers PostgreSQL");
      return new DatabaseSettings(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (java.io.IOException e) {
                      log.warn("embedded test PostgreSQL did not stop: {}", e.getMessage());
                    }
                  }));
      log.info("Tests use an embedded PostgreSQL on port {}", postgres.getPort());
      return new DatabaseSettings(
          "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start an embedded PostgreSQL for the tests", e);
    }
  }

  private static String withDatabase(String jdbcUrl, String database) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return "jdbc:postgresql://" + uri.getHost() + port + "/" + database + query;
  }
}
