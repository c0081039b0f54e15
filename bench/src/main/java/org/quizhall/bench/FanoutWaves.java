package org.quizhall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The question waves of a run: for each room and question, when the copy left the server and when
 * the last copy arrived. Fan-out throughput is the copies delivered per second during which any
 * wave was in flight, so rooms fanning out at the same time are not counted twice.
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

  /** Copies delivered per second of time with at least one wave in flight. */
  long perSecond() {
    List<long[]> spans = new ArrayList<>();
    for (Wave wave : waves.values()) {
      synchronized (wave) {
        spans.add(new long[] {wave.sentAt, Math.max(wave.sentAt + 1, wave.lastReceived)});
      }
    }
    spans.sort((a, b) -> Long.compare(a[0], b[0]));
    long covered = 0;
    long start = Long.MIN_VALUE;
    long end = Long.MIN_VALUE;
    for (long[] span : spans) {
      if (span[0] > end) {
        covered += end - start;
        start = span[0];
        end = span[1];
      } else {
        end = Math.max(end, span[1]);
      }
    }
    covered += end - start;
    return covered <= 0 ? 0 : copies() * 1000 / covered;
  }
}
