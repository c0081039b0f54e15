package org.quizhall.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.problem.Problem;

@DisplayName("Messages between nodes")
class NodeMessagesTest {

  private static final UUID ACCOUNT = UUID.fromString("7f1c0c3e-3a0b-4bb5-9c61-0f2f4d1b8a11");

  /** Through the JSON text, as the clustered event bus carries it. */
  private static NodeMessages.Request overTheWire(NodeMessages.Request request) {
    String text = NodeMessages.encode(request).encode();
    return NodeMessages.decode(new JsonObject(text));
  }

  @Test
  @DisplayName("every request arrives as it was sent")
  void requestsRoundTrip() {
    List<NodeMessages.Request> requests =
        List.of(
            new NodeMessages.Join("node-a", "c1", "Ada", ACCOUNT, "10.0.0.7"),
            new NodeMessages.Join("node-a", "c2", "Guest", null, null),
            new NodeMessages.Resume("node-b", "c3", "resume-token"),
            new NodeMessages.AttachOwner("node-b", "c4", ACCOUNT),
            new NodeMessages.Run(
                "node-a", "p1", new JsonObject().put("type", "answer").put("index", 2)),
            new NodeMessages.Disconnected("node-a", "c1", "p1"),
            new NodeMessages.HostDisconnected("node-b", "c4"));
    for (NodeMessages.Request r : requests) {
      assertThat(overTheWire(r)).as("%s", r).isEqualTo(r);
    }
    byte[] digest = {1, 2, 3, (byte) 0xff};
    NodeMessages.AttachHost host =
        (NodeMessages.AttachHost) overTheWire(new NodeMessages.AttachHost("node-c", "c5", digest));
    assertThat(host.digest()).containsExactly(digest);
    assertThat(host.conn()).isEqualTo("c5");
  }

  @Test
  @DisplayName("a message of another version or an unknown operation is refused by name")
  void versionsAndOperations() {
    JsonObject join = NodeMessages.encode(new NodeMessages.Resume("n", "c", "t"));
    assertThatThrownBy(() -> NodeMessages.decode(join.copy().put("v", NodeMessages.VERSION + 1)))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("node_version"));
    JsonObject unversioned = join.copy();
    unversioned.remove("v");
    assertThatThrownBy(() -> NodeMessages.decode(unversioned))
        .as("a node of the release before versions")
        .isInstanceOf(Problem.class);
    assertThatThrownBy(() -> NodeMessages.decode(join.copy().put("op", "teleport")))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("unknown_op"));
  }

  @Test
  @DisplayName("a problem keeps its kind by name, whatever order the kinds are declared in")
  void problems() {
    for (Problem.Kind kind : Problem.Kind.values()) {
      Problem sent = new Problem(kind, "nickname_taken", "That nickname is taken.\nPick another.");
      Problem got =
          NodeMessages.decodeProblem(
              new ReplyException(
                  ReplyFailure.RECIPIENT_FAILURE,
                  NodeMessages.PROBLEM,
                  NodeMessages.encodeProblem(sent)));
      assertThat(got.kind()).isEqualTo(kind);
      assertThat(got.code()).isEqualTo("nickname_taken");
      assertThat(got.getMessage()).isEqualTo("That nickname is taken.\nPick another.");
    }
    // The text travels the kind's name, never its position.
    assertThat(
            NodeMessages.encodeProblem(
                new Problem(Problem.Kind.NOT_FOUND, "room_not_found", "No such room.")))
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
  }

  @Test
  @DisplayName("a delivery keeps each text once and every recipient's part in order")
  void deliveries() {
    NodeMessages.Delivery sent =
        new NodeMessages.Delivery(
            List.of("{\"type\":\"question\"}", "{\"type\":\"ack\"}"),
            List.of(
                new NodeMessages.Text("c1", 0),
                new NodeMessages.Text("c2", 0),
                new NodeMessages.Text("c1", 1),
                new NodeMessages.Close("c3", 4000, "Removed by the host")));
    NodeMessages.Delivery got =
        NodeMessages.decodeDelivery(new JsonObject(NodeMessages.encode(sent).encode()));
    assertThat(got).isEqualTo(sent);
    assertThatThrownBy(() -> NodeMessages.decodeDelivery(NodeMessages.encode(sent).put("v", 99)))
        .isInstanceOf(Problem.class);
  }

  @Test
  @DisplayName("seats arrive as the room gave them")
  void seats() {
    RoomGame.Seat seat = new RoomGame.Seat("p7", "Ada", "token");
    assertThat(NodeMessages.decodeSeat(new JsonObject(NodeMessages.encodeSeat(seat).encode())))
        .isEqualTo(seat);
  }
}
