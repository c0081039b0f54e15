package org.quizhall.deck;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quizhall.problem.Problem;

/**
 * Where notes become decks, and question files are read and written: a small worker pool of its
 * own, so that a heavy import never waits behind password hashing or holds up a sign-in, with a cap
 * on imports in flight (per account and in all) and a deadline. A caller past the deadline is told
 * so at once; the work itself runs on (reading is linear in the size of the notes or file, which is
 * bounded; reading an uploaded document checks the same deadline and stops there), and its slot is
 * only given back when it ends, so nobody can pile up work by retrying.
 */
public final class ImportQueue {

  public static final int THREADS = 2;
  public static final int PER_ACCOUNT = 2;
  public static final int IN_ALL = 16;
  public static final Duration DEADLINE = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final WorkerExecutor executor;
  private final Timer timer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentHashMap<UUID, Integer> perAccount = new ConcurrentHashMap<>();

  public ImportQueue(Vertx vertx, MeterRegistry registry) {
    this.vertx = vertx;
    this.executor =
        vertx.createSharedWorkerExecutor(
            "quizhall-imports", THREADS, DEADLINE.toSeconds() * 3, TimeUnit.SECONDS);
    this.timer =
        Timer.builder("quizhall.deck.import")
            .description(
                "Time to read notes and generate a deck, or to read or write a question file, from the"
                    + " start of the work to its end")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** Runs {@code work} for {@code account} (null for the shipped samples, which are not capped). */
  <T> Future<T> run(UUID account, Callable<T> work) {
    if (inFlight.incrementAndGet() > IN_ALL) {
      inFlight.decrementAndGet();
      return Future.failedFuture(
          new Problem(
              Problem.Kind.UNAVAILABLE,
              "imports_busy",
              "The server is reading many notes and files at the moment: try again in a few seconds."));
    }
    if (account != null && perAccount.merge(account, 1, Integer::sum) > PER_ACCOUNT) {
      release(account);
      return Future.failedFuture(
          new Problem(
              Problem.Kind.TOO_MANY_REQUESTS,
              "imports_busy",
              "You already have " + PER_ACCOUNT + " imports under way: wait for them to finish."));
    }
    Promise<T> result = Promise.promise();
    long deadline =
        vertx.setTimer(
            DEADLINE.toMillis(),
            id ->
                result.tryFail(
                    new Problem(
                        Problem.Kind.UNPROCESSABLE,
                        "import_too_slow",
                        "The notes or file were not read within "
                            + DEADLINE.toSeconds()
                            + " seconds (the server may be busy with others): try again, or split them into smaller decks.")));
    long started = System.nanoTime();
    executor
        .executeBlocking(work, false)
        .onComplete(
            done -> {
              timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
              vertx.cancelTimer(deadline);
              release(account);
              if (done.succeeded()) {
                result.tryComplete(done.result());
              } else {
                result.tryFail(done.cause());
              }
            });
    return result.future();
  }

  private void release(UUID account) {
    inFlight.decrementAndGet();
    if (account != null) {
      perAccount.computeIfPresent(account, (k, n) -> n <= 1 ? null : n - 1);
    }
  }
}
