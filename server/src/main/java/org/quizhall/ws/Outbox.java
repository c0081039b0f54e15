package org.quizhall.ws;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything written to the sockets of one event loop, queued in order and written by one task on
 * that loop. Rooms run on their own contexts, so without it every message to a player is its own
 * hand-over between threads: a question to a room of 5,000 would be 5,000 tasks and wake-ups; with
 * it, it is one task per event loop. Closes go through the same queue, so a socket is never closed
 * before the messages sent to it ahead of the close.
 */
final class Outbox {

  private record Write(ServerWebSocket socket, String text, int closeCode, String reason) {}

  private final Context context;
  private final Queue<Write> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  Outbox(Context context) {
    this.context = context;
  }

  void send(ServerWebSocket socket, String text) {
    queue.offer(new Write(socket, text, 0, null));
    schedule();
  }

  void close(ServerWebSocket socket, int code, String reason) {
    queue.offer(new Write(socket, null, code, reason));
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  /**
   * Runs on the loop: clears the flag first, so a write queued while draining schedules another
   * pass.
   */
  private void drain() {
    scheduled.set(false);
    Write write;
    while ((write = queue.poll()) != null) {
      ServerWebSocket socket = write.socket();
      if (socket.isClosed()) {
        continue;
      }
      if (write.text() != null) {
        socket.writeTextMessage(write.text());
      } else {
        socket.close((short) write.closeCode(), write.reason());
      }
    }
  }
}
