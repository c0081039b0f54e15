package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Closing;
import org.quizhall.testing.Eventually;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * A flood of hostile frames from hundreds of connections while a real game is played in a room the
 * flooders can reach. The server must answer every bad frame with an {@code error} (or close with a
 * documented code when the frame breaks the WebSocket protocol), never fail, keep its memory, and
 * the game must end with exactly the scores the same play earns in a quiet room.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("WebSocket fuzzing beside a real game")
class WebSocketFuzzTest {

  static final long SEED = 20261128L;
  static final int FRAMES = 100_000;

  /**
   * Connections flooding at once; each sends at about 40 frames a second, twice what a socket is
   * allowed.
   */
  static final int FLOODERS = 250;

  static final long FRAME_GAP_MS = 25;
  static final List<String> PLAYERS = List.of("Ada", "Bob", "Cy", "Dee");
  static final int QUESTIONS = 3;

  private final TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
  @RegisterExtension final Closing open = new Closing();

  /** What one flooding connection sent and what came back. */
  static final class Flood {
    int sent;
    int expectedCloses;
    int replies;
    Integer closeCode;
    boolean closedByUs;
    boolean sentLeave;
    String lastKind;
  }

  @Test
  @DisplayName(
      "100,000 hostile frames: every one answered or closed as documented, the game's scores untouched")
  void floodBesideAGame(Vertx vertx) throws Exception {
    Quizhall server = open.add(TestServer.start(clock));
    Api api = open.add(new Api(vertx, server.httpPort()));
    String account = api.signUpAndIn("fuzz-host", "flood the gates");
    String deckId = api.firstDeckId(account);
    AnswerKey key = new AnswerKey(server.pool(), deckId);
    Game quiet = new Game(vertx, server, api, account, deckId);
    Game busy = new Game(vertx, server, api, account, deckId);
    double socketsBefore = api.metric("quizhall_sockets_open");
    long heapBefore = heapAfterGc();

    Set<String> documentedErrors = documentedErrors();
    Set<Integer> documentedCloses = documentedCloses();
    ConcurrentLinkedQueue<Flood> floods = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
    AtomicLong budget = new AtomicLong(FRAMES);
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxConnections(FLOODERS * 2));
    long started = System.nanoTime();
    List<Future<Void>> flooders = new ArrayList<>();
    for (int i = 0; i < FLOODERS; i++) {
      FuzzFrames frames = new FuzzFrames(SEED + i, busy.code);
      flooders.add(
          flood(vertx, client, server.httpPort(), frames, budget, floods, errors, kinds, SEED + i));
    }
    Future<Void> allFloods = Future.all(flooders).mapEmpty();

    // The same play in both rooms; the busy one in step with the flood.
    Map<String, Integer> quietScores = quiet.play(key, () -> {});
    Map<String, Integer> busyScores = busy.play(key, () -> awaitSpent(budget, 4));
    allFloods.await(120, TimeUnit.SECONDS);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(busyScores)
        .as("the flood changed no one's score")
        .isEqualTo(quietScores)
        .hasSize(PLAYERS.size());
    assertThat(busy.storedScores(api, account))
        .as("the stored standings are the podium's")
        .isEqualTo(busyScores);

    int sent = 0;
    int replies = 0;
    Map<String, Integer> closes = new TreeMap<>();
    int unanswered = 0;
    for (Flood flood : floods) {
      sent += flood.sent;
      replies += flood.replies;
      if (flood.closedByUs) {
        unanswered += flood.sent - flood.replies;
      } else {
        closes.merge(flood.closeCode + " after " + flood.lastKind, 1, Integer::sum);
      }
    }
    System.out.printf(
        "WebSocket fuzzing: %,d frames over %,d connections in %,d ms; %,d replies; %d unanswered on open connections;"
            + " closes %s; errors %s; kinds %s%n",
        sent,
        floods.size(),
        elapsedMs,
        replies,
        unanswered,
        closes,
        new TreeMap<>(errors),
        new TreeMap<>(kinds));
    List<String> unexplained = new ArrayList<>();
    for (Flood flood : floods) {
      String what =
          "sent " + flood.sent + ", " + flood.replies + " replies, last " + flood.lastKind;
      if (flood.closedByUs) {
        if (flood.replies != flood.sent) {
          unexplained.add("kept open but not every frame answered: " + what);
        }
        continue;
      }
      assertThat(documentedCloses).as("close codes are documented").contains(flood.closeCode);
      boolean explained =
          switch (flood.closeCode) {
            // A protocol-breaking frame is the last one sent, after every earlier one was answered.
            case 1006 -> flood.expectedCloses > 0 && flood.replies == flood.sent - 1;
            case 4008 -> flood.replies > Connection.MAX_STRIKES;
            case 1000 -> flood.sentLeave;
            default -> false;
          };
      if (!explained) {
        unexplained.add(
            "closed with " + flood.closeCode + " for no reason the protocol gives: " + what);
      }
    }
    assertThat(unanswered).as("a connection the server kept open answered every frame").isZero();
    assertThat(unexplained).as("every connection the server closed had earned it").isEmpty();
    assertThat(sent).isGreaterThanOrEqualTo(FRAMES);
    assertThat(errors).as("no frame made the server fail").doesNotContainKey("internal_error");
    assertThat(documentedErrors)
        .as("every error code is documented in docs/protocol.md")
        .containsAll(errors.keySet());

    assertThat(api.get("/health/live").statusCode()).isEqualTo(200);
    Eventually.holds(
        "the flooders' sockets to be let go",
        () -> api.metric("quizhall_sockets_open") == socketsBefore);
    long heapAfter = heapAfterGc();
    System.out.printf(
        "WebSocket fuzzing: heap after GC %,d KB before the flood, %,d KB after%n",
        heapBefore / 1024, heapAfter / 1024);
    assertThat(heapAfter - heapBefore)
        .as("memory is given back after the flood")
        .isLessThan(64L << 20);
  }

  /**
   * One flooder: connection after connection, each sending a run of frames and counting the
   * answers.
   */
  private Future<Void> flood(
      Vertx vertx,
      WebSocketClient client,
      int port,
      FuzzFrames frames,
      AtomicLong budget,
      ConcurrentLinkedQueue<Flood> floods,
      Map<String, AtomicInteger> errors,
      Map<String, AtomicInteger> kinds,
      long seed) {
    java.util.Random random = new java.util.Random(seed);
    if (budget.get() <= 0) {
      return Future.succeededFuture();
    }
    return client
        .connect(new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI("/ws"))
        .compose(
            socket -> {
              Flood flood = new Flood();
              floods.add(flood);
              Promise<Void> done = Promise.promise();
              socket.textMessageHandler(
                  text -> {
                    JsonObject message = new JsonObject(text);
                    String type = message.getString("type");
                    if (type.equals("error")) {
                      errors
                          .computeIfAbsent(message.getString("code"), c -> new AtomicInteger())
                          .incrementAndGet();
                    }
                    if (Set.of("error", "pong", "ok", "answer_ack", "welcome").contains(type)) {
                      flood.replies++;
                    }
                  });
              socket.closeHandler(
                  v -> {
                    flood.closeCode =
                        socket.closeStatusCode() == null ? -1 : (int) socket.closeStatusCode();
                    done.tryComplete();
                  });
              socket.exceptionHandler(e -> {});
              int run = 20 + random.nextInt(300);
              sendRun(vertx, socket, frames, flood, run, budget, kinds, done);
              return done.future();
            })
        .compose(
            v ->
                flood(
                    vertx, client, port, frames, budget, floods, errors, kinds, seed + 1_000_003));
  }

  private void sendRun(
      Vertx vertx,
      WebSocket socket,
      FuzzFrames frames,
      Flood flood,
      int left,
      AtomicLong budget,
      Map<String, AtomicInteger> kinds,
      Promise<Void> done) {
    if (socket.isClosed()) {
      return;
    }
    if (left == 0 || budget.get() <= 0 || flood.expectedCloses > 0) {
      // Give the server a moment to answer the last frames, then leave.
      vertx.setTimer(
          flood.expectedCloses > 0 ? 3_000 : 1_000,
          id -> {
            if (!socket.isClosed()) {
              flood.closedByUs = true;
              socket.close().onComplete(x -> done.tryComplete());
            }
          });
      return;
    }
    send(
        vertx,
        socket,
        frames.next(),
        flood,
        budget,
        kinds,
        0,
        () ->
            vertx.setTimer(
                FRAME_GAP_MS,
                id -> sendRun(vertx, socket, frames, flood, left - 1, budget, kinds, done)));
  }

  /**
   * Sends one frame. A protocol-breaking frame waits (up to 5 s) until every earlier frame has its
   * reply: the connection drops the moment it arrives, taking replies still on their way with it,
   * and the test wants to see that each earlier frame was answered.
   */
  private void send(
      Vertx vertx,
      WebSocket socket,
      FuzzFrames.Frame frame,
      Flood flood,
      AtomicLong budget,
      Map<String, AtomicInteger> kinds,
      int waitedMs,
      Runnable then) {
    if (frame.expect() == FuzzFrames.Expect.CLOSE
        && flood.replies < flood.sent
        && waitedMs < 5_000
        && !socket.isClosed()) {
      vertx.setTimer(
          20, id -> send(vertx, socket, frame, flood, budget, kinds, waitedMs + 20, then));
      return;
    }
    budget.decrementAndGet();
    flood.sent++;
    flood.lastKind = frame.kind();
    if (frame.parts().get(0).isText()
        && frame.parts().get(0).textData().contains("\"type\":\"leave\"")) {
      flood.sentLeave = true;
    }
    kinds.computeIfAbsent(frame.kind(), k -> new AtomicInteger()).incrementAndGet();
    if (frame.expect() == FuzzFrames.Expect.CLOSE) {
      flood.expectedCloses++;
    }
    for (WebSocketFrame part : frame.parts()) {
      socket.writeFrame(part);
    }
    then.run();
  }

  /** A room with a host and four players, played question by question. */
  private final class Game {
    final String code;
    final String gameId;
    final SocketClient host;
    final Map<String, SocketClient> players = new HashMap<>();

    Game(Vertx vertx, Quizhall server, Api api, String account, String deckId) {
      JsonObject room = api.openRoom(account, deckId, QUESTIONS, 20);
      code = room.getString("code");
      gameId = room.getString("gameId");
      host = open.add(SocketClient.connect(vertx, server.httpPort()));
      host.send(
          "host", new JsonObject().put("code", code).put("hostToken", room.getString("hostToken")));
      host.await("welcome");
      for (String name : PLAYERS) {
        SocketClient player = open.add(SocketClient.connect(vertx, server.httpPort()));
        player.send("join", new JsonObject().put("code", code).put("nickname", name));
        player.await("welcome");
        players.put(name, player);
      }
    }

    /**
     * Plays every question (player i is right unless (i + question) % 3 == 0) and returns the
     * podium's scores.
     */
    Map<String, Integer> play(AnswerKey key, Runnable beforeEachQuestion) {
      advanceTo("question", 0);
      for (int q = 0; q < QUESTIONS; q++) {
        beforeEachQuestion.run();
        JsonObject question = host.awaitAbout("question", q);
        for (int i = 0; i < PLAYERS.size(); i++) {
          SocketClient player = players.get(PLAYERS.get(i));
          String id =
              player.send(
                  "answer",
                  key.answer(question.getString("questionId"), (i + q) % 3 != 0).put("index", q));
          assertThat(player.reply(id).getString("type"))
              .as("%s's answer to question %d", PLAYERS.get(i), q + 1)
              .isEqualTo("answer_ack");
        }
        if (q + 1 < QUESTIONS) {
          advanceTo("question", q + 1);
        }
      }
      advanceTo("podium", -1);
      Map<String, Integer> scores = new HashMap<>();
      JsonObject podium =
          host.seen().stream()
              .filter(m -> "podium".equals(m.getString("type")))
              .findFirst()
              .orElseThrow();
      for (Object entry : podium.getJsonArray("ranking")) {
        JsonObject standing = (JsonObject) entry;
        if (PLAYERS.contains(standing.getString("nickname"))) {
          scores.put(standing.getString("nickname"), standing.getInteger("score"));
        }
      }
      return scores;
    }

    /**
     * Presses next until the host has seen {@code type} (about question {@code index}, or any when
     * -1).
     */
    private void advanceTo(String type, int index) {
      while (host.seen().stream()
          .noneMatch(
              m ->
                  type.equals(m.getString("type"))
                      && (index < 0 || index == m.getInteger("index", -1)))) {
        host.reply(host.send("next"));
        host.drain();
      }
    }

    Map<String, Integer> storedScores(Api api, String account) {
      Map<String, Integer> scores = new HashMap<>();
      for (Object entry :
          api.get("/api/games/" + gameId + "/results", account)
              .bodyAsJsonObject()
              .getJsonArray("players")) {
        JsonObject player = (JsonObject) entry;
        if (PLAYERS.contains(player.getString("nickname"))) {
          scores.put(player.getString("nickname"), player.getInteger("score"));
        }
      }
      return scores;
    }
  }

  /**
   * Waits until another {@code 1/parts} of the frame budget is spent, so each question is played
   * mid-flood.
   */
  private static void awaitSpent(AtomicLong budget, int parts) {
    long target = Math.max(0, budget.get() - FRAMES / parts);
    Eventually.holds("the flood to go on", () -> budget.get() <= target);
  }

  /** The codes listed in the error table of docs/protocol.md. */
  private static Set<String> documentedErrors() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "protocol.md"));
    Set<String> codes = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|").matcher(doc);
    while (row.find()) {
      Matcher code = Pattern.compile("`([a-z_]+)`").matcher(row.group(1));
      while (code.find()) {
        codes.add(code.group(1));
      }
    }
    return codes;
  }

  /** The close codes listed in docs/protocol.md. */
  private static Set<Integer> documentedCloses() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "protocol.md"));
    Set<Integer> codes = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| (\\d{4}) \\|").matcher(doc);
    while (row.find()) {
      codes.add(Integer.parseInt(row.group(1)));
    }
    return codes;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
