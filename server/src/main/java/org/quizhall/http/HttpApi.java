package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import org.quizhall.account.Accounts;
import org.quizhall.deck.Decks;
import org.quizhall.game.GameWriter;
import org.quizhall.game.Games;
import org.quizhall.group.Assignments;
import org.quizhall.group.Groups;
import org.quizhall.group.Leaderboards;
import org.quizhall.group.Practice;
import org.quizhall.room.OpenRoom;
import org.quizhall.room.Rooms;
import org.quizhall.ws.Gateway;

/**
 * The HTTP face of Quizhall: REST routes, health, metrics and the static web client, behind one
 * request log and one error format.
 */
public final class HttpApi extends VerticleBase {

  /** How long a readiness probe waits for the database before calling it down. */
  private static final long READY_TIMEOUT_MS = 2_000;

  /** What the routes serve: each capability's entry point. */
  public record Services(
      Pool pool,
      GameWriter writer,
      Accounts accounts,
      Decks decks,
      Rooms rooms,
      Games games,
      Groups groups,
      Leaderboards leaderboards,
      Practice practice,
      OpenRoom openRoom,
      Assignments assignments,
      Gateway gateway,
      ClientAddress clientAddress,
      LimitHits limitHits,
      org.quizhall.limits.RateLimits limits,
      int maxPlayersPerRoom,
      PublicSite site,
      org.quizhall.game.ItemAnalysis itemAnalysis,
      org.quizhall.game.QuestionFlags flags,
      org.quizhall.exam.Exams exams,
      org.quizhall.exam.Attempts attempts,
      org.quizhall.exam.Sittings sittings,
      org.quizhall.exam.Readiness readiness) {}

  /**
   * Bigger messages than a client may send are read and refused with an error; beyond this Vert.x
   * drops the connection (1006).
   */
  private static final int MAX_WEBSOCKET_FRAME = 64 * 1024;

  private final String host;
  private final int port;
  private final Services services;
  private final String metricsRegistry;
  private final boolean webSocketCompression;
  private HttpServer server;

  public HttpApi(
      String host,
      int port,
      Services services,
      String metricsRegistry,
      boolean webSocketCompression) {
    this.host = host;
    this.port = port;
    this.services = services;
    this.metricsRegistry = metricsRegistry;
    this.webSocketCompression = webSocketCompression;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    PublicSite site = services.site();
    router
        .route()
        .handler(RequestLog::handle)
        .handler(site::checkHost)
        .handler(ctx -> SecurityHeaders.handle(ctx, site.https(ctx.request())));

    router.get("/health/live").handler(liveness());
    router.get("/health/ready").handler(readiness());
    router
        .get("/metrics")
        .handler(site::guardMetrics)
        .handler(PrometheusScrapingHandler.create(metricsRegistry));

    services.gateway().mount(router);
    Identity identity = new Identity(services.accounts());
    new AccountRoutes(
            services.accounts(), services.clientAddress(), services.limitHits(), services.limits())
        .mount(router);
    new DeckRoutes(services.decks(), identity, services.itemAnalysis()).mount(router);
    new ExchangeRoutes(services.decks(), identity).mount(router);
    new RoomRoutes(
            services.openRoom(),
            services.rooms(),
            services.games(),
            identity,
            services.maxPlayersPerRoom(),
            site)
        .mount(router);
    new GroupRoutes(
            services.groups(),
            services.leaderboards(),
            identity,
            services.games(),
            services.rooms(),
            services.sittings())
        .mount(router);
    new StudyRoutes(services.practice(), services.leaderboards(), services.decks(), identity)
        .mount(router);
    new AssignmentRoutes(services.assignments(), identity).mount(router);
    new ExamRoutes(services.exams(), services.attempts(), services.readiness(), identity)
        .mount(router);
    new SittingRoutes(services.sittings(), identity).mount(router);
    new GameRoutes(
            services.games(),
            identity,
            services.flags(),
            new org.quizhall.game.Gradebook(
                vertx, services.pool(), services.writer(), services.games().clock()))
        .mount(router);
    new JoinCodes(services.rooms(), services.gateway(), services.clientAddress(), site)
        .mount(router);

    router.route("/api/*").handler(ApiErrors::notFound);
    // max-age 0 with validators: browsers revalidate every file, so a deploy never mixes old and
    // new modules.
    router
        .route()
        .handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(0));
    router.get().pathRegex(CLIENT_PAGES).handler(this::clientPage);
    router.route().handler(ApiErrors::notFound);

    router.route().failureHandler(ApiErrors::handle);
    router.errorHandler(404, ApiErrors::notFound);
    router.errorHandler(405, ApiErrors::handle);

    server =
        vertx.createHttpServer(
            serverOptions(
                host, port, Gateway.SILENCE_LIMIT_SECONDS, TimeUnit.SECONDS, webSocketCompression));
    return server.requestHandler(router).invalidRequestHandler(ApiErrors::invalidRequest).listen();
  }

  /**
   * The server's options. A connection from which nothing arrives for {@code silenceLimit} is dead
   * (a phone switched off) and is dropped. So is one that takes nothing the server writes for as
   * long: every socket is pinged every 20 s, so a healthy one always takes something, and a client
   * that stopped reading would otherwise make the server hold everything sent to it for as long as
   * it keeps sending. WebSocket compression only with {@code webSocketCompression}
   * (QUIZHALL_WEBSOCKET_COMPRESSION, off by default).
   */
  public static HttpServerOptions serverOptions(
      String host, int port, long silenceLimit, TimeUnit unit, boolean webSocketCompression) {
    return new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setCompressionSupported(true)
        // Every browser offers permessage-deflate with context takeover, for which Netty keeps a
        // JDK zlib deflater and inflater per socket: about 125 KB of native memory, six times
        // the rest of a player, to save about 2 KB a player per question of small JSON (bench
        // socket-memory, README "Benchmarks"). Vert.x cannot make a browser's session cheaper:
        // no context takeover goes only to a client that asks for it (browsers do not), and
        // windows under 32 KB need JZlib. So the offer is refused unless the operator wants it;
        // uncompressed, a broadcast is the same bytes for every socket.
        .setPerMessageWebSocketCompressionSupported(webSocketCompression)
        .setWebSocketAllowServerNoContext(true)
        .setWebSocketPreferredClientNoContext(true)
        // deflate-frame (x-webkit-deflate-frame), an older draft, keeps its zlib context the
        // same way: never.
        .setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME)
        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME)
        .setIdleTimeoutUnit(unit)
        .setReadIdleTimeout((int) silenceLimit)
        .setWriteIdleTimeout((int) silenceLimit)
        .setRegisterWebSocketWriteHandlers(false);
  }

  /**
   * Paths of the browser client's own screens (no file extension): each is served the client's
   * page.
   */
  private static final String CLIENT_PAGES = "/(join|play|host|decks|results|account)(/[^.]*)?";

  private void clientPage(io.vertx.ext.web.RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache");
    ctx.response().sendFile("webroot/index.html").onFailure(ctx::fail);
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting connections and lets requests in flight finish within the grace period. */
  public Future<Void> drain(long graceMillis) {
    return server == null
        ? Future.succeededFuture()
        : server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
  }

  private HealthCheckHandler liveness() {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("server", promise -> promise.complete(Status.OK()));
    return HealthCheckHandler.createWithHealthChecks(checks);
  }

  /**
   * Ready when the database answers and game rows are not piling up: {@code database} asks it, and
   * {@code game-writes} reports the rows waiting for it (down once they reach the limit, when rooms
   * refuse new joins and answers).
   */
  private HealthCheckHandler readiness() {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register(
        "database",
        READY_TIMEOUT_MS,
        promise ->
            services
                .pool()
                .query("SELECT 1")
                .execute()
                .onSuccess(rows -> promise.complete(Status.OK()))
                .onFailure(
                    e ->
                        promise.complete(
                            Status.KO(
                                new JsonObject().put("reason", "the database does not answer")))));
    checks.register(
        "game-writes",
        promise -> {
          GameWriter writer = services.writer();
          JsonObject data =
              new JsonObject()
                  .put("waiting", writer.pending())
                  .put("limit", writer.limit())
                  .put("failing", writer.failing());
          if (writer.pending() >= writer.limit()) {
            promise.complete(
                Status.KO(
                    data.put("reason", "the rows waiting for the database reached the limit")));
          } else {
            promise.complete(Status.OK(data));
          }
        });
    return HealthCheckHandler.createWithHealthChecks(checks);
  }
}
