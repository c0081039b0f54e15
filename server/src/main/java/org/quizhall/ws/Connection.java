package org.quizhall.ws;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.quizhall.account.SessionToken;
import org.quizhall.deck.Response;
import org.quizhall.limits.Limit;
import org.quizhall.limits.RateLimits;
import org.quizhall.problem.Outages;
import org.quizhall.problem.Problem;
import org.quizhall.room.Protocol;
import org.quizhall.room.RoomBus;
import org.quizhall.room.RoomCodes;
import org.quizhall.room.RoomCommands;
import org.quizhall.room.RoomGame;
import org.quizhall.room.RoomLink;

/**
 * One client's WebSocket: reads and checks its frames on the socket's own event loop, and passes
 * well-formed commands to the room that owns the game. Every refusal is an {@code error} message
 * and the connection stays open, unless the client keeps flooding it.
 */
final class Connection {

  static final int MAX_MESSAGE_BYTES = 4096;
  static final int MESSAGES_PER_SECOND = Limit.SOCKET_MESSAGES.capacity();

  /**
   * Frames of any kind (well-formed or not) a connection may send a second before it is closed.
   * Every refused frame gets an error reply; without this cap a client could interleave enough good
   * messages never to reach the refusal limit and have the server write thousands of errors a
   * second.
   */
  static final int FRAMES_PER_SECOND = Limit.SOCKET_FRAMES.capacity();

  /** Throttled or refused messages tolerated in a row before the connection is closed. */
  static final int MAX_STRIKES = 100;

  static final long JOIN_TIMEOUT_MS = 30_000;
  static final int MAX_ID_LENGTH = 64;

  private enum Role {
    NONE,
    JOINING,
    PLAYER,
    HOST
  }

  private final Gateway gateway;
  private final ServerWebSocket socket;
  private final SocketChannel channel;
  private final Context context;
  private final String address;
  private final io.github.bucket4j.local.LocalBucket rate;
  private final io.github.bucket4j.local.LocalBucket frames;
  private boolean flooded;
  private Role role = Role.NONE;
  private RoomLink room;
  private String playerId;
  private int strikes;
  private final ArrayDeque<String> deferred = new ArrayDeque<>();
  private long joinTimer;
  private long pingTimer;

  /** onClose can run twice (a close racing a join); the socket count goes down once. */
  private boolean closeCounted;

  /** This socket counts as a connected player (from its seat until it closes). */
  private boolean playerCounted;

  Connection(
      Gateway gateway, ServerWebSocket socket, String address, Context context, Outbox outbox) {
    this.gateway = gateway;
    this.socket = socket;
    this.channel = new SocketChannel(socket, outbox);
    this.context = context;
    this.address = address;
    this.rate = RateLimits.perConnection(Limit.SOCKET_MESSAGES);
    this.frames = RateLimits.perConnection(Limit.SOCKET_FRAMES);
  }

  void open() {
    gateway.opened();
    socket.textMessageHandler(
        text -> {
          if (admitted()) {
            onText(text);
          }
        });
    socket.binaryMessageHandler(
        bytes -> {
          if (admitted()) {
            refuse("binary_not_supported", "Send JSON text messages, not binary.", null);
          }
        });
    socket.exceptionHandler(e -> {});
    socket.closeHandler(v -> onClose());
    pingTimer =
        gateway
            .vertx()
            .setPeriodic(
                1 + ThreadLocalRandom.current().nextLong(Gateway.PING_INTERVAL_MS),
                Gateway.PING_INTERVAL_MS,
                id -> socket.writePing(Buffer.buffer()));
    joinTimer =
        gateway
            .vertx()
            .setTimer(
                JOIN_TIMEOUT_MS,
                id -> {
                  if (role == Role.NONE) {
                    channel.close(Protocol.CLOSE_IDLE, "No join, host or resume message arrived.");
                  }
                });
  }

  /**
   * Counts a frame against {@link #FRAMES_PER_SECOND}; past it the connection is closed and nothing
   * more is read.
   */
  private boolean admitted() {
    if (flooded) {
      return false;
    }
    if (!frames.tryConsume(1)) {
      flooded = true;
      gateway.messageLimited();
      channel.close(
          Protocol.CLOSE_POLICY, "More than " + FRAMES_PER_SECOND + " messages a second.");
      return false;
    }
    return true;
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
    // Echoed as "re" as it came: a string stays a string, a number a number.
    Object id =
        rawId instanceof String s && s.length() <= MAX_ID_LENGTH
            ? s
            : rawId instanceof Number n ? n : null;
    if (rawId != null && id == null) {
      refuse(
          "invalid_field",
          "id is a string of at most " + MAX_ID_LENGTH + " characters, or a number.",
          null);
      return;
    }
    // Throttled after parsing (a message is at most 4 KiB) so that the refusal can name the
    // message.
    if (!rate.tryConsume(1)) {
      gateway.messageLimited();
      refuse(
          "rate_limited", "Slow down: at most " + MESSAGES_PER_SECOND + " messages a second.", id);
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

  private void dispatch(String type, JsonObject message, Object id) {
    // Answers and pings are most of the traffic, and the schema costs about 0.1 ms a message: their
    // few fields are
    // checked by hand (Fields, Response) to the same rules, which MessageSchemaTest holds the two
    // to.
    if (MessageSchema.TYPES.contains(type) && !type.equals("answer") && !type.equals("ping")) {
      String problem = MessageSchema.problem(message);
      if (problem != null) {
        throw Problem.invalid("invalid_field", problem);
      }
    }
    switch (type) {
      case "ping" -> send(Protocol.answering(Protocol.message("pong"), id));
      case "join" -> join(message, id);
      case "resume" -> resumeSeat(message, id);
      case "host" -> host(message, id);
      case "answer" -> answer(message, id);
      case "leave" -> playerCommand(id, RoomCommands.of("leave"));
      case "start", "next", "pause", "unpause", "end" ->
          hostCommand(id, message, RoomCommands.of(type));
      case "lock" ->
          hostCommand(
              id, message, RoomCommands.of("lock").put("locked", Fields.bool(message, "locked")));
      case "kick" -> {
        int banMinutes =
            message.containsKey("banMinutes") ? Fields.integer(message, "banMinutes") : 0;
        if (banMinutes < 0 || banMinutes > RoomGame.MAX_BAN_MINUTES) {
          throw Problem.invalid(
              "invalid_field", "banMinutes is 0 to " + RoomGame.MAX_BAN_MINUTES + ".");
        }
        hostCommand(
            id,
            message,
            RoomCommands.of("kick")
                .put("playerId", Fields.string(message, "playerId", 32))
                .put("banMinutes", banMinutes));
      }
      default ->
          throw Problem.invalid(
              "unknown_type", "There is no message type \"" + Fields.printable(type) + "\".");
    }
  }

  private void join(JsonObject message, Object id) {
    String code = roomCode(message);
    String nickname = Fields.string(message, "nickname", 200);
    String accountToken = Fields.optionalString(message, "accountToken", 100);
    role = Role.JOINING;
    Future<UUID> account =
        accountToken == null
            ? Future.succeededFuture(null)
            : gateway.accounts().authenticate(accountToken).map(a -> a.id());
    take(
        account.compose(
            accountId ->
                findRoom(code)
                    .compose(
                        target ->
                            seat(target, target.join(nickname, accountId, address, channel)))),
        id);
  }

  private void resumeSeat(JsonObject message, Object id) {
    String code = roomCode(message);
    String token = Fields.string(message, "resumeToken", 100);
    role = Role.JOINING;
    take(findRoom(code).compose(target -> seat(target, target.resume(token, channel))), id);
  }

  private record Seated(RoomLink room, RoomGame.Seat seat) {}

  private static Future<Seated> seat(RoomLink room, Future<RoomGame.Seat> seat) {
    return seat.map(s -> new Seated(room, s));
  }

  /** Waits for the room's answer to a join or resume, back on this socket's own context. */
  private void take(Future<Seated> seat, Object id) {
    seat.onComplete(
        result ->
            context.runOnContext(
                v -> {
                  if (result.succeeded()) {
                    seated(result.result().room(), result.result().seat());
                  } else {
                    joinFailed(result.cause(), id);
                  }
                }));
  }

  /**
   * The host's console: with the room's host token, or with the sign-in of the account that opened
   * the room (another tab or device, or after the tab with the token was closed).
   */
  private void host(JsonObject message, Object id) {
    String code = roomCode(message);
    String token = Fields.optionalString(message, "hostToken", 100);
    String accountToken =
        token == null ? Fields.optionalString(message, "accountToken", 100) : null;
    if (token == null && accountToken == null) {
      throw Problem.invalid(
          "invalid_field", "hostToken (or the room owner's accountToken) is required.");
    }
    role = Role.JOINING;
    Future<java.util.UUID> owner =
        accountToken == null
            ? Future.succeededFuture(null)
            : gateway.accounts().authenticate(accountToken).map(a -> a.id());
    owner
        .compose(
            account ->
                findRoom(code)
                    .compose(
                        target ->
                            (account == null
                                    ? target.attachHost(SessionToken.digest(token), channel)
                                    : target.attachOwner(account, channel))
                                .map(v -> target)))
        .onComplete(
            result ->
                context.runOnContext(
                    v -> {
                      if (result.succeeded()) {
                        role = Role.HOST;
                        room = result.result();
                        gateway.vertx().cancelTimer(joinTimer);
                        if (socket.isClosed()) {
                          onClose();
                        }
                        replayDeferred();
                      } else {
                        if (result.cause() instanceof Problem p
                            && (p.code().equals("invalid_host_token")
                                || p.code().equals("not_room_owner"))) {
                          // Counted before the refusal goes out, as for an unknown code.
                          gateway
                              .joinGuard()
                              .failed(address)
                              .onComplete(
                                  counted ->
                                      context.runOnContext(w -> joinFailed(result.cause(), id)));
                        } else {
                          joinFailed(result.cause(), id);
                        }
                      }
                    }));
  }

  private void answer(JsonObject message, Object id) {
    requireRole(Role.PLAYER);
    int index = Fields.integer(message, "index");
    Fields.optionalString(message, "text", 1000);
    room.run(playerId, RoomCommands.answer(id, index, Response.from(message)))
        .onFailure(e -> failure(e, id));
  }

  private void playerCommand(Object id, JsonObject command) {
    requireRole(Role.PLAYER);
    room.run(playerId, command).onFailure(e -> failure(e, id));
  }

  /**
   * A host command, with the screen it was pressed against ({@code at}, optional) for the room to
   * hold it to.
   */
  private void hostCommand(Object id, JsonObject message, JsonObject command) {
    requireRole(Role.HOST);
    String at = Fields.optionalString(message, "at", 32);
    if (at != null) {
      command.put("at", at);
    }
    room.run(null, command)
        .onComplete(
            done -> {
              if (done.succeeded()) {
                send(Protocol.answering(Protocol.message("ok"), id));
              } else {
                failure(done.cause(), id);
              }
            });
  }

  private void seated(RoomLink target, RoomGame.Seat seat) {
    role = Role.PLAYER;
    room = target;
    playerId = seat.playerId();
    playerCounted = true;
    gateway.playerSeated();
    gateway.vertx().cancelTimer(joinTimer);
    if (socket.isClosed()) {
      onClose();
    }
    replayDeferred();
  }

  private void joinFailed(Throwable cause, Object id) {
    role = Role.NONE;
    failure(cause, id);
    if (cause instanceof Problem p && p.code().equals(RoomBus.ROOM_MOVING)) {
      // Clients reconnect (with backoff) after a 4010 and say their hello again, by which time the
      // room is back on another node.
      channel.close(
          Protocol.CLOSE_GOING_AWAY,
          "The room is moving to another server: reconnect in a moment.");
      return;
    }
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

  /** The room code of a join, resume or host message, checked before anything is looked up. */
  private String roomCode(JsonObject message) {
    if (role != Role.NONE) {
      throw new Problem(
          Problem.Kind.CONFLICT, "already_joined", "This connection is already in a room.");
    }
    return RoomCodes.normalise(Fields.string(message, "code", 32));
  }

  /**
   * The room with this code, on this node or another; a failed look-up counts against the address.
   */
  private Future<RoomLink> findRoom(String code) {
    Future<java.util.Optional<RoomLink>> found =
        gateway
            .joinGuard()
            .blocked(address)
            .compose(
                blocked -> {
                  if (blocked) {
                    gateway.joinLimited();
                    return Future.failedFuture(
                        new Problem(
                            Problem.Kind.TOO_MANY_REQUESTS,
                            "rate_limited",
                            "Too many failed attempts from your address: wait a minute."));
                  }
                  return RoomCodes.wellFormed(code)
                      ? gateway.rooms().link(code)
                      : Future.succeededFuture(java.util.Optional.empty());
                });
    return found.compose(
        target -> {
          if (target.isPresent()) {
            return Future.succeededFuture(target.get());
          }
          return gateway
              .joinGuard()
              .failed(address)
              .compose(
                  counted ->
                      Future.failedFuture(
                          Problem.notFound(
                              "room_not_found",
                              "There is no open room with the code "
                                  + Fields.printable(code)
                                  + ".")));
        });
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
    if (!closeCounted) {
      closeCounted = true;
      gateway.closed();
    }
    if (playerCounted) {
      playerCounted = false;
      gateway.playerGone();
    }
    gateway.vertx().cancelTimer(pingTimer);
    gateway.vertx().cancelTimer(joinTimer);
    if (room == null) {
      return;
    }
    if (role == Role.PLAYER) {
      room.disconnected(playerId, channel);
    } else if (role == Role.HOST) {
      room.hostDisconnected(channel);
    }
  }

  private void failure(Throwable cause, Object id) {
    Problem problem = Outages.asProblem(cause);
    if (problem != null) {
      send(error(problem, id));
    } else {
      send(Protocol.error("internal_error", "The server could not do that; try again.", id));
    }
  }

  private void refuse(String code, String message, Object id) {
    send(Protocol.error(code, message, id));
    if (++strikes > MAX_STRIKES) {
      channel.close(Protocol.CLOSE_POLICY, "Too many refused messages.");
    }
  }

  private static JsonObject error(Problem problem, Object id) {
    return Protocol.error(problem.code(), problem.getMessage(), id);
  }

  private void send(JsonObject message) {
    channel.send(message.encode());
  }
}
