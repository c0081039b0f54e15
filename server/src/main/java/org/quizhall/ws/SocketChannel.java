package org.quizhall.ws;

import io.vertx.core.http.ServerWebSocket;
import org.quizhall.room.Channel;

/** A room's channel to a WebSocket on this node. Vert.x lets any thread write to the socket. */
final class SocketChannel implements Channel {

  private final ServerWebSocket socket;

  SocketChannel(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void send(String text) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(text);
    }
  }

  @Override
  public void close(int code, String reason) {
    if (!socket.isClosed()) {
      socket.close((short) code, reason);
    }
  }
}
