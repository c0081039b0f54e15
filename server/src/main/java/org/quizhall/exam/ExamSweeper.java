package org.quizhall.exam;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits attempts whose time ran out though nobody opened them again (a closed laptop), every few
 * seconds. Deployed as a worker verticle, so a pass with many attempts to judge never holds up an
 * event loop; one pass at a time.
 */
public final class ExamSweeper extends VerticleBase {

  public static final long INTERVAL_MS = 5_000;
  private static final Logger log = LoggerFactory.getLogger(ExamSweeper.class);

  private final Attempts attempts;
  private boolean running;

  public ExamSweeper(Attempts attempts) {
    this.attempts = attempts;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(INTERVAL_MS, id -> sweep());
    return Future.succeededFuture();
  }

  private void sweep() {
    if (running) {
      return;
    }
    running = true;
    attempts
        .sweep()
        .onSuccess(
            n -> {
              if (n > 0) {
                log.info("{} exam attempts submitted as their time ran out", n);
              }
            })
        .onFailure(
            e -> log.warn("exam attempts could not be swept, will try again: {}", e.getMessage()))
        .onComplete(done -> running = false);
  }
}
