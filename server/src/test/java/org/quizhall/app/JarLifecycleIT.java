package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: a separate process, the embedded database, real signals. */
@DisplayName("The quizhall.jar process")
class JarLifecycleIT {

  private static final Path JAR =
      Path.of(System.getProperty("quizhall.jar", "target/quizhall.jar"));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> started = new ArrayList<>();

  @TempDir Path work;

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  @DisplayName("keeps its data across a SIGTERM and a restart, stopping cleanly with status 0")
  void dataSurvivesRestart() throws Exception {
    Path data = work.resolve("data");
    int port = freePort();

    Process first = start(data, port, "first.log");
    long firstReadyMs = waitUntilReady(first, port);
    assertThat(
            post(
                port,
                "/api/accounts",
                "{\"username\":\"persistent\",\"password\":\"still here later\"}"))
        .isEqualTo(201);

    first.destroy();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
    assertThat(first.exitValue()).as("exit status after SIGTERM").isZero();
    assertThat(data.resolve("postgres/postmaster.pid"))
        .as("embedded PostgreSQL stopped")
        .doesNotExist();
    assertThat(postgresProcessesFor(data)).as("no PostgreSQL process left behind").isEmpty();
    assertThat(Files.readString(work.resolve("first.log"))).contains("Embedded PostgreSQL stopped");

    Process second = start(data, port, "second.log");
    long restartReadyMs = waitUntilReady(second, port);
    assertThat(
            post(
                port,
                "/api/sessions",
                "{\"username\":\"persistent\",\"password\":\"still here later\"}"))
        .as("the account made before the restart can sign in")
        .isEqualTo(200);
    System.out.printf(
        "startup to ready: first start %d ms, restart with existing data %d ms%n",
        firstReadyMs, restartReadyMs);

    second.destroy();
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();
  }

  @Test
  @DisplayName("starts its embedded PostgreSQL again when it is killed, with every committed row")
  void embeddedDatabaseComesBack() throws Exception {
    Path data = work.resolve("data");
    int port = freePort();
    Process server = start(data, port, "revive.log");
    waitUntilReady(server, port);
    assertThat(
            post(
                port,
                "/api/accounts",
                "{\"username\":\"crash_survivor\",\"password\":\"written just before\"}"))
        .isEqualTo(201);
    long postmaster =
        Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());

    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
    long killed = System.nanoTime();

    while (readiness(port) == 200) {
      assertThat(System.nanoTime() - killed)
          .as("readiness notices the database is gone")
          .isLessThan(TimeUnit.SECONDS.toNanos(10));
      Thread.sleep(50);
    }
    waitUntilReady(server, port);
    long backMs = (System.nanoTime() - killed) / 1_000_000;
    assertThat(
            post(
                port,
                "/api/sessions",
                "{\"username\":\"crash_survivor\",\"password\":\"written just before\"}"))
        .as("the account committed just before the crash signs in")
        .isEqualTo(200);
    assertThat(Files.readString(work.resolve("revive.log")))
        .contains("Embedded PostgreSQL is back");
    System.out.printf("embedded PostgreSQL killed with -9: ready again after %d ms%n", backMs);

    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isZero();
    assertThat(postgresProcessesFor(data)).as("no PostgreSQL process left behind").isEmpty();
  }

  private int readiness(int port) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  @DisplayName("--help prints the settings and exits 0; an unknown argument exits 2")
  void help() throws Exception {
    Process help = run(List.of("--help"), Map.of(), "help.log");
    assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(Files.readString(work.resolve("help.log")))
        .contains("QUIZHALL_DATABASE_URL", "--config");

    Process wrong = run(List.of("--frobnicate"), Map.of(), "wrong.log");
    assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(wrong.exitValue()).isEqualTo(2);
    assertThat(Files.readString(work.resolve("wrong.log")))
        .contains("Unknown argument '--frobnicate'");
  }

  @Test
  @DisplayName("an unreachable external database stops the start with one clear line and status 1")
  void unreachableDatabase() throws Exception {
    int closedPort = freePort();
    Process process =
        run(
            List.of(),
            Map.of(
                "QUIZHALL_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/quizhall",
                "QUIZHALL_HTTP_PORT",
                String.valueOf(freePort())),
            "nodb.log");

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readAllLines(work.resolve("nodb.log")))
        .anySatisfy(line -> assertThat(line).startsWith("quizhall: Database migration failed"));
  }

  private Process start(Path data, int port, String log) throws IOException {
    return run(
        List.of(),
        Map.of(
            "QUIZHALL_DATA_DIR", data.toString(),
            "QUIZHALL_HTTP_PORT", String.valueOf(port),
            "QUIZHALL_HTTP_HOST", "127.0.0.1"),
        log);
  }

  private Process run(List<String> args, Map<String, String> env, String log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("QUIZHALL_"));
    builder.environment().putAll(env);
    File output = work.resolve(log).toFile();
    builder.redirectErrorStream(true).redirectOutput(output);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private long waitUntilReady(Process process, int port) throws Exception {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the server process is still running").isTrue();
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not ready within 90 s");
  }

  private int post(int port, String path, String json) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static List<ProcessHandle> postgresProcessesFor(Path data) {
    String directory = data.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("postgres") && c.contains(directory))
                    .orElse(false))
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
