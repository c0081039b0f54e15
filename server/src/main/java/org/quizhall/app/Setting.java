package org.quizhall.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.quizhall.game.GameWriter;

/**
 * Every setting Quizhall reads, in one table: its name (the environment variable and the {@code
 * --config} key), its default, what it means and whether it is a secret. Loading ({@link
 * QuizhallConfig#from}), the effective configuration in the start-up log ({@link
 * QuizhallConfig#describe}) and {@code --help} ({@link #help}) are all made from it, in this order.
 */
public enum Setting {
  HTTP_HOST(
      "QUIZHALL_HTTP_HOST",
      "0.0.0.0",
      "address to listen on; 0.0.0.0 is every interface",
      QuizhallConfig::httpHost),
  HTTP_PORT("QUIZHALL_HTTP_PORT", "8080", "port to listen on", QuizhallConfig::httpPort),
  DATABASE_URL(
      "QUIZHALL_DATABASE_URL",
      Absent.UNSET,
      "JDBC URL of an external PostgreSQL, e.g. jdbc:postgresql://db:5432/quizhall; unset starts the embedded one",
      c -> c.databaseUrl().map(Setting::withoutCredentials).orElse("(embedded)")),
  DATABASE_USER(
      "QUIZHALL_DATABASE_USER",
      "quizhall",
      "user for the external database",
      c -> c.embeddedDatabase() ? null : c.databaseUser()),
  DATABASE_PASSWORD(
      "QUIZHALL_DATABASE_PASSWORD",
      Absent.EMPTY,
      "password for the external database",
      c -> c.embeddedDatabase() ? null : c.databasePassword(),
      true),
  DATA_DIR(
      "QUIZHALL_DATA_DIR",
      "./data",
      "where the embedded PostgreSQL keeps its data (it survives restarts)",
      QuizhallConfig::dataDir),
  DATABASE_POOL_SIZE(
      "QUIZHALL_DATABASE_POOL_SIZE",
      "8",
      "connections in the reactive pool",
      QuizhallConfig::databasePoolSize),
  SESSION_TTL_HOURS(
      "QUIZHALL_SESSION_TTL_HOURS",
      "720",
      "how long a sign-in lasts, in hours (30 days)",
      c -> c.sessionTtl().toHours()),
  SHUTDOWN_GRACE_SECONDS(
      "QUIZHALL_SHUTDOWN_GRACE_SECONDS",
      "10",
      "how long a stop waits for requests in flight, in seconds",
      c -> c.shutdownGrace().toSeconds()),
  MAX_PLAYERS_PER_ROOM(
      "QUIZHALL_MAX_PLAYERS_PER_ROOM",
      "5000",
      "players one room takes",
      QuizhallConfig::maxPlayersPerRoom),
  WRITE_QUEUE_LIMIT(
      "QUIZHALL_WRITE_QUEUE_LIMIT",
      String.valueOf(GameWriter.DEFAULT_LIMIT),
      "game rows (joins, answers) that may wait in memory while the database is away; at the limit rooms"
          + " refuse new joins and answers (server_busy) until the rows are written",
      QuizhallConfig::writeQueueLimit),
  NICKNAME_BLOCKLIST(
      "QUIZHALL_NICKNAME_BLOCKLIST",
      Absent.BUILT_IN,
      "comma-separated words nicknames may not contain (replaces the built-in list)",
      c -> c.nicknameBlocklist().map(words -> words.size() + " word(s)").orElse("(built-in)")),
  ALLOWED_ORIGINS(
      "QUIZHALL_ALLOWED_ORIGINS",
      Absent.EMPTY,
      "other sites (https://host[:port], comma-separated) whose pages may open the WebSocket; Quizhall's own"
          + " pages always may",
      c ->
          c.allowedOrigins().isEmpty()
              ? "(its own pages only)"
              : String.join(",", c.allowedOrigins())),
  TRUSTED_PROXIES(
      "QUIZHALL_TRUSTED_PROXIES",
      Absent.EMPTY,
      "reverse proxies (IP addresses or CIDR networks, comma-separated) whose X-Forwarded-For is believed",
      c ->
          c.trustedProxies().isEmpty()
              ? "(none: the connection's address is the client)"
              : String.join(",", c.trustedProxies())),
  PUBLIC_URL(
      "QUIZHALL_PUBLIC_URL",
      Absent.UNSET,
      "the address players open, e.g. https://quiz.example.org, for join links and QR codes; unset, the console"
          + " offers this machine's network address",
      c -> c.publicUrl().orElse("(unset: join links use this machine's network address)")),
  ALLOWED_HOSTS(
      "QUIZHALL_ALLOWED_HOSTS",
      Absent.EMPTY,
      "host names requests may name (comma-separated; the public URL's host always may); others get 421",
      c -> c.allowedHosts().isEmpty() ? "(any)" : String.join(",", c.allowedHosts())),
  METRICS_TOKEN(
      "QUIZHALL_METRICS_TOKEN",
      Absent.UNSET,
      "a bearer token /metrics asks for; unset, /metrics answers connections from this machine only",
      c -> c.metricsToken().orElse(""),
      true),
  WEBSOCKET_COMPRESSION(
      "QUIZHALL_WEBSOCKET_COMPRESSION",
      "false",
      "true accepts the permessage-deflate offer browsers make: about 80% fewer bytes for about 125 KB"
          + " of zlib memory a socket; false refuses it",
      QuizhallConfig::webSocketCompression),
  OPEN_ROOMS_PER_ACCOUNT(
      "QUIZHALL_OPEN_ROOMS_PER_ACCOUNT",
      "50",
      "rooms one account may have open at once on a node",
      QuizhallConfig::openRoomsPerAccount),
  C2_COMPILER(
      "QUIZHALL_C2_COMPILER",
      "auto",
      "whether HotSpot's optimising JIT compiler (C2) compiles the server's code: auto turns it off on"
          + " machines of 1 or 2 CPUs, where its bursts stall games (the server's code is then compiled by"
          + " C1 alone), and leaves it on with more; true or false chooses",
      c ->
          c.c2Compiler()
              + (Compilers.c2(c.c2Compiler(), Runtime.getRuntime().availableProcessors())
                  ? " (C2 on)"
                  : " (C1 only)")),
  CLUSTER(
      "QUIZHALL_CLUSTER",
      "false",
      "true joins this node to a cluster (Hazelcast); needs QUIZHALL_DATABASE_URL, one PostgreSQL for every node",
      c -> c.cluster().isPresent()),
  CLUSTER_HOST(
      "QUIZHALL_CLUSTER_HOST",
      "127.0.0.1",
      "this node's cluster address (Hazelcast and the event bus)",
      c -> c.cluster().map(QuizhallConfig.Cluster::host).orElse(null)),
  CLUSTER_PORT(
      "QUIZHALL_CLUSTER_PORT",
      "5701",
      "this node's Hazelcast port",
      c -> c.cluster().map(QuizhallConfig.Cluster::port).orElse(null)),
  CLUSTER_MEMBERS(
      "QUIZHALL_CLUSTER_MEMBERS",
      Absent.EMPTY,
      "other nodes as host:port,host:port (TCP-IP discovery; no multicast)",
      c ->
          c.cluster()
              .map(
                  cluster ->
                      cluster.members().isEmpty()
                          ? "(none: this node alone)"
                          : String.join(",", cluster.members()))
              .orElse(null));

  /** How a setting without a default value is described. */
  private enum Absent {
    UNSET("unset"),
    EMPTY("empty"),
    BUILT_IN("built-in list");

    private final String words;

    Absent(String words) {
      this.words = words;
    }
  }

  private final String key;
  private final String defaultValue;
  private final String shownDefault;
  private final String meaning;
  private final Function<QuizhallConfig, Object> effective;
  private final boolean secret;

  Setting(
      String key, String defaultValue, String meaning, Function<QuizhallConfig, Object> effective) {
    this(key, defaultValue, defaultValue, meaning, effective, false);
  }

  Setting(String key, Absent absent, String meaning, Function<QuizhallConfig, Object> effective) {
    this(key, null, absent.words, meaning, effective, false);
  }

  Setting(
      String key,
      Absent absent,
      String meaning,
      Function<QuizhallConfig, Object> effective,
      boolean secret) {
    this(key, null, absent.words, meaning, effective, secret);
  }

  Setting(
      String key,
      String defaultValue,
      String shownDefault,
      String meaning,
      Function<QuizhallConfig, Object> effective,
      boolean secret) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.shownDefault = shownDefault;
    this.meaning = meaning;
    this.effective = effective;
    this.secret = secret;
  }

  /** The environment variable, and the key in a {@code --config} file. */
  public String key() {
    return key;
  }

  /** The value used when the setting is not given; empty where absence has a meaning of its own. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** The default as a person reads it: the value, or "unset", "empty", "built-in list". */
  public String shownDefault() {
    return shownDefault;
  }

  public String meaning() {
    return meaning;
  }

  public boolean secret() {
    return secret;
  }

  /** Every name, for the environment store: only these variables are read. */
  public static List<String> keys() {
    return java.util.Arrays.stream(values()).map(Setting::key).toList();
  }

  /**
   * What the start-up log shows for this setting: its effective value, a secret only as "(set)" or
   * "(unset)"; empty when it does not apply (the external database's user with the embedded one,
   * cluster details alone).
   */
  Optional<Object> logged(QuizhallConfig config) {
    Object value = effective.apply(config);
    if (value != null && secret) {
      return Optional.of(value.toString().isEmpty() ? "(unset)" : "(set)");
    }
    return Optional.ofNullable(value);
  }

  /**
   * The settings part of {@code --help}: every setting, its default and meaning, wrapped to 100
   * columns.
   */
  public static String help() {
    int width = java.util.Arrays.stream(values()).mapToInt(s -> s.key.length()).max().orElse(0) + 2;
    String indent = " ".repeat(2 + width);
    StringBuilder out = new StringBuilder();
    for (Setting setting : values()) {
      String text =
          setting.meaning
              + " (default: "
              + setting.shownDefault
              + (setting.secret ? "; a secret, never logged" : "")
              + ")";
      StringBuilder line =
          new StringBuilder("  " + setting.key + " ".repeat(width - setting.key.length()));
      boolean lineStart = true;
      for (String word : text.split(" ")) {
        if (!lineStart && line.length() + 1 + word.length() > 100) {
          out.append(line).append('\n');
          line = new StringBuilder(indent);
          lineStart = true;
        }
        line.append(lineStart ? "" : " ").append(word);
        lineStart = false;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** JDBC URLs may carry a password as a query parameter; the log shows only where we connect. */
  private static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }
}
