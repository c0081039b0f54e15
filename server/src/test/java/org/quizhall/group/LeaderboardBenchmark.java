package org.quizhall.group;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Migrations;
import org.quizhall.game.GameHistory;
import org.quizhall.testing.TestDatabase;

/**
 * How fast a group leaderboard is over a million stored answers. Not part of {@code mvn verify}:
 * run it with {@code mvn -B -pl server -am test -Dtest=LeaderboardBenchmark
 * -Dquizhall.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}. It generates its own data
 * set: 10 groups of 30 members, 167 games each over the last 90 days, 20 questions a game
 * (1,002,000 answers), then times the leaderboard query the server runs, through the same reactive
 * client, and prints percentiles.
 */
@Tag("benchmark")
class LeaderboardBenchmark {

  static final int GROUPS = 10;
  static final int MEMBERS = 30;
  static final int GAMES_PER_GROUP = 167;
  static final int QUESTIONS = 20;
  static final int WARMUP = 200;
  static final int RUNS = 2_000;

  @Test
  void groupLeaderboardOverAMillionAnswers() throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    Migrations.migrate(database);
    Vertx vertx = Vertx.vertx();
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(4))
            .connectingTo(database.connectOptions())
            .using(vertx)
            .build();
    try {
      long started = System.nanoTime();
      generate(pool);
      long answers =
          pool.query("SELECT count(*) FROM answers").execute().await().iterator().next().getLong(0);
      pool.query("VACUUM ANALYZE").execute().await();
      System.out.printf(
          "generated %,d answers in %.1f s%n", answers, (System.nanoTime() - started) / 1e9);

      UUID group =
          pool.query("SELECT id FROM study_groups ORDER BY name LIMIT 1")
              .execute()
              .await()
              .iterator()
              .next()
              .getUUID(0);
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              "Group leaderboard over %,d answers (%d groups x %d members, %d games each)%n",
              answers, GROUPS, MEMBERS, GAMES_PER_GROUP));
      for (Leaderboards.Period period : Leaderboards.Period.values()) {
        for (String order : new String[] {"points", "accuracy"}) {
          Histogram histogram = time(pool, group, period, order);
          String line =
              String.format(
                  "period=%-5s by=%-8s p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%d runs)%n",
                  period.name().toLowerCase(),
                  order,
                  histogram.getValueAtPercentile(50) / 1000.0,
                  histogram.getValueAtPercentile(99) / 1000.0,
                  histogram.getMaxValue() / 1000.0,
                  RUNS);
          report.append(line);
        }
      }
      String plan =
          pool.preparedQuery("EXPLAIN ANALYZE " + GameHistory.groupStandingsSql(false))
              .execute(Tuple.of(group, Instant.EPOCH.atOffset(ZoneOffset.UTC)))
              .await()
              .iterator()
              .next()
              .getString(0);
      System.out.print(report);
      System.out.println("first plan line: " + plan);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "leaderboard-benchmark.txt"), report.toString());
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  private static Histogram time(Pool pool, UUID group, Leaderboards.Period period, String order) {
    Instant since =
        switch (period) {
          case WEEK -> Instant.now().minusSeconds(7 * 86400);
          case MONTH -> Instant.now().minusSeconds(30 * 86400);
          case ALL -> Instant.EPOCH;
        };
    String sql = GameHistory.groupStandingsSql(!order.equals("points"));
    Tuple args = Tuple.of(group, since.atOffset(ZoneOffset.UTC));
    Histogram histogram = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < WARMUP + RUNS; i++) {
      long start = System.nanoTime();
      pool.preparedQuery(sql).execute(args).await();
      if (i >= WARMUP) {
        histogram.recordValue((System.nanoTime() - start) / 1000);
      }
    }
    return histogram;
  }

  /** The data set, made by PostgreSQL itself so a million rows take seconds, not minutes. */
  private static void generate(Pool pool) {
    pool.query(
            "INSERT INTO accounts (username, password_hash)"
                + " SELECT 'bench_' || n, 'x' FROM generate_series(1, "
                + GROUPS * MEMBERS
                + ") n")
        .execute()
        .await();
    pool.query(
            "INSERT INTO study_groups (name, owner_id, invite_code)"
                + " SELECT 'group ' || lpad(g::text, 2, '0'), (SELECT id FROM accounts WHERE username = 'bench_' || ((g - 1) * "
                + MEMBERS
                + " + 1)), 'INVITE' || g FROM generate_series(1, "
                + GROUPS
                + ") g")
        .execute()
        .await();
    pool.query(
            "INSERT INTO group_members (group_id, account_id, role)"
                + " SELECT sg.id, a.id, CASE WHEN m = 1 THEN 'owner' ELSE 'member' END"
                + " FROM generate_series(1, "
                + GROUPS
                + ") g CROSS JOIN generate_series(1, "
                + MEMBERS
                + ") m"
                + " JOIN study_groups sg ON sg.invite_code = 'INVITE' || g"
                + " JOIN accounts a ON a.username = 'bench_' || ((g - 1) * "
                + MEMBERS
                + " + m)")
        .execute()
        .await();
    pool.query(
            "INSERT INTO games (id, room_code, host_id, settings, group_id, created_at, started_at, ended_at)"
                + " SELECT gen_random_uuid(), 'BENCH' || k, sg.owner_id, '{}'::jsonb, sg.id, t, t, t + interval '10 minutes'"
                + " FROM study_groups sg CROSS JOIN generate_series(1, "
                + GAMES_PER_GROUP
                + ") k"
                + " CROSS JOIN LATERAL (SELECT now() - (k * interval '90 days' / "
                + GAMES_PER_GROUP
                + ") AS t) times")
        .execute()
        .await();
    pool.query(
            "INSERT INTO game_players (id, game_id, nickname, account_id, resume_hash, joined_at,"
                + " final_rank, final_score, correct_count, answered_count, total_response_ms, best_streak)"
                + " SELECT gen_random_uuid(), g.id, a.username, a.id, '\\x00'::bytea, g.started_at,"
                + " 1 + (random() * 29)::int, (random() * 20000)::int, (random() * 20)::int, "
                + QUESTIONS
                + ","
                + " (random() * 200000)::bigint, (random() * 10)::int"
                + " FROM games g JOIN group_members m ON m.group_id = g.group_id JOIN accounts a ON a.id = m.account_id")
        .execute()
        .await();
    pool.query(
            "INSERT INTO answers (game_id, player_id, question_index, question_id, choice, correct, response_ms, points,"
                + " answered_at)"
                + " SELECT p.game_id, p.id, q, 'q' || q, (random() * 3)::int, random() < 0.6, (random() * 20000)::int,"
                + " (random() * 1500)::int, p.joined_at"
                + " FROM game_players p CROSS JOIN generate_series(0, "
                + (QUESTIONS - 1)
                + ") q")
        .execute()
        .await();
  }
}
