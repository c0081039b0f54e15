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

  /** The CPUs of this machine, counted before the generator pins itself to some of them. */
  private static final int MACHINE_CPUS = Runtime.getRuntime().availableProcessors();

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
    String suffix = "";
    int games = 1;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = value(args, ++i);
        case "--jar" -> jar = Path.of(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        // The first game of a fresh server against the same after an unmeasured one.
        case "--warm-up" -> scenario = scenario.withWarmUp(true);
        case "--no-warm-up" -> scenario = scenario.withWarmUp(false);
        // A second result beside the first, e.g. with other server JVM options.
        case "--label" -> suffix = "-" + value(args, ++i);
        // Measure the N-th game of one server, the earlier ones reported beside it.
        case "--games" -> games = Integer.parseInt(value(args, ++i));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (scenario.serverCpus() != null && url == null) {
      pinGenerator(scenario.serverCpus());
    }
    JsonObject report = run(scenario, url, jar, scenario.serverCpus() == null, games);
    report.put("label", suffix.isEmpty() ? null : suffix.substring(1));
    report.put("serverJvm", System.getProperty("bench.serverJvm", ""));
    report.put("serverEnv", System.getProperty("bench.serverEnv", ""));
    Files.createDirectories(out);
    Path file = out.resolve(scenario.name() + suffix + ".json");
    Files.writeString(file, report.encodePrettily() + "\n");
    System.out.println(table(report));
    System.out.println("written " + file + " and " + LatencyPlot.draw(out));
    System.exit(
        report.getLong("errors") == 0
                && report.getLong("answersAcked").equals(report.getLong("answersStored"))
            ? 0
            : 1);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /**
   * Pins this generator (every thread it has; threads started later inherit it) to the CPUs the
   * server is not pinned to, so the two do not share a core.
   */
  private static void pinGenerator(String serverCpus) throws IOException, InterruptedException {
    java.util.Set<Integer> server = cpus(serverCpus);
    int online = MACHINE_CPUS;
    List<String> rest = new ArrayList<>();
    for (int cpu = 0; cpu < online; cpu++) {
      if (!server.contains(cpu)) {
        rest.add(String.valueOf(cpu));
      }
    }
    if (rest.isEmpty()) {
      throw new IllegalStateException(
          "the server is pinned to every CPU ("
              + serverCpus
              + "): no CPU is left for the generator");
    }
    Process pin =
        new ProcessBuilder(
                "taskset",
                "-a",
                "-p",
                "-c",
                String.join(",", rest),
                String.valueOf(ProcessHandle.current().pid()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (pin.waitFor() != 0) {
      throw new IllegalStateException("taskset could not pin the generator to " + rest);
    }
    System.out.println("server on CPU " + serverCpus + ", generator on CPU " + rest);
  }

  /** The CPUs of a taskset list such as {@code 0} or {@code 0,2-3}. */
  static java.util.Set<Integer> cpus(String list) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    for (String part : list.split(",")) {
      String[] range = part.trim().split("-");
      int from = Integer.parseInt(range[0]);
      int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
      for (int cpu = from; cpu <= to; cpu++) {
        out.add(cpu);
      }
    }
    return out;
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
    return run(scenario, url, jar, withBaseline, 1);
  }

  /**
   * The same, measured on the {@code games}-th game the server plays: the earlier ones are played
   * one after another before it, and their main figures reported beside it ({@code earlierGames}),
   * to see whether the first game of a fresh server is as fast as a later one.
   */
  public static JsonObject run(
      Scenario scenario, String url, Path jar, boolean withBaseline, int games) throws Exception {
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
      servers.add(ServerProcess.start(jar, "4g", Map.of(), List.of(), scenario.serverCpus()));
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
      // An unmeasured game first, so that figures describe a running server, not the JIT compiler
      // (the core- scenarios measure the first game of a fresh server unless asked otherwise).
      if (scenario.warmUp()) {
        warmUp(vertx, base, ports);
      }
      JsonArray earlierGames = new JsonArray();
      for (int game = 1; game < games; game++) {
        // Each game starts after a full collection, as the measured one does (for its heap figure).
        heapOf(servers);
        earlierGames.add(earlierGame(vertx, scenario, base, ports, servers).put("game", game));
      }
      long heapBefore = heapOf(servers);
      LoadRun run = new LoadRun(vertx, scenario, base.getHost(), ports);
      long joinStarted = System.nanoTime();
      String hostToken = run.prepare();
      long joinSeconds = (System.nanoTime() - joinStarted) / 1_000_000_000;
      int connectedAfterJoin = run.connected.get();
      long heapPlayers = heapOf(servers);
      long cpuBefore = cpuOf(servers);
      long databaseCpuBefore = databaseCpuOf(servers);
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
      long databaseCpuAfter = databaseCpuOf(servers);
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
                  MACHINE_CPUS
                      + " cores, generator and server on one machine"
                      + (scenario.serverCpus() == null
                          ? ""
                          : ", the server and its PostgreSQL pinned to CPU "
                              + scenario.serverCpus()
                              + ", the generator to the others"))
              .put("firstGameOfFreshServer", !scenario.warmUp() && url == null && games == 1)
              .put("game", games)
              .put("earlierGames", earlierGames)
              .put("joinsPerSecond", scenario.joinsPerSecond())
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
              // The embedded PostgreSQL's processes (the server's descendants) during the game.
              .put("databaseCpuSeconds", (databaseCpuAfter - databaseCpuBefore) / 1000.0)
              .put(
                  "cpuMsPerPlayerQuestion",
                  Math.round(
                          100.0
                              * ((cpuAfter - cpuBefore) + (databaseCpuAfter - databaseCpuBefore))
                              / ((double) players * scenario.questions()))
                      / 100.0)
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

  /** Plays the scenario once and returns its main figures; refuses a game that lost anything. */
  private static JsonObject earlierGame(
      Vertx vertx, Scenario scenario, URI base, List<Integer> ports, List<ServerProcess> servers)
      throws IOException {
    LoadRun game = new LoadRun(vertx, scenario, base.getHost(), ports);
    String token = game.prepare();
    long cpuBefore = cpuOf(servers) + databaseCpuOf(servers);
    game.play();
    long cpuAfter = cpuOf(servers) + databaseCpuOf(servers);
    game.countStored(token);
    game.close();
    if (game.errors.get() > 0 || game.answersStored != game.answersAcked.get()) {
      throw new IllegalStateException(
          "the "
              + scenario.name()
              + " game before the measured one failed: "
              + game.errors.get()
              + " errors "
              + game.errorSamples
              + ", "
              + game.answersAcked.get()
              + " answers acknowledged, "
              + game.answersStored
              + " stored");
    }
    return new JsonObject()
        .put("joinP99Ms", p(game.joinMs, 99))
        .put("ackP50Ms", p(game.ackMs, 50))
        .put("ackP99Ms", p(game.ackMs, 99))
        .put("fanoutP99Ms", p(game.fanoutMs, 99))
        .put("leaderboardP99Ms", p(game.standingsMs, 99))
        .put(
            "cpuMsPerPlayerQuestion",
            Math.round(100.0 * (cpuAfter - cpuBefore) / (scenario.players() * scenario.questions()))
                / 100.0)
        .put("answersStored", game.answersStored);
  }

  /** Plays an unmeasured game, so that the code of both sides is compiled. */
  private static void warmUp(Vertx vertx, URI base, List<Integer> ports) throws IOException {
    earlierGame(vertx, Scenario.WARM_UP, base, ports, List.of());
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

  /**
   * CPU time of the servers' embedded PostgreSQL, in ms: its postmaster (started with the server's
   * data directory; {@code pg_ctl} leaves it a child of init), every process under it, and those of
   * them that have ended (their time is added to the postmaster's children's time).
   */
  private static long databaseCpuOf(List<ServerProcess> servers) throws IOException {
    Map<Long, Long> parents = new java.util.HashMap<>();
    Map<Long, Long> cpu = new java.util.HashMap<>();
    java.util.Set<Long> postmasters = new java.util.HashSet<>();
    List<String> dataDirs = servers.stream().map(s -> s.dataDir().toString()).toList();
    try (var proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        try {
          String stat = Files.readString(dir.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(dir.getFileName().toString());
          parents.put(pid, Long.parseLong(fields[1]));
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          if (stat.contains("(postgres)")) {
            String command = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
            if (dataDirs.stream().anyMatch(command::contains)) {
              postmasters.add(pid);
              // Backends and workers that have ended were charged to it when it reaped them.
              ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
          }
          cpu.put(pid, ticks * 10);
        } catch (IOException | RuntimeException gone) {
          // The process ended while the table was read.
        }
      }
    }
    long sum = 0;
    for (Map.Entry<Long, Long> process : cpu.entrySet()) {
      long up = process.getKey();
      while (up > 1 && !postmasters.contains(up)) {
        up = parents.getOrDefault(up, 0L);
      }
      if (postmasters.contains(up)) {
        sum += process.getValue();
      }
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
            "databaseCpuSeconds",
            "cpuMsPerPlayerQuestion",
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
