package org.quizhall.ws;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.quizhall.account.Accounts;
import org.quizhall.room.Rooms;

/** The WebSocket endpoint {@code /ws}: upgrades requests and gives each socket a {@link Connection}. */
public final class Gateway {

  private final Vertx vertx;
  private final Rooms rooms;
  private final Accounts accounts;
  private final JoinGuard joinGuard = new JoinGuard();

  public Gateway(Vertx vertx, Rooms rooms, Accounts accounts) {
    this.vertx = vertx;
    this.rooms = rooms;
    this.accounts = accounts;
    vertx.setPeriodic(JoinGuard.WINDOW_MS, id -> joinGuard.sweep(System.currentTimeMillis()));
  }

  public void mount(Router router) {
    router.get("/ws").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    ctx.request()
        .toWebSocket()
        .onSuccess(socket -> new Connection(this, socket, vertx.getOrCreateContext()).open())
        .onFailure(ctx::fail);
  }

  Vertx vertx() {
    return vertx;
  }

  Rooms rooms() {
    return rooms;
  }

  Accounts accounts() {
    return accounts;
  }

  JoinGuard joinGuard() {
    return joinGuard;
  }
}
