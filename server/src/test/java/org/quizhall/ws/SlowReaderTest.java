package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.http.HttpApi;
import org.quizhall.testing.Eventually;

/**
 * A client that keeps sending but stops reading must not make the server hold everything sent to
 * it: with the server's own options (the silence limit here 500 ms instead of 65 s), its connection
 * is dropped once nothing written to it has gone out for that long, while a client that reads the
 * same stream keeps its connection.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A client that does not read")
class SlowReaderTest {

  private static final long SILENCE_LIMIT_MS = 500;
  private static final String BIG = "x".repeat(60_000);

  /** A masked text frame "{}" (clients mask what they send), to show the silent client is alive. */
  private static final byte[] SMALL_FRAME = {
    (byte) 0x81, (byte) 0x82, 1, 2, 3, 4, '{' ^ 1, '}' ^ 2
  };

  @Test
  @DisplayName(
      "is dropped once what is sent to it stops going out; a client reading the same stream is not")
  void stalledSocketIsDropped(Vertx vertx) throws Exception {
    LinkedBlockingQueue<Served> channels = new LinkedBlockingQueue<>();
    HttpServer server =
        vertx
            .createHttpServer(
                HttpApi.serverOptions(
                    "127.0.0.1", 0, SILENCE_LIMIT_MS, TimeUnit.MILLISECONDS, false))
            .webSocketHandler(
                socket -> {
                  Context context = vertx.getOrCreateContext();
                  channels.add(new Served(socket, new SocketChannel(socket, new Outbox(context))));
                })
            .listen()
            .await();
    try (Socket silent = new Socket()) {
      silent.setReceiveBufferSize(4096);
      silent.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
      OutputStream out = silent.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      skipHeaders(silent.getInputStream());
      Served stalled = channels.poll(5, TimeUnit.SECONDS);

      WebSocketClient client =
          vertx.createWebSocketClient(
              new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
      WebSocket reader = client.connect(server.actualPort(), "127.0.0.1", "/").await();
      AtomicLong read = new AtomicLong();
      reader.textMessageHandler(text -> read.addAndGet(text.length()));
      Served reading = channels.poll(5, TimeUnit.SECONDS);

      // The same stream to both, and both keep talking, until the silent one is dropped (or 10 s
      // pass).
      long sent = 0;
      long started = System.nanoTime();
      long deadline = started + TimeUnit.SECONDS.toNanos(10);
      while (!stalled.socket().isClosed() && System.nanoTime() < deadline) {
        stalled.channel().send(BIG);
        reading.channel().send(BIG);
        sent++;
        if (sent % 10 == 0) {
          out.write(SMALL_FRAME);
          reader.writeTextMessage("{}");
        }
        Thread.sleep(5);
      }
      long droppedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(stalled.socket().isClosed())
          .as("the client that stopped reading was dropped")
          .isTrue();
      long expected = sent * BIG.length();
      Eventually.holds("the reading client to get everything", () -> read.get() == expected);
      assertThat(reading.socket().isClosed())
          .as("the reading client keeps its connection")
          .isFalse();
      System.out.printf(
          "a client that stopped reading was dropped %d ms after the stream began (%d messages of 60 KB)%n",
          droppedAfterMs, sent);
      client.close().await();
    } finally {
      server.close().await();
    }
  }

  /** A socket the test server accepted, and the channel rooms would write to it through. */
  private record Served(ServerWebSocket socket, SocketChannel channel) {}

  private static void skipHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("no upgrade response");
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }
}
