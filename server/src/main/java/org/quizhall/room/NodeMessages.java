package org.quizhall.room;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.quizhall.problem.Problem;

/**
 * What a room and the nodes holding its sockets say to each other over the clustered event bus, as
 * typed messages, and the one codec between them and the bus's JSON. Every message carries the
 * format's version; operations and error kinds travel by name, so a node of the next release can
 * reorder or add to them without a node of this one misreading what it is sent.
 */
final class NodeMessages {

  /** The format of every message below; a node refuses one of another version by name. */
  static final int VERSION = 1;

  /** The reply failure code every problem travels under; its kind travels by name. */
  static final int PROBLEM = 400;

  private NodeMessages() {}

  /** A request from a socket on {@code node} to the room it talks to. */
  sealed interface Request
      permits Join, Resume, AttachHost, AttachOwner, Run, Disconnected, HostDisconnected {
    String node();
  }

  /** A player joins from connection {@code conn} of {@code node}. */
  record Join(String node, String conn, String nickname, UUID accountId, String address)
      implements Request {}

  /** A player takes their seat back with the token they were given on joining. */
  record Resume(String node, String conn, String resumeToken) implements Request {}

  /** The host's console attaches with the digest of its host token. */
  record AttachHost(String node, String conn, String digestBase64) implements Request {
    AttachHost(String node, String conn, byte[] digest) {
      this(node, conn, Base64.getEncoder().encodeToString(digest));
    }

    byte[] digest() {
      return Base64.getDecoder().decode(digestBase64);
    }
  }

  /** The signed-in owner's console attaches. */
  record AttachOwner(String node, String conn, UUID account) implements Request {}

  /** A player's socket frame, to be run as the room's command. */
  record Run(String node, String player, JsonObject command) implements Request {}

  /** A player's socket on {@code node} closed. */
  record Disconnected(String node, String conn, String player) implements Request {}

  /** The host's socket on {@code node} closed. */
  record HostDisconnected(String node, String conn) implements Request {}

  /** The operations by the names they travel under. */
  private enum Op {
    JOIN("join"),
    RESUME("resume"),
    HOST("host"),
    OWNER("owner"),
    RUN("run"),
    DISCONNECTED("disconnected"),
    HOST_DISCONNECTED("hostDisconnected");

    final String wire;

    Op(String wire) {
      this.wire = wire;
    }

    static Op of(String wire) {
      for (Op op : values()) {
        if (op.wire.equals(wire)) {
          return op;
        }
      }
      throw Problem.invalid("unknown_op", "Unknown room request.");
    }
  }

  static JsonObject encode(Request request) {
    JsonObject out = new JsonObject().put("v", VERSION).put("node", request.node());
    if (request instanceof Join j) {
      return out.put("op", Op.JOIN.wire)
          .put("conn", j.conn())
          .put("nickname", j.nickname())
          .put("accountId", j.accountId() == null ? null : j.accountId().toString())
          .put("address", j.address());
    }
    if (request instanceof Resume r) {
      return out.put("op", Op.RESUME.wire)
          .put("conn", r.conn())
          .put("resumeToken", r.resumeToken());
    }
    if (request instanceof AttachHost h) {
      return out.put("op", Op.HOST.wire).put("conn", h.conn()).put("digest", h.digestBase64());
    }
    if (request instanceof AttachOwner o) {
      return out.put("op", Op.OWNER.wire)
          .put("conn", o.conn())
          .put("account", o.account().toString());
    }
    if (request instanceof Run r) {
      return out.put("op", Op.RUN.wire).put("player", r.player()).put("command", r.command());
    }
    if (request instanceof Disconnected d) {
      return out.put("op", Op.DISCONNECTED.wire).put("conn", d.conn()).put("player", d.player());
    }
    HostDisconnected h = (HostDisconnected) request;
    return out.put("op", Op.HOST_DISCONNECTED.wire).put("conn", h.conn());
  }

  /**
   * The request a message carries.
   *
   * @throws Problem for a message of another version or an operation this node does not know
   */
  static Request decode(JsonObject body) {
    checkVersion(body);
    String node = body.getString("node");
    String conn = body.getString("conn");
    return switch (Op.of(body.getString("op", ""))) {
      case JOIN -> {
        String account = body.getString("accountId");
        yield new Join(
            node,
            conn,
            body.getString("nickname"),
            account == null ? null : UUID.fromString(account),
            body.getString("address"));
      }
      case RESUME -> new Resume(node, conn, body.getString("resumeToken"));
      case HOST -> new AttachHost(node, conn, body.getString("digest"));
      case OWNER -> new AttachOwner(node, conn, UUID.fromString(body.getString("account")));
      case RUN -> new Run(node, body.getString("player"), body.getJsonObject("command"));
      case DISCONNECTED -> new Disconnected(node, conn, body.getString("player"));
      case HOST_DISCONNECTED -> new HostDisconnected(node, conn);
    };
  }

  private static void checkVersion(JsonObject body) {
    Integer version = body.getInteger("v");
    if (version == null || version != VERSION) {
      throw new Problem(
          Problem.Kind.UNAVAILABLE,
          "node_version",
          "The room is on a server of another version; reconnecting in a moment.");
    }
  }

  /** A seat the room gave a player, as the reply to a join or a resume. */
  static JsonObject encodeSeat(RoomGame.Seat seat) {
    return new JsonObject()
        .put("v", VERSION)
        .put("playerId", seat.playerId())
        .put("nickname", seat.nickname())
        .put("resumeToken", seat.resumeToken());
  }

  static RoomGame.Seat decodeSeat(JsonObject reply) {
    checkVersion(reply);
    return new RoomGame.Seat(
        reply.getString("playerId"), reply.getString("nickname"), reply.getString("resumeToken"));
  }

  /** The reply to a request that needs none but its success. */
  static JsonObject done() {
    return new JsonObject().put("v", VERSION);
  }

  /** A problem as a reply failure's text: its kind by name, its code and its message. */
  static String encodeProblem(Problem problem) {
    return problem.kind().name() + "\n" + problem.code() + "\n" + problem.getMessage();
  }

  /**
   * The problem a failed request came back with, or null when the failure is not a room's answer
   * (no node took the request, or it timed out).
   */
  static Problem decodeProblem(Throwable failure) {
    if (!(failure instanceof ReplyException reply)
        || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
        || reply.failureCode() != PROBLEM
        || reply.getMessage() == null) {
      return null;
    }
    String[] parts = reply.getMessage().split("\n", 3);
    if (parts.length < 3) {
      return null;
    }
    Problem.Kind kind;
    try {
      kind = Problem.Kind.valueOf(parts[0]);
    } catch (IllegalArgumentException unknown) {
      // A kind added by a newer node: still the room's answer, told as a conflict.
      kind = Problem.Kind.CONFLICT;
    }
    return new Problem(kind, parts[1], parts[2]);
  }

  /**
   * What a room sends a node's sockets in one burst: each distinct text once, then who gets what.
   */
  record Delivery(List<String> texts, List<Recipient> to) {}

  /** One socket's part of a delivery. */
  sealed interface Recipient permits Text, Close {
    String conn();
  }

  /** Connection {@code conn} gets the delivery's text at {@code text}. */
  record Text(String conn, int text) implements Recipient {}

  /** Connection {@code conn} is closed with this code and reason. */
  record Close(String conn, int code, String reason) implements Recipient {}

  /**
   * A delivery as JSON: the texts once, then per recipient {@code ["t", conn, text]} or {@code
   * ["c", conn, code, reason]}, arrays rather than objects since a broadcast lists every player.
   */
  static JsonObject encode(Delivery delivery) {
    JsonArray to = new JsonArray();
    for (Recipient r : delivery.to()) {
      if (r instanceof Text t) {
        to.add(new JsonArray().add("t").add(t.conn()).add(t.text()));
      } else {
        Close c = (Close) r;
        to.add(new JsonArray().add("c").add(c.conn()).add(c.code()).add(c.reason()));
      }
    }
    return new JsonObject()
        .put("v", VERSION)
        .put("texts", new JsonArray(new ArrayList<>(delivery.texts())))
        .put("to", to);
  }

  /**
   * The delivery a message carries.
   *
   * @throws Problem for a message of another version
   */
  static Delivery decodeDelivery(JsonObject body) {
    checkVersion(body);
    List<String> texts = new ArrayList<>();
    for (Object t : body.getJsonArray("texts")) {
      texts.add((String) t);
    }
    List<Recipient> to = new ArrayList<>();
    for (Object o : body.getJsonArray("to")) {
      JsonArray r = (JsonArray) o;
      to.add(
          "t".equals(r.getString(0))
              ? new Text(r.getString(1), r.getInteger(2))
              : new Close(r.getString(1), r.getInteger(2), r.getString(3)));
    }
    return new Delivery(texts, to);
  }
}
