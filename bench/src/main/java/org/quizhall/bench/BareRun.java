package org.quizhall.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives {@link BareServer} with the same client as the scenarios, to measure the fan-out ceiling.
 */
final class BareRun {

  private BareRun() {}

  /**
   * What the bare server achieves: copies delivered per second, and the latency of each copy from
   * the server's send time to its receipt, all clients receiving every wave at once.
   */
  record Result(long perSecond, long p50Ms, long p99Ms) {}

  /**
   * Measures the bare server with {@code clients} sockets over {@code waves} broadcasts, after one
   * unmeasured wave that lets the JIT compile both sides (as the scenarios' warm-up game does).
   */
  static Result measure(Vertx vertx, int clients, int waves) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BareServer.class.getName(),
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions().setMaxConnections(clients + 10).setConnectTimeout(30_000));
    try {
      WebSocket control = connectWhenUp(client, port);
      FanoutWaves record = new FanoutWaves();
      Histogram latency = new ConcurrentHistogram(3);
      java.util.concurrent.atomic.AtomicBoolean measuring =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicLong received =
          new java.util.concurrent.atomic.AtomicLong();
      List<Future<WebSocket>> connecting = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        connecting.add(
            client
                .connect(port, "127.0.0.1", "/")
                .onSuccess(
                    ws ->
                        ws.textMessageHandler(
                            text -> {
                              long now = System.currentTimeMillis();
                              received.incrementAndGet();
                              if (measuring.get()) {
                                long sentAt = Wire.number(text, "sentAt");
                                latency.recordValue(Math.max(0, now - sentAt));
                                record.received(
                                    "bare", (int) Wire.number(text, "index"), sentAt, now);
                              }
                            })));
        if (connecting.size() % LoadRun.JOIN_CONCURRENCY == 0) {
          Future.join(connecting).await();
        }
      }
      Future.join(connecting).await();
      for (int wave = 0; wave <= waves; wave++) {
        measuring.set(wave > 0);
        control.writeTextMessage("go " + wave).await();
        long expected = (long) clients * (wave + 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < expected && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(200);
      }
      return new Result(
          record.perSecond(), latency.getValueAtPercentile(50), latency.getValueAtPercentile(99));
    } finally {
      client.close().await();
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static WebSocket connectWhenUp(WebSocketClient client, int port)
      throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        return client.connect(port, "127.0.0.1", "/").await();
      } catch (Exception notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the bare server did not start");
  }
}
