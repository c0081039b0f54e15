package org.quizhall.room;

/**
 * Where a room's messages to one client go: a WebSocket on this node, a connection on another node,
 * or a recorder in a test. Implementations must accept calls from the room's own thread and must
 * not block it.
 */
public interface Channel {

  /** Sends one already-encoded protocol message. */
  void send(String text);

  /** Ends the connection with a close code from the protocol (4000-4999). */
  void close(int code, String reason);
}
