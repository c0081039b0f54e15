package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * What the server answers the permessage-deflate offer every browser makes, and that a game plays
 * through whatever it answered: refused by default (the zlib state would cost each socket far more
 * than the small JSON messages save), accepted with {@code QUIZHALL_WEBSOCKET_COMPRESSION=true}.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("WebSocket compression")
class CompressionOfferTest {

  /** What Chromium sends on every WebSocket it opens. */
  private static final String BROWSER_OFFER = "permessage-deflate; client_max_window_bits";

  private static final TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));

  private final List<SocketClient> sockets = new ArrayList<>();
  private Quizhall quizhall;
  private Api api;

  @AfterEach
  void stop() {
    sockets.forEach(SocketClient::close);
    if (api != null) {
      api.close();
    }
    if (quizhall != null) {
      quizhall.close();
    }
  }

  @Test
  @DisplayName(
      "by default a browser's permessage-deflate offer is refused (and the older per-frame one): the handshake names no extension, and a game plays through")
  void refusedByDefault(Vertx vertx) {
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());

    List<SocketClient> room = playGame(vertx, BROWSER_OFFER);

    for (SocketClient socket : room) {
      assertThat(socket.extensionsAnswered())
          .as("no Sec-WebSocket-Extensions in the 101 response")
          .isNull();
    }
    SocketClient olderDraft =
        keep(SocketClient.connectOffering(vertx, quizhall.httpPort(), "x-webkit-deflate-frame"));
    assertThat(olderDraft.extensionsAnswered()).as("nor for the older per-frame draft").isNull();
  }

  @Test
  @DisplayName(
      "switched on, a browser's offer is accepted as made (full windows, context kept), a client asking for no context takeover gets it, and a game plays through compressed")
  void acceptedWhenSwitchedOn(Vertx vertx) {
    quizhall =
        TestServer.start(
            clock,
            TestDatabase.fresh(),
            new JsonObject().put(QuizhallConfig.WEBSOCKET_COMPRESSION, "true"));
    api = new Api(vertx, quizhall.httpPort());

    List<SocketClient> room = playGame(vertx, BROWSER_OFFER);

    for (SocketClient socket : room) {
      assertThat(socket.extensionsAnswered()).isEqualTo("permessage-deflate");
    }
    SocketClient sparing =
        keep(
            SocketClient.connectOffering(
                vertx,
                quizhall.httpPort(),
                "permessage-deflate; client_no_context_takeover; server_no_context_takeover"));
    assertThat(parameters(sparing.extensionsAnswered()))
        .containsExactlyInAnyOrder(
            "permessage-deflate", "client_no_context_takeover", "server_no_context_takeover");
  }

  /**
   * A host and two players on sockets that offer {@code extensions} play a two-question game to the
   * podium; returns their sockets.
   */
  private List<SocketClient> playGame(Vertx vertx, String extensions) {
    String account = api.signUpAndIn("quizmaster", "hosting all day");
    String deckId = api.firstDeckId(account);
    AnswerKey answerKey = new AnswerKey(quizhall.pool(), deckId);
    JsonObject room = api.openRoom(account, deckId, 2, 20);

    SocketClient host = keep(SocketClient.connectOffering(vertx, quizhall.httpPort(), extensions));
    host.takeConsole(room);
    List<SocketClient> players = new ArrayList<>();
    for (String nickname : List.of("Ada", "Grace")) {
      SocketClient player =
          keep(SocketClient.connectOffering(vertx, quizhall.httpPort(), extensions));
      player.send(
          "join", new JsonObject().put("code", room.getString("code")).put("nickname", nickname));
      assertThat(player.await("welcome").getString("nickname")).isEqualTo(nickname);
      players.add(player);
    }

    host.send("start");
    for (int q = 0; q < 2; q++) {
      for (SocketClient player : players) {
        JsonObject question = player.await("question");
        assertThat(question.getInteger("index")).isEqualTo(q);
        JsonObject answer =
            answerKey
                .answer(question.getString("questionId"), true)
                .put("index", question.getInteger("index"));
        assertThat(player.reply(player.send("answer", answer)).getString("type"))
            .isEqualTo("answer_ack");
      }
      for (SocketClient player : players) {
        assertThat(player.awaitAbout("result", q).getBoolean("correct")).isTrue();
      }
      host.await("reveal");
      host.send("next");
      for (SocketClient player : players) {
        assertThat(player.await("leaderboard").getJsonArray("top")).hasSize(2);
      }
      host.send("next");
    }
    for (SocketClient player : players) {
      player.await("podium");
    }
    assertThat(host.await("podium").getJsonArray("ranking")).hasSize(2);

    List<SocketClient> all = new ArrayList<>(players);
    all.add(0, host);
    return all;
  }

  private SocketClient keep(SocketClient socket) {
    sockets.add(socket);
    return socket;
  }

  /** An extension and its parameters, as a set: their order in the header means nothing. */
  private static Set<String> parameters(String header) {
    return Arrays.stream(header.split(";")).map(String::trim).collect(Collectors.toSet());
  }
}
