package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quizhall.problem.Problem;

/**
 * Rooms across nodes, on the clustered event bus. A room answers requests (join, resume, host,
 * commands, departures) at {@link #roomAddress}; each node takes the messages rooms elsewhere send
 * its sockets at {@link #nodeAddress}, a batch per room and burst, with each distinct text carried
 * once however many of the node's sockets get it.
 */
public final class RoomBus {

  /**
   * The error for a room whose node does not answer (it is being carried on elsewhere): reconnect
   * and try again.
   */
  public static final String ROOM_MOVING = "room_moving";

  /** How long a connection waits for a room on another node before telling its client to retry. */
  static final long REQUEST_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final String nodeId;

  /** Sockets on this node that talk to rooms elsewhere, by the id rooms know them by. */
  private final Map<String, Channel> sockets = new ConcurrentHashMap<>();

  private final Map<Channel, String> ids = new ConcurrentHashMap<>();

  /** The node whose room each of those sockets talks to. */
  private final Map<Channel, String> owners = new ConcurrentHashMap<>();

  RoomBus(Vertx vertx, String nodeId) {
    this.vertx = vertx;
    this.nodeId = nodeId;
  }

  static String roomAddress(String code) {
    return "quizhall.room." + code;
  }

  static String nodeAddress(String nodeId) {
    return "quizhall.node." + nodeId;
  }

  /** Starts taking deliveries for this node's sockets; completes once other nodes can reach it. */
  Future<Void> start() {
    return vertx.eventBus().<JsonObject>consumer(nodeAddress(nodeId), this::deliver).completion();
  }

  private void deliver(Message<JsonObject> message) {
    JsonObject batch = message.body();
    JsonArray texts = batch.getJsonArray("texts");
    for (Object o : batch.getJsonArray("to")) {
      JsonArray to = (JsonArray) o;
      Channel socket = sockets.get(to.getString(0));
      if (socket == null) {
        continue;
      }
      if (to.size() == 2) {
        socket.send(texts.getString(to.getInteger(1)));
      } else {
        socket.close(to.getInteger(1), to.getString(2));
        forget(socket);
      }
    }
  }

  /** A link to a room that lives on another node, {@code owner}. */
  RoomLink remote(String code, String owner) {
    return new RemoteLink(code, owner);
  }

  private String idOf(Channel socket) {
    return ids.computeIfAbsent(
        socket,
        s -> {
          String id = UUID.randomUUID().toString();
          sockets.put(id, s);
          return id;
        });
  }

  /**
   * Sockets whose room was on a node that is gone: told to reconnect, which finds the room where it
   * carries on.
   */
  void nodeLeft(String deadNode) {
    owners.forEach(
        (socket, owner) -> {
          if (owner.equals(deadNode)) {
            forget(socket);
            socket.close(
                Protocol.CLOSE_GOING_AWAY,
                "The room is moving to another server: reconnect in a moment.");
          }
        });
  }

  private void forget(Channel socket) {
    owners.remove(socket);
    String id = ids.remove(socket);
    if (id != null) {
      sockets.remove(id);
    }
  }

  /**
   * A problem travels as the reply's failure: its kind as the code, "code\nmessage" as the text.
   */
  static void fail(Message<?> request, Throwable cause) {
    Problem problem =
        cause instanceof Problem p
            ? p
            : new Problem(Problem.Kind.CONFLICT, "internal_error", "The room could not do that.");
    request.fail(problem.kind().ordinal(), problem.code() + "\n" + problem.getMessage());
  }

  private static Throwable problemFrom(Throwable failure) {
    if (failure instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.getMessage() != null
        && reply.getMessage().contains("\n")) {
      int cut = reply.getMessage().indexOf('\n');
      Problem.Kind[] kinds = Problem.Kind.values();
      Problem.Kind kind =
          reply.failureCode() >= 0 && reply.failureCode() < kinds.length
              ? kinds[reply.failureCode()]
              : Problem.Kind.CONFLICT;
      return new Problem(
          kind, reply.getMessage().substring(0, cut), reply.getMessage().substring(cut + 1));
    }
    // The directory still names a node that does not answer: it has just died or stopped, and
    // another node is about to carry the room on. Worth trying again in a moment.
    return new Problem(
        Problem.Kind.UNAVAILABLE,
        ROOM_MOVING,
        "The room is moving to another server; reconnecting in a moment.");
  }

  private final class RemoteLink implements RoomLink {

    private final String code;
    private final String owner;

    RemoteLink(String code, String owner) {
      this.code = code;
      this.owner = owner;
    }

    /** The id the room knows this socket by; remembers which node the socket's room is on. */
    private String idOf(Channel channel) {
      owners.put(channel, owner);
      return RoomBus.this.idOf(channel);
    }

    private Future<JsonObject> request(JsonObject body) {
      return vertx
          .eventBus()
          .<JsonObject>request(
              roomAddress(code),
              body.put("node", nodeId),
              new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
          .map(Message::body)
          .recover(e -> Future.failedFuture(problemFrom(e)));
    }

    private static RoomGame.Seat seat(JsonObject reply) {
      return new RoomGame.Seat(
          reply.getString("playerId"), reply.getString("nickname"), reply.getString("resumeToken"));
    }

    @Override
    public Future<RoomGame.Seat> join(
        String nickname, UUID accountId, String address, Channel channel) {
      return request(
              new JsonObject()
                  .put("op", "join")
                  .put("conn", idOf(channel))
                  .put("nickname", nickname)
                  .put("accountId", accountId == null ? null : accountId.toString())
                  .put("address", address))
          .map(RemoteLink::seat);
    }

    @Override
    public Future<RoomGame.Seat> resume(String resumeToken, Channel channel) {
      return request(
              new JsonObject()
                  .put("op", "resume")
                  .put("conn", idOf(channel))
                  .put("resumeToken", resumeToken))
          .map(RemoteLink::seat);
    }

    @Override
    public Future<Void> attachHost(byte[] hostTokenDigest, Channel channel) {
      return request(
              new JsonObject()
                  .put("op", "host")
                  .put("conn", idOf(channel))
                  .put("digest", Base64.getEncoder().encodeToString(hostTokenDigest)))
          .mapEmpty();
    }

    @Override
    public Future<Void> attachOwner(UUID account, Channel channel) {
      return request(
              new JsonObject()
                  .put("op", "host")
                  .put("conn", idOf(channel))
                  .put("account", account.toString()))
          .mapEmpty();
    }

    @Override
    public Future<Void> run(String playerId, JsonObject command) {
      return request(
              new JsonObject().put("op", "run").put("player", playerId).put("command", command))
          .mapEmpty();
    }

    @Override
    public void disconnected(String playerId, Channel channel) {
      String conn = ids.get(channel);
      forget(channel);
      vertx
          .eventBus()
          .send(
              roomAddress(code),
              new JsonObject()
                  .put("op", "disconnected")
                  .put("node", nodeId)
                  .put("conn", conn)
                  .put("player", playerId));
    }

    @Override
    public void hostDisconnected(Channel channel) {
      String conn = ids.get(channel);
      forget(channel);
      vertx
          .eventBus()
          .send(
              roomAddress(code),
              new JsonObject().put("op", "hostDisconnected").put("node", nodeId).put("conn", conn));
    }
  }
}
