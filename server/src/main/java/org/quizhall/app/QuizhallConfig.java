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
    int writeQueueLimit,
    Optional<List<String>> nicknameBlocklist,
    Optional<Cluster> cluster,
    List<String> allowedOrigins,
    List<String> trustedProxies,
    Optional<String> publicUrl,
    List<String> allowedHosts,
    Optional<String> metricsToken,
    int openRoomsPerAccount) {

  /**
   * Cluster mode: this node's Hazelcast address and the members to join (TCP-IP; no multicast).
   * Absent in single-node mode, which starts no Hazelcast at all.
   */
  public record Cluster(String host, int port, List<String> members) {}

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
  public static final String WRITE_QUEUE_LIMIT = "QUIZHALL_WRITE_QUEUE_LIMIT";
  public static final String NICKNAME_BLOCKLIST = "QUIZHALL_NICKNAME_BLOCKLIST";
  public static final String ALLOWED_ORIGINS = "QUIZHALL_ALLOWED_ORIGINS";
  public static final String TRUSTED_PROXIES = "QUIZHALL_TRUSTED_PROXIES";
  public static final String PUBLIC_URL = "QUIZHALL_PUBLIC_URL";
  public static final String ALLOWED_HOSTS = "QUIZHALL_ALLOWED_HOSTS";
  public static final String METRICS_TOKEN = "QUIZHALL_METRICS_TOKEN";
  public static final String OPEN_ROOMS_PER_ACCOUNT = "QUIZHALL_OPEN_ROOMS_PER_ACCOUNT";
  public static final String CLUSTER = "QUIZHALL_CLUSTER";
  public static final String CLUSTER_HOST = "QUIZHALL_CLUSTER_HOST";
  public static final String CLUSTER_PORT = "QUIZHALL_CLUSTER_PORT";
  public static final String CLUSTER_MEMBERS = "QUIZHALL_CLUSTER_MEMBERS";

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
          WRITE_QUEUE_LIMIT,
          NICKNAME_BLOCKLIST,
          ALLOWED_ORIGINS,
          TRUSTED_PROXIES,
          PUBLIC_URL,
          ALLOWED_HOSTS,
          METRICS_TOKEN,
          OPEN_ROOMS_PER_ACCOUNT,
          CLUSTER,
          CLUSTER_HOST,
          CLUSTER_PORT,
          CLUSTER_MEMBERS);

  static final String DEFAULT_HTTP_HOST = "0.0.0.0";
  static final int DEFAULT_HTTP_PORT = 8080;
  static final String DEFAULT_DATA_DIR = "./data";
  static final int DEFAULT_POOL_SIZE = 8;
  static final long DEFAULT_SESSION_TTL_HOURS = 30 * 24;
  static final long DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
  static final int DEFAULT_MAX_PLAYERS_PER_ROOM = 5000;
  /** A teacher's classes at once, with room to spare; not a script's thousands. */
  static final int DEFAULT_OPEN_ROOMS_PER_ACCOUNT = 50;
  static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";
  static final int DEFAULT_CLUSTER_PORT = 5701;

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
    Optional<Cluster> cluster = cluster(source);
    if (cluster.isPresent() && url == null) {
      throw new IllegalArgumentException(
          CLUSTER + "=true needs one PostgreSQL shared by every node: set " + DATABASE_URL);
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
        integer(source, WRITE_QUEUE_LIMIT, org.quizhall.game.GameWriter.DEFAULT_LIMIT, 1, 10_000_000),
        Optional.ofNullable(blankToNull(string(source, NICKNAME_BLOCKLIST, null)))
            .map(words -> List.of(words.split("\\s*,\\s*"))),
        cluster,
        origins(source),
        proxies(source),
        publicUrl(source),
        hosts(source),
        Optional.ofNullable(blankToNull(string(source, METRICS_TOKEN, null))),
        (int) integer(source, OPEN_ROOMS_PER_ACCOUNT, DEFAULT_OPEN_ROOMS_PER_ACCOUNT, 1, 1_000_000));
  }

  /** The address players open, for join links and QR codes: scheme and host (and port), nothing after. */
  private static Optional<String> publicUrl(JsonObject source) {
    String url = blankToNull(string(source, PUBLIC_URL, null));
    if (url == null) {
      return Optional.empty();
    }
    String trimmed = url.strip().replaceAll("/+$", "");
    if (!trimmed.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
      throw new IllegalArgumentException(
          PUBLIC_URL + " is the address players open, such as https://quiz.example.org; '" + url + "' is not one");
    }
    return Optional.of(trimmed);
  }

  /** Host names requests may name; empty: any (the public URL's host is always allowed). */
  private static List<String> hosts(JsonObject source) {
    String listed = blankToNull(string(source, ALLOWED_HOSTS, null));
    if (listed == null) {
      return List.of();
    }
    List<String> hosts = new java.util.ArrayList<>();
    for (String host : listed.split("\\s*,\\s*")) {
      if (!host.matches("[A-Za-z0-9.\\-]+")) {
        throw new IllegalArgumentException(
            ALLOWED_HOSTS + " lists host names such as quiz.example.org separated by commas; '" + host + "' is not one");
      }
      hosts.add(host.toLowerCase(java.util.Locale.ROOT));
    }
    return List.copyOf(hosts);
  }

  /** Reverse proxies whose X-Forwarded-For is believed: IP addresses or CIDR networks. */
  private static List<String> proxies(JsonObject source) {
    String listed = blankToNull(string(source, TRUSTED_PROXIES, null));
    if (listed == null) {
      return List.of();
    }
    List<String> proxies = List.of(listed.strip().split("\\s*,\\s*"));
    try {
      org.quizhall.http.ClientAddress.trusting(proxies);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          TRUSTED_PROXIES + " lists IP addresses or networks such as 10.0.0.5,172.16.0.0/12 separated by commas; " + e.getMessage());
    }
    return proxies;
  }

  /** Other sites whose pages may open Quizhall's WebSocket (its own pages always may). */
  private static List<String> origins(JsonObject source) {
    String listed = blankToNull(string(source, ALLOWED_ORIGINS, null));
    if (listed == null) {
      return List.of();
    }
    List<String> origins = new java.util.ArrayList<>();
    for (String origin : listed.split("\\s*,\\s*")) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            ALLOWED_ORIGINS + " lists origins such as https://quiz.example.org separated by commas; '" + origin + "' is not one");
      }
      origins.add(origin.toLowerCase(java.util.Locale.ROOT));
    }
    return List.copyOf(origins);
  }

  private static Optional<Cluster> cluster(JsonObject source) {
    String enabled = string(source, CLUSTER, "false").toLowerCase(java.util.Locale.ROOT);
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new IllegalArgumentException(CLUSTER + " must be true or false, not '" + enabled + "'");
    }
    if (enabled.equals("false")) {
      return Optional.empty();
    }
    String host = string(source, CLUSTER_HOST, DEFAULT_CLUSTER_HOST);
    int port = (int) integer(source, CLUSTER_PORT, DEFAULT_CLUSTER_PORT, 1, 65535);
    List<String> members = new java.util.ArrayList<>();
    String listed = blankToNull(string(source, CLUSTER_MEMBERS, null));
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
              CLUSTER_MEMBERS + " lists host:port pairs separated by commas; '" + member + "' is not one");
        }
        members.add(member);
      }
    }
    return Optional.of(new Cluster(host, port, List.copyOf(members)));
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
    out.put(WRITE_QUEUE_LIMIT, writeQueueLimit);
    out.put(NICKNAME_BLOCKLIST, nicknameBlocklist.map(words -> words.size() + " word(s)").orElse("(built-in)"));
    out.put(ALLOWED_ORIGINS, allowedOrigins.isEmpty() ? "(its own pages only)" : String.join(",", allowedOrigins));
    out.put(TRUSTED_PROXIES, trustedProxies.isEmpty() ? "(none: the connection's address is the client)" : String.join(",", trustedProxies));
    out.put(PUBLIC_URL, publicUrl.orElse("(unset: join links follow the address the host's browser used)"));
    out.put(ALLOWED_HOSTS, allowedHosts.isEmpty() ? "(any)" : String.join(",", allowedHosts));
    out.put(METRICS_TOKEN, metricsToken.isPresent() ? "(set)" : "(unset: /metrics answers this machine only)");
    out.put(OPEN_ROOMS_PER_ACCOUNT, openRoomsPerAccount);
    out.put(CLUSTER, cluster.isPresent());
    cluster.ifPresent(
        c -> {
          out.put(CLUSTER_HOST, c.host());
          out.put(CLUSTER_PORT, c.port());
          out.put(CLUSTER_MEMBERS, c.members().isEmpty() ? "(none: this node alone)" : String.join(",", c.members()));
        });
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
