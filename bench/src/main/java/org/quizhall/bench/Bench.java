package org.quizhall.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code java -jar bench/target/quizhall-bench.jar <scenario> [--url http://host:port] [--jar
 * server/target/quizhall.jar]}: runs a load scenario against Quizhall and writes {@code
 * bench/results/<scenario>.json}. Without {@code --url} it starts its own server (embedded
 * PostgreSQL) in a separate process. Loopback only.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("plot")) {
      System.out.println("written " + LatencyPlot.draw(Path.of("bench/results")));
      return;
    }
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.println(
          "Usage: java -jar bench/target/quizhall-bench.jar <scenario> [--url http://127.0.0.1:8080]"
              + " [--jar server/target/quizhall.jar] [--out bench/results]");
      System.out.println(
          "       java -jar bench/target/quizhall-bench.jar plot   (redraw bench/results/latency.png)");
      System.out.println(
          "Scenarios: "
              + Scenario.ALL.stream()
                  .map(s -> s.name() + " (" + s.rooms() + " x " + s.playersPerRoom() + ")")
                  .toList());
      System.out.println(
          "       "
              + SocketMemory.NAME
              + " (memory per socket and bytes per question, with WebSocket compression and"
              + " without; starts its own servers)");
      return;
    }
    if (args[0].equals(SocketMemory.NAME)) {
      socketMemory(args);
      return;
    }
    Scenario scenario = Scenario.named(args[0]);
    String url = null;
    Path jar = Path.of("server/target/quizhall.jar");
    Path out = Path.of("bench/results");
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--jar" -> jar = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    JsonObject report = run(scenario, url, jar, true);
    Files.createDirectories(out);
    Path file = out.resolve(scenario.name() + ".json");
    Files.writeString(file, report.encodePrettily() + "\n");
    System.out.println(table(report));
    System.out.println("written " + file + " and " + LatencyPlot.draw(out));
    System.exit(
        report.getLong("errors") == 0
                && report.getLong("answersAcked").equals(report.getLong("answersStored"))
            ? 0
            : 1);
  }

  private static void socketMemory(String[] args) throws Exception {
    Path jar = Path.of("server/target/quizhall.jar");
    Path out = Path.of("bench/results");
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--jar" -> jar = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    JsonObject report = SocketMemory.run(jar);
    Files.createDirectories(out);
    Path file = out.resolve(SocketMemory.NAME + ".json");
    Files.writeString(file, report.encodePrettily() + "\n");
    System.out.println(SocketMemory.table(report));
    System.out.println("written " + file);
    boolean clean =
        report.getJsonArray("variants").stream()
            .map(v -> (JsonObject) v)
            .allMatch(
                v ->
                    v.getLong("errors") == 0
                        && v.getLong("answersAcked").equals(v.getLong("answersStored")));
    System.exit(clean ? 0 : 1);
  }

  /**
   * Runs one scenario and returns its figures; {@code withBaseline} also measures the bare server.
   */
  public static JsonObject run(Scenario scenario, String url, Path jar, boolean withBaseline)
      throws Exception {
    List<ServerProcess> servers = new ArrayList<>();
    ServerProcess.SharedDatabase database = null;
    Outage outage = null;
    if (url == null && scenario.outageSeconds() > 0) {
      if (scenario.nodes() != 1) {
        throw new IllegalArgumentException("an outage scenario runs one node");
      }
      int databasePort;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        databasePort = socket.getLocalPort();
      }
      database = ServerProcess.SharedDatabase.start(jar, databasePort);
      servers.add(
          ServerProcess.start(
              jar,
              "4g",
              Map.of(
                  "QUIZHALL_DATABASE_URL", database.url,
                  "QUIZHALL_DATABASE_USER", database.user,
                  "QUIZHALL_DATABASE_PASSWORD", database.password)));
    } else if (url == null && scenario.nodes() == 1) {
      servers.add(ServerProcess.start(jar, "4g"));
    } else if (url == null) {
      database = ServerProcess.SharedDatabase.start(jar);
      List<Integer> hazelcast = new ArrayList<>();
      for (int i = 0; i < scenario.nodes(); i++) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
          hazelcast.add(socket.getLocalPort());
        }
      }
      for (int i = 0; i < scenario.nodes(); i++) {
        int self = hazelcast.get(i);
        servers.add(
            ServerProcess.start(
                jar,
                "3g",
                Map.of(
                    "QUIZHALL_DATABASE_URL",
                    database.url,
                    "QUIZHALL_DATABASE_USER",
                    database.user,
                    "QUIZHALL_DATABASE_PASSWORD",
                    database.password,
                    "QUIZHALL_CLUSTER",
                    "true",
                    "QUIZHALL_CLUSTER_HOST",
                    "127.0.0.1",
                    "QUIZHALL_CLUSTER_PORT",
                    String.valueOf(self),
                    "QUIZHALL_CLUSTER_MEMBERS",
                    String.join(
                        ",",
                        hazelcast.stream()
                            .filter(p -> p != self)
                            .map(p -> "127.0.0.1:" + p)
                            .toList()))));
      }
    }
    URI base = URI.create(url == null ? "http://127.0.0.1:" + servers.get(0).port() : url);
    List<Integer> ports =
        url == null ? servers.stream().map(ServerProcess::port).toList() : List.of(base.getPort());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try {
      // An unmeasured game first, so that figures describe a running server, not the JIT compiler.
      LoadRun warmUp = new LoadRun(vertx, Scenario.WARM_UP, base.getHost(), ports);
      String warmUpToken = warmUp.prepare();
      warmUp.play();
      warmUp.countStored(warmUpToken);
      warmUp.close();
      if (warmUp.errors.get() > 0 || warmUp.answersStored != warmUp.answersAcked.get()) {
        throw new IllegalStateException(
            "the warm-up game failed: "
                + warmUp.errors.get()
                + " errors "
                + warmUp.errorSamples
                + ", "
                + warmUp.answersAcked.get()
                + " answers acknowledged, "
                + warmUp.answersStored
                + " stored");
      }
      long heapBefore = heapOf(servers);
      LoadRun run = new LoadRun(vertx, scenario, base.getHost(), ports);
      long joinStarted = System.nanoTime();
      String hostToken = run.prepare();
      long joinSeconds = (System.nanoTime() - joinStarted) / 1_000_000_000;
      int connectedAfterJoin = run.connected.get();
      long heapPlayers = heapOf(servers);
      long cpuBefore = cpuOf(servers);
      // The database goes away once every room is into its first questions (hosts start over
      // startSpreadMs).
      outage =
          scenario.outageSeconds() > 0 && database != null
              ? Outage.begin(
                  database, base, scenario.startSpreadMs() + 7_000L, scenario.outageSeconds())
              : null;
      run.play();
      JsonObject outageFigures = outage == null ? null : outage.figures();
      long cpuAfter = cpuOf(servers);
      run.countStored(hostToken);
      int players = scenario.players();
      BareRun.Result bareRun =
          withBaseline
              ? BareRun.measure(vertx, players, scenario.questions())
              : new BareRun.Result(0, 0, 0);
      long bare = bareRun.perSecond();
      long fanout = run.waves.perSecond();
      JsonObject report =
          new JsonObject()
              .put("scenario", scenario.name())
              .put("date", Instant.now().toString())
              .put(
                  "machine",
                  Runtime.getRuntime().availableProcessors()
                      + " cores, generator and server on one machine")
              .put("players", players)
              .put("rooms", scenario.rooms())
              .put("nodes", scenario.nodes())
              .put("startSpreadMs", scenario.startSpreadMs())
              .put("questions", scenario.questions())
              .put("playersConnected", connectedAfterJoin)
              .put("webSocketExtensionsAnswered", run.extensionsAnswered)
              .put("lateJoins", run.lateJoins.get())
              .put("drops", run.drops.get())
              .put("leaves", run.leaves.get())
              .put("joinSeconds", joinSeconds)
              .put("joinP50Ms", p(run.joinMs, 50))
              .put("joinP99Ms", p(run.joinMs, 99))
              .put("fanoutP50Ms", p(run.fanoutMs, 50))
              .put("fanoutP99Ms", p(run.fanoutMs, 99))
              .put("fanoutMaxMs", run.fanoutMs.getMaxValue())
              .put(
                  "fanoutP99MsByQuestion",
                  new JsonArray(run.fanoutMsByQuestion.stream().map(h -> p(h, 99)).toList()))
              .put("ackP50Ms", p(run.ackMs, 50))
              .put("ackP99Ms", p(run.ackMs, 99))
              .put("leaderboardP99Ms", p(run.standingsMs, 99))
              .put(
                  "messagesPerSecond",
                  run.gameMillis == 0 ? 0 : run.messages.get() * 1000 / run.gameMillis)
              .put("fanoutPerSecond", fanout)
              .put("bareFanoutPerSecond", bare)
              .put("bareFanoutP50Ms", bareRun.p50Ms())
              .put("bareFanoutP99Ms", bareRun.p99Ms())
              .put(
                  "ratioToBare",
                  bare == 0 || fanout == 0 ? null : Math.round(100.0 * fanout / bare) / 100.0)
              .put("gameSeconds", run.gameMillis / 1000.0)
              .put("serverCpuSeconds", (cpuAfter - cpuBefore) / 1000.0)
              .put(
                  "heapBytesPerPlayer",
                  servers.isEmpty() ? null : Math.max(0, (heapPlayers - heapBefore) / players))
              .put("answersSent", run.answersSent.get())
              .put("answersAcked", run.answersAcked.get())
              .put("answersStored", run.answersStored)
              .put("outage", outageFigures)
              .put("errors", run.errors.get())
              .put("errorSamples", new JsonArray(List.copyOf(run.errorSamples)));
      return report;
    } finally {
      if (outage != null) {
        outage.cancel();
      }
      vertx.close().await();
      for (ServerProcess server : servers) {
        server.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  /** Heap in use in every server we started, after a full collection in each. */
  private static long heapOf(List<ServerProcess> servers) throws IOException, InterruptedException {
    long sum = 0;
    for (ServerProcess server : servers) {
      server.collectGarbage();
      sum += heapUsed(URI.create("http://127.0.0.1:" + server.port()));
    }
    return sum;
  }

  private static long cpuOf(List<ServerProcess> servers) throws IOException {
    long sum = 0;
    for (ServerProcess server : servers) {
      sum += cpuMillis(server.pid());
    }
    return sum;
  }

  static String table(JsonObject r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-22s %s%n", "scenario", r.getString("scenario")));
    for (String key :
        List.of(
            "players",
            "rooms",
            "nodes",
            "playersConnected",
            "lateJoins",
            "drops",
            "leaves",
            "joinP50Ms",
            "joinP99Ms",
            "fanoutP50Ms",
            "fanoutP99Ms",
            "fanoutMaxMs",
            "fanoutP99MsByQuestion",
            "bareFanoutP50Ms",
            "bareFanoutP99Ms",
            "fanoutPerSecond",
            "bareFanoutPerSecond",
            "ratioToBare",
            "ackP50Ms",
            "ackP99Ms",
            "leaderboardP99Ms",
            "messagesPerSecond",
            "serverCpuSeconds",
            "heapBytesPerPlayer",
            "outage",
            "answersSent",
            "answersAcked",
            "answersStored",
            "errors")) {
      out.append(String.format("%-22s %s%n", key, r.getValue(key)));
    }
    return out.toString();
  }

  private static long p(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }

  /** Heap in use, summed over the pools the server's /metrics reports. */
  static long heapUsed(URI base) throws IOException, InterruptedException {
    String metrics =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) sum;
  }

  /** CPU time the process has used, from /proc (user plus system, in clock ticks of 10 ms). */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 10;
  }
}
