package org.quizhall.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.quizhall.app.DatabaseSettings;

/**
 * A PostgreSQL server a single test owns, so it can stop it and start it again: for outage tests,
 * where the shared server of {@link TestDatabase} must keep running for everyone else. It keeps its
 * data directory and port across a stop, as a restarted database server does.
 */
public final class OwnedDatabase implements AutoCloseable {

  private static final String NAME = "quizhall";

  private final Path directory;
  private final int port;
  private EmbeddedPostgres postgres;

  private OwnedDatabase(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Starts a new server with an empty {@code quizhall} database. Blocks. */
  public static OwnedDatabase start() {
    OwnedDatabase database;
    try {
      database =
          new OwnedDatabase(Files.createTempDirectory("quizhall-owned-pg"), TestServer.freePort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      database.restart();
      try (Connection connection = database.postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + NAME);
      }
      return database;
    } catch (java.sql.SQLException | RuntimeException e) {
      database.close();
      throw new IllegalStateException(
          "cannot start the test's own PostgreSQL: " + e.getMessage(), e);
    }
  }

  public DatabaseSettings settings() {
    return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/" + NAME, "postgres", "");
  }

  /** Stops the server (a fast shutdown: sessions are cut, as when a database restarts). Blocks. */
  public void stop() {
    try {
      postgres.close();
      postgres = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server again on the same data and port. Blocks. */
  public void restart() {
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (postgres != null) {
      stop();
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
