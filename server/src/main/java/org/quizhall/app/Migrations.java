package org.quizhall.app;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema to the latest version before anything serves a request. Blocks. */
public final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  public static MigrateResult migrate(DatabaseSettings database) {
    return migrate(database, "classpath:db/migration");
  }

  static MigrateResult migrate(DatabaseSettings database, String... locations) {
    try {
      MigrateResult result =
          Flyway.configure()
              .dataSource(database.jdbcUrl(), database.user(), database.password())
              .locations(locations)
              .connectRetries(1)
              .load()
              .migrate();
      log.info(
          "Database schema at version {} ({} migration(s) applied)",
          result.targetSchemaVersion == null
              ? result.initialSchemaVersion
              : result.targetSchemaVersion,
          result.migrationsExecuted);
      return result;
    } catch (FlywayException e) {
      throw new StartupException("Database migration failed: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
