package org.quizhall.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.quizhall.game.GameWriter;
import org.quizhall.room.Rooms;
import org.quizhall.ws.Gateway;

/**
 * Quizhall's own figures on {@code /metrics}, beside what Vert.x and the JVM report: read from the
 * parts that keep them when Prometheus scrapes, so nothing is counted twice or on a hot path.
 */
final class QuizhallMetrics {

  private QuizhallMetrics() {}

  static void register(MeterRegistry registry, Rooms rooms, Gateway gateway, GameWriter writer) {
    Gauge.builder("quizhall.rooms.open", rooms, Rooms::openCount)
        .description("Rooms open on this node")
        .register(registry);
    Gauge.builder("quizhall.sockets.open", gateway, Gateway::openSockets)
        .description("WebSockets (players and hosts) open on this node")
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
        .description("Game rows that may wait for the database before rooms refuse new joins and answers")
        .register(registry);
    Gauge.builder("quizhall.database.failing", writer, w -> w.failing() ? 1 : 0)
        .description("1 while writes of game rows fail (the database is away), else 0")
        .register(registry);
    FunctionCounter.builder("quizhall.writes.refused", writer, GameWriter::refusals)
        .description("Joins and answers refused because the rows waiting for the database reached the limit")
        .register(registry);
    FunctionCounter.builder("quizhall.rate.limited", gateway, Gateway::rateLimited)
        .description("Socket messages and room joins refused for coming too fast")
        .register(registry);
  }
}
