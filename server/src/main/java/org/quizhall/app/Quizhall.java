package org.quizhall.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quizhall.account.Accounts;
import org.quizhall.account.Credentials;
import org.quizhall.account.PasswordHasher;
import org.quizhall.deck.Decks;
import org.quizhall.deck.ImportQueue;
import org.quizhall.exam.Attempts;
import org.quizhall.exam.ExamSweeper;
import org.quizhall.exam.Exams;
import org.quizhall.exam.Readiness;
import org.quizhall.exam.Sittings;
import org.quizhall.game.GameHistory;
import org.quizhall.game.GameLog;
import org.quizhall.game.GameWriter;
import org.quizhall.game.Games;
import org.quizhall.game.ItemAnalysis;
import org.quizhall.game.QuestionFlags;
import org.quizhall.game.SelfPacedGames;
import org.quizhall.group.Assignments;
import org.quizhall.group.Fsrs;
import org.quizhall.group.Groups;
import org.quizhall.group.Leaderboards;
import org.quizhall.group.MasteryRecorder;
import org.quizhall.group.Practice;
import org.quizhall.group.WeakSpots;
import org.quizhall.http.ClientAddress;
import org.quizhall.http.HttpApi;
import org.quizhall.http.LimitHits;
import org.quizhall.limits.RateLimits;
import org.quizhall.room.CheckpointStore;
import org.quizhall.room.NicknameRules;
import org.quizhall.room.NicknameWords;
import org.quizhall.room.OpenRoom;
import org.quizhall.room.Rooms;
import org.quizhall.ws.Gateway;
import org.quizhall.ws.MessageSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Quizhall: its Vert.x instance, database, pool and HTTP server. Start and stop block
 * the calling thread, so call them from {@code main} or a test, never from an event loop.
 */
public final class Quizhall implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Quizhall.class);

  /** How often this node forgets rate-limit buckets that are full again. */
  private static final long LIMITS_SWEEP_MS = 60_000;

  private static final long SESSION_SWEEP_MS = 60 * 60 * 1000;

  /**
   * HTTP/WebSocket verticles deployed, one per event loop: Vert.x shares the port among them and
   * hands each new connection to the next, and a socket's frames are read on the loop that accepted
   * it. With one instance every socket of the node was read, parsed and dispatched on a single
   * event loop.
   */
  static final int HTTP_INSTANCES = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;

  private final Vertx vertx;
  private final QuizhallConfig config;
  private final EmbeddedDatabase embedded;
  private final Pool pool;

  /** One HTTP/WebSocket server per event loop, all on the same port. */
  private final List<HttpApi> http;

  private final GameWriter writer;
  private final Rooms rooms;
  private final Gateway gateway;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Quizhall(
      Vertx vertx,
      QuizhallConfig config,
      EmbeddedDatabase embedded,
      Pool pool,
      List<HttpApi> http,
      GameWriter writer,
      Rooms rooms,
      Gateway gateway) {
    this.vertx = vertx;
    this.config = config;
    this.embedded = embedded;
    this.pool = pool;
    this.http = http;
    this.writer = writer;
    this.rooms = rooms;
    this.gateway = gateway;
  }

  /** A Vert.x instance with Prometheus metrics under the given registry name. */
  public static Vertx newVertx(String metricsRegistry) {
    return newVertx(metricsRegistry, Optional.empty(), null);
  }

  /**
   * The same, clustered through {@code manager} when it is given (blocks until this node has
   * joined).
   */
  static Vertx newVertx(
      String metricsRegistry, Optional<QuizhallConfig.Cluster> cluster, ClusterManager manager) {
    MicrometerMetricsOptions metrics =
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setRegistryName(metricsRegistry)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    VertxOptions options = new VertxOptions().setMetricsOptions(metrics);
    cluster.ifPresent(c -> options.setEventBusOptions(ClusterNode.eventBus(c)));
    VertxBuilder builder =
        Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory());
    return manager == null
        ? builder.build()
        : builder.withClusterManager(manager).buildClustered().await();
  }

  /**
   * Starts everything in order: database, migrations, pool, HTTP. Blocks until ready or failed.
   *
   * @throws StartupException naming the step that failed; nothing the start began is left running
   */
  public static Quizhall start(QuizhallConfig config, Clock clock) {
    return start(config, clock, NetworkAddresses.reachableFrom(config.httpHost()));
  }

  /**
   * The same, with the private network addresses phones reach this machine at (for join links when
   * the host's browser is on localhost) given rather than read from the machine's interfaces.
   */
  public static Quizhall start(QuizhallConfig config, Clock clock, List<String> networkAddresses) {
    Startup startup = new Startup(config, clock, networkAddresses);
    try {
      return startup.run();
    } catch (Throwable e) {
      // Whatever stopped the start (an Error, or a checked exception such as a BindException that
      // await() rethrows undeclared), nothing it started is left running.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Throwable failure = e instanceof VirtualMachineError ? e : startup.failure(e);
      startup.abandon(failure);
      if (failure instanceof Error error) {
        throw error;
      }
      throw (StartupException) failure;
    }
  }

  /**
   * Start-up as named steps in one chain, each starting once the one before it has: the database,
   * its migrations, the capabilities over its pool, the rooms (with those carried on from their
   * checkpoints), the exam sweeper, and last the HTTP servers, so nothing is served before
   * everything behind it is ready. What each step makes is kept for the steps after it. The steps
   * after the first run on an event loop, so each one that blocks (JDBC, Flyway, reading files,
   * starting a process, Hazelcast) does that part on a worker.
   */
  private static final class Startup {

    private final QuizhallConfig config;
    private final Clock clock;
    private final List<String> networkAddresses;
    private final String registry = "quizhall-" + UUID.randomUUID();

    /** The step under way, named in the failure should it fail. */
    private volatile String current = "Vert.x";

    private volatile HazelcastClusterManager manager;
    private volatile Vertx vertx;

    private volatile EmbeddedDatabase embedded;
    private DatabaseSettings database;
    private volatile Pool pool;
    private Accounts accounts;
    private Decks decks;
    private GameWriter writer;
    private Games games;
    private MasteryRecorder mastery;
    private Rooms rooms;
    private Fsrs fsrs;
    private Exams exams;
    private GameHistory history;
    private Readiness readiness;
    private Attempts attempts;
    private HttpApi.Services services;
    private Gateway gateway;
    private final List<HttpApi> http = new java.util.concurrent.CopyOnWriteArrayList<>();

    Startup(QuizhallConfig config, Clock clock, List<String> networkAddresses) {
      this.config = config;
      this.clock = clock;
      this.networkAddresses = networkAddresses;
    }

    /**
     * Vert.x (in cluster mode joining the cluster, which blocks this thread, never an event loop),
     * then the other steps in order. Blocks until ready or failed.
     */
    Quizhall run() {
      if (config.cluster().isPresent()) {
        current = "cluster";
        manager = ClusterNode.manager(config.cluster().get());
      }
      vertx = newVertx(registry, config.cluster(), manager);
      return steps().await();
    }

    private Future<Quizhall> steps() {
      return step("database", this::database)
          .compose(v -> step("migrations", this::migrations))
          .compose(v -> step("capabilities", this::capabilities))
          .compose(v -> step("sample decks", this::sampleDecks))
          .compose(v -> step("rooms", this::rooms))
          .compose(v -> step("exam sweeper", this::examSweeper))
          .compose(v -> step("services", this::services))
          .compose(v -> step("http", this::http))
          .map(v -> ready());
    }

    /** A step; when it fails, the log names it and start throws a failure that names it. */
    private Future<Void> step(String name, java.util.function.Supplier<Future<?>> step) {
      current = name;
      Future<?> started;
      try {
        started = step.get();
      } catch (Throwable e) {
        started = Future.failedFuture(e);
      }
      return started
          .<Void>mapEmpty()
          .onFailure(e -> log.warn("Start-up stopped at the {} step", name));
    }

    /** The embedded PostgreSQL (a process of its own, started off the event loops) or the URL. */
    private Future<?> database() {
      if (!config.embeddedDatabase()) {
        database =
            new DatabaseSettings(
                config.databaseUrl().orElseThrow(),
                config.databaseUser(),
                config.databasePassword());
        return Future.succeededFuture();
      }
      return vertx.executeBlocking(
          () -> {
            embedded = EmbeddedDatabase.start(config.dataDir());
            database =
                new DatabaseSettings(embedded.jdbcUrl(), embedded.user(), embedded.password());
            return null;
          });
    }

    /** Flyway over JDBC, which blocks: on a worker. */
    private Future<?> migrations() {
      return vertx.executeBlocking(
          () -> {
            Migrations.migrate(database);
            return null;
          });
    }

    private Future<?> capabilities() {
      pool =
          PgBuilder.pool()
              .with(new PoolOptions().setMaxSize(config.databasePoolSize()).setName("quizhall"))
              .connectingTo(database.connectOptions())
              .using(vertx)
              .build();
      accounts = new Accounts(vertx, pool, new PasswordHasher(), clock, config.sessionTtl());
      decks =
          new Decks(
              pool,
              new ImportQueue(
                  vertx, io.vertx.micrometer.backends.BackendRegistries.getNow(registry)),
              clock);
      writer = new GameWriter(vertx, pool, config.writeQueueLimit());
      games = new Games(pool, writer, clock);
      fsrs = new Fsrs();
      mastery = new MasteryRecorder(vertx, pool, fsrs);
      exams = new Exams(pool, decks, clock);
      history = new GameHistory(pool, writer, clock);
      readiness = new Readiness(pool, decks, exams, history, fsrs, clock);
      attempts = new Attempts(pool, exams, decks, mastery, readiness, clock);
      return Future.succeededFuture();
    }

    private Future<?> sampleDecks() {
      return SampleDecks.importAll(vertx, decks);
    }

    /**
     * The built-in nickname blocklist, the common-passwords list and the socket messages' schema
     * are read from the jar, and Hazelcast is told, on a worker.
     */
    private Future<?> rooms() {
      return vertx
          .executeBlocking(
              () -> {
                Credentials.preload();
                MessageSchema.preload();
                return new NicknameRules(
                    config.nicknameBlocklist().orElseGet(NicknameWords::builtIn));
              })
          .compose(
              nicknameRules -> {
                rooms =
                    new Rooms(
                        vertx,
                        clock,
                        GameLog.both(writer, mastery),
                        nicknameRules,
                        new CheckpointStore(pool),
                        manager != null ? manager.getNodeId() : UUID.randomUUID().toString());
                return manager == null
                    ? Future.succeededFuture()
                    : vertx.executeBlocking(
                        () -> {
                          ClusterNode.onNodeLeft(manager, rooms::nodeLeft);
                          return null;
                        });
              })
          .compose(v -> rooms.start())
          .compose(v -> rooms.restoreAll())
          .onSuccess(
              restored -> {
                if (restored > 0) {
                  log.info("{} open rooms carried on from their checkpoints", restored);
                }
              });
    }

    /** Attempts whose time ran out while nobody looked are submitted by a worker. */
    private Future<?> examSweeper() {
      return vertx.deployVerticle(
          new ExamSweeper(attempts),
          new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    }

    /** The shared rate limits are a Hazelcast map, which Hazelcast makes ready on a worker. */
    private Future<?> services() {
      // Limits run on the wall clock, as attackers do: the game clock may be held still in tests.
      return manager == null
          ? services(RateLimits.local(System::currentTimeMillis))
          : vertx
              .executeBlocking(
                  () ->
                      RateLimits.clustered(
                          manager.getHazelcastInstance(), System::currentTimeMillis))
              .compose(this::services);
    }

    private Future<?> services(RateLimits limits) {
      ClientAddress clientAddress = ClientAddress.trusting(config.trustedProxies());
      vertx.setPeriodic(LIMITS_SWEEP_MS, id -> limits.sweep());
      gateway =
          new Gateway(vertx, rooms, accounts, config.allowedOrigins(), clientAddress::of, limits);
      LimitHits limitHits = new LimitHits();
      QuizhallMetrics.register(
          io.vertx.micrometer.backends.BackendRegistries.getNow(registry),
          rooms,
          gateway,
          writer,
          limitHits);
      ItemAnalysis itemAnalysis = new ItemAnalysis(vertx, pool, writer, clock);
      Groups groups = new Groups(pool);
      Sittings sittings = new Sittings(pool, groups, exams, attempts, decks, clock);
      services =
          new HttpApi.Services(
              pool,
              writer,
              accounts,
              decks,
              rooms,
              games,
              groups,
              new Leaderboards(history, groups, clock),
              new Practice(
                  pool,
                  decks,
                  games,
                  mastery,
                  fsrs,
                  clock,
                  itemAnalysis,
                  sittings::questionsInPlay),
              new OpenRoom(
                  decks,
                  rooms,
                  games,
                  groups,
                  new WeakSpots(history),
                  sittings::questionsInPlay,
                  config.openRoomsPerAccount()),
              new Assignments(pool, groups, decks, games, new SelfPacedGames(pool), mastery, clock),
              gateway,
              clientAddress,
              limitHits,
              limits,
              config.maxPlayersPerRoom(),
              new org.quizhall.http.PublicSite(
                  config.publicUrl(),
                  config.allowedHosts(),
                  config.metricsToken(),
                  clientAddress,
                  networkAddresses),
              itemAnalysis,
              new QuestionFlags(pool, writer, clock),
              exams,
              attempts,
              sittings,
              readiness);
      vertx.setPeriodic(SESSION_SWEEP_MS, id -> accounts.forgetExpiredSessions());
      return Future.succeededFuture();
    }

    /**
     * One HTTP/WebSocket verticle per event loop. Vert.x shares a port among servers that name the
     * same one; servers on port 0 would each bind a random port of their own, while a negative port
     * is one random port, bound once by the OS and shared by every instance that names it.
     */
    private Future<?> http() {
      int port = config.httpPort() == 0 ? -1 : config.httpPort();
      return vertx.deployVerticle(
          () -> {
            HttpApi api =
                new HttpApi(
                    config.httpHost(), port, services, registry, config.webSocketCompression());
            http.add(api);
            return api;
          },
          new DeploymentOptions().setInstances(HTTP_INSTANCES));
    }

    private Quizhall ready() {
      if (config.publicUrl().isEmpty() && !networkAddresses.isEmpty()) {
        log.info(
            "Phones on this machine's network open http://{}:{} (set {} for another address)",
            networkAddresses.get(0),
            http.get(0).actualPort(),
            QuizhallConfig.PUBLIC_URL);
      }
      return new Quizhall(vertx, config, embedded, pool, http, writer, rooms, gateway);
    }

    /**
     * What reaches the caller when a step fails: a {@link StartupException} naming the step, with
     * the operator's words of one a step threw itself, and a port already taken named as such.
     */
    StartupException failure(Throwable cause) {
      String step = current;
      if (cause instanceof StartupException worded) {
        return new StartupException(step, worded.getMessage(), worded);
      }
      java.net.BindException bind = causeOf(cause, java.net.BindException.class);
      if (bind != null && step.equals("http")) {
        String where = config.httpHost() + ":" + config.httpPort();
        String message = String.valueOf(bind.getMessage());
        return new StartupException(
            step,
            message.contains("already in use")
                ? "Quizhall cannot listen on "
                    + where
                    + ": the port is already in use (another Quizhall, or another program). Stop"
                    + " it, or set "
                    + QuizhallConfig.HTTP_PORT
                    + " to a free port."
                : "Quizhall cannot listen on "
                    + where
                    + " ("
                    + message
                    + "): set "
                    + QuizhallConfig.HTTP_HOST
                    + " to an address of this machine, or 0.0.0.0 for all of them.",
            cause);
      }
      return new StartupException(
          step, "Quizhall could not start: the " + step + " step failed with " + cause, cause);
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> kind) {
      for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
        if (kind.isInstance(e)) {
          return kind.cast(e);
        }
      }
      return null;
    }

    /**
     * After a failed step: what was started is stopped again, last started first. Each close is
     * tried whatever the one before it did; what goes wrong is added to {@code failure}.
     */
    void abandon(Throwable failure) {
      log.warn("Stopping what the start had started");
      if (pool != null) {
        closeQuietly("the database pool", failure, () -> pool.close().await());
      }
      if (vertx != null) {
        // Undeploys the HTTP servers, the rooms and the sweeper, and leaves the cluster.
        closeQuietly("Vert.x", failure, () -> vertx.close().await());
      } else if (manager != null && manager.getHazelcastInstance() != null) {
        closeQuietly(
            "Hazelcast",
            failure,
            () -> manager.getHazelcastInstance().getLifecycleService().terminate());
      }
      if (embedded != null) {
        closeQuietly("the embedded PostgreSQL", failure, embedded::close);
      }
    }

    private static void closeQuietly(String what, Throwable failure, Runnable close) {
      try {
        close.run();
      } catch (Throwable e) {
        log.warn("{} did not stop cleanly after the failed start: {}", what, e.toString());
        if (e != failure) {
          failure.addSuppressed(e);
        }
      }
    }
  }

  public int httpPort() {
    return http.get(0).actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The WebSocket gateway every HTTP verticle instance shares. */
  public Gateway gateway() {
    return gateway;
  }

  public Rooms rooms() {
    return rooms;
  }

  public Pool pool() {
    return pool;
  }

  /**
   * Stops accepting connections, lets requests in flight finish within the grace period, then
   * closes the pool, Vert.x and the embedded PostgreSQL. Safe to call more than once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long grace = config.shutdownGrace().toMillis();
    try {
      rooms.goingAway().timeout(grace + 1000, TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      log.warn("Not every room said goodbye to its players: {}", e.getMessage());
    }
    try {
      // join, not all: every instance drains to the end even when another fails early.
      Future.join(http.stream().map(api -> api.drain(grace)).toList()).await();
    } catch (RuntimeException e) {
      log.warn("HTTP server did not drain cleanly: {}", e.getMessage());
    }
    try {
      writer.drained().timeout(grace + 1000, TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      log.warn(
          "{} game rows could not be written before stopping: {}",
          writer.pending(),
          e.getMessage());
    }
    try {
      pool.close().await();
      vertx.close().await();
    } catch (RuntimeException e) {
      log.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
