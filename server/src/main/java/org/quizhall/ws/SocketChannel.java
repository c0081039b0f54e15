package org.quizhall.ws;

import io.vertx.core.http.ServerWebSocket;
import org.quizhall.room.Channel;

/**
 * A room's channel to a WebSocket on this node. Writes go through the {@link Outbox} of the
 * socket's event loop, so they keep their order whichever thread sends them.
 */
final class SocketChannel implements Channel {

  private final ServerWebSocket socket;
  private final Outbox outbox;

  SocketChannel(ServerWebSocket socket, Outbox outbox) {
    this.socket = socket;
    this.outbox = outbox;
  }

  @Override
  public void send(String text) {
    outbox.send(socket, text);
  }

  @Override
  public void close(int code, String reason) {
    outbox.close(socket, code, reason);
  }
}
