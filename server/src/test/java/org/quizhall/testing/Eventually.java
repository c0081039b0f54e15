package org.quizhall.testing;

import java.util.function.BooleanSupplier;

/**
 * Waits for something the server does on its own time (a count going down, a health check turning),
 * polling every 20 ms.
 */
public final class Eventually {

  private static final long LIMIT_SECONDS = 30;

  private Eventually() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after 30 s. */
  public static void holds(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_SECONDS * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up after " + LIMIT_SECONDS + " s waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
