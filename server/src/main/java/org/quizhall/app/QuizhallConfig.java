package org.quizhall.app;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Quizhall reads from its environment, read once at start-up. Each setting has one name,
 * used both as the environment variable and as the key in a {@code --config} JSON file.
 */
public record QuizhallConfig(
    String httpHost,
    int httpPort,
    Optional<String> databaseUrl,
    String databaseUser,
    String databasePassword,
    Path dataDir,
    int databasePoolSize,
    Duration sessionTtl,
    Duration shutdownGrace,
    int maxPlayersPerRoom,
    Optional<List<String>> nicknameBlocklist) {

  public static final String HTTP_HOST = "QUIZHALL_HTTP_HOST";
  public static final String HTTP_PORT = "QUIZHALL_HTTP_PORT";
  public static final String DATABASE_URL = "QUIZHALL_DATABASE_URL";
  public static final String DATABASE_USER = "QUIZHALL_DATABASE_USER";
  public static final String DATABASE_PASSWORD = "QUIZHALL_DATABASE_PASSWORD";
  public static final String DATA_DIR = "QUIZHALL_DATA_DIR";
  public static final String DATABASE_POOL_SIZE = "QUIZHALL_DATABASE_POOL_SIZE";
  public static final String SESSION_TTL_HOURS = "QUIZHALL_SESSION_TTL_HOURS";
  public static final String SHUTDOWN_GRACE_SECONDS = "QUIZHALL_SHUTDOWN_GRACE_SECONDS";
  public static final String MAX_PLAYERS_PER_ROOM = "QUIZHALL_MAX_PLAYERS_PER_ROOM";
  public static final String NICKNAME_BLOCKLIST = "QUIZHALL_NICKNAME_BLOCKLIST";

  /** The names Quizhall reads, in the order the start-up log and {@code --help} list them. */
  public static final List<String> KEYS =
      List.of(
          HTTP_HOST,
          HTTP_PORT,
          DATABASE_URL,
          DATABASE_USER,
          DATABASE_PASSWORD,
          DATA_DIR,
          DATABASE_POOL_SIZE,
          SESSION_TTL_HOURS,
          SHUTDOWN_GRACE_SECONDS,
          MAX_PLAYERS_PER_ROOM,
          NICKNAME_BLOCKLIST);

  static final String DEFAULT_HTTP_HOST = "0.0.0.0";
  static final int DEFAULT_HTTP_PORT = 8080;
  static final String DEFAULT_DATA_DIR = "./data";
  static final int DEFAULT_POOL_SIZE = 8;
  static final long DEFAULT_SESSION_TTL_HOURS = 30 * 24;
  static final long DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
  static final int DEFAULT_MAX_PLAYERS_PER_ROOM = 5000;

  /**
   * Reads the settings from merged sources. Values may be strings (environment) or JSON numbers
   * (a config file); anything unreadable is refused with a message naming the setting.
   */
  public static QuizhallConfig from(JsonObject source) {
    String url = blankToNull(string(source, DATABASE_URL, null));
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          DATABASE_URL + " must be a JDBC URL such as jdbc:postgresql://host:5432/quizhall");
    }
    return new QuizhallConfig(
        string(source, HTTP_HOST, DEFAULT_HTTP_HOST),
        integer(source, HTTP_PORT, DEFAULT_HTTP_PORT, 0, 65535),
        Optional.ofNullable(url),
        string(source, DATABASE_USER, "quizhall"),
        string(source, DATABASE_PASSWORD, ""),
        Path.of(string(source, DATA_DIR, DEFAULT_DATA_DIR)).toAbsolutePath().normalize(),
        integer(source, DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE, 1, 200),
        Duration.ofHours(integer(source, SESSION_TTL_HOURS, DEFAULT_SESSION_TTL_HOURS, 1, 24 * 366)),
        Duration.ofSeconds(
            integer(source, SHUTDOWN_GRACE_SECONDS, DEFAULT_SHUTDOWN_GRACE_SECONDS, 0, 600)),
        integer(source, MAX_PLAYERS_PER_ROOM, DEFAULT_MAX_PLAYERS_PER_ROOM, 1, 100_000),
        Optional.ofNullable(blankToNull(string(source, NICKNAME_BLOCKLIST, null)))
            .map(words -> List.of(words.split("\\s*,\\s*"))));
  }

  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  /** The effective settings for the start-up log: the password never appears. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(HTTP_HOST, httpHost);
    out.put(HTTP_PORT, httpPort);
    out.put(DATABASE_URL, databaseUrl.map(QuizhallConfig::withoutCredentials).orElse("(embedded)"));
    if (databaseUrl.isPresent()) {
      out.put(DATABASE_USER, databaseUser);
      out.put(DATABASE_PASSWORD, databasePassword.isEmpty() ? "(empty)" : "(set)");
    }
    out.put(DATA_DIR, dataDir);
    out.put(DATABASE_POOL_SIZE, databasePoolSize);
    out.put(SESSION_TTL_HOURS, sessionTtl.toHours());
    out.put(SHUTDOWN_GRACE_SECONDS, shutdownGrace.toSeconds());
    out.put(MAX_PLAYERS_PER_ROOM, maxPlayersPerRoom);
    out.put(NICKNAME_BLOCKLIST, nicknameBlocklist.map(words -> words.size() + " word(s)").orElse("(built-in)"));
    return out;
  }

  /** JDBC URLs may carry a password as a query parameter; the log shows only where we connect. */
  private static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }

  private static String string(JsonObject source, String key, String fallback) {
    Object value = source.getValue(key);
    return value == null ? fallback : value.toString().trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static long integer(JsonObject source, String key, long fallback, long min, long max) {
    Object value = source.getValue(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    long parsed;
    try {
      parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
    }
    return parsed;
  }

  private static int integer(JsonObject source, String key, int fallback, int min, int max) {
    return (int) integer(source, key, (long) fallback, (long) min, (long) max);
  }
}
