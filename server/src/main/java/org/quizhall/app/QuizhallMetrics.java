package org.quizhall.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.quizhall.game.GameWriter;
import org.quizhall.http.LimitHits;
import org.quizhall.room.Rooms;
import org.quizhall.ws.Gateway;

/**
 * Quizhall's own figures on {@code /metrics}, beside what Vert.x and the JVM report: read from the
 * parts that keep them when Prometheus scrapes, so nothing is counted twice or on a hot path.
 */
final class QuizhallMetrics {

  private QuizhallMetrics() {}

  static void register(
      MeterRegistry registry, Rooms rooms, Gateway gateway, GameWriter writer, LimitHits hits) {
    Gauge.builder("quizhall.rooms.open", rooms, Rooms::openCount)
        .description("Rooms open on this node")
        .register(registry);
    Gauge.builder("quizhall.sockets.open", gateway, Gateway::openSockets)
        .description("WebSockets (players and hosts) open on this node")
        .register(registry);
    Gauge.builder("quizhall.players.connected", gateway, Gateway::connectedPlayers)
        .description("Players connected to a room through this node's sockets")
        .register(registry);
    FunctionCounter.builder("quizhall.answers", writer, GameWriter::answersReported)
        .description("Answers accepted by rooms on this node")
        .register(registry);
    Gauge.builder("quizhall.write.queue.rows", writer, GameWriter::pending)
        .description("Game rows (joins, answers, standings) accepted but not yet in the database")
        .register(registry);
    FunctionCounter.builder("quizhall.database.write.failures", writer, GameWriter::failedFlushes)
        .description("Writes of game rows the database failed; each is retried")
        .register(registry);
    Gauge.builder("quizhall.write.queue.limit", writer, GameWriter::limit)
        .description(
            "Game rows that may wait for the database before rooms refuse new joins and answers")
        .register(registry);
    Gauge.builder("quizhall.database.failing", writer, w -> w.failing() ? 1 : 0)
        .description("1 while writes of game rows fail (the database is away), else 0")
        .register(registry);
    FunctionCounter.builder("quizhall.writes.refused", writer, GameWriter::refusals)
        .description(
            "Joins and answers refused because the rows waiting for the database reached the limit")
        .register(registry);
    limited(registry, "socket_messages", gateway, Gateway::limitedMessages);
    limited(registry, "failed_joins", gateway, Gateway::limitedJoins);
    limited(registry, "sign_ins", hits, LimitHits::signIns);
    limited(registry, "sign_ups", hits, LimitHits::signUps);
    limited(registry, "password_changes", hits, LimitHits::passwordChanges);
  }

  /**
   * One series of {@code quizhall_rate_limited_total}: requests refused by one of the rate limits.
   */
  private static <T> void limited(
      MeterRegistry registry,
      String limit,
      T source,
      java.util.function.ToDoubleFunction<T> count) {
    FunctionCounter.builder("quizhall.rate.limited", source, count)
        .tag("limit", limit)
        .description(
            "Requests refused by a rate limit: socket messages over 20/s, joins from an address with too many"
                + " failed joins, sign-ins after too many failures, sign-ups over the hourly cap")
        .register(registry);
  }
}
