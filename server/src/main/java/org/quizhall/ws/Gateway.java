package org.quizhall.ws;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quizhall.account.Accounts;
import org.quizhall.room.Rooms;

/**
 * The WebSocket endpoint {@code /ws}: upgrades requests and gives each socket a {@link Connection}.
 */
public final class Gateway {

  private final Vertx vertx;
  private final Rooms rooms;
  private final Accounts accounts;

  /**
   * Every open socket is pinged this often; clients answer with a pong (browsers and WebSocket
   * libraries do it by themselves), so a connection that stays silent for {@link
   * #SILENCE_LIMIT_SECONDS} is dead (a phone switched off) and is closed by the server. Each
   * connection keeps its own timer, started at a random point of the interval: pinging every socket
   * at once made a burst of 10,000 pings and pongs that held up answers for 300 ms.
   */
  public static final long PING_INTERVAL_MS = 20_000;

  public static final int SILENCE_LIMIT_SECONDS = 65;

  private final JoinGuard joinGuard;

  /** Open sockets, and messages or joins refused for going too fast; read by the metrics. */
  private final java.util.concurrent.atomic.AtomicInteger openSockets =
      new java.util.concurrent.atomic.AtomicInteger();

  private final java.util.concurrent.atomic.AtomicLong limitedMessages =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong limitedJoins =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger players =
      new java.util.concurrent.atomic.AtomicInteger();

  /** One per event-loop context that accepts sockets: a handful, created as connections arrive. */
  private final Map<Context, Outbox> outboxes = new ConcurrentHashMap<>();

  private final java.util.Set<String> socketThreads = ConcurrentHashMap.newKeySet();

  private final java.util.List<String> allowedOrigins;
  private final java.util.function.Function<io.vertx.core.http.HttpServerRequest, String>
      clientAddress;

  /**
   * {@code allowedOrigins}: other sites ({@code https://host[:port]}) whose pages may open the
   * socket. {@code clientAddress} tells the address a request comes from (behind a trusted proxy,
   * the one it forwards for): the failed-join limit counts per that address. A function rather than
   * the HTTP edge's own class, so that this package does not depend on that one.
   */
  public Gateway(
      Vertx vertx,
      Rooms rooms,
      Accounts accounts,
      java.util.List<String> allowedOrigins,
      java.util.function.Function<io.vertx.core.http.HttpServerRequest, String> clientAddress,
      org.quizhall.limits.RateLimits limits) {
    this.joinGuard = new JoinGuard(limits);
    this.clientAddress = clientAddress;
    this.allowedOrigins = allowedOrigins;
    this.vertx = vertx;
    this.rooms = rooms;
    this.accounts = accounts;
  }

  public void mount(Router router) {
    router.get("/ws").handler(this::upgrade);
  }

  /**
   * A browser says which page opens a WebSocket (Origin); one from another site is refused, so a
   * page elsewhere cannot play or host through a visitor's browser. Clients that are not browsers
   * send no Origin and are let in (their messages carry their own tokens).
   */
  private boolean originAllowed(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String lower = origin.toLowerCase(java.util.Locale.ROOT);
    if (allowedOrigins.contains(lower)) {
      return true;
    }
    String host = ctx.request().getHeader("Host");
    int scheme = lower.indexOf("://");
    return host != null
        && scheme > 0
        && lower.substring(scheme + 3).equals(host.toLowerCase(java.util.Locale.ROOT));
  }

  private void upgrade(RoutingContext ctx) {
    if (!originAllowed(ctx)) {
      ctx.fail(
          new org.quizhall.problem.Problem(
              org.quizhall.problem.Problem.Kind.FORBIDDEN,
              "origin_not_allowed",
              "Quizhall's WebSocket opens only from its own pages."));
      return;
    }
    String address = clientAddress.apply(ctx.request());
    ctx.request()
        .toWebSocket()
        .onSuccess(
            socket -> {
              Context context = vertx.getOrCreateContext();
              socketThreads.add(Thread.currentThread().getName());
              // Each request runs on a copy of its event loop's context: keyed by the copy, there
              // would be one
              // outbox per socket ever opened, never removed, and no batching across a loop's
              // sockets.
              Context loop = ((io.vertx.core.internal.ContextInternal) context).unwrap();
              new Connection(
                      this, socket, address, context, outboxes.computeIfAbsent(loop, Outbox::new))
                  .open();
            })
        .onFailure(ctx::fail);
  }

  Vertx vertx() {
    return vertx;
  }

  /**
   * Event loops (threads) that have taken a socket so far: one per HTTP verticle instance that
   * accepted one.
   */
  public int socketLoops() {
    return socketThreads.size();
  }

  /** Outboxes made so far: one per event loop that has taken a socket. */
  public int outboxes() {
    return outboxes.size();
  }

  /** WebSockets open right now. */
  public int openSockets() {
    return openSockets.get();
  }

  /** Socket messages refused so far for coming faster than a socket may send. */
  public long limitedMessages() {
    return limitedMessages.get();
  }

  /** Joins, resumes and host attaches refused so far because their address failed too many. */
  public long limitedJoins() {
    return limitedJoins.get();
  }

  /** Sockets on this node that hold a player's seat. */
  public int connectedPlayers() {
    return players.get();
  }

  void opened() {
    openSockets.incrementAndGet();
  }

  void closed() {
    openSockets.decrementAndGet();
  }

  void playerSeated() {
    players.incrementAndGet();
  }

  void playerGone() {
    players.decrementAndGet();
  }

  void messageLimited() {
    limitedMessages.incrementAndGet();
  }

  public void joinLimited() {
    limitedJoins.incrementAndGet();
  }

  Rooms rooms() {
    return rooms;
  }

  Accounts accounts() {
    return accounts;
  }

  public JoinGuard joinGuard() {
    return joinGuard;
  }
}
