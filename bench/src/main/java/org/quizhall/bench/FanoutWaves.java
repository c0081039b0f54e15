package org.quizhall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The question waves of a run: for each room and question, when the copy left the server and when
 * the last copy arrived. Fan-out throughput is the copies delivered per second during which waves
 * were in flight, so rooms fanning out at the same time are not counted twice.
 */
final class FanoutWaves {

  private record Key(String room, int index) {}

  private static final class Wave {
    long sentAt = Long.MAX_VALUE;
    long lastReceived;
    long copies;
  }

  private final ConcurrentHashMap<Key, Wave> waves = new ConcurrentHashMap<>();
  private final AtomicLong copies = new AtomicLong();

  void received(String room, int index, long sentAt, long receivedAt) {
    Wave wave = waves.computeIfAbsent(new Key(room, index), k -> new Wave());
    synchronized (wave) {
      wave.sentAt = Math.min(wave.sentAt, sentAt);
      wave.lastReceived = Math.max(wave.lastReceived, receivedAt);
      wave.copies++;
    }
    copies.incrementAndGet();
  }

  long copies() {
    return copies.get();
  }

  /**
   * Copies delivered per second while the server was busy fanning out: waves that overlap in time
   * are merged into bursts, and only bursts of at least {@code minCopies} copies count. A lone
   * wave of 40 copies takes a couple of milliseconds whatever the server's capacity, so it shows
   * latency, not throughput; 0 when no burst was that large.
   */
  long perSecond(long minCopies) {
    List<long[]> spans = new ArrayList<>();
    for (Wave wave : waves.values()) {
      synchronized (wave) {
        spans.add(new long[] {wave.sentAt, Math.max(wave.sentAt + 1, wave.lastReceived), wave.copies});
      }
    }
    spans.sort((a, b) -> Long.compare(a[0], b[0]));
    long covered = 0;
    long counted = 0;
    long start = 0;
    long end = Long.MIN_VALUE;
    long burst = 0;
    for (long[] span : spans) {
      if (span[0] > end) {
        if (burst >= minCopies) {
          covered += end - start;
          counted += burst;
        }
        start = span[0];
        end = span[1];
        burst = span[2];
      } else {
        end = Math.max(end, span[1]);
        burst += span[2];
      }
    }
    if (burst >= minCopies && end > start) {
      covered += end - start;
      counted += burst;
    }
    return covered <= 0 ? 0 : counted * 1000 / covered;
  }
}
