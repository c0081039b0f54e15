package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
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
    return vertx.eventBus().consumer(nodeAddress(nodeId), this::deliver).completion();
  }

  private void deliver(Message<Object> message) {
    NodeMessages.Delivery delivery;
    try {
      delivery = NodeMessages.decodeDelivery(message.body());
    } catch (Problem unreadable) {
      // Neither release's delivery: the codec has logged it; there is no one to answer.
      return;
    }
    for (NodeMessages.Recipient to : delivery.to()) {
      Channel socket = sockets.get(to.conn());
      if (socket == null) {
        continue;
      }
      if (to instanceof NodeMessages.Text text) {
        socket.send(delivery.texts().get(text.text()));
      } else {
        NodeMessages.Close close = (NodeMessages.Close) to;
        socket.close(close.code(), close.reason());
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

  /** A problem travels as the reply's failure, its kind by name (see {@link NodeMessages}). */
  static void fail(Message<?> request, Throwable cause) {
    Problem problem =
        cause instanceof Problem p
            ? p
            : new Problem(Problem.Kind.CONFLICT, "internal_error", "The room could not do that.");
    ReplyException failure = NodeMessages.encodeProblem(problem);
    request.fail(failure.failureCode(), failure.getMessage());
  }

  private static Throwable problemFrom(Throwable failure) {
    Problem problem = NodeMessages.decodeProblem(failure);
    if (problem != null) {
      return problem;
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

    private Future<Object> request(NodeMessages.Request request) {
      return vertx
          .eventBus()
          .request(
              roomAddress(code),
              NodeMessages.encode(request),
              new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
          .map(Message::body)
          .recover(e -> Future.failedFuture(problemFrom(e)));
    }

    @Override
    public Future<RoomGame.Seat> join(
        String nickname, UUID accountId, String address, Channel channel) {
      return request(new NodeMessages.Join(nodeId, idOf(channel), nickname, accountId, address))
          .map(NodeMessages::decodeSeat);
    }

    @Override
    public Future<RoomGame.Seat> resume(String resumeToken, Channel channel) {
      return request(new NodeMessages.Resume(nodeId, idOf(channel), resumeToken))
          .map(NodeMessages::decodeSeat);
    }

    @Override
    public Future<Void> attachHost(byte[] hostTokenDigest, Channel channel) {
      return request(new NodeMessages.AttachHost(nodeId, idOf(channel), hostTokenDigest))
          .mapEmpty();
    }

    @Override
    public Future<Void> attachOwner(UUID account, Channel channel) {
      return request(new NodeMessages.AttachOwner(nodeId, idOf(channel), account)).mapEmpty();
    }

    @Override
    public Future<Void> run(String playerId, JsonObject command) {
      return request(new NodeMessages.Run(nodeId, playerId, command)).mapEmpty();
    }

    @Override
    public void disconnected(String playerId, Channel channel) {
      String conn = ids.get(channel);
      forget(channel);
      vertx
          .eventBus()
          .send(
              roomAddress(code),
              NodeMessages.encode(new NodeMessages.Disconnected(nodeId, conn, playerId)));
    }

    @Override
    public void hostDisconnected(Channel channel) {
      String conn = ids.get(channel);
      forget(channel);
      vertx
          .eventBus()
          .send(
              roomAddress(code),
              NodeMessages.encode(new NodeMessages.HostDisconnected(nodeId, conn)));
    }
  }
}
