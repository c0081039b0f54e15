package org.quizhall.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops the server's PostgreSQL once a game is under way and starts it again a while later, and
 * watches the server meanwhile (every 100 ms): how many answers it took while the database was
 * away, how many rows waited at most, how long readiness said so, and how long after the database
 * came back the waiting rows were all written.
 */
final class Outage {

  private static final long SAMPLE_MS = 100;

  private final ServerProcess.SharedDatabase database;
  private final URI server;
  private final long startAfterMs;
  private final int seconds;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Thread thread;
  private volatile Exception failure;

  private long answersAtStop;
  private long answersAtRestart;
  private long peakQueueRows;
  private long readyDownMs;
  private long firstDownAt;
  private long lastDownAt;
  private long restartMs;
  private long drainMs = -1;

  private Outage(
      ServerProcess.SharedDatabase database, URI server, long startAfterMs, int seconds) {
    this.database = database;
    this.server = server;
    this.startAfterMs = startAfterMs;
    this.seconds = seconds;
    this.thread = new Thread(this::run, "outage");
  }

  /** Starts the clock: the database stops {@code startAfterMs} from now, for {@code seconds}. */
  static Outage begin(
      ServerProcess.SharedDatabase database, URI server, long startAfterMs, int seconds) {
    Outage outage = new Outage(database, server, startAfterMs, seconds);
    outage.thread.setDaemon(true);
    outage.thread.start();
    return outage;
  }

  private void run() {
    try {
      Thread.sleep(startAfterMs);
      answersAtStop = metric("quizhall_answers_total");
      long stopped = System.nanoTime();
      database.stop();
      long restartAt = stopped + seconds * 1_000_000_000L;
      while (System.nanoTime() < restartAt) {
        sample();
        Thread.sleep(SAMPLE_MS);
      }
      answersAtRestart = metric("quizhall_answers_total");
      long restarting = System.nanoTime();
      database.restart();
      long back = System.nanoTime();
      restartMs = (back - restarting) / 1_000_000;
      long deadline = back + 120_000_000_000L;
      while (System.nanoTime() < deadline) {
        sample();
        if (metric("quizhall_write_queue_rows") == 0 && metric("quizhall_database_failing") == 0) {
          drainMs = (System.nanoTime() - back) / 1_000_000;
          return;
        }
        Thread.sleep(SAMPLE_MS / 4);
      }
    } catch (Exception e) {
      failure = e;
    }
  }

  /**
   * Stops the outage wherever it is (the run failed), so that nothing restarts the database behind
   * the clean-up.
   */
  void cancel() throws InterruptedException {
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }

  private void sample() throws IOException, InterruptedException {
    peakQueueRows = Math.max(peakQueueRows, metric("quizhall_write_queue_rows"));
    HttpResponse<Void> ready =
        http.send(
            HttpRequest.newBuilder(server.resolve("/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (ready.statusCode() != 200) {
      long now = System.nanoTime();
      if (firstDownAt == 0) {
        firstDownAt = now;
      }
      lastDownAt = now;
      readyDownMs = (lastDownAt - firstDownAt) / 1_000_000;
    }
  }

  private long metric(String name) throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(server.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String line : body.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new IllegalStateException("the server reports no " + name);
  }

  /** Waits for the database to be back and the rows written; the figures, for the report. */
  JsonObject figures() throws Exception {
    thread.join(TimeUnit.SECONDS.toMillis(seconds + 180));
    if (thread.isAlive()) {
      throw new IllegalStateException(
          "the outage did not end: the database or the writes did not come back in time");
    }
    if (failure != null) {
      throw failure;
    }
    return new JsonObject()
        .put("seconds", seconds)
        .put("answersWhileAway", answersAtRestart - answersAtStop)
        .put("peakWriteQueueRows", peakQueueRows)
        .put("readyDownMs", readyDownMs)
        .put("databaseRestartMs", restartMs)
        .put("drainMsAfterReturn", drainMs);
  }
}
