package org.quizhall.ws;

/**
 * A token bucket: {@code perSecond} messages a second on average, bursts up to the same number.
 * Confined to one connection's event loop.
 */
final class MessageRate {

  private final double perSecond;
  private double tokens;
  private long lastNanos;

  MessageRate(int perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastNanos = nowNanos;
  }

  boolean tryTake(long nowNanos) {
    double elapsed = (nowNanos - lastNanos) / 1e9;
    lastNanos = nowNanos;
    tokens = Math.min(perSecond, tokens + elapsed * perSecond);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
