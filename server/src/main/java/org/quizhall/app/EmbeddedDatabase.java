package org.quizhall.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Quizhall starts for itself when no external database is configured. Its
 * data lives under the configured data directory and survives restarts; it listens on loopback
 * only, on a port the operating system picks.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE_NAME = "quizhall";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /** Starts (and on first use initialises) the server under {@code dataDir/postgres}. Blocks. */
  static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** The same on a given port (0: one the operating system picks). */
  static EmbeddedDatabase start(Path dataDir, int port) {
    Path directory = dataDir.resolve("postgres");
    boolean fresh = !Files.exists(directory.resolve("PG_VERSION"));
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(directory);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      postgres =
          builder
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              // The library starts PostgreSQL for tests, with fsync and synchronous commit off. Here it
              // holds real data, and an acknowledged answer must survive a crash of the database or
              // the machine: both back on (group commit in the game writer keeps the cost down).
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
    } catch (IOException | RuntimeException e) {
      throw new StartupException(explain(directory, e), e);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
    try {
      database.ensureDatabase();
    } catch (SQLException e) {
      database.close();
      throw new StartupException(
          "Embedded PostgreSQL started in " + directory + " but the '" + DATABASE_NAME
              + "' database could not be created: " + e.getMessage(),
          e);
    }
    log.info(
        "Embedded PostgreSQL {} on 127.0.0.1:{} with data in {}",
        fresh ? "initialised and started" : "started",
        postgres.getPort(),
        directory);
    return database;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE_NAME;
  }

  String user() {
    return "postgres";
  }

  String password() {
    return "";
  }

  private void ensureDatabase() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE_NAME);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE_NAME + " ENCODING 'UTF8'");
      }
    }
  }

  /** Stops the server cleanly (a fast shutdown that leaves no lock file behind). Blocks. */
  @Override
  public void close() {
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped ({})", directory);
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /**
   * The library reports a failed initdb or pg_ctl as a bare "Process failed"; the usual causes are
   * a root user without user namespaces, or a second Quizhall on the same data directory.
   */
  private static String explain(Path directory, Exception e) {
    String cause = rootMessage(e);
    String what = "Embedded PostgreSQL could not start in " + directory + " (" + cause + ").";
    boolean root = "root".equals(System.getProperty("user.name"));
    if (Files.exists(directory.resolve("postmaster.pid"))) {
      return what
          + " Another Quizhall or PostgreSQL may be using this data directory: stop it, or set "
          + QuizhallConfig.DATA_DIR + " to another directory.";
    }
    if (root) {
      return what
          + " PostgreSQL refuses to run as root and this machine does not allow user namespaces"
          + " (common inside containers): run Quizhall as a normal user, or set "
          + QuizhallConfig.DATABASE_URL + " to an external PostgreSQL.";
    }
    return what
        + " Check that the directory is writable and the disk has space, or set "
        + QuizhallConfig.DATABASE_URL + " to an external PostgreSQL.";
  }

  private static String rootMessage(Throwable e) {
    Throwable last = e;
    while (last.getCause() != null && last.getCause() != last) {
      last = last.getCause();
    }
    String message = last.getMessage();
    return message == null ? last.getClass().getSimpleName() : message.strip();
  }
}
