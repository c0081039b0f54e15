package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * What a connection asks of a room, the same whether the room runs on this node or on another one.
 * Failures the client caused complete the futures with a {@link org.quizhall.problem.Problem}.
 */
public interface RoomLink {

  /** {@code address} is the client's network address, for the room's cap on seats per address. */
  Future<RoomGame.Seat> join(String nickname, UUID accountId, String address, Channel channel);

  Future<RoomGame.Seat> resume(String resumeToken, Channel channel);

  /** Attaches {@code channel} as the host if the token's digest opens this room. */
  Future<Void> attachHost(byte[] hostTokenDigest, Channel channel);

  /**
   * Attaches {@code channel} as the host if {@code account} (a checked sign-in) opened this room.
   */
  Future<Void> attachOwner(UUID account, Channel channel);

  /**
   * Runs one command (see {@link RoomCommands}) for the player {@code playerId}, or for the host
   * when it is null.
   */
  Future<Void> run(String playerId, JsonObject command);

  void disconnected(String playerId, Channel channel);

  void hostDisconnected(Channel channel);
}
