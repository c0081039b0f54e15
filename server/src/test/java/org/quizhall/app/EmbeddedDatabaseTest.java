package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL Quizhall starts for itself is no open door for other users of the machine. */
@DisplayName("The embedded PostgreSQL")
class EmbeddedDatabaseTest {

  @TempDir Path data;

  private static Connection connect(String url, String user, String password) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Test
  @DisplayName(
      "the superuser needs its generated password, kept readable by the owner only; Quizhall's role is no superuser")
  void passwordsAndRoles() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(data)) {
      String postgresDb =
          database.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE_NAME, "/postgres");
      assertThatThrownBy(() -> connect(postgresDb, "postgres", "").close())
          .as("the superuser without a password")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> connect(database.jdbcUrl(), "quizhall", "guess").close())
          .as("Quizhall's role with a wrong one")
          .isInstanceOf(SQLException.class);

      Path secrets = data.resolve(EmbeddedDatabase.SECRETS_FILE);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
          .isEqualTo("rw-------");
      assertThat(database.user()).isEqualTo("quizhall");
      assertThat(database.password()).hasSizeGreaterThanOrEqualTo(24);
      assertThat(Files.readString(secrets)).contains(database.password());
      try (Connection app = connect(database.jdbcUrl(), database.user(), database.password());
          Statement sql = app.createStatement();
          ResultSet role =
              sql.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
        role.next();
        assertThat(role.getBoolean(1)).as("Quizhall connects as a superuser").isFalse();
        sql.execute("CREATE TABLE scratch (id int)");
      }
    }
  }

  @Test
  @DisplayName(
      "a data directory an earlier release left open is closed: passwords, and its tables handed to Quizhall's role")
  void olderDataDirectory() throws Exception {
    Path directory = data.resolve("postgres");
    Files.createDirectories(directory);
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        Connection admin = old.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE quizhall");
      try (Connection quizhall = old.getDatabase("postgres", "quizhall").getConnection();
          Statement tables = quizhall.createStatement()) {
        tables.execute("CREATE TABLE decks (id serial PRIMARY KEY, title text)");
        tables.execute("INSERT INTO decks (title) VALUES ('kept')");
      }
    }

    try (EmbeddedDatabase database = EmbeddedDatabase.start(data)) {
      String postgresDb =
          database.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE_NAME, "/postgres");
      assertThatThrownBy(() -> connect(postgresDb, "postgres", "").close())
          .isInstanceOf(SQLException.class);
      try (Connection app = connect(database.jdbcUrl(), database.user(), database.password());
          Statement sql = app.createStatement()) {
        sql.execute("INSERT INTO decks (title) VALUES ('new')");
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM decks")) {
          rows.next();
          assertThat(rows.getInt(1)).isEqualTo(2);
        }
        sql.execute("ALTER TABLE decks ADD COLUMN notes text");
      }
    }
  }
}
