package org.quizhall.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;

/** What the cluster tests wait for while a room moves between nodes. */
public final class Failover {

  private Failover() {}

  /**
   * Waits (polling the database every 50 ms, at most 5 s) until the room's checkpoint is in this
   * phase.
   */
  public static void awaitCheckpoint(Pool pool, String code, String phase)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      RowSet<Row> rows =
          pool.preparedQuery("SELECT state->>'phase' FROM room_checkpoints WHERE room_code = $1")
              .execute(Tuple.of(code))
              .await();
      if (rows.size() > 0 && phase.equals(rows.iterator().next().getString(0))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + phase + " checkpoint of room " + code);
  }

  /**
   * Resumes a seat on the node at {@code port}, retrying every 100 ms (at most 15 s) while the room
   * is moving there; every socket it opens goes into {@code opened}, for the test to close.
   */
  public static SocketClient resume(
      Vertx vertx,
      int port,
      String code,
      String token,
      java.util.function.Consumer<? super SocketClient> opened)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      SocketClient socket = SocketClient.connect(vertx, port);
      opened.accept(socket);
      String id =
          socket.send("resume", new JsonObject().put("code", code).put("resumeToken", token));
      JsonObject answer =
          socket.await(
              m -> "welcome".equals(m.getString("type")) || id.equals(m.getString("re")),
              "a welcome or an error");
      if ("welcome".equals(answer.getString("type"))) {
        return socket;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the seat did not come back: " + answer);
      }
      Thread.sleep(100);
    }
  }
}
