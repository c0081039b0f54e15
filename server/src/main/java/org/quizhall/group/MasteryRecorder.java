package org.quizhall.group;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.quizhall.game.GameLog;
import org.quizhall.game.GameWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds every answer of a signed-in player into their FSRS memory of that question: wrong is Again,
 * right is Good, right within a quarter of the time is Easy. Answers are queued by the rooms and
 * applied in batches on this recorder's own context.
 */
public final class MasteryRecorder implements GameLog {

  static final long FLUSH_INTERVAL_MS = 200;
  private static final Logger log = LoggerFactory.getLogger(MasteryRecorder.class);

  private record Review(UUID account, String questionId, Fsrs.Rating rating, Instant at) {}

  private final Pool pool;
  private final Fsrs fsrs;
  private final Context context;
  private final ConcurrentLinkedQueue<Review> queue = new ConcurrentLinkedQueue<>();

  /**
   * A batch the database could not take (it was away), tried again first so reviews apply in the
   * order they happened. While the database is away the queue grows only by answers rooms still
   * take, and rooms stop taking them once the game writer's rows (which wait for the same database)
   * reach their limit.
   */
  private List<Review> retry = List.of();

  public MasteryRecorder(Vertx vertx, Pool pool, Fsrs fsrs) {
    this.pool = pool;
    this.fsrs = fsrs;
    this.context = vertx.getOrCreateContext();
    context.runOnContext(v -> schedule());
  }

  /** The rating an answer earns. */
  public static Fsrs.Rating rating(boolean correct, long responseMs, long allowedMs) {
    if (!correct) {
      return Fsrs.Rating.AGAIN;
    }
    return responseMs * 4 < allowedMs ? Fsrs.Rating.EASY : Fsrs.Rating.GOOD;
  }

  /**
   * Derives mastery only: answers themselves are stored by the game writer, whose receipt the room
   * waits for.
   */
  @Override
  public void answerAccepted(AnswerAccepted answer, Receipt receipt) {
    if (answer.accountId() != null) {
      queue.add(
          new Review(
              answer.accountId(),
              answer.questionId(),
              rating(answer.correct(), answer.responseMs(), answer.allowedMs()),
              answer.at()));
    }
  }

  @Override
  public void playerJoined(PlayerJoined joined) {}

  @Override
  public void gameStarted(UUID gameId, Instant at) {}

  @Override
  public void gameFinished(UUID gameId, List<Standing> standings, Instant at) {}

  /**
   * Applies one review now (practice rounds answer one question at a time and want the new card).
   */
  public Future<Fsrs.Card> review(UUID account, String questionId, Fsrs.Rating rating, Instant at) {
    MasteryStore.Key key = new MasteryStore.Key(account, questionId);
    return pool.withTransaction(
        connection ->
            MasteryStore.load(connection, List.of(account), List.of(questionId))
                .compose(
                    cards -> {
                      Fsrs.Card next = fsrs.review(cards.get(key), rating, at);
                      return MasteryStore.save(connection, Map.of(key, next)).map(next);
                    }));
  }

  private void schedule() {
    context.owner().setTimer(FLUSH_INTERVAL_MS, id -> flush());
  }

  private void flush() {
    List<Review> batch = new ArrayList<>(retry);
    retry = List.of();
    Review next;
    while (batch.size() < 5_000 && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      schedule();
      return;
    }
    List<UUID> accounts = batch.stream().map(Review::account).distinct().toList();
    List<String> questions = batch.stream().map(Review::questionId).distinct().toList();
    pool.withTransaction(
            connection ->
                MasteryStore.load(connection, accounts, questions)
                    .compose(
                        cards -> {
                          Map<MasteryStore.Key, Fsrs.Card> changed = new LinkedHashMap<>();
                          for (Review review : batch) {
                            MasteryStore.Key key =
                                new MasteryStore.Key(review.account(), review.questionId());
                            Fsrs.Card card =
                                changed.containsKey(key) ? changed.get(key) : cards.get(key);
                            changed.put(key, fsrs.review(card, review.rating(), review.at()));
                          }
                          return MasteryStore.save(connection, changed);
                        }))
        .onComplete(
            done -> {
              if (done.failed() && GameWriter.isDataError(done.cause())) {
                // Refused for good: retrying would hold every later review back behind it.
                log.error(
                    "Dropped mastery updates for {} answers the database refuses: {}",
                    batch.size(),
                    done.cause().getMessage());
              } else if (done.failed()) {
                log.warn(
                    "Could not update mastery for {} answers, will retry: {}",
                    batch.size(),
                    done.cause().getMessage());
                retry = batch;
              }
              schedule();
            });
  }
}
