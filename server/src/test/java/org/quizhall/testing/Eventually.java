package org.quizhall.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way tests wait for something the server does on its own time (a count going down, a
 * health check turning, a room moving to another node): poll every 20 ms until it holds, and fail
 * naming what was awaited when the limit passes. Messages on a socket are waited for by {@link
 * SocketClient#await}, which takes them from the socket's inbox as they arrive instead.
 */
public final class Eventually {

  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final long POLL_MS = 20;

  private Eventually() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after 30 s. */
  public static void holds(String what, BooleanSupplier condition) {
    holds(what, LIMIT, condition);
  }

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code limit}. */
  public static void holds(String what, Duration limit, BooleanSupplier condition) {
    gives(what, limit, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  /**
   * The first non-null value {@code attempt} gives, trying again every 20 ms; fails naming {@code
   * what} after {@code limit}. An assertion an attempt fails counts as "not yet", and the last one
   * is reported when time runs out. The time left is checked before every attempt, so a slow
   * attempt cannot carry the wait past the limit by starting another after it.
   */
  public static <T> T gives(String what, Duration limit, Supplier<T> attempt) {
    long deadline = System.nanoTime() + limit.toNanos();
    AssertionError last = null;
    while (true) {
      if (deadline - System.nanoTime() <= 0) {
        AssertionError failure =
            new AssertionError("gave up after " + limit.toMillis() + " ms waiting for " + what);
        if (last != null) {
          failure.initCause(last);
        }
        throw failure;
      }
      try {
        T value = attempt.get();
        if (value != null) {
          return value;
        }
      } catch (AssertionError notYet) {
        last = notYet;
      }
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          Thread.sleep(Math.min(POLL_MS, Math.max(1, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + what, e);
        }
      }
    }
  }
}
