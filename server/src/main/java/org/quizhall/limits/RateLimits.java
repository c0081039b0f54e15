package org.quizhall.limits;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.local.LocalBucket;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The buckets behind every {@link Limit}, kept with Bucket4j: in this node's memory, or, when the
 * node is clustered, in a Hazelcast map every node shares, so that guessing spread over the nodes
 * of a cluster counts once. Calls never block: local buckets answer at once, shared ones when
 * Hazelcast does, on the caller's context.
 */
public final class RateLimits {

  /**
   * The Hazelcast map the shared buckets live in. Its entries leave it after {@link #IDLE}
   * untouched (set in the map's configuration, {@code ClusterNode}): every limit's bucket is full
   * again long before.
   */
  public static final String MAP = "quizhall-rate-limits";

  public static final Duration IDLE = Duration.ofHours(2);

  private final TimeMeter time;
  private final ConcurrentHashMap<String, LocalBucket> local;
  private final AsyncProxyManager<String> shared;

  private RateLimits(
      TimeMeter time,
      ConcurrentHashMap<String, LocalBucket> local,
      AsyncProxyManager<String> shared) {
    this.time = time;
    this.local = local;
    this.shared = shared;
  }

  /** Buckets in this node's memory, timed by {@code millis} (the application's clock). */
  public static RateLimits local(LongSupplier millis) {
    return new RateLimits(meter(millis), new ConcurrentHashMap<>(), null);
  }

  /** Buckets shared by every node of the cluster, in {@link #MAP}. */
  public static RateLimits clustered(HazelcastInstance hazelcast, LongSupplier millis) {
    TimeMeter time = meter(millis);
    AsyncProxyManager<String> proxies =
        Bucket4jHazelcast.<String>entryProcessorBasedBuilder(hazelcast.getMap(MAP))
            .clientClock(time)
            .build()
            .asAsync();
    return new RateLimits(time, null, proxies);
  }

  /** A bucket for one socket's messages: confined to that socket, so never shared. */
  public static LocalBucket perConnection(Limit limit) {
    return Bucket.builder().addLimit(bandwidth(limit)).build();
  }

  /**
   * What taking a token gave: {@code waitMs} 0 when it was taken, else how many milliseconds until
   * one is free (and nothing was taken); {@code left} the tokens left after it.
   */
  public record Taken(long waitMs, long left) {
    public boolean taken() {
      return waitMs == 0;
    }
  }

  /** Takes a token for {@code key} under {@code limit}, if one is there. */
  public Future<Taken> take(Limit limit, String key) {
    if (local != null) {
      io.github.bucket4j.ConsumptionProbe probe;
      // Inside compute, so that a sweep cannot drop the bucket between finding it and taking from
      // it.
      io.github.bucket4j.ConsumptionProbe[] result = new io.github.bucket4j.ConsumptionProbe[1];
      local.compute(
          limit.key() + '\u0000' + key,
          (k, bucket) -> {
            LocalBucket b =
                bucket != null
                    ? bucket
                    : Bucket.builder()
                        .addLimit(bandwidth(limit))
                        .withCustomTimePrecision(time)
                        .build();
            result[0] = b.tryConsumeAndReturnRemaining(1);
            return b;
          });
      probe = result[0];
      return Future.succeededFuture(
          new Taken(
              waitOf(probe.getNanosToWaitForRefill(), probe.isConsumed()),
              probe.getRemainingTokens()));
    }
    return future(
        proxy(limit, key)
            .tryConsumeAndReturnRemaining(1)
            .thenApply(
                probe ->
                    new Taken(
                        waitOf(probe.getNanosToWaitForRefill(), probe.isConsumed()),
                        probe.getRemainingTokens())));
  }

  /**
   * How many milliseconds until {@code key} may take a token under {@code limit}; 0 when it may
   * now.
   */
  public Future<Long> waitMs(Limit limit, String key) {
    if (local != null) {
      LocalBucket bucket = local.get(limit.key() + '\u0000' + key);
      if (bucket == null) {
        return Future.succeededFuture(0L);
      }
      io.github.bucket4j.EstimationProbe probe = bucket.estimateAbilityToConsume(1);
      return Future.succeededFuture(
          probe.canBeConsumed() ? 0L : waitOf(probe.getNanosToWaitForRefill(), false));
    }
    // A look must not store a bucket for every key an attacker makes up: only one that exists is
    // asked.
    return future(shared.getProxyConfiguration(limit.key() + '\u0000' + key))
        .compose(
            configuration ->
                configuration.isEmpty()
                    ? Future.succeededFuture(0L)
                    : future(
                        proxy(limit, key)
                            .estimateAbilityToConsume(1)
                            .thenApply(
                                probe ->
                                    probe.canBeConsumed()
                                        ? 0L
                                        : waitOf(probe.getNanosToWaitForRefill(), false))));
  }

  /** Gives one token back (a sign-in counted as failed turned out right). */
  public Future<Void> giveBack(Limit limit, String key) {
    if (local != null) {
      local.computeIfPresent(
          limit.key() + '\u0000' + key,
          (k, bucket) -> {
            bucket.addTokens(1);
            return bucket;
          });
      return Future.succeededFuture();
    }
    return future(proxy(limit, key).addTokens(1));
  }

  /**
   * Fills {@code key}'s bucket again (a right sign-in clears the failures of its name and address).
   */
  public Future<Void> reset(Limit limit, String key) {
    if (local != null) {
      local.remove(limit.key() + '\u0000' + key);
      return Future.succeededFuture();
    }
    return future(proxy(limit, key).reset());
  }

  /**
   * Forgets this node's buckets that are full again, which hold nobody back, so memory does not
   * grow with every address ever seen. Shared buckets expire in Hazelcast by themselves.
   */
  public void sweep() {
    if (local != null) {
      for (String key : local.keySet()) {
        local.computeIfPresent(
            key, (k, bucket) -> bucket.getAvailableTokens() >= capacityOf(k) ? null : bucket);
      }
    }
  }

  /** Buckets this node holds in memory (for tests and the metrics); 0 when they are shared. */
  public int size() {
    return local == null ? 0 : local.size();
  }

  private AsyncBucketProxy proxy(Limit limit, String key) {
    BucketConfiguration configuration =
        BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    return shared
        .builder()
        .build(
            limit.key() + '\u0000' + key,
            () -> java.util.concurrent.CompletableFuture.completedFuture(configuration));
  }

  private static int capacityOf(String key) {
    String name = key.substring(0, key.indexOf('\u0000')).toUpperCase(java.util.Locale.ROOT);
    return Limit.valueOf(name).capacity();
  }

  static Bandwidth bandwidth(Limit limit) {
    var capacity = Bandwidth.builder().capacity(limit.capacity());
    return (limit.perWindow()
            ? capacity.refillIntervally(limit.capacity(), limit.period())
            : capacity.refillGreedy(limit.capacity(), limit.period()))
        .build();
  }

  private static long waitOf(long nanos, boolean consumed) {
    return consumed ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
  }

  private static <T> Future<T> future(CompletionStage<T> stage) {
    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
    return context == null
        ? Future.fromCompletionStage(stage)
        : Future.fromCompletionStage(stage, context);
  }

  private static TimeMeter meter(LongSupplier millis) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return millis.getAsLong() * 1_000_000;
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}
