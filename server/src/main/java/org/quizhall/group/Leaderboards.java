package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.UUID;
import org.quizhall.game.GameWriter;
import org.quizhall.problem.Problem;

/**
 * Standings that outlast a game: per group (this week, this month, all time; by points or by
 * accuracy), per deck (best games) and per person. They read the per-game totals each player's
 * row keeps once a game ends, so a leaderboard adds up games, not every single answer.
 */
public final class Leaderboards {

  public enum Period {
    WEEK,
    MONTH,
    ALL;

    static Period parse(String text) {
      try {
        return text == null ? WEEK : valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Problem.invalid("invalid_period", "period is week, month or all.");
      }
    }
  }

  static final int LIMIT = 100;

  /** The group leaderboard query: members' finished games in the group since a moment. */
  static final String GROUP_SQL =
      "SELECT a.username, sum(p.final_score)::bigint AS points, sum(p.correct_count)::bigint AS correct,"
          + " sum(p.answered_count)::bigint AS answered, count(*)::int AS games, max(p.best_streak) AS best_streak"
          + " FROM games g"
          + " JOIN game_players p ON p.game_id = g.id"
          + " JOIN group_members m ON m.group_id = g.group_id AND m.account_id = p.account_id"
          + " JOIN accounts a ON a.id = p.account_id"
          + " WHERE g.group_id = $1 AND g.ended_at >= $2 AND p.final_score IS NOT NULL"
          + " GROUP BY a.username"
          + " ORDER BY %s LIMIT " + LIMIT;

  static final String BY_POINTS = "points DESC, correct DESC, a.username";
  static final String BY_ACCURACY =
      "(sum(p.correct_count)::float8 / greatest(sum(p.answered_count), 1)) DESC, answered DESC, a.username";

  private final Pool pool;
  private final Groups groups;
  private final GameWriter writer;
  private final Clock clock;

  /** {@code writer} is waited for, so that a game that has just ended is already counted. */
  public Leaderboards(Pool pool, Groups groups, GameWriter writer, Clock clock) {
    this.pool = pool;
    this.groups = groups;
    this.writer = writer;
    this.clock = clock;
  }

  public Future<JsonObject> group(UUID groupId, UUID account, String periodText, String byText) {
    Period period = Period.parse(periodText);
    boolean byAccuracy = "accuracy".equals(byText);
    if (byText != null && !byAccuracy && !"points".equals(byText)) {
      return Future.failedFuture(Problem.invalid("invalid_order", "by is points or accuracy."));
    }
    Instant since = since(period);
    return groups
        .asMember(groupId, account)
        .compose(member -> writer.drainedWithin())
        .compose(
            group ->
                pool.preparedQuery(String.format(GROUP_SQL, byAccuracy ? BY_ACCURACY : BY_POINTS))
                    .execute(Tuple.of(groupId, since.atOffset(ZoneOffset.UTC))))
        .map(
            rows -> {
              JsonArray entries = new JsonArray();
              int rank = 0;
              for (Row row : rows) {
                long answered = row.getLong("answered");
                entries.add(
                    new JsonObject()
                        .put("rank", ++rank)
                        .put("username", row.getString("username"))
                        .put("points", row.getLong("points"))
                        .put("accuracy", accuracy(row.getLong("correct"), answered))
                        .put("games", row.getInteger("games"))
                        .put("bestStreak", row.getInteger("best_streak")));
              }
              return new JsonObject()
                  .put("period", period.name().toLowerCase(Locale.ROOT))
                  .put("by", byAccuracy ? "accuracy" : "points")
                  .put("since", since.toString())
                  .put("entries", entries);
            });
  }

  /** The best games played on a deck, for anyone who may see the deck. */
  public Future<JsonArray> deck(UUID deckId) {
    return writer.drainedWithin().compose(settled -> pool.preparedQuery(
            "SELECT p.nickname, p.final_score, p.correct_count, p.answered_count, g.ended_at FROM games g"
                + " JOIN game_players p ON p.game_id = g.id"
                + " WHERE g.deck_id = $1 AND g.group_id IS NULL AND g.ended_at <= now()"
                + " AND p.final_score IS NOT NULL AND NOT p.self_paced"
                + " ORDER BY p.final_score DESC, g.ended_at LIMIT 20")
        .execute(Tuple.of(deckId))
        .map(
            rows -> {
              JsonArray best = new JsonArray();
              int rank = 0;
              for (Row row : rows) {
                int answered = row.getInteger("answered_count");
                best.add(
                    new JsonObject()
                        .put("rank", ++rank)
                        .put("nickname", row.getString("nickname"))
                        .put("score", row.getInteger("final_score"))
                        .put("accuracy", accuracy(row.getInteger("correct_count"), answered))
                        .put("playedAt", row.getOffsetDateTime("ended_at").toInstant().toString()));
              }
              return best;
            }));
  }

  /** One person's record: games played, accuracy, best streak and recent games. */
  public Future<JsonObject> person(UUID account) {
    return writer.drainedWithin().compose(settled -> personNow(account));
  }

  private Future<JsonObject> personNow(UUID account) {
    Future<Row> totals =
        pool.preparedQuery(
                "SELECT count(*)::int AS games, coalesce(sum(p.final_score), 0)::bigint AS points,"
                    + " coalesce(sum(p.correct_count), 0)::bigint AS correct,"
                    + " coalesce(sum(p.answered_count), 0)::bigint AS answered,"
                    + " coalesce(max(p.best_streak), 0)::int AS best_streak"
                    + " FROM game_players p WHERE p.account_id = $1 AND p.final_score IS NOT NULL")
            .execute(Tuple.of(account))
            .map(rows -> rows.iterator().next());
    Future<JsonArray> history =
        pool.preparedQuery(
                "SELECT g.id, g.room_code, d.title, p.nickname, p.final_rank, p.final_score, p.correct_count,"
                    + " p.answered_count, g.ended_at,"
                    + " (SELECT count(*) FROM game_players o WHERE o.game_id = g.id)::int AS players"
                    + " FROM game_players p JOIN games g ON g.id = p.game_id LEFT JOIN decks d ON d.id = g.deck_id"
                    + " WHERE p.account_id = $1 AND g.ended_at <= now() ORDER BY g.ended_at DESC LIMIT 50")
            .execute(Tuple.of(account))
            .map(
                rows -> {
                  JsonArray games = new JsonArray();
                  for (Row row : rows) {
                    games.add(
                        new JsonObject()
                            .put("gameId", row.getUUID("id").toString())
                            .put("roomCode", row.getString("room_code"))
                            .put("deck", row.getString("title"))
                            .put("nickname", row.getString("nickname"))
                            .put("rank", row.getInteger("final_rank"))
                            .put("players", row.getInteger("players"))
                            .put("score", row.getInteger("final_score"))
                            .put("correct", row.getInteger("correct_count"))
                            .put("answered", row.getInteger("answered_count"))
                            .put("playedAt", row.getOffsetDateTime("ended_at").toInstant().toString()));
                  }
                  return games;
                });
    return Future.all(totals, history)
        .map(
            all -> {
              Row row = totals.result();
              long answered = row.getLong("answered");
              return new JsonObject()
                  .put("gamesPlayed", row.getInteger("games"))
                  .put("points", row.getLong("points"))
                  .put("accuracy", accuracy(row.getLong("correct"), answered))
                  .put("bestStreak", row.getInteger("best_streak"))
                  .put("history", history.result());
            });
  }

  /** Calendar periods in UTC: the week starts on Monday. */
  Instant since(Period period) {
    LocalDate today = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    return switch (period) {
      case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay().toInstant(ZoneOffset.UTC);
      case MONTH -> today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      case ALL -> Instant.EPOCH;
    };
  }

  /** Correct over answered, to three decimals; 0 when nothing was answered. */
  static double accuracy(long correct, long answered) {
    return answered == 0 ? 0.0 : Math.round(1000.0 * correct / answered) / 1000.0;
  }
}
