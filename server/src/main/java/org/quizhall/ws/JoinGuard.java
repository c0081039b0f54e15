package org.quizhall.ws;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed join attempts (unknown codes, wrong tokens) per address, which is what guessing
 * room codes looks like. Successful joins are not limited: a whole class often shares one address.
 */
final class JoinGuard {

  /** High enough that a class mistyping a code never trips it, far too low for guessing 27^6 codes. */
  static final int MAX_FAILURES = 100;
  static final long WINDOW_MS = 60_000;

  private record Window(long startedAt, int failures) {}

  private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

  boolean blocked(String address, long now) {
    Window window = failures.get(address);
    return window != null && now - window.startedAt() < WINDOW_MS && window.failures() >= MAX_FAILURES;
  }

  void failed(String address, long now) {
    failures.compute(
        address,
        (key, window) ->
            window == null || now - window.startedAt() >= WINDOW_MS
                ? new Window(now, 1)
                : new Window(window.startedAt(), window.failures() + 1));
  }

  /** Forgets windows that have run out, so the map does not grow with every address ever seen. */
  void sweep(long now) {
    failures.values().removeIf(window -> now - window.startedAt() >= WINDOW_MS);
  }
}
