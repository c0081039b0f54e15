package org.quizhall.game;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what rooms report in batches, off every room's thread: rooms enqueue and return at once.
 * Group commit: when nothing is being written, a row is written at once; rows that arrive while a
 * transaction is in flight go together in the next one, in the order they happened. So an answer is
 * stored within one commit when the server is quiet and batches grow with load. Each answer's
 * receipt is told once its transaction committed (the room acknowledges the answer only then). A
 * failed flush keeps its rows and tries again, so no accepted answer is dropped.
 *
 * <p>While the database is away rows wait in memory, up to {@code limit} of them; past that, {@link
 * #hasRoom()} says no and rooms refuse new joins and answers until the rows are written. Game
 * starts and ends are always taken (two per game, and a game must be able to end).
 */
public final class GameWriter implements GameLog {

  /** The first wait before retrying a failed flush; it doubles up to {@link #RETRY_MAX_MS}. */
  static final long RETRY_FIRST_MS = 50;

  static final int MAX_BATCH = 2_000;
  static final long DRAIN_TIMEOUT_MS = 5_000;
  private static final long RETRY_MAX_MS = 2_000;

  /**
   * Rows that may wait for the database by default: about 200 s of 10,000 players answering, some
   * 40 MB.
   */
  public static final int DEFAULT_LIMIT = 100_000;

  private static final Logger log = LoggerFactory.getLogger(GameWriter.class);

  private sealed interface Write permits Joined, Started, Answered, Finished {
    long seq();
  }

  private record Joined(long seq, PlayerJoined joined) implements Write {}

  private record Started(long seq, UUID gameId, Instant at) implements Write {}

  /**
   * {@code caller} is the room's context, where the receipt runs; null when reported from
   * elsewhere.
   */
  private record Answered(long seq, AnswerAccepted answer, Context caller, Receipt receipt)
      implements Write {}

  private record Finished(long seq, UUID gameId, List<Standing> standings, Instant at)
      implements Write {}

  private record Waiter(long seq, Promise<Void> promise) {}

  private final Pool pool;
  private final Context context;
  private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong enqueued = new AtomicLong();
  private final PriorityQueue<Waiter> waiters =
      new PriorityQueue<>((a, b) -> Long.compare(a.seq, b.seq));
  private final List<Write> retry = new ArrayList<>();
  private volatile long written;
  private long retryDelayMs = RETRY_FIRST_MS;

  /**
   * A flush is scheduled, running or waiting to retry; rows added meanwhile wait for it to finish.
   */
  private final AtomicBoolean flushing = new AtomicBoolean();

  /** Answers reported, and flushes the database failed; read by the metrics. */
  private final AtomicLong answersReported = new AtomicLong();

  private final AtomicLong failedFlushes = new AtomicLong();
  private final AtomicLong refusals = new AtomicLong();

  /**
   * The last flush failed because the database did not answer; cleared by the next one that
   * succeeds.
   */
  private volatile boolean failing;

  private final int limit;

  public GameWriter(Vertx vertx, Pool pool) {
    this(vertx, pool, DEFAULT_LIMIT);
  }

  public GameWriter(Vertx vertx, Pool pool, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.pool = pool;
    this.context = vertx.getOrCreateContext();
    this.limit = limit;
  }

  @Override
  public void playerJoined(PlayerJoined joined) {
    add(seq -> new Joined(seq, joined));
  }

  @Override
  public void gameStarted(UUID gameId, Instant at) {
    add(seq -> new Started(seq, gameId, at));
  }

  @Override
  public void answerAccepted(AnswerAccepted answer, Receipt receipt) {
    Context caller = Vertx.currentContext();
    answersReported.incrementAndGet();
    add(seq -> new Answered(seq, answer, caller, receipt));
  }

  @Override
  public void gameFinished(UUID gameId, List<Standing> standings, Instant at) {
    List<Standing> copy = List.copyOf(standings);
    add(seq -> new Finished(seq, gameId, copy, at));
  }

  /**
   * False once {@link #limit()} rows are waiting; rooms ask before they take a join or an answer.
   */
  @Override
  public boolean hasRoom() {
    return pending() < limit;
  }

  @Override
  public void refused() {
    refusals.incrementAndGet();
  }

  /** The most rows that may wait for the database. */
  public int limit() {
    return limit;
  }

  /** Joins and answers refused because the queue was full. */
  public long refusals() {
    return refusals.get();
  }

  /** True from a write the database failed to answer until the next write succeeds. */
  public boolean failing() {
    return failing;
  }

  /** Answers reported since start. */
  public long answersReported() {
    return answersReported.get();
  }

  /** Flushes that failed (the database refused or did not answer) since start; each is retried. */
  public long failedFlushes() {
    return failedFlushes.get();
  }

  /** Rows reported but not yet written. */
  public long pending() {
    return enqueued.get() - written;
  }

  /** Completes once everything reported before this call is in the database. */
  public Future<Void> drained() {
    long target = enqueued.get();
    Promise<Void> promise = Promise.promise();
    context.runOnContext(
        v -> {
          if (written >= target) {
            promise.complete();
          } else {
            waiters.add(new Waiter(target, promise));
          }
        });
    return promise.future();
  }

  /**
   * Like {@link #drained()}, but gives up with a clear problem when the database does not keep up.
   */
  public Future<Void> drainedWithin() {
    return drained()
        .timeout(DRAIN_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(org.quizhall.problem.Outages.databaseUnavailable()));
  }

  private void add(LongFunction<Write> write) {
    synchronized (this) {
      // Numbered and queued under one lock, so the queue order is the numbering order.
      queue.add(write.apply(enqueued.incrementAndGet()));
    }
    kick();
  }

  /** Starts a flush unless one is already under way (it will pick the new rows up when it ends). */
  private void kick() {
    if (flushing.compareAndSet(false, true)) {
      context.runOnContext(v -> flush());
    }
  }

  private void flush() {
    List<Write> batch = new ArrayList<>(retry);
    retry.clear();
    Write next;
    while (batch.size() < MAX_BATCH && (next = queue.peek()) != null) {
      batch.add(queue.poll());
    }
    if (batch.isEmpty()) {
      idle();
      return;
    }
    long last = batch.get(batch.size() - 1).seq();
    pool.withTransaction(connection -> write(connection, batch))
        .onComplete(
            result -> {
              if (result.succeeded()) {
                if (failing) {
                  failing = false;
                  log.info(
                      "The database is back: writing the {} game rows that waited for it",
                      pending());
                }
                written = last;
                retryDelayMs = RETRY_FIRST_MS;
                receipts(batch, batch.size(), null);
                completeWaiters();
                flush();
              } else if (isDataError(result.cause())) {
                // One bad row must not hold back the rest: write them one by one, dropping only the
                // bad ones.
                List<Write> refused = new ArrayList<>();
                writeOneByOne(batch, 0, refused)
                    .onComplete(
                        done -> {
                          int count = done.result();
                          if (count > 0) {
                            failing = false;
                            written = batch.get(count - 1).seq();
                            receipts(batch, count, refused);
                            completeWaiters();
                          }
                          if (count == batch.size()) {
                            retryDelayMs = RETRY_FIRST_MS;
                            flush();
                          } else {
                            // The database went away part way: the rest waits, as after any failed
                            // flush.
                            failedFlushes.incrementAndGet();
                            failing = true;
                            retryDelayMs = Math.min(RETRY_MAX_MS, retryDelayMs * 2);
                            context.owner().setTimer(retryDelayMs, id -> flush());
                          }
                        });
              } else {
                failedFlushes.incrementAndGet();
                if (!failing) {
                  // Once per outage: the rows wait in memory (up to the limit) and are retried
                  // every few seconds.
                  log.warn(
                      "Writing {} game rows failed; they wait and are retried: {}",
                      batch.size(),
                      result.cause().getMessage());
                }
                failing = true;
                retry.addAll(batch);
                retryDelayMs = Math.min(RETRY_MAX_MS, retryDelayMs * 2);
                context.owner().setTimer(retryDelayMs, id -> flush());
              }
            });
  }

  /** Nothing left to write: lets the next row start a flush, unless one slipped in just now. */
  private void idle() {
    flushing.set(false);
    if (!queue.isEmpty()) {
      kick();
    }
  }

  /**
   * Tells the rooms about the first {@code count} rows of a written batch: stored, or refused for
   * good.
   */
  private static void receipts(List<Write> batch, int count, List<Write> refused) {
    for (int i = 0; i < count; i++) {
      if (batch.get(i) instanceof Answered answered) {
        boolean stored = refused == null || !refused.contains(answered);
        if (answered.caller() == null) {
          answered.receipt().stored(stored);
        } else {
          answered.caller().runOnContext(v -> answered.receipt().stored(stored));
        }
      }
    }
  }

  /**
   * Writes rows one at a time from {@code from}; returns how many rows are done (written or, in
   * {@code refused}, dropped).
   */
  private Future<Integer> writeOneByOne(List<Write> batch, int from, List<Write> refused) {
    if (from >= batch.size()) {
      return Future.succeededFuture(from);
    }
    Write row = batch.get(from);
    return pool.withTransaction(connection -> write(connection, List.of(row)))
        .transform(
            result -> {
              if (result.succeeded() || isDataError(result.cause())) {
                if (result.failed()) {
                  log.error(
                      "Dropped a game row the database refuses ({}): {}",
                      row.getClass().getSimpleName(),
                      result.cause().getMessage());
                  refused.add(row);
                }
                return writeOneByOne(batch, from + 1, refused);
              }
              // The database went away part way: what is left waits for the next flush.
              retry.addAll(batch.subList(from, batch.size()));
              return Future.succeededFuture(from);
            });
  }

  /**
   * Integrity and data errors (SQLSTATE classes 22 and 23) fail the same way however often they are
   * retried.
   */
  public static boolean isDataError(Throwable e) {
    return e instanceof PgException pg
        && pg.getSqlState() != null
        && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
  }

  private void completeWaiters() {
    while (!waiters.isEmpty() && waiters.peek().seq() <= written) {
      waiters.poll().promise().complete();
    }
  }

  private static Future<Void> write(SqlConnection connection, List<Write> batch) {
    List<Tuple> joined = new ArrayList<>();
    List<Tuple> started = new ArrayList<>();
    List<Tuple> answered = new ArrayList<>();
    List<Tuple> finishedGames = new ArrayList<>();
    List<Tuple> standings = new ArrayList<>();
    for (Write write : batch) {
      if (write instanceof Joined j) {
        PlayerJoined p = j.joined();
        joined.add(
            Tuple.of(
                p.playerId(),
                p.gameId(),
                p.nickname(),
                p.accountId(),
                Buffer.buffer(p.resumeDigest()),
                utc(p.joinedAt())));
      } else if (write instanceof Started s) {
        started.add(Tuple.of(s.gameId(), utc(s.at())));
      } else if (write instanceof Answered a) {
        AnswerAccepted x = a.answer();
        answered.add(
            Tuple.tuple()
                .addUUID(x.gameId())
                .addUUID(x.playerId())
                .addInteger(x.questionIndex())
                .addString(x.questionId())
                .addInteger(x.response().choice())
                .addString(x.response().text())
                .addBoolean(x.correct())
                .addInteger((int) Math.min(Integer.MAX_VALUE, x.responseMs()))
                .addInteger(x.points())
                .addValue(utc(x.at()))
                .addArrayOfInteger(x.response().choiceArray()));
      } else if (write instanceof Finished f) {
        finishedGames.add(Tuple.of(f.gameId(), utc(f.at())));
        for (Standing s : f.standings()) {
          standings.add(
              Tuple.tuple()
                  .addUUID(s.playerId())
                  .addInteger(s.rank())
                  .addInteger(s.score())
                  .addInteger(s.correctCount())
                  .addInteger(s.answeredCount())
                  .addLong(s.totalResponseMs())
                  .addInteger(s.bestStreak()));
        }
      }
    }
    Future<?> chain = Future.succeededFuture();
    chain = batch(chain, connection, joined, GameSql.INSERT_PLAYER);
    chain = batch(chain, connection, started, GameSql.MARK_STARTED);
    chain = batch(chain, connection, answered, GameSql.INSERT_ANSWER);
    chain = batch(chain, connection, finishedGames, GameSql.MARK_ENDED);
    chain = batch(chain, connection, standings, GameSql.SET_STANDING);
    return chain.mapEmpty();
  }

  private static Future<?> batch(
      Future<?> after, SqlConnection connection, List<Tuple> rows, String sql) {
    if (rows.isEmpty()) {
      return after;
    }
    return after.compose(v -> connection.preparedQuery(sql).executeBatch(rows));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
