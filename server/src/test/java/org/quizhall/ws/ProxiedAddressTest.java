package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;
import org.quizhall.room.RoomCodes;
import org.quizhall.testing.Closing;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * Per-address limits behind a reverse proxy: with the proxy trusted, the limit falls on the client
 * it forwards for, not on everyone behind it; without that trust, X-Forwarded-For is ignored, so a
 * client cannot dodge the limit by writing its own.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Client addresses behind a proxy")
class ProxiedAddressTest {

  /**
   * Failed joins one address may make in a minute (JoinGuard), spread over sockets that each stay
   * under their own limits.
   */
  private static final int FAILED_JOINS = 100;

  private static final int JOINS_PER_SOCKET = 10;

  @RegisterExtension final Closing open = new Closing();

  @Test
  @DisplayName(
      "behind a trusted proxy, code guessing blocks the guesser's address and no one else behind the proxy")
  void trustedProxy(Vertx vertx) {
    Quizhall server =
        start(new JsonObject().put(QuizhallConfig.TRUSTED_PROXIES, "127.0.0.1, 10.0.0.0/8"));
    for (int i = 0; i < FAILED_JOINS / JOINS_PER_SOCKET; i++) {
      // The left-most entry is whatever the client wrote; only what the trusted hops added counts.
      String forwarded = "192.0.2." + i + ", 198.51.100.7, 10.1.2.3";
      assertThat(guess(vertx, server, forwarded, JOINS_PER_SOCKET)).containsOnly("room_not_found");
    }
    assertThat(guess(vertx, server, "192.0.2.99, 198.51.100.7, 10.1.2.3", 1))
        .as("the guesser is blocked, whatever it writes first")
        .containsExactly("rate_limited");
    assertThat(guess(vertx, server, "198.51.100.8, 10.1.2.3", 1))
        .as("a classmate behind the same proxy is not")
        .containsExactly("room_not_found");
  }

  @Test
  @DisplayName("without a trusted proxy, X-Forwarded-For is ignored and cannot dodge the limit")
  void untrusted(Vertx vertx) {
    Quizhall server = start(new JsonObject());
    for (int i = 0; i < FAILED_JOINS / JOINS_PER_SOCKET; i++) {
      assertThat(guess(vertx, server, "198.51.100." + i, JOINS_PER_SOCKET))
          .containsOnly("room_not_found");
    }
    assertThat(guess(vertx, server, "198.51.100.200", 1)).containsExactly("rate_limited");
  }

  @Test
  @DisplayName("asking for QR codes of made-up rooms counts against the same limit as joining them")
  void qrCodesCount(Vertx vertx) {
    Quizhall server = start(new JsonObject());
    org.quizhall.testing.Api api = new org.quizhall.testing.Api(vertx, server.httpPort());
    open.add(api);
    for (int i = 0; i < FAILED_JOINS - JOINS_PER_SOCKET; i++) {
      String code =
          "WW" + RoomCodes.ALPHABET.charAt(i % 20) + RoomCodes.ALPHABET.charAt(i / 20) + "YY";
      assertThat(api.get("/api/rooms/" + code + "/qr.svg").statusCode())
          .as("guess %d", i)
          .isEqualTo(404);
    }
    assertThat(guess(vertx, server, "198.51.100.1", JOINS_PER_SOCKET))
        .containsOnly("room_not_found");
    io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> blocked =
        api.get("/api/rooms/WWWWWW/qr.svg");
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(org.quizhall.testing.Api.errorCode(blocked)).isEqualTo("rate_limited");
    assertThat(guess(vertx, server, "198.51.100.2", 1))
        .as("and the socket after them")
        .containsExactly("rate_limited");
  }

  private Quizhall start(JsonObject settings) {
    Quizhall server =
        TestServer.start(
            new TestClock(Instant.parse("2026-11-02T10:00:00Z")), TestDatabase.fresh(), settings);
    open.add(server);
    return server;
  }

  /**
   * Joins made-up room codes over one socket carrying {@code forwarded}; returns the error codes,
   * in order.
   */
  private List<String> guess(Vertx vertx, Quizhall server, String forwarded, int attempts) {
    WebSocketClient client = vertx.createWebSocketClient();
    open.add(() -> client.close().await());
    LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    WebSocket socket =
        client
            .connect(
                new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(server.httpPort())
                    .setURI("/ws")
                    .addHeader("X-Forwarded-For", forwarded))
            .await();
    socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      socket
          .writeTextMessage(
              new JsonObject()
                  .put("v", 1)
                  .put("type", "join")
                  .put("id", "j" + i)
                  .put(
                      "code",
                      "WWWW" + RoomCodes.ALPHABET.charAt(i % RoomCodes.ALPHABET.length()) + "Y")
                  .put("nickname", "Guesser")
                  .encode())
          .await();
      JsonObject reply;
      try {
        reply = inbox.poll(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      assertThat(reply).as("a reply to join %d", i).isNotNull();
      codes.add(reply.getString("code"));
    }
    socket.close().await();
    return codes;
  }
}
