package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.testing.TestDatabase;

@DisplayName("Migrations")
class MigrationsTest {

  @Test
  @DisplayName("bring an empty database to the latest version, and a second run changes nothing")
  void emptyToLatestThenNoop() throws Exception {
    DatabaseSettings database = TestDatabase.fresh();

    MigrateResult first = Migrations.migrate(database);
    MigrateResult second = Migrations.migrate(database);

    assertThat(first.migrationsExecuted).isGreaterThan(0);
    assertThat(second.migrationsExecuted).isZero();
    assertThat(second.targetSchemaVersion).isNull();
    assertThat(tables(database)).contains("accounts", "sessions");
  }

  @Test
  @DisplayName("a migration that fails stops with a message naming it")
  void failure() {
    DatabaseSettings database = TestDatabase.fresh();

    assertThatThrownBy(
            () ->
                Migrations.migrate(
                    database, "classpath:db/migration", "classpath:broken-migration"))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("Database migration failed")
        .hasMessageContaining("V999__broken");
  }

  private static java.util.List<String> tables(DatabaseSettings database) throws Exception {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        ResultSet rows =
            connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
