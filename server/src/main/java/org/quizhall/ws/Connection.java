package org.quizhall.ws;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.quizhall.account.SessionToken;
import org.quizhall.room.LiveRoom;
import org.quizhall.room.Protocol;
import org.quizhall.room.RoomCodes;
import org.quizhall.room.RoomGame;
import org.quizhall.problem.Problem;

/**
 * One client's WebSocket: reads and checks its frames on the socket's own event loop, and passes
 * well-formed commands to the room that owns the game. Every refusal is an {@code error} message
 * and the connection stays open, unless the client keeps flooding it.
 */
final class Connection {

  static final int MAX_MESSAGE_BYTES = 4096;
  static final int MESSAGES_PER_SECOND = 20;
  /** Throttled or refused messages tolerated in a row before the connection is closed. */
  static final int MAX_STRIKES = 100;
  static final long JOIN_TIMEOUT_MS = 30_000;
  static final int MAX_ID_LENGTH = 64;

  private enum Role { NONE, JOINING, PLAYER, HOST }

  private final Gateway gateway;
  private final ServerWebSocket socket;
  private final SocketChannel channel;
  private final Context context;
  private final String address;
  private final MessageRate rate;
  private Role role = Role.NONE;
  private LiveRoom room;
  private String playerId;
  private int strikes;
  private final ArrayDeque<String> deferred = new ArrayDeque<>();
  private long joinTimer;
  private long pingTimer;

  Connection(Gateway gateway, ServerWebSocket socket, Context context, Outbox outbox) {
    this.gateway = gateway;
    this.socket = socket;
    this.channel = new SocketChannel(socket, outbox);
    this.context = context;
    this.address = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
    this.rate = new MessageRate(MESSAGES_PER_SECOND, System.nanoTime());
  }

  void open() {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(bytes -> refuse("binary_not_supported", "Send JSON text messages, not binary.", null));
    socket.exceptionHandler(e -> { });
    socket.closeHandler(v -> onClose());
    pingTimer =
        gateway.vertx().setPeriodic(
            1 + ThreadLocalRandom.current().nextLong(Gateway.PING_INTERVAL_MS),
            Gateway.PING_INTERVAL_MS,
            id -> socket.writePing(Buffer.buffer()));
    joinTimer =
        gateway.vertx().setTimer(
            JOIN_TIMEOUT_MS,
            id -> {
              if (role == Role.NONE) {
                channel.close(Protocol.CLOSE_IDLE, "No join, host or resume message arrived.");
              }
            });
  }

  private void onText(String text) {
    if (role == Role.JOINING) {
      // Replayed once the room has answered the join, so nothing overtakes it.
      if (deferred.size() < MESSAGES_PER_SECOND) {
        deferred.add(text);
      } else {
        refuse("join_in_progress", "Wait for the answer to your join before sending more.", null);
      }
      return;
    }
    if (text.length() > MAX_MESSAGE_BYTES / 3 && utf8Length(text) > MAX_MESSAGE_BYTES) {
      refuse("message_too_large", "A message is at most " + MAX_MESSAGE_BYTES + " bytes.", null);
      return;
    }
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      refuse("malformed_json", "A message is one JSON object.", null);
      return;
    }
    Object rawId = message.getValue("id");
    String id = rawId instanceof String s && s.length() <= MAX_ID_LENGTH ? s : rawId instanceof Number n ? n.toString() : null;
    if (rawId != null && id == null) {
      refuse("invalid_field", "id is a string of at most " + MAX_ID_LENGTH + " characters, or a number.", null);
      return;
    }
    // Throttled after parsing (a message is at most 4 KiB) so that the refusal can name the message.
    if (!rate.tryTake(System.nanoTime())) {
      refuse("rate_limited", "Slow down: at most " + MESSAGES_PER_SECOND + " messages a second.", id);
      return;
    }
    if (!Integer.valueOf(Protocol.VERSION).equals(message.getValue("v"))) {
      refuse("unsupported_version", "Send \"v\": " + Protocol.VERSION + " in every message.", id);
      return;
    }
    if (!(message.getValue("type") instanceof String type)) {
      refuse("invalid_field", "Every message has a \"type\".", id);
      return;
    }
    try {
      dispatch(type, message, id);
      strikes = 0;
    } catch (Problem problem) {
      refuse(problem.code(), problem.getMessage(), id);
    }
  }

  private void dispatch(String type, JsonObject message, String id) {
    switch (type) {
      case "ping" -> send(Protocol.message("pong").put("re", id));
      case "join" -> join(message, id);
      case "resume" -> resumeSeat(message, id);
      case "host" -> host(message, id);
      case "answer" -> answer(message, id);
      case "leave" -> {
        String player = playerId;
        playerCommand(id, (game, now) -> game.leave(player, now));
      }
      case "start" -> hostCommand(id, (game, now) -> game.start(now));
      case "next" -> hostCommand(id, (game, now) -> game.next(now));
      case "pause" -> hostCommand(id, (game, now) -> game.pause(now));
      case "unpause" -> hostCommand(id, (game, now) -> game.resumeTimer(now));
      case "end" -> hostCommand(id, (game, now) -> game.end(now));
      case "lock" -> {
        boolean locked = Fields.bool(message, "locked");
        hostCommand(id, (game, now) -> game.lock(locked, now));
      }
      case "kick" -> {
        String target = Fields.string(message, "playerId", 32);
        hostCommand(id, (game, now) -> game.kick(target, now));
      }
      default -> throw Problem.invalid("unknown_type", "There is no message type \"" + Fields.printable(type) + "\".");
    }
  }

  private void join(JsonObject message, String id) {
    LiveRoom target = roomFor(message);
    String nickname = Fields.string(message, "nickname", 200);
    String accountToken = Fields.optionalString(message, "accountToken", 100);
    role = Role.JOINING;
    Future<UUID> account =
        accountToken == null
            ? Future.succeededFuture(null)
            : gateway.accounts().authenticate(accountToken).map(a -> a.id());
    take(target, account.compose(accountId -> target.ask((game, now) -> game.join(nickname, accountId, channel, now))), id);
  }

  private void resumeSeat(JsonObject message, String id) {
    LiveRoom target = roomFor(message);
    String token = Fields.string(message, "resumeToken", 100);
    role = Role.JOINING;
    take(target, target.ask((game, now) -> game.resume(token, channel, now)), id);
  }

  /** Waits for the room's answer to a join or resume, back on this socket's own context. */
  private void take(LiveRoom target, Future<RoomGame.Seat> seat, String id) {
    seat.onComplete(
        result ->
            context.runOnContext(
                v -> {
                  if (result.succeeded()) {
                    seated(target, result.result());
                  } else {
                    joinFailed(result.cause(), id);
                  }
                }));
  }

  private void host(JsonObject message, String id) {
    LiveRoom target = roomFor(message);
    String token = Fields.string(message, "hostToken", 100);
    if (!target.hostTokenMatches(SessionToken.digest(token))) {
      gateway.joinGuard().failed(address, System.currentTimeMillis());
      throw Problem.unauthenticated("invalid_host_token", "That host token does not open this room.");
    }
    role = Role.HOST;
    room = target;
    gateway.vertx().cancelTimer(joinTimer);
    target.submit((game, now) -> game.attachHost(channel, now), problem -> send(error(problem, id)));
  }

  private void answer(JsonObject message, String id) {
    requireRole(Role.PLAYER);
    int index = Fields.integer(message, "index");
    Integer choice = message.containsKey("choice") ? Fields.integer(message, "choice") : null;
    String text = Fields.optionalString(message, "text", 1000);
    String player = playerId;
    room.submit((game, now) -> game.answer(player, id, index, choice, text, now), problem -> send(error(problem, id)));
  }

  private void playerCommand(String id, LiveRoom.Command command) {
    requireRole(Role.PLAYER);
    room.submit(command, problem -> send(error(problem, id)));
  }

  private void hostCommand(String id, LiveRoom.Command command) {
    requireRole(Role.HOST);
    room.submit(
        (game, now) -> {
          command.run(game, now);
          channel.send(Protocol.message("ok").put("re", id).encode());
        },
        problem -> send(error(problem, id)));
  }

  private void seated(LiveRoom target, RoomGame.Seat seat) {
    role = Role.PLAYER;
    room = target;
    playerId = seat.playerId();
    gateway.vertx().cancelTimer(joinTimer);
    if (socket.isClosed()) {
      onClose();
    }
    replayDeferred();
  }

  private void joinFailed(Throwable cause, String id) {
    role = Role.NONE;
    failure(cause, id);
    replayDeferred();
  }

  private void replayDeferred() {
    while (!deferred.isEmpty() && role != Role.JOINING) {
      onText(deferred.poll());
    }
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private LiveRoom roomFor(JsonObject message) {
    if (role != Role.NONE) {
      throw new Problem(Problem.Kind.CONFLICT, "already_joined", "This connection is already in a room.");
    }
    long now = System.currentTimeMillis();
    if (gateway.joinGuard().blocked(address, now)) {
      throw new Problem(
          Problem.Kind.TOO_MANY_REQUESTS, "rate_limited", "Too many failed attempts from your address: wait a minute.");
    }
    String code = RoomCodes.normalise(Fields.string(message, "code", 32));
    Optional<LiveRoom> target = RoomCodes.wellFormed(code) ? gateway.rooms().find(code) : Optional.empty();
    if (target.isEmpty()) {
      gateway.joinGuard().failed(address, now);
      throw Problem.notFound("room_not_found", "There is no open room with the code " + Fields.printable(code) + ".");
    }
    return target.get();
  }

  private void requireRole(Role expected) {
    if (role != expected) {
      throw new Problem(
          Problem.Kind.FORBIDDEN,
          expected == Role.HOST ? "not_host" : "not_joined",
          expected == Role.HOST ? "Only the host can do that." : "Join a room first.");
    }
  }

  private void onClose() {
    gateway.vertx().cancelTimer(pingTimer);
    gateway.vertx().cancelTimer(joinTimer);
    if (room == null) {
      return;
    }
    if (role == Role.PLAYER) {
      String player = playerId;
      room.submit((game, now) -> game.disconnected(player, channel, now), problem -> { });
    } else if (role == Role.HOST) {
      room.submit((game, now) -> game.hostDisconnected(channel, now), problem -> { });
    }
  }

  private void failure(Throwable cause, String id) {
    if (cause instanceof Problem problem) {
      send(error(problem, id));
    } else {
      send(Protocol.error("internal_error", "The server could not do that; try again.", id));
    }
  }

  private void refuse(String code, String message, String id) {
    send(Protocol.error(code, message, id));
    if (++strikes > MAX_STRIKES) {
      channel.close(Protocol.CLOSE_POLICY, "Too many refused messages.");
    }
  }

  private static JsonObject error(Problem problem, String id) {
    return Protocol.error(problem.code(), problem.getMessage(), id);
  }

  private void send(JsonObject message) {
    channel.send(message.encode());
  }
}
