package org.quizhall.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Plays a scenario against a running server through the real protocol: hosts open rooms over REST
 * and run them over WebSockets (auto-advancing), players join, answer every question after a random
 * think time, and everything a person would wait for is timed. Bounded in time: it gives up after
 * the longest the games could take plus a margin.
 */
final class LoadRun {

  /** Joins in flight at once, so that a big scenario ramps up instead of stampeding. */
  static final int JOIN_CONCURRENCY = 200;

  final Histogram joinMs = new ConcurrentHistogram(3);
  final Histogram fanoutMs = new ConcurrentHistogram(3);

  /**
   * Fan-out per question, to tell the first question (all rooms starting together) from the rest.
   */
  final List<Histogram> fanoutMsByQuestion = new ArrayList<>();

  final Histogram ackMs = new ConcurrentHistogram(3);
  final Histogram standingsMs = new ConcurrentHistogram(3);
  final AtomicLong messages = new AtomicLong();

  /** Bytes of the text messages received (after any decompression), hosts' included. */
  final AtomicLong payloadBytes = new AtomicLong();

  final FanoutWaves waves;
  final AtomicLong answersSent = new AtomicLong();
  final AtomicLong answersAcked = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicInteger connected = new AtomicInteger();

  /** Churn: players who joined after the start, dropped and resumed, or left for good. */
  final AtomicInteger lateJoins = new AtomicInteger();

  final AtomicInteger drops = new AtomicInteger();
  final AtomicInteger leaves = new AtomicInteger();
  private final List<SimPlayer> latecomers = new ArrayList<>();
  final List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
  long answersStored;
  long gameMillis;

  private final Vertx vertx;
  private final Scenario scenario;
  private final String host;

  /**
   * The HTTP ports of the nodes: rooms open on them in turn, and each room's players are spread
   * over all of them.
   */
  private final List<Integer> ports;

  private final List<WebClient> nodes = new ArrayList<>();
  private final WebSocketClient sockets;
  private final CompressionOffer offer;

  /**
   * The server's answer to the first socket's offer (its {@code Sec-WebSocket-Extensions}, empty
   * for none), null before any socket opened.
   */
  volatile String extensionsAnswered;

  private final WebClient web;
  private final List<Room> rooms = new ArrayList<>();

  LoadRun(Vertx vertx, Scenario scenario, String host, int port) {
    this(vertx, scenario, host, List.of(port));
  }

  LoadRun(Vertx vertx, Scenario scenario, String host, List<Integer> ports) {
    this(vertx, scenario, host, ports, CompressionOffer.BROWSER);
  }

  LoadRun(
      Vertx vertx, Scenario scenario, String host, List<Integer> ports, CompressionOffer offer) {
    this.vertx = vertx;
    this.offer = offer;
    this.scenario = scenario;
    this.host = host;
    this.ports = List.copyOf(ports);
    this.sockets =
        vertx.createWebSocketClient(
            offer.configure(
                new WebSocketClientOptions()
                    .setMaxConnections(scenario.players() + scenario.rooms() + 100)
                    .setConnectTimeout(30_000)
                    .setIdleTimeout(0)
                    // A host's roster and podium list every player: a big room's run to hundreds
                    // of kilobytes.
                    .setMaxFrameSize(1 << 20)
                    .setMaxMessageSize(16 << 20)));
    this.waves = new FanoutWaves();
    for (int q = 0; q < scenario.questions(); q++) {
      fanoutMsByQuestion.add(new ConcurrentHistogram(3));
    }
    for (int node : ports) {
      nodes.add(
          WebClient.create(
              vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(node)));
    }
    this.web = nodes.get(0);
  }

  /**
   * One room: its host socket, and when the last event that can end the current question happened
   * (an answer sent, or a player dropping or leaving: the room reveals once everyone connected has
   * answered).
   */
  private final class Room {
    final String code;
    final String hostToken;
    final String gameId;
    WebSocket hostSocket;
    final Promise<Void> finished = Promise.promise();
    volatile long lastAnswerAt;

    /**
     * Which room this is, in the order they were opened: it opened on node {@code number % nodes}.
     */
    final int number;

    Room(String code, String hostToken, String gameId, int number) {
      this.number = number;
      this.code = code;
      this.hostToken = hostToken;
      this.gameId = gameId;
    }
  }

  /** Everything up to all players seated; returns the host's sign-in token. */
  String prepare() {
    String user = "bench_" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject credentials =
        new JsonObject().put("username", user).put("password", "load testing quizhall");
    web.post("/api/accounts").sendJsonObject(credentials).await();
    String token =
        web.post("/api/sessions")
            .sendJsonObject(credentials)
            .await()
            .bodyAsJsonObject()
            .getString("token");
    String deckId =
        web.get("/api/decks").send().await().bodyAsJsonArray().getJsonObject(0).getString("id");
    for (int r = 0; r < scenario.rooms(); r++) {
      HttpResponse<Buffer> created =
          nodes
              .get(r % nodes.size())
              .post("/api/rooms")
              .putHeader("Authorization", "Bearer " + token)
              .sendJsonObject(
                  new JsonObject()
                      .put("deckId", deckId)
                      .put("questionCount", scenario.questions())
                      .put("secondsPerQuestion", scenario.secondsPerQuestion())
                      .put("autoAdvance", scenario.autoAdvanceSeconds())
                      // Simulated players answer the moment a question comes: no 3-2-1 to wait out.
                      .put("leadIn", false)
                      // Every simulated player comes from this machine's one address.
                      .put("seatsPerAddress", 5000))
              .await();
      if (created.statusCode() != 201) {
        throw new IllegalStateException("could not open a room: " + created.bodyAsString());
      }
      JsonObject room = created.bodyAsJsonObject();
      rooms.add(
          new Room(
              room.getString("code"), room.getString("hostToken"), room.getString("gameId"), r));
    }
    for (Room room : rooms) {
      room.hostSocket = connect(room.number).await();
      room.hostSocket.textMessageHandler(
          text -> {
            payloadBytes.addAndGet(utf8Length(text));
            onHost(room, new JsonObject(text));
          });
      room.hostSocket.closeHandler(v -> hostClosed(room));
      room.hostSocket.writeTextMessage(
          new JsonObject()
              .put("v", 1)
              .put("type", "host")
              .put("code", room.code)
              .put("hostToken", room.hostToken)
              .encode());
    }
    joinAll();
    return token;
  }

  /** A socket to node {@code n % nodes}. */
  private Future<WebSocket> connect(int n) {
    return sockets
        .connect(
            offer.configure(
                new WebSocketConnectOptions()
                    .setPort(ports.get(n % ports.size()))
                    .setHost(host)
                    .setURI("/ws")))
        .onSuccess(
            ws -> {
              if (extensionsAnswered == null) {
                String answered =
                    ws.headers() == null ? null : ws.headers().get("Sec-WebSocket-Extensions");
                extensionsAnswered = answered == null ? "" : answered;
              }
            });
  }

  /** The length of {@code text} in UTF-8, as it went over the wire before any compression. */
  private static int utf8Length(String text) {
    int bytes = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        bytes += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
      }
    }
    return bytes;
  }

  private void joinAll() {
    List<Future<Void>> all = new ArrayList<>();
    // Paced joins arrive at their rate whatever the server's answer time, as players do: only a
    // server five seconds behind holds them back.
    java.util.concurrent.Semaphore inFlight =
        new java.util.concurrent.Semaphore(
            scenario.joinsPerSecond() > 0 ? scenario.joinsPerSecond() * 5 : JOIN_CONCURRENCY);
    long paceNanos = scenario.joinsPerSecond() > 0 ? 1_000_000_000L / scenario.joinsPerSecond() : 0;
    long nextJoinAt = System.nanoTime();
    for (Room room : rooms) {
      for (int p = 0; p < scenario.playersPerRoom(); p++) {
        if (scenario.churn() && p % 10 == 9) {
          latecomers.add(new SimPlayer(room, "player" + p, room.number + p));
          continue;
        }
        try {
          inFlight.acquire();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (paceNanos > 0) {
          // Paced joins: one every 1/joinsPerSecond, on this (main) thread, never an event loop;
          // after a wait for joins in flight the pace starts again from now, never in a burst.
          nextJoinAt = Math.max(nextJoinAt, System.nanoTime());
          java.util.concurrent.locks.LockSupport.parkNanos(nextJoinAt - System.nanoTime());
          nextJoinAt += paceNanos;
        }
        Future<Void> joined = new SimPlayer(room, "player" + p, room.number + p).join();
        joined.onComplete(done -> inFlight.release());
        all.add(joined);
      }
    }
    Future.join(all).await();
  }

  /** Starts every room and waits for every podium (or the time limit). */
  void play() {
    long limit =
        TimeUnit.SECONDS.toMillis(
                (long) scenario.questions()
                        * (scenario.secondsPerQuestion() + 2L * scenario.autoAdvanceSeconds() + 2)
                    + 60)
            + scenario.startSpreadMs();
    long started = System.nanoTime();
    String start = new JsonObject().put("v", 1).put("type", "start").encode();
    for (Room room : rooms) {
      if (scenario.startSpreadMs() == 0) {
        room.hostSocket.writeTextMessage(start);
      } else {
        vertx.setTimer(
            1 + ThreadLocalRandom.current().nextInt(scenario.startSpreadMs()),
            id -> room.hostSocket.writeTextMessage(start));
      }
    }
    // Churn: a tenth of the players join during (about) the first half of the game.
    long joinWindowMs =
        (long) scenario.questions()
            * (scenario.thinkMaxMs() + 2_000L * scenario.autoAdvanceSeconds())
            / 2;
    for (SimPlayer latecomer : latecomers) {
      vertx.setTimer(
          1 + scenario.startSpreadMs() + ThreadLocalRandom.current().nextLong(joinWindowMs),
          id -> latecomer.join().onSuccess(v -> lateJoins.incrementAndGet()));
    }
    Future<Void> all =
        Future.join(rooms.stream().map(r -> r.finished.future()).toList()).mapEmpty();
    try {
      all.timeout(limit, TimeUnit.MILLISECONDS).await();
    } catch (Exception e) {
      errors.incrementAndGet();
      errorSamples.add("not every game reached its podium within " + limit / 1000 + " s");
    }
    gameMillis = (System.nanoTime() - started) / 1_000_000;
  }

  /** Counts the answers the server stored, from each game's results. */
  void countStored(String hostToken) {
    long stored = 0;
    for (Room room : rooms) {
      HttpResponse<Buffer> results =
          web.get("/api/games/" + room.gameId + "/results")
              .putHeader("Authorization", "Bearer " + hostToken)
              .send()
              .await();
      for (Object q : results.bodyAsJsonObject().getJsonArray("questions", new JsonArray())) {
        stored += ((JsonObject) q).getInteger("answered");
      }
      room.hostSocket.writeTextMessage(new JsonObject().put("v", 1).put("type", "end").encode());
    }
    answersStored = stored;
  }

  /** Closes every socket and client this run opened; its rooms must already be ended. */
  void close() {
    sockets.close().await();
    nodes.forEach(WebClient::close);
  }

  private void hostClosed(Room room) {
    if (!room.finished.future().isComplete()) {
      error(
          "room "
              + room.code
              + ": the host connection closed before the podium ("
              + room.hostSocket.closeStatusCode()
              + ")");
    }
  }

  private void onHost(Room room, JsonObject message) {
    messages.incrementAndGet();
    switch (message.getString("type")) {
      case "podium" -> room.finished.tryComplete();
      case "reveal" -> hostMovesOn(room, message, 1_000);
      case "leaderboard" -> hostMovesOn(room, message, 500);
      case "error" -> error("host: " + message.getString("code"));
      default -> {}
    }
  }

  /** A host-driven scenario's host presses next {@code afterMs} after the screen came. */
  private void hostMovesOn(Room room, JsonObject screen, long afterMs) {
    if (!scenario.hostDriven()) {
      return;
    }
    String next =
        new JsonObject()
            .put("v", 1)
            .put("type", "next")
            .put("at", screen.getString("type") + ":" + screen.getInteger("index"))
            .encode();
    vertx.setTimer(afterMs, id -> room.hostSocket.writeTextMessage(next));
  }

  private void error(String what) {
    errors.incrementAndGet();
    if (errorSamples.size() < 20) {
      errorSamples.add(what);
    }
  }

  /** One simulated player on its own socket. */
  private final class SimPlayer {
    private final Room room;
    private final String nickname;
    private WebSocket socket;
    private String resumeToken;
    private long answerSentNanos;
    private boolean churned;

    /**
     * The player connects to node {@code node % nodes}: with two nodes, half of each room's players
     * are on the other one.
     */
    private final int node;

    SimPlayer(Room room, String nickname, int node) {
      this.node = node;
      this.room = room;
      this.nickname = nickname;
    }

    Future<Void> join() {
      Promise<Void> welcomed = Promise.promise();
      long started = System.nanoTime();
      open(
          "join",
          new JsonObject()
              .put("v", 1)
              .put("type", "join")
              .put("code", room.code)
              .put("nickname", nickname),
          welcome -> {
            if (!welcomed.future().isComplete()) {
              joinMs.recordValue(Math.max(0, (System.nanoTime() - started) / 1_000_000));
              resumeToken = welcome.getString("resumeToken");
              welcomed.tryComplete();
              // Joining mid-question, a player sees the question in the welcome and can still
              // answer it.
              JsonObject current = welcome.getJsonObject("current");
              if (current != null
                  && "question".equals(current.getString("type"))
                  && !welcome.getBoolean("answered", false)) {
                scheduleAnswer(
                    current.encode(), current.getInteger("index"), current.getLong("remainingMs"));
              }
            }
          },
          () -> welcomed.tryComplete());
      return welcomed.future();
    }

    /**
     * Connects, sends {@code first} (a join or resume), hands the {@code welcome} to {@code
     * onWelcome} and every other message to {@link #onMessage}.
     */
    private void open(
        String what,
        JsonObject first,
        java.util.function.Consumer<JsonObject> onWelcome,
        Runnable onFailure) {
      connect(node)
          .onFailure(
              e -> {
                error(what + ": " + e.getMessage());
                onFailure.run();
              })
          .onSuccess(
              ws -> {
                socket = ws;
                connected.incrementAndGet();
                ws.closeHandler(v -> connected.decrementAndGet());
                ws.textMessageHandler(
                    text -> {
                      long receivedAt = System.currentTimeMillis();
                      payloadBytes.addAndGet(utf8Length(text));
                      String type = Wire.type(text);
                      if (type.equals("welcome")) {
                        messages.incrementAndGet();
                        onWelcome.accept(new JsonObject(text));
                        return;
                      }
                      onMessage(type, text, receivedAt);
                    });
                ws.writeTextMessage(first.encode());
              });
    }

    private void onMessage(String type, String text, long receivedAt) {
      messages.incrementAndGet();
      switch (type) {
        case "question" -> {
          long sentAt = Wire.number(text, "sentAt");
          int index = (int) Wire.number(text, "index");
          fanoutMs.recordValue(Math.max(0, receivedAt - sentAt));
          if (index < fanoutMsByQuestion.size()) {
            fanoutMsByQuestion.get(index).recordValue(Math.max(0, receivedAt - sentAt));
          }
          waves.received(room.code, index, sentAt, receivedAt);
          scheduleAnswer(text, index, Wire.number(text, "remainingMs"));
        }
        case "answer_ack" -> {
          ackMs.recordValue(Math.max(0, (System.nanoTime() - answerSentNanos) / 1_000_000));
          answersAcked.incrementAndGet();
        }
        case "result" -> {
          if (room.lastAnswerAt > 0) {
            standingsMs.recordValue(Math.max(0, receivedAt - room.lastAnswerAt));
          }
        }
        case "error" -> {
          JsonObject error = new JsonObject(text);
          error(error.getString("code") + ": " + error.getString("message"));
        }
        default -> {}
      }
    }

    /**
     * Answers after a random think time, leaving 1.5 s for the answer to arrive; not at all if
     * there is no time left.
     */
    private void scheduleAnswer(String question, int index, long remainingMs) {
      long latest = remainingMs - 1_500;
      if (latest < 1) {
        return;
      }
      long shortest = Math.min(scenario.thinkMinMs(), latest);
      long longest = Math.min(scenario.thinkMaxMs(), latest);
      long think = shortest + ThreadLocalRandom.current().nextLong(longest - shortest + 1);
      vertx.setTimer(
          Math.max(1, think),
          id -> {
            int dice = scenario.churn() && !churned ? ThreadLocalRandom.current().nextInt(40) : -1;
            if (dice == 0) {
              churned = true;
              leave();
            } else if (dice >= 1 && dice <= 4) {
              churned = true;
              reconnectThenAnswer(question, index);
            } else {
              answer(question, index);
            }
          });
    }

    /** Gives the seat up for good, instead of answering. */
    private void leave() {
      leaves.incrementAndGet();
      room.lastAnswerAt = System.currentTimeMillis();
      socket.writeTextMessage(new JsonObject().put("v", 1).put("type", "leave").encode());
    }

    /** Drops the connection, comes back with the resume token, and answers on the new socket. */
    private void reconnectThenAnswer(String question, int index) {
      drops.incrementAndGet();
      room.lastAnswerAt = System.currentTimeMillis();
      socket.close();
      open(
          "reconnect",
          new JsonObject()
              .put("v", 1)
              .put("type", "resume")
              .put("code", room.code)
              .put("resumeToken", resumeToken),
          welcome -> {
            if (!welcome.getBoolean("answered", false)
                && "question".equals(welcome.getString("phase"))) {
              answer(question, index);
            }
          },
          () -> {});
    }

    /** Answers {@code question} (its text, parsed only now that the player has "thought"). */
    private void answer(String question, int index) {
      JsonObject answer =
          new JsonObject()
              .put("v", 1)
              .put("type", "answer")
              .put("id", "a" + index)
              .put("index", index);
      JsonObject asked = new JsonObject(question);
      JsonArray options = asked.getJsonArray("options");
      ThreadLocalRandom random = ThreadLocalRandom.current();
      switch (asked.getString("answerType", "multiple_choice")) {
        case "typed" -> answer.put("text", random.nextBoolean() ? "Kinesis" : "no idea");
        case "multiple_response" -> {
          // As many distinct options as the question says to choose.
          java.util.List<Integer> all = new java.util.ArrayList<>();
          for (int i = 0; i < options.size(); i++) {
            all.add(i);
          }
          java.util.Collections.shuffle(all, random);
          answer.put("choices", new JsonArray(all.subList(0, asked.getInteger("choose", 2))));
        }
        case "ordering", "matching" -> {
          int size = asked.getJsonArray(asked.containsKey("items") ? "items" : "right").size();
          java.util.List<Integer> order = new java.util.ArrayList<>();
          for (int i = 0; i < size; i++) {
            order.add(i);
          }
          java.util.Collections.shuffle(order, random);
          answer.put("choices", new JsonArray(order));
        }
        default -> answer.put("choice", random.nextInt(options.size()));
      }
      answerSentNanos = System.nanoTime();
      room.lastAnswerAt = System.currentTimeMillis();
      answersSent.incrementAndGet();
      socket.writeTextMessage(answer.encode());
    }
  }
}
