package org.quizhall.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.problem.Problem;
import org.slf4j.LoggerFactory;

@DisplayName("Messages between nodes")
class NodeMessagesTest {

  private static final UUID ACCOUNT = UUID.fromString("7f1c0c3e-3a0b-4bb5-9c61-0f2f4d1b8a11");

  private static final byte[] DIGEST = {1, 2, 3, (byte) 0xff};

  /** One of every request, with the fields that may be absent absent in some. */
  private static final List<NodeMessages.Request> REQUESTS =
      List.of(
          new NodeMessages.Join("node-a", "c1", "Ada", ACCOUNT, "10.0.0.7"),
          new NodeMessages.Join("node-a", "c2", "Guest", null, null),
          new NodeMessages.Resume("node-b", "c3", "resume-token"),
          new NodeMessages.AttachHost("node-c", "c5", DIGEST),
          new NodeMessages.AttachOwner("node-b", "c4", ACCOUNT),
          new NodeMessages.Run(
              "node-a", "p1", new JsonObject().put("op", "answer").put("re", "m4").put("index", 2)),
          new NodeMessages.Run("node-b", null, new JsonObject().put("op", "next")),
          new NodeMessages.Disconnected("node-a", "c1", "p1"),
          new NodeMessages.Disconnected("node-a", null, "p2"),
          new NodeMessages.HostDisconnected("node-b", "c4"));

  private static final NodeMessages.Delivery DELIVERY =
      new NodeMessages.Delivery(
          List.of("{\"type\":\"question\"}", "{\"type\":\"ack\"}"),
          List.of(
              new NodeMessages.Text("c1", 0),
              new NodeMessages.Text("c2", 0),
              new NodeMessages.Text("c1", 1),
              new NodeMessages.Close("c3", 4000, "Removed by the host")));

  /** Through the JSON text, as the clustered event bus carries it. */
  private static JsonObject wire(JsonObject message) {
    return new JsonObject(message.encode());
  }

  private static void assertRefused(Supplier<?> decoding, String what) {
    assertThatThrownBy(decoding::get)
        .as(what)
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("node_version"));
  }

  @Test
  @DisplayName("every request arrives as it was sent, in either form")
  void requestsRoundTrip() {
    for (NodeMessages.Form form : NodeMessages.Form.values()) {
      for (NodeMessages.Request r : REQUESTS) {
        assertThat(NodeMessages.decode(wire(NodeMessages.encode(r, form))))
            .as("%s %s", form, r)
            .isEqualTo(r);
      }
    }
    NodeMessages.AttachHost host =
        (NodeMessages.AttachHost)
            NodeMessages.decode(
                wire(NodeMessages.encode(new NodeMessages.AttachHost("node-c", "c5", DIGEST))));
    assertThat(host.digest()).containsExactly(DIGEST);
  }

  @Test
  @DisplayName("the previous release's unversioned requests are read as what they meant")
  void previousReleaseRequests() {
    String digest = Base64.getEncoder().encodeToString(DIGEST);
    // As the previous release's RoomBus wrote them: an "op", no version, "node" put last.
    String[] sent = {
      "{\"op\":\"join\",\"conn\":\"c1\",\"nickname\":\"Ada\",\"accountId\":\""
          + ACCOUNT
          + "\",\"address\":\"10.0.0.7\",\"node\":\"node-a\"}",
      "{\"op\":\"join\",\"conn\":\"c2\",\"nickname\":\"Guest\",\"accountId\":null,"
          + "\"address\":null,\"node\":\"node-a\"}",
      "{\"op\":\"resume\",\"conn\":\"c3\",\"resumeToken\":\"resume-token\",\"node\":\"node-b\"}",
      "{\"op\":\"host\",\"conn\":\"c5\",\"digest\":\"" + digest + "\",\"node\":\"node-c\"}",
      "{\"op\":\"host\",\"conn\":\"c4\",\"account\":\"" + ACCOUNT + "\",\"node\":\"node-b\"}",
      "{\"op\":\"run\",\"player\":\"p1\",\"command\":{\"op\":\"answer\",\"re\":\"m4\",\"index\":2},"
          + "\"node\":\"node-a\"}",
      "{\"op\":\"run\",\"player\":null,\"command\":{\"op\":\"next\"},\"node\":\"node-b\"}",
      "{\"op\":\"disconnected\",\"node\":\"node-a\",\"conn\":\"c1\",\"player\":\"p1\"}",
      "{\"op\":\"disconnected\",\"node\":\"node-a\",\"conn\":null,\"player\":\"p2\"}",
      "{\"op\":\"hostDisconnected\",\"node\":\"node-b\",\"conn\":\"c4\"}",
    };
    for (int i = 0; i < sent.length; i++) {
      assertThat(NodeMessages.decode(new JsonObject(sent[i])))
          .as(sent[i])
          .isEqualTo(REQUESTS.get(i));
    }
  }

  @Test
  @DisplayName(
      "a node of the previous release reads every request, seat and problem this one sends")
  void previousReleaseReadsWhatIsSent() {
    for (NodeMessages.Request r : REQUESTS) {
      assertThat(PreviousRelease.request(wire(NodeMessages.encode(r)))).as("%s", r).isEqualTo(r);
    }
    RoomGame.Seat seat = new RoomGame.Seat("p7", "Ada", "token");
    assertThat(PreviousRelease.seat(wire(NodeMessages.encodeSeat(seat)))).isEqualTo(seat);
    for (Problem.Kind kind : Problem.Kind.values()) {
      Problem sent = new Problem(kind, "nickname_taken", "That nickname is taken.\nPick another.");
      Problem read = PreviousRelease.problem(NodeMessages.encodeProblem(sent));
      assertThat(read.kind()).as("%s", kind).isEqualTo(kind);
      assertThat(read.code()).isEqualTo("nickname_taken");
      assertThat(read.getMessage()).isEqualTo("That nickname is taken.\nPick another.");
    }
  }

  @Test
  @DisplayName("a node of the previous release delivers what this one sends to the right sockets")
  void previousReleaseReadsDeliveries() {
    assertThat(PreviousRelease.deliver(wire(NodeMessages.encode(DELIVERY))))
        .containsExactly(
            "send c1 {\"type\":\"question\"}",
            "send c2 {\"type\":\"question\"}",
            "send c1 {\"type\":\"ack\"}",
            "close c3 4000 Removed by the host");
  }

  @Test
  @DisplayName(
      "a delivery keeps each text once and every recipient's part in order, in either form")
  void deliveries() {
    for (NodeMessages.Form form : NodeMessages.Form.values()) {
      assertThat(NodeMessages.decodeDelivery(wire(NodeMessages.encode(DELIVERY, form))))
          .as("%s", form)
          .isEqualTo(DELIVERY);
    }
    // As the previous release's RemoteChannels wrote it: no version, no tags.
    JsonObject previous =
        new JsonObject(
            "{\"texts\":[\"{\\\"type\\\":\\\"question\\\"}\",\"{\\\"type\\\":\\\"ack\\\"}\"],"
                + "\"to\":[[\"c1\",0],[\"c2\",0],[\"c1\",1],[\"c3\",4000,\"Removed by the host\"]]}");
    assertThat(NodeMessages.decodeDelivery(previous)).isEqualTo(DELIVERY);
  }

  @Test
  @DisplayName("seats arrive as the room gave them, from either release")
  void seats() {
    RoomGame.Seat seat = new RoomGame.Seat("p7", "Ada", "token");
    for (NodeMessages.Form form : NodeMessages.Form.values()) {
      assertThat(NodeMessages.decodeSeat(wire(NodeMessages.encodeSeat(seat, form))))
          .isEqualTo(seat);
    }
    assertThat(
            NodeMessages.decodeSeat(
                new JsonObject(
                    "{\"playerId\":\"p7\",\"nickname\":\"Ada\",\"resumeToken\":\"token\"}")))
        .isEqualTo(seat);
  }

  @Test
  @DisplayName("a problem keeps its kind: by name, or by the previous release's frozen order")
  void problems() {
    for (NodeMessages.Form form : NodeMessages.Form.values()) {
      for (Problem.Kind kind : Problem.Kind.values()) {
        Problem sent =
            new Problem(kind, "nickname_taken", "That nickname is taken.\nPick another.");
        Problem got = NodeMessages.decodeProblem(NodeMessages.encodeProblem(sent, form));
        assertThat(got.kind()).as("%s %s", form, kind).isEqualTo(kind);
        assertThat(got.code()).isEqualTo("nickname_taken");
        assertThat(got.getMessage()).isEqualTo("That nickname is taken.\nPick another.");
      }
    }
    // As the previous release failed a request: its kind's position as the code, then
    // "code\nmessage".
    for (int code = 0; code < PreviousRelease.KINDS.size(); code++) {
      Problem got =
          NodeMessages.decodeProblem(
              new ReplyException(
                  ReplyFailure.RECIPIENT_FAILURE, code, "room_not_found\nNo open room has that."));
      assertThat(got.kind().name()).as("code %d", code).isEqualTo(PreviousRelease.KINDS.get(code));
      assertThat(got.code()).isEqualTo("room_not_found");
      assertThat(got.getMessage()).isEqualTo("No open room has that.");
    }
    // The versioned form sends the kind's name, never its position.
    assertThat(
            NodeMessages.encodeProblem(
                    new Problem(Problem.Kind.NOT_FOUND, "room_not_found", "No such room."),
                    NodeMessages.Form.VERSIONED)
                .getMessage())
        .startsWith("NOT_FOUND\n");
    Problem fromNewer =
        NodeMessages.decodeProblem(
            new ReplyException(
                ReplyFailure.RECIPIENT_FAILURE, NodeMessages.PROBLEM, "PAYMENT_REQUIRED\nx\ny"));
    assertThat(fromNewer.kind()).isEqualTo(Problem.Kind.CONFLICT);
    assertThat(
            NodeMessages.decodeProblem(
                new ReplyException(ReplyFailure.TIMEOUT, -1, "Timed out after waiting 5000(ms)")))
        .as("no room answered: not a room's problem")
        .isNull();
    for (ReplyException unreadable :
        List.of(
            new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 77, "room_not_found\nNo room."),
            new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 3, "no line break"),
            new ReplyException(ReplyFailure.RECIPIENT_FAILURE, NodeMessages.PROBLEM, "A\nb"))) {
      assertThat(NodeMessages.decodeProblem(unreadable).code())
          .as(unreadable.getMessage())
          .isEqualTo("node_version");
    }
  }

  @Test
  @DisplayName("a message neither release sends is refused with node_version")
  void garbageRefused() {
    JsonObject resume = NodeMessages.encode(new NodeMessages.Resume("n", "c", "t"));
    JsonObject versioned =
        NodeMessages.encode(new NodeMessages.Resume("n", "c", "t"), NodeMessages.Form.VERSIONED);
    assertRefused(() -> NodeMessages.decode(versioned.copy().put("v", 2)), "version 2");
    assertRefused(() -> NodeMessages.decode(versioned.copy().put("v", "1")), "a version as text");
    assertRefused(() -> NodeMessages.decode(resume.copy().put("op", "teleport")), "unknown op");
    assertRefused(() -> NodeMessages.decode(versioned.copy().put("op", "teleport")), "unknown op");
    JsonObject noOp = resume.copy();
    noOp.remove("op");
    assertRefused(() -> NodeMessages.decode(noOp), "no op");
    assertRefused(() -> NodeMessages.decode(new JsonObject()), "an empty object");
    assertRefused(() -> NodeMessages.decode("join"), "not an object");
    assertRefused(() -> NodeMessages.decode(null), "no body");
    assertRefused(
        () ->
            NodeMessages.decode(new JsonObject("{\"op\":\"owner\",\"node\":\"n\",\"conn\":\"c\"}")),
        "the previous release had no owner op");
    assertRefused(
        () ->
            NodeMessages.decode(
                new JsonObject(
                    "{\"v\":1,\"op\":\"host\",\"node\":\"n\",\"conn\":\"c\",\"account\":\""
                        + ACCOUNT
                        + "\"}")),
        "the versioned host carries a digest");
    assertRefused(
        () -> NodeMessages.decode(new JsonObject("{\"op\":\"join\",\"node\":\"n\"}")),
        "a join without its connection");
    assertRefused(
        () ->
            NodeMessages.decode(
                new JsonObject(
                    "{\"op\":\"host\",\"node\":\"n\",\"conn\":\"c\",\"account\":\"not-a-uuid\"}")),
        "an account that is no id");
    assertRefused(
        () ->
            NodeMessages.decode(
                new JsonObject("{\"op\":\"run\",\"node\":\"n\",\"player\":\"p\",\"command\":7}")),
        "a command that is no object");

    JsonObject delivery = NodeMessages.encode(DELIVERY, NodeMessages.Form.VERSIONED);
    assertRefused(
        () -> NodeMessages.decodeDelivery(delivery.copy().put("v", 99)), "delivery version 99");
    assertRefused(
        () ->
            NodeMessages.decodeDelivery(
                delivery.copy().put("to", new JsonArray().add(new JsonArray().add("x").add("c1")))),
        "an unknown tag");
    assertRefused(
        () ->
            NodeMessages.decodeDelivery(
                delivery
                    .copy()
                    .put("to", new JsonArray().add(new JsonArray().add("c").add("c1").add(4000)))),
        "a close without its reason");
    assertRefused(
        () ->
            NodeMessages.decodeDelivery(
                new JsonObject("{\"texts\":[\"a\"],\"to\":[[\"c1\",0,\"x\",\"y\"]]}")),
        "an unversioned recipient of four parts");
    assertRefused(
        () ->
            NodeMessages.decodeDelivery(new JsonObject("{\"texts\":[\"a\"],\"to\":[[\"c1\",1]]}")),
        "a text the delivery does not carry");
    assertRefused(
        () ->
            NodeMessages.decodeDelivery(
                new JsonObject("{\"texts\":[\"a\"],\"to\":[[\"c1\",\"0\"]]}")),
        "a text position that is no number");
    assertRefused(() -> NodeMessages.decodeDelivery(new JsonObject()), "an empty delivery");
    assertRefused(
        () -> NodeMessages.decodeSeat(new JsonObject().put("v", 2).put("playerId", "p1")),
        "seat version 2");
    assertRefused(
        () -> NodeMessages.decodeSeat(new JsonObject().put("nickname", "Ada")),
        "a seat without id");
  }

  @Test
  @DisplayName("each sort of refusal is logged, once until a minute has passed, without its tokens")
  void refusalsLogged() {
    Logger logger = (Logger) LoggerFactory.getLogger(NodeMessages.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      String op = "teleport-" + UUID.randomUUID().toString().substring(0, 8);
      JsonObject unknown =
          new JsonObject()
              .put("op", op)
              .put("node", "n")
              .put("conn", "c")
              .put("resumeToken", "secret-resume-token");
      for (int i = 0; i < 3; i++) {
        assertRefused(() -> NodeMessages.decode(unknown), "unknown op");
      }
      assertThat(captured.list).hasSize(1);
      assertThat(captured.list.get(0).getFormattedMessage())
          .contains(op)
          .contains("node_version")
          .doesNotContain("secret-resume-token");

      String otherOp = op + "-again";
      assertRefused(() -> NodeMessages.decode(unknown.copy().put("op", otherOp)), "another op");
      assertThat(captured.list).hasSize(2);
      assertThat(captured.list.get(1).getFormattedMessage()).contains(otherOp);
    } finally {
      logger.detachAppender(captured);
    }
  }

  /**
   * How a node of the previous release read messages from other nodes, ported from its LiveRoom and
   * RoomBus: what it would have acted on, as this release's records.
   */
  private static final class PreviousRelease {

    /** Its Problem.Kind, in its declaration order. */
    static final List<String> KINDS =
        List.of(
            "INVALID",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "TOO_LARGE",
            "UNSUPPORTED_MEDIA",
            "UNPROCESSABLE",
            "TOO_MANY_REQUESTS",
            "UNAVAILABLE");

    /** LiveRoom.fromAnotherNode: the switch on "op". */
    static NodeMessages.Request request(JsonObject body) {
      String node = body.getString("node");
      String conn = body.getString("conn");
      switch (body.getString("op", "")) {
        case "join" -> {
          String account = body.getString("accountId");
          return new NodeMessages.Join(
              node,
              conn,
              body.getString("nickname"),
              account == null ? null : UUID.fromString(account),
              body.getString("address"));
        }
        case "resume" -> {
          return new NodeMessages.Resume(node, conn, body.getString("resumeToken"));
        }
        case "host" -> {
          String account = body.getString("account");
          return account != null
              ? new NodeMessages.AttachOwner(node, conn, UUID.fromString(account))
              : new NodeMessages.AttachHost(
                  node, conn, Base64.getDecoder().decode(body.getString("digest")));
        }
        case "run" -> {
          return new NodeMessages.Run(
              node, body.getString("player"), body.getJsonObject("command"));
        }
        case "disconnected" -> {
          return new NodeMessages.Disconnected(node, conn, body.getString("player"));
        }
        case "hostDisconnected" -> {
          return new NodeMessages.HostDisconnected(node, conn);
        }
        default -> throw Problem.invalid("unknown_op", "Unknown room request.");
      }
    }

    /** RemoteLink.seat. */
    static RoomGame.Seat seat(JsonObject reply) {
      return new RoomGame.Seat(
          reply.getString("playerId"), reply.getString("nickname"), reply.getString("resumeToken"));
    }

    /** RoomBus.problemFrom; null where it told the client the room was moving. */
    static Problem problem(Throwable failure) {
      if (failure instanceof ReplyException reply
          && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
          && reply.getMessage() != null
          && reply.getMessage().contains("\n")) {
        int cut = reply.getMessage().indexOf('\n');
        String kind =
            reply.failureCode() >= 0 && reply.failureCode() < KINDS.size()
                ? KINDS.get(reply.failureCode())
                : "CONFLICT";
        return new Problem(
            Problem.Kind.valueOf(kind),
            reply.getMessage().substring(0, cut),
            reply.getMessage().substring(cut + 1));
      }
      return null;
    }

    /** RoomBus.deliver: what each socket was sent or how it was closed, in order. */
    static List<String> deliver(JsonObject batch) {
      List<String> done = new ArrayList<>();
      JsonArray texts = batch.getJsonArray("texts");
      for (Object o : batch.getJsonArray("to")) {
        JsonArray to = (JsonArray) o;
        String socket = to.getString(0);
        if (to.size() == 2) {
          done.add("send " + socket + " " + texts.getString(to.getInteger(1)));
        } else {
          done.add("close " + socket + " " + to.getInteger(1) + " " + to.getString(2));
        }
      }
      return done;
    }
  }
}
