package org.quizhall.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code socket-memory}: what one player's socket costs the server in memory, and what WebSocket
 * compression saves on the wire, for each way of answering a browser's permessage-deflate offer.
 * Per variant a fresh server (its heap fixed and touched up front, so that the resident size moves
 * only with native memory such as zlib's) plays an unmeasured warm-up game without compression, is
 * measured with no player connected, then again with {@link #GAME}'s players joined and after they
 * played its questions (sockets still open). Heap is measured after a full collection; the bytes on
 * the wire are the TCP payload the server's sockets had acknowledged, from {@code ss}. Memory only:
 * latencies are not the point here, and the machine may be busy.
 */
final class SocketMemory {

  static final String NAME = "socket-memory";

  /** 2,000 players in 50 rooms, three questions each answered after 0.1–1.5 s. */
  static final Scenario GAME = new Scenario(NAME, 50, 40, 3, 10, 1, 100, 1_500, false, 0, 1, 0);

  private static final String HEAP = "1g";

  /** One way the server and the players' sockets meet. */
  record Variant(String name, boolean serverCompression, CompressionOffer offer, String what) {}

  static final List<Variant> VARIANTS =
      List.of(
          new Variant(
              "deflate",
              true,
              CompressionOffer.BROWSER,
              "compression accepted as browsers offer it: 32 KB windows, context kept"),
          new Variant(
              "deflate-no-context",
              true,
              CompressionOffer.NO_CONTEXT,
              "compression with no context takeover either way (what a server may grant when a"
                  + " client asks; browsers do not)"),
          new Variant(
              "off",
              false,
              CompressionOffer.BROWSER,
              "the server refuses the browser's offer: no compression"));

  private SocketMemory() {}

  static JsonObject run(Path jar) throws Exception {
    JsonArray variants = new JsonArray();
    for (Variant variant : VARIANTS) {
      System.out.println("socket-memory: " + variant.name() + " ...");
      variants.add(measure(jar, variant));
    }
    return new JsonObject()
        .put("scenario", NAME)
        .put("date", Instant.now().toString())
        .put(
            "machine",
            Runtime.getRuntime().availableProcessors()
                + " cores, generator and server on one machine")
        .put("players", GAME.players())
        .put("rooms", GAME.rooms())
        .put("questions", GAME.questions())
        .put("serverHeap", "-Xms" + HEAP + " -Xmx" + HEAP + " -XX:+AlwaysPreTouch")
        .put("variants", variants);
  }

  private static JsonObject measure(Path jar, Variant variant) throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            jar,
            HEAP,
            Map.of("QUIZHALL_WEBSOCKET_COMPRESSION", String.valueOf(variant.serverCompression())),
            List.of("-Xms" + HEAP, "-XX:+AlwaysPreTouch"))) {
      Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      try {
        List<Integer> ports = List.of(server.port());
        // Without compression: sockets closed after it would leave freed zlib memory in the
        // allocator for the measured sockets to reuse, hiding it from the resident size.
        LoadRun warmUp =
            new LoadRun(vertx, Scenario.WARM_UP, "127.0.0.1", ports, CompressionOffer.NONE);
        String warmUpToken = warmUp.prepare();
        warmUp.play();
        warmUp.countStored(warmUpToken);
        warmUp.close();
        if (warmUp.errors.get() > 0) {
          throw new IllegalStateException("the warm-up game failed: " + warmUp.errorSamples);
        }
        Memory idle = Memory.of(server);

        LoadRun run = new LoadRun(vertx, GAME, "127.0.0.1", ports, variant.offer());
        String hostToken = run.prepare();
        int connected = run.connected.get();
        Memory joined = Memory.of(server);
        long sentBefore = bytesSent(server.port());
        long payloadBefore = run.payloadBytes.get();
        long cpuBefore = Bench.cpuMillis(server.pid());
        run.play();
        long cpuAfter = Bench.cpuMillis(server.pid());
        long sentAfter = bytesSent(server.port());
        long payloadAfter = run.payloadBytes.get();
        Memory played = Memory.of(server);
        run.countStored(hostToken);
        run.close();

        int players = GAME.players();
        long rounds = (long) players * GAME.questions();
        long wire = sentBefore < 0 || sentAfter < 0 ? -1 : (sentAfter - sentBefore) / rounds;
        long payload = (payloadAfter - payloadBefore) / rounds;
        return new JsonObject()
            .put("variant", variant.name())
            .put("what", variant.what())
            .put("serverCompression", variant.serverCompression())
            .put("offered", variant.offer().header)
            .put("answered", run.extensionsAnswered)
            .put("players", players)
            .put("sockets", players + GAME.rooms())
            .put("playersConnected", connected)
            .put("idleHeapBytes", idle.heap())
            .put("idleResidentBytes", idle.resident())
            .put("heapBytesPerPlayerJoined", (joined.heap() - idle.heap()) / players)
            .put("heapBytesPerPlayerPlayed", (played.heap() - idle.heap()) / players)
            .put("residentBytesPerPlayerJoined", (joined.resident() - idle.resident()) / players)
            .put("residentBytesPerPlayerPlayed", (played.resident() - idle.resident()) / players)
            .put("payloadBytesPerPlayerPerQuestion", payload)
            .put("wireBytesPerPlayerPerQuestion", wire < 0 ? null : wire)
            .put(
                "wireToPayload",
                wire < 0 || payload == 0 ? null : Math.round(100.0 * wire / payload) / 100.0)
            .put("serverCpuSecondsForTheGame", (cpuAfter - cpuBefore) / 1000.0)
            .put("answersSent", run.answersSent.get())
            .put("answersAcked", run.answersAcked.get())
            .put("answersStored", run.answersStored)
            .put("errors", run.errors.get())
            .put("errorSamples", new JsonArray(List.copyOf(run.errorSamples)));
      } finally {
        vertx.close().await();
      }
    }
  }

  /** The server's heap after a full collection, and its resident size then. */
  private record Memory(long heap, long resident) {
    static Memory of(ServerProcess server) throws IOException, InterruptedException {
      server.collectGarbage();
      long heap = Bench.heapUsed(URI.create("http://127.0.0.1:" + server.port()));
      return new Memory(heap, server.residentBytes());
    }
  }

  /**
   * TCP payload the server has sent on its established sockets and had acknowledged, summed over
   * them ({@code bytes_acked} in {@code ss -ti}); -1 where {@code ss} cannot tell.
   */
  static long bytesSent(int port) throws IOException, InterruptedException {
    Process ss =
        new ProcessBuilder("ss", "-tinH", "state", "established", "( sport = :" + port + " )")
            .redirectErrorStream(true)
            .start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    if (!ss.waitFor(30, TimeUnit.SECONDS) || ss.exitValue() != 0) {
      return -1;
    }
    long sum = 0;
    int sockets = 0;
    for (String field : out.split("\\s+")) {
      if (field.startsWith("bytes_acked:")) {
        sum += Long.parseLong(field.substring("bytes_acked:".length()));
        sockets++;
      }
    }
    return sockets == 0 ? -1 : sum;
  }

  static String table(JsonObject report) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-20s %-10s %12s %12s %12s %12s %10s %10s %8s%n",
            "variant",
            "answered",
            "heap/joined",
            "heap/played",
            "rss/joined",
            "rss/played",
            "payload/q",
            "wire/q",
            "cpu s"));
    List<JsonObject> rows = new ArrayList<>();
    report.getJsonArray("variants").forEach(v -> rows.add((JsonObject) v));
    for (JsonObject v : rows) {
      out.append(
          String.format(
              "%-20s %-10s %12d %12d %12d %12d %10d %10s %8.1f%n",
              v.getString("variant"),
              v.getString("answered", "").isEmpty() ? "(none)" : "deflate",
              v.getLong("heapBytesPerPlayerJoined"),
              v.getLong("heapBytesPerPlayerPlayed"),
              v.getLong("residentBytesPerPlayerJoined"),
              v.getLong("residentBytesPerPlayerPlayed"),
              v.getLong("payloadBytesPerPlayerPerQuestion"),
              v.getValue("wireBytesPerPlayerPerQuestion"),
              v.getDouble("serverCpuSecondsForTheGame")));
    }
    return out.toString();
  }
}
