package org.quizhall.app;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    int writeQueueLimit,
    Optional<List<String>> nicknameBlocklist,
    Optional<Cluster> cluster,
    List<String> allowedOrigins,
    List<String> trustedProxies,
    Optional<String> publicUrl,
    List<String> allowedHosts,
    Optional<String> metricsToken,
    boolean webSocketCompression,
    int openRoomsPerAccount,
    String c2Compiler) {

  /**
   * Cluster mode: this node's Hazelcast address and the members to join (TCP-IP; no multicast).
   * Absent in single-node mode, which starts no Hazelcast at all.
   */
  public record Cluster(String host, int port, List<String> members) {}

  // The names, for code and tests that set them; each setting's default, meaning and log line are
  // in Setting.
  public static final String HTTP_HOST = Setting.HTTP_HOST.key();
  public static final String HTTP_PORT = Setting.HTTP_PORT.key();
  public static final String DATABASE_URL = Setting.DATABASE_URL.key();
  public static final String DATABASE_USER = Setting.DATABASE_USER.key();
  public static final String DATABASE_PASSWORD = Setting.DATABASE_PASSWORD.key();
  public static final String DATA_DIR = Setting.DATA_DIR.key();
  public static final String DATABASE_POOL_SIZE = Setting.DATABASE_POOL_SIZE.key();
  public static final String SESSION_TTL_HOURS = Setting.SESSION_TTL_HOURS.key();
  public static final String SHUTDOWN_GRACE_SECONDS = Setting.SHUTDOWN_GRACE_SECONDS.key();
  public static final String MAX_PLAYERS_PER_ROOM = Setting.MAX_PLAYERS_PER_ROOM.key();
  public static final String WRITE_QUEUE_LIMIT = Setting.WRITE_QUEUE_LIMIT.key();
  public static final String NICKNAME_BLOCKLIST = Setting.NICKNAME_BLOCKLIST.key();
  public static final String ALLOWED_ORIGINS = Setting.ALLOWED_ORIGINS.key();
  public static final String TRUSTED_PROXIES = Setting.TRUSTED_PROXIES.key();
  public static final String PUBLIC_URL = Setting.PUBLIC_URL.key();
  public static final String ALLOWED_HOSTS = Setting.ALLOWED_HOSTS.key();
  public static final String METRICS_TOKEN = Setting.METRICS_TOKEN.key();
  public static final String WEBSOCKET_COMPRESSION = Setting.WEBSOCKET_COMPRESSION.key();
  public static final String OPEN_ROOMS_PER_ACCOUNT = Setting.OPEN_ROOMS_PER_ACCOUNT.key();
  public static final String C2_COMPILER = Setting.C2_COMPILER.key();
  public static final String CLUSTER = Setting.CLUSTER.key();
  public static final String CLUSTER_HOST = Setting.CLUSTER_HOST.key();
  public static final String CLUSTER_PORT = Setting.CLUSTER_PORT.key();
  public static final String CLUSTER_MEMBERS = Setting.CLUSTER_MEMBERS.key();

  /** The names Quizhall reads, in the order the start-up log and {@code --help} list them. */
  public static final List<String> KEYS = Setting.keys();

  /**
   * Reads the settings from merged sources. Values may be strings (environment) or JSON numbers (a
   * config file); anything unreadable is refused with a message naming the setting.
   */
  public static QuizhallConfig from(JsonObject source) {
    String url = blankToNull(string(source, Setting.DATABASE_URL));
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          DATABASE_URL + " must be a JDBC URL such as jdbc:postgresql://host:5432/quizhall");
    }
    Optional<Cluster> cluster = cluster(source);
    if (cluster.isPresent() && url == null) {
      throw new IllegalArgumentException(
          CLUSTER + "=true needs one PostgreSQL shared by every node: set " + DATABASE_URL);
    }
    return new QuizhallConfig(
        string(source, Setting.HTTP_HOST),
        (int) integer(source, Setting.HTTP_PORT, 0, 65535),
        Optional.ofNullable(url),
        string(source, Setting.DATABASE_USER),
        Objects.requireNonNullElse(string(source, Setting.DATABASE_PASSWORD), ""),
        Path.of(string(source, Setting.DATA_DIR)).toAbsolutePath().normalize(),
        (int) integer(source, Setting.DATABASE_POOL_SIZE, 1, 200),
        Duration.ofHours(integer(source, Setting.SESSION_TTL_HOURS, 1, 24 * 366)),
        Duration.ofSeconds(integer(source, Setting.SHUTDOWN_GRACE_SECONDS, 0, 600)),
        (int) integer(source, Setting.MAX_PLAYERS_PER_ROOM, 1, 100_000),
        (int) integer(source, Setting.WRITE_QUEUE_LIMIT, 1, 10_000_000),
        Optional.ofNullable(blankToNull(string(source, Setting.NICKNAME_BLOCKLIST)))
            .map(words -> List.of(words.split("\\s*,\\s*"))),
        cluster,
        origins(source),
        proxies(source),
        publicUrl(source),
        hosts(source),
        Optional.ofNullable(blankToNull(string(source, Setting.METRICS_TOKEN))),
        bool(source, Setting.WEBSOCKET_COMPRESSION),
        (int) integer(source, Setting.OPEN_ROOMS_PER_ACCOUNT, 1, 1_000_000),
        c2Compiler(source));
  }

  /** {@code auto}, {@code true} or {@code false}, checked (see {@link Compilers}). */
  private static String c2Compiler(JsonObject source) {
    String value = string(source, Setting.C2_COMPILER).toLowerCase(java.util.Locale.ROOT);
    Compilers.c2(value, Runtime.getRuntime().availableProcessors());
    return value;
  }

  /**
   * The address players open, for join links and QR codes: scheme and host (and port), nothing
   * after.
   */
  private static Optional<String> publicUrl(JsonObject source) {
    String url = blankToNull(string(source, Setting.PUBLIC_URL));
    if (url == null) {
      return Optional.empty();
    }
    String trimmed = url.strip().replaceAll("/+$", "");
    if (!trimmed.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
      throw new IllegalArgumentException(
          PUBLIC_URL
              + " is the address players open, such as https://quiz.example.org; '"
              + url
              + "' is not one");
    }
    return Optional.of(trimmed);
  }

  /** Host names requests may name; empty: any (the public URL's host is always allowed). */
  private static List<String> hosts(JsonObject source) {
    String listed = blankToNull(string(source, Setting.ALLOWED_HOSTS));
    if (listed == null) {
      return List.of();
    }
    List<String> hosts = new java.util.ArrayList<>();
    for (String host : listed.split("\\s*,\\s*")) {
      if (!host.matches("[A-Za-z0-9.\\-]+")) {
        throw new IllegalArgumentException(
            ALLOWED_HOSTS
                + " lists host names such as quiz.example.org separated by commas; '"
                + host
                + "' is not one");
      }
      hosts.add(host.toLowerCase(java.util.Locale.ROOT));
    }
    return List.copyOf(hosts);
  }

  /** Reverse proxies whose X-Forwarded-For is believed: IP addresses or CIDR networks. */
  private static List<String> proxies(JsonObject source) {
    String listed = blankToNull(string(source, Setting.TRUSTED_PROXIES));
    if (listed == null) {
      return List.of();
    }
    List<String> proxies = List.of(listed.strip().split("\\s*,\\s*"));
    try {
      org.quizhall.http.ClientAddress.trusting(proxies);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          TRUSTED_PROXIES
              + " lists IP addresses or networks such as 10.0.0.5,172.16.0.0/12 separated by commas; "
              + e.getMessage());
    }
    return proxies;
  }

  /** Other sites whose pages may open Quizhall's WebSocket (its own pages always may). */
  private static List<String> origins(JsonObject source) {
    String listed = blankToNull(string(source, Setting.ALLOWED_ORIGINS));
    if (listed == null) {
      return List.of();
    }
    List<String> origins = new java.util.ArrayList<>();
    for (String origin : listed.split("\\s*,\\s*")) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            ALLOWED_ORIGINS
                + " lists origins such as https://quiz.example.org separated by commas; '"
                + origin
                + "' is not one");
      }
      origins.add(origin.toLowerCase(java.util.Locale.ROOT));
    }
    return List.copyOf(origins);
  }

  private static Optional<Cluster> cluster(JsonObject source) {
    if (!bool(source, Setting.CLUSTER)) {
      return Optional.empty();
    }
    String host = string(source, Setting.CLUSTER_HOST);
    int port = (int) integer(source, Setting.CLUSTER_PORT, 1, 65535);
    List<String> members = new java.util.ArrayList<>();
    String listed = blankToNull(string(source, Setting.CLUSTER_MEMBERS));
    if (listed != null) {
      for (String member : listed.split("\\s*,\\s*")) {
        int colon = member.lastIndexOf(':');
        boolean valid = colon > 0 && colon < member.length() - 1;
        if (valid) {
          try {
            int memberPort = Integer.parseInt(member.substring(colon + 1));
            valid = memberPort > 0 && memberPort <= 65535;
          } catch (NumberFormatException e) {
            valid = false;
          }
        }
        if (!valid) {
          throw new IllegalArgumentException(
              CLUSTER_MEMBERS
                  + " lists host:port pairs separated by commas; '"
                  + member
                  + "' is not one");
        }
        members.add(member);
      }
    }
    return Optional.of(new Cluster(host, port, List.copyOf(members)));
  }

  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  /**
   * The effective settings for the start-up log, one per row of {@link Setting}: secrets never
   * appear.
   */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Setting setting : Setting.values()) {
      setting.logged(this).ifPresent(value -> out.put(setting.key(), value));
    }
    return out;
  }

  /** The value given for {@code setting}, trimmed, else its default (null for none). */
  private static String string(JsonObject source, Setting setting) {
    Object value = source.getValue(setting.key());
    return value == null ? setting.defaultValue().orElse(null) : value.toString().trim();
  }

  private static boolean bool(JsonObject source, Setting setting) {
    String value = string(source, setting).toLowerCase(java.util.Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          setting.key() + " must be true or false, not '" + value + "'");
    }
    return value.equals("true");
  }

  private static long integer(JsonObject source, Setting setting, long min, long max) {
    Object value = source.getValue(setting.key());
    if (value == null || value.toString().isBlank()) {
      value = setting.defaultValue().orElseThrow();
    }
    long parsed;
    try {
      parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          setting.key() + " must be a whole number, not '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(setting.key() + " must be between " + min + " and " + max);
    }
    return parsed;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
