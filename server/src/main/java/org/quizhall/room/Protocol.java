package org.quizhall.room;

import io.vertx.core.json.JsonObject;

/**
 * The envelope every WebSocket message shares, and the close codes; docs/protocol.md is the
 * contract.
 */
public final class Protocol {

  public static final int VERSION = 1;

  /** The game is over or the room was closed. */
  public static final int CLOSE_ROOM_CLOSED = 4000;

  /** The same seat was resumed on another connection. */
  public static final int CLOSE_REPLACED = 4001;

  /** The host removed this player. */
  public static final int CLOSE_KICKED = 4003;

  /** Too many messages, or too many bad ones, from this connection. */
  public static final int CLOSE_POLICY = 4008;

  /** No join, host or resume message arrived in time. */
  public static final int CLOSE_IDLE = 4009;

  /** The server is shutting down; reconnect and resume. */
  public static final int CLOSE_GOING_AWAY = 4010;

  private Protocol() {}

  public static JsonObject message(String type) {
    return new JsonObject().put("v", VERSION).put("type", type);
  }

  public static JsonObject error(String code, String message, Object re) {
    return answering(message("error").put("code", code).put("message", message), re);
  }

  /**
   * {@code message} as the answer to the client message whose {@code id} was {@code re}: none when
   * it had none.
   */
  public static JsonObject answering(JsonObject message, Object re) {
    return re == null ? message : message.put("re", re);
  }
}
