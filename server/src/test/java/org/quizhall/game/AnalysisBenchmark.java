package org.quizhall.game;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestServer;

/**
 * How fast a deck's item analysis is over a million answers. Not part of {@code mvn verify}: run it
 * with {@code mvn -B -pl server test -Dtest=AnalysisBenchmark -Dquizhall.excludedGroups=
 * -Dsurefire.failIfNoSpecifiedTests=false}. It makes a deck of 500 questions and 1,670 finished
 * games of 30 players and 20 of those questions each (1,002,000 answers, as the leaderboard
 * benchmark's data), reads the analysis once (which folds every game into the item figures, a
 * one-off cost it reports), then times {@code GET /api/decks/{id}/analysis} over HTTP and prints
 * percentiles.
 */
@Tag("benchmark")
class AnalysisBenchmark {

  static final int QUESTIONS = 500;
  static final int GAMES = 1_670;
  static final int PLAYERS = 30;
  static final int PER_GAME = 20;
  static final int WARMUP = 200;
  static final int RUNS = 2_000;

  @Test
  void analysisOverAMillionAnswers() throws Exception {
    Quizhall quizhall = TestServer.start(Clock.systemUTC());
    Vertx vertx = Vertx.vertx();
    Api api = new Api(vertx, quizhall.httpPort());
    try {
      String token = api.signUpAndIn("bench_owner", "a million answers");
      UUID owner = UUID.fromString(api.get("/api/me", token).bodyAsJsonObject().getString("id"));
      long started = System.nanoTime();
      UUID deck = generate(quizhall.pool(), owner);
      long answers =
          quizhall
              .pool()
              .query("SELECT count(*) FROM answers")
              .execute()
              .await()
              .iterator()
              .next()
              .getLong(0);
      quizhall.pool().query("VACUUM ANALYZE").execute().await();
      System.out.printf(
          "generated %,d answers in %.1f s%n", answers, (System.nanoTime() - started) / 1e9);

      long folding = System.nanoTime();
      var first = api.get("/api/decks/" + deck + "/analysis", token);
      if (first.statusCode() != 200) {
        throw new AssertionError(first.bodyAsString());
      }
      double foldSeconds = (System.nanoTime() - folding) / 1e9;
      JsonObject sample = first.bodyAsJsonObject().getJsonArray("questions").getJsonObject(0);

      Histogram histogram = new Histogram(3_600_000_000L, 3);
      for (int i = 0; i < WARMUP + RUNS; i++) {
        long start = System.nanoTime();
        var response = api.get("/api/decks/" + deck + "/analysis", token);
        if (response.statusCode() != 200) {
          throw new AssertionError(response.bodyAsString());
        }
        if (i >= WARMUP) {
          histogram.recordValue((System.nanoTime() - start) / 1000);
        }
      }
      String report =
          String.format(
              "Item analysis of a %d-question deck over %,d answers (%,d games x %d players x %d questions)%n"
                  + "first read, folding every game: %.1f s%n"
                  + "GET /api/decks/{id}/analysis: p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%d runs)%n"
                  + "a question's figures: %s%n",
              QUESTIONS,
              answers,
              GAMES,
              PLAYERS,
              PER_GAME,
              foldSeconds,
              histogram.getValueAtPercentile(50) / 1000.0,
              histogram.getValueAtPercentile(99) / 1000.0,
              histogram.getMaxValue() / 1000.0,
              RUNS,
              sample.encode());
      System.out.print(report);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "analysis-benchmark.txt"), report);
    } finally {
      api.close();
      vertx.close().await();
      quizhall.close();
    }
  }

  /** The data set, made by PostgreSQL itself so a million rows take seconds, not minutes. */
  private static UUID generate(Pool pool, UUID owner) {
    UUID deck =
        pool.preparedQuery(
                "INSERT INTO decks (owner_id, title, notes, seed, question_count, kinds, topics, warnings)"
                    + " VALUES ($1, 'Bench', '', 1, "
                    + QUESTIONS
                    + ", '{\"own\": "
                    + QUESTIONS
                    + "}', '[\"Bench\"]', '[]') RETURNING id")
            .execute(io.vertx.sqlclient.Tuple.of(owner))
            .await()
            .iterator()
            .next()
            .getUUID(0);
    pool.preparedQuery(
            "INSERT INTO deck_questions (deck_id, question_id, position, kind, topic, body, origin)"
                + " SELECT $1, 'q' || n, n, 'own', 'Bench', jsonb_build_object('id', 'q' || n, 'type', 'multiple_choice',"
                + " 'kind', 'own', 'prompt', 'Question ' || n || '?', 'options', jsonb_build_array('A' || n, 'B' || n, 'C' || n,"
                + " 'D' || n), 'correct', 0, 'explanation', '', 'source', jsonb_build_object('line', 0, 'text', '', 'path',"
                + " '[]'::jsonb), 'topic', 'Bench', 'context', '[]'::jsonb), 'added' FROM generate_series(0, "
                + (QUESTIONS - 1)
                + ") n")
        .execute(io.vertx.sqlclient.Tuple.of(deck))
        .await();
    pool.preparedQuery(
            "INSERT INTO games (id, room_code, deck_id, host_id, settings, created_at, started_at, ended_at)"
                + " SELECT gen_random_uuid(), 'BENCH' || k, $1, $2, jsonb_build_object('k', k), t, t, t + interval '10 minutes'"
                + " FROM generate_series(1, "
                + GAMES
                + ") k CROSS JOIN LATERAL (SELECT now() - (k * interval '90 days' / "
                + GAMES
                + ") AS t) times")
        .execute(io.vertx.sqlclient.Tuple.of(deck, owner))
        .await();
    pool.query(
            "INSERT INTO game_questions (game_id, position, question_id, body)"
                + " SELECT g.id, i, dq.question_id, dq.body FROM games g CROSS JOIN generate_series(0, "
                + (PER_GAME - 1)
                + ") i"
                + " JOIN deck_questions dq ON dq.deck_id = g.deck_id AND dq.position = ((g.settings->>'k')::int * "
                + PER_GAME
                + " + i) % "
                + QUESTIONS)
        .execute()
        .await();
    pool.query(
            "INSERT INTO game_players (id, game_id, nickname, resume_hash, joined_at)"
                + " SELECT gen_random_uuid(), g.id, 'P' || p, '\\x00'::bytea, g.started_at"
                + " FROM games g CROSS JOIN generate_series(1, "
                + PLAYERS
                + ") p")
        .execute()
        .await();
    pool.query(
            "INSERT INTO answers (game_id, player_id, question_index, question_id, choice, correct, response_ms, points,"
                + " answered_at)"
                + " SELECT p.game_id, p.id, q.position, q.question_id, c.choice, c.choice = 0, (random() * 20000)::int,"
                + " 0, p.joined_at FROM game_players p JOIN game_questions q ON q.game_id = p.game_id"
                + " CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.6 THEN 0 ELSE 1 + (random() * 2)::int END AS choice"
                + " WHERE p.id IS NOT NULL AND q.position IS NOT NULL) c")
        .execute()
        .await();
    return deck;
  }
}
