package org.quizhall.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Quizhall server in its own process (on an embedded PostgreSQL), so its CPU and heap are its
 * own.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private ServerProcess(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  static ServerProcess start(Path jar, String heap) throws IOException, InterruptedException {
    return start(jar, heap, java.util.Map.of());
  }

  /** A server with further settings ({@code QUIZHALL_*}) on top, e.g. to join a cluster. */
  static ServerProcess start(Path jar, String heap, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    return start(jar, heap, env, List.of());
  }

  /** The same with further options for the server's JVM. */
  static ServerProcess start(
      Path jar, String heap, java.util.Map<String, String> env, List<String> jvmOptions)
      throws IOException, InterruptedException {
    return start(jar, heap, env, jvmOptions, null);
  }

  /**
   * The same pinned to {@code cpus} (a {@code taskset} list such as {@code 0}), or on every CPU
   * when null. Its embedded PostgreSQL inherits the pinning, so the two share those CPUs as they
   * would on a machine of that size.
   */
  static ServerProcess start(
      Path jar,
      String heap,
      java.util.Map<String, String> env,
      List<String> jvmOptions,
      String cpus)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " does not exist: build it first with mvn -B -DskipTests package");
    }
    Path dataDir = Files.createTempDirectory("quizhall-bench-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    if (cpus != null) {
      // taskset execs the JVM, so the process started is the server's own (its pid, its CPU).
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(jvmOptions);
    // Extra options for the server's JVM, e.g.
    // -Dbench.serverJvm="-XX:StartFlightRecording=filename=/tmp/server.jfr"
    String extra = System.getProperty("bench.serverJvm", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("QUIZHALL_"));
    builder.environment().put("QUIZHALL_DATA_DIR", dataDir.toString());
    builder.environment().put("QUIZHALL_HTTP_PORT", String.valueOf(port));
    builder.environment().put("QUIZHALL_HTTP_HOST", "127.0.0.1");
    builder.environment().put("QUIZHALL_MAX_PLAYERS_PER_ROOM", "10000");
    // One simulated host opens every room of a scenario (250 in many-rooms).
    builder.environment().put("QUIZHALL_OPEN_ROOMS_PER_ACCOUNT", "100000");
    builder.environment().putAll(env);
    // Extra settings for the server, e.g. -Dbench.serverEnv=QUIZHALL_C2_COMPILER=true
    for (String pair : System.getProperty("bench.serverEnv", "").trim().split("\\s+")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        builder.environment().put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
    ServerProcess server = new ServerProcess(builder.start(), port, dataDir);
    server.awaitReady();
    return server;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Path dataDir() {
    return dataDir;
  }

  Path log() {
    return dataDir.resolve("server.log");
  }

  /** The server's resident memory (heap, native memory and code), from /proc, in bytes. */
  long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
  }

  /** Runs a full garbage collection in the server, so heap figures show what is really retained. */
  void collectGarbage() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc =
        new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    gc.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * One embedded PostgreSQL for the nodes of a cluster to share, run by the server jar in its own
   * process ({@code org.quizhall.app.SharedDatabase}); its first line of output says how to
   * connect.
   */
  static final class SharedDatabase implements AutoCloseable {
    private final Path jar;
    private final int port;

    /**
     * Replaced by {@link #restart()} on the outage thread, read by {@link #close()} on the main
     * one.
     */
    private volatile Process process;

    final String url;
    final String user;
    final String password;
    final Path dir;

    private SharedDatabase(Path jar, int port, Process process, String line, Path dir) {
      this.jar = jar;
      this.port = port;
      this.process = process;
      String[] parts = line.split(" ", 3);
      this.url = parts[0];
      this.user = parts[1];
      this.password = parts.length > 2 ? parts[2] : "";
      this.dir = dir;
    }

    static SharedDatabase start(Path jar) throws IOException, InterruptedException {
      return start(jar, 0);
    }

    /**
     * On a fixed port ({@code port} > 0), so that it can be stopped and started under a running
     * server.
     */
    static SharedDatabase start(Path jar, int port) throws IOException, InterruptedException {
      Path dir = Files.createTempDirectory("quizhall-bench-db-");
      Process process = launch(jar, dir, port);
      return new SharedDatabase(
          jar, port, process, Files.readString(dir.resolve("connection.txt")).trim(), dir);
    }

    private static Process launch(Path jar, Path dir, int port)
        throws IOException, InterruptedException {
      Files.deleteIfExists(dir.resolve("connection.txt"));
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  jar.toAbsolutePath().toString(),
                  "org.quizhall.app.SharedDatabase",
                  dir.toString(),
                  String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dir.resolve("database.log").toFile()))
              .start();
      Path connection = dir.resolve("connection.txt");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      try {
        while (!Files.exists(connection)) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the shared database did not start; see " + dir.resolve("database.log"));
          }
          Thread.sleep(50);
        }
      } catch (InterruptedException | RuntimeException e) {
        process.destroyForcibly();
        throw e;
      }
      return process;
    }

    /**
     * Stops PostgreSQL (a clean, fast shutdown: every session is cut) and keeps its data. Blocks.
     */
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }

    /** Starts it again on the same data and port. Blocks until it accepts connections. */
    void restart() throws IOException, InterruptedException {
      if (port <= 0) {
        throw new IllegalStateException(
            "only a database on a fixed port can be restarted under a server");
      }
      process = launch(jar, dir, port);
    }

    @Override
    public void close() throws InterruptedException {
      stop();
      deleteQuietly(dir.toFile());
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited while starting; see " + log());
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server was not ready within 120 s; see " + log());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    deleteQuietly(dataDir.toFile());
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
