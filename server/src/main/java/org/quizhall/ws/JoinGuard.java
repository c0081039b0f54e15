package org.quizhall.ws;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed room look-ups per address (joins, resumes and host sign-ins with unknown codes or
 * wrong tokens over the socket, and QR codes asked for over HTTP), which is what guessing room codes
 * looks like: every place that tells whether a code exists counts here. Successful look-ups are not
 * limited: a whole class often shares one address.
 */
public final class JoinGuard {

  /** High enough that a class mistyping a code never trips it, far too low for guessing 27^6 codes. */
  static final int MAX_FAILURES = 100;
  static final long WINDOW_MS = 60_000;

  private record Window(long startedAt, int failures) {}

  private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

  public boolean blocked(String address, long now) {
    Window window = failures.get(address);
    return window != null && now - window.startedAt() < WINDOW_MS && window.failures() >= MAX_FAILURES;
  }

  public void failed(String address, long now) {
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
