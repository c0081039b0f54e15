package org.quizhall.app;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the database is, as one JDBC URL plus credentials: the JDBC driver (Flyway) uses it as is,
 * and the reactive client gets the same place as {@link PgConnectOptions}.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

  public PgConnectOptions connectOptions() {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(uri.getHost() == null ? "localhost" : uri.getHost())
            .setPort(uri.getPort() < 0 ? 5432 : uri.getPort())
            .setDatabase(databaseName(uri))
            .setUser(user)
            .setPassword(password)
            .setCachePreparedStatements(true);
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = pair.substring(0, eq);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        switch (key) {
          case "user" -> options.setUser(value);
          case "password" -> options.setPassword(value);
          case "sslmode" -> options.setSslMode(io.vertx.pgclient.SslMode.of(value));
          default -> {
            // Other JDBC-only parameters have no reactive counterpart; the JDBC side still uses
            // them.
          }
        }
      }
    }
    return options;
  }

  private static String databaseName(URI uri) {
    String path = uri.getPath();
    return path == null || path.length() <= 1 ? "postgres" : path.substring(1);
  }
}
