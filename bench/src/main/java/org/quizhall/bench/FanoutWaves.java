package org.quizhall.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The question waves of a run: for each room and question, when the copy left the server and when
 * the last copy arrived, from which fan-out capacity is worked out.
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
   * Fan-out capacity: copies delivered per second over the questions whose copies (at least 90% of
   * them) went out in one continuous burst (each room's wave began before the waves already in
   * flight had all arrived), timed from the burst's first send to its last receipt. That is how the
   * bare server is driven, so the two compare. A room that asks alone, or rooms that drifted apart,
   * send a few dozen copies that arrive in a millisecond or two whatever the server's capacity:
   * that shows latency, not throughput. 0 when no question was asked that way.
   */
  long perSecond() {
    java.util.Map<Integer, java.util.List<long[]>> byQuestion = new java.util.TreeMap<>();
    waves.forEach(
        (key, wave) -> {
          synchronized (wave) {
            byQuestion
                .computeIfAbsent(key.index(), i -> new java.util.ArrayList<>())
                .add(
                    new long[] {
                      wave.sentAt, Math.max(wave.sentAt + 1, wave.lastReceived), wave.copies
                    });
          }
        });
    long copies = 0;
    long millis = 0;
    for (java.util.List<long[]> question : byQuestion.values()) {
      question.sort((a, b) -> Long.compare(a[0], b[0]));
      long total = question.stream().mapToLong(w -> w[2]).sum();
      // The biggest burst of this question: waves chained by overlapping in time.
      long bestCopies = 0;
      long bestMillis = 0;
      long start = question.get(0)[0];
      long end = question.get(0)[1];
      long sum = 0;
      for (long[] wave : question) {
        if (wave[0] > end) {
          if (sum > bestCopies) {
            bestCopies = sum;
            bestMillis = end - start;
          }
          start = wave[0];
          end = wave[1];
          sum = 0;
        }
        end = Math.max(end, wave[1]);
        sum += wave[2];
      }
      if (sum > bestCopies) {
        bestCopies = sum;
        bestMillis = end - start;
      }
      // Counted when nearly every copy of the question went out in that one burst (a straggling
      // room that started late does not disqualify the question).
      if (bestCopies * 10 >= total * 9) {
        copies += bestCopies;
        millis += bestMillis;
      }
    }
    return millis == 0 ? 0 : copies * 1000 / millis;
  }
}
