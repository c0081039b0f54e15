package org.quizhall.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/** What the cluster tests wait for while a room moves between nodes. */
public final class Failover {

  private Failover() {}

  /** Waits (at most 5 s) until the room's checkpoint is in this phase. */
  public static void awaitCheckpoint(Pool pool, String code, String phase) {
    Eventually.holds(
        "a " + phase + " checkpoint of room " + code,
        Duration.ofSeconds(5),
        () -> {
          RowSet<Row> rows =
              pool.preparedQuery(
                      "SELECT state->>'phase' FROM room_checkpoints WHERE room_code = $1")
                  .execute(Tuple.of(code))
                  .await();
          return rows.size() > 0 && phase.equals(rows.iterator().next().getString(0));
        });
  }

  /**
   * Resumes a seat on the node at {@code port}, trying again (at most 15 s) while the room is
   * moving there; every socket it opens goes into {@code opened}, for the test to close.
   */
  public static SocketClient resume(
      Vertx vertx,
      int port,
      String code,
      String token,
      java.util.function.Consumer<? super SocketClient> opened) {
    return Eventually.gives(
        "the seat in room " + code + " to come back on port " + port,
        Duration.ofSeconds(15),
        () -> {
          SocketClient socket = SocketClient.connect(vertx, port);
          opened.accept(socket);
          String id =
              socket.send("resume", new JsonObject().put("code", code).put("resumeToken", token));
          JsonObject answer =
              socket.await(
                  m -> "welcome".equals(m.getString("type")) || id.equals(m.getString("re")),
                  "a welcome or an error");
          return "welcome".equals(answer.getString("type")) ? socket : null;
        });
  }
}
