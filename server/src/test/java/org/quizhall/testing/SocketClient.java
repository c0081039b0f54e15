package org.quizhall.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client speaking Quizhall's protocol, for tests: what it receives is queued, and
 * a test waits for the message it expects (at most a few seconds) rather than sleeping.
 */
public final class SocketClient implements AutoCloseable {

  private static final long WAIT_SECONDS = 10;

  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final String extensionsAnswered;
  private int nextId;

  private SocketClient(WebSocketClient client, WebSocket socket, String extensionsAnswered) {
    this.client = client;
    this.socket = socket;
    this.extensionsAnswered = extensionsAnswered;
    socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
    socket.closeHandler(
        v ->
            closed.complete(
                socket.closeStatusCode() == null ? -1 : (int) socket.closeStatusCode()));
  }

  public static SocketClient connect(Vertx vertx, int port) {
    WebSocketClient client =
        vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20));
    WebSocket socket = client.connect(port, "127.0.0.1", "/ws").await();
    return new SocketClient(client, socket, null);
  }

  /**
   * A client whose handshake offers {@code extensions} (a {@code Sec-WebSocket-Extensions} value,
   * such as a browser's {@code permessage-deflate; client_max_window_bits}) and that speaks
   * permessage-deflate should the server accept it.
   */
  public static SocketClient connectOffering(Vertx vertx, int port, String extensions) {
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxFrameSize(1 << 20)
                .setTryUsePerMessageCompression(true)
                // Taking client_no_context_takeover in the answer puts it in the offer too.
                .setCompressionAllowClientNoContext(
                    extensions.contains("client_no_context_takeover")));
    CompletableFuture<String> answered = new CompletableFuture<>();
    WebSocket socket =
        client
            .connect(
                new WebSocketConnectOptions()
                    .setPort(port)
                    .setHost("127.0.0.1")
                    .setURI("/ws")
                    .addHeader("Sec-WebSocket-Extensions", extensions))
            // The handshake's headers are there only while the connection is handed over.
            .onSuccess(ws -> answered.complete(ws.headers().get("Sec-WebSocket-Extensions")))
            .await();
    return new SocketClient(client, socket, answered.join());
  }

  /**
   * The {@code Sec-WebSocket-Extensions} the server answered a {@link #connectOffering} with, null
   * for none.
   */
  public String extensionsAnswered() {
    return extensionsAnswered;
  }

  /** Sends a message with the protocol version, a fresh id and the given type; returns the id. */
  public String send(String type, JsonObject fields) {
    String id = "m" + (++nextId);
    socket
        .writeTextMessage(fields.copy().put("v", 1).put("type", type).put("id", id).encode())
        .await();
    return id;
  }

  public String send(String type) {
    return send(type, new JsonObject());
  }

  /**
   * Takes the console of a room opened over REST (its {@code code} and {@code hostToken}) and waits
   * for the host's welcome.
   */
  public JsonObject takeConsole(JsonObject room) {
    send(
        "host",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("hostToken", room.getString("hostToken")));
    JsonObject welcome = await("welcome");
    if (!"host".equals(welcome.getString("role"))) {
      throw new AssertionError("welcomed as " + welcome.getString("role") + ", not as the host");
    }
    return welcome;
  }

  public void sendRaw(String text) {
    socket.writeTextMessage(text).await();
  }

  public void sendBinary(byte[] bytes) {
    socket.writeBinaryMessage(Buffer.buffer(bytes)).await();
  }

  /**
   * Waits for the next message of this type, skipping others (which stay available to {@link
   * #seen()}).
   */
  public JsonObject await(String type) {
    return await(m -> type.equals(m.getString("type")), "a '" + type + "' message");
  }

  /**
   * The message of this type about question {@code index}, whether it already went by while the
   * test waited for something else or is still to come: an answer's acknowledgement waits for the
   * database, so the reveal it triggered can arrive first.
   */
  public JsonObject awaitAbout(String type, int index) {
    Predicate<JsonObject> wanted =
        m ->
            type.equals(m.getString("type"))
                && Integer.valueOf(index).equals(m.getInteger("index"));
    for (JsonObject message : seen) {
      if (wanted.test(message)) {
        return message;
      }
    }
    return await(wanted, "a '" + type + "' message about question " + index);
  }

  /** Waits for the reply (error, ack or ok) to the message with this id. */
  public JsonObject reply(String id) {
    return await(m -> id.equals(m.getString("re")), "a reply to " + id);
  }

  public JsonObject await(Predicate<JsonObject> wanted, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject message;
      try {
        message = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
      if (message == null) {
        throw new AssertionError("no " + what + " within " + WAIT_SECONDS + " s; received " + seen);
      }
      seen.add(message);
      if (wanted.test(message)) {
        return message;
      }
    }
  }

  /** Every message taken from the inbox so far, in order. */
  public List<JsonObject> seen() {
    return seen;
  }

  /** Messages that arrived and were not yet waited for. */
  public List<JsonObject> drain() {
    List<JsonObject> rest = new ArrayList<>();
    inbox.drainTo(rest);
    seen.addAll(rest);
    return rest;
  }

  /** The close code the server ended the connection with. */
  public int awaitClose() {
    try {
      return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the connection was not closed", e);
    }
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close().await();
    }
    client.close().await();
  }
}
