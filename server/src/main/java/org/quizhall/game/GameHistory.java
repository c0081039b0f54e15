package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Games added up after the fact: a group's standings, the best games on a deck, a person's record,
 * a group's accuracy per question. Each read first waits for the rows reported so far, so a game
 * that has just ended counts.
 */
public final class GameHistory {

  /** The most members a group's standings list. */
  public static final int STANDINGS_LIMIT = 100;

  /** A member's line in a group's standings. */
  public record MemberTotals(
      String username,
      Long points,
      Long correct,
      long answered,
      Integer games,
      Integer bestStreak) {}

  /** One of the best games played on a deck. */
  public record BestGame(
      String nickname, Integer score, int correct, int answered, Instant playedAt) {}

  /** What a person's finished games add up to. */
  public record PersonTotals(int games, long points, long correct, long answered, int bestStreak) {}

  /** One of a person's finished games; {@code deckTitle} is null once the deck is gone. */
  public record PlayedGame(
      UUID gameId,
      String roomCode,
      String deckTitle,
      String nickname,
      Integer rank,
      Integer players,
      Integer score,
      Integer correct,
      Integer answered,
      Instant playedAt) {}

  /** A person's totals and their latest finished games, newest first. */
  public record Person(PersonTotals totals, List<PlayedGame> history) {}

  /** The first answer a person gave a question: when, and whether it was right. */
  public record FirstAnswer(Instant at, boolean correct) {}

  private final Pool pool;
  private final GameWriter writer;

  private final java.time.Clock clock;

  public GameHistory(Pool pool, GameWriter writer, java.time.Clock clock) {
    this.clock = clock;
    this.pool = pool;
    this.writer = writer;
  }

  /** The group's members by their finished games in it since {@code since}, best first. */
  public Future<List<MemberTotals>> groupStandings(
      UUID groupId, Instant since, boolean byAccuracy) {
    return writer
        .drainedWithin()
        .compose(
            settled ->
                pool.preparedQuery(groupStandingsSql(byAccuracy))
                    .execute(Tuple.of(groupId, since.atOffset(ZoneOffset.UTC))))
        .map(
            rows -> {
              List<MemberTotals> lines = new ArrayList<>();
              for (Row row : rows) {
                lines.add(
                    new MemberTotals(
                        row.getString("username"),
                        row.getLong("points"),
                        row.getLong("correct"),
                        row.getLong("answered"),
                        row.getInteger("games"),
                        row.getInteger("best_streak")));
              }
              return lines;
            });
  }

  /** The statement {@link #groupStandings} runs, for measuring it. */
  public static String groupStandingsSql(boolean byAccuracy) {
    return String.format(
        GameSql.GROUP_STANDINGS, byAccuracy ? GameSql.BY_ACCURACY : GameSql.BY_POINTS);
  }

  /** The best games played on a deck outside groups and assignments. */
  public Future<List<BestGame>> bestOnDeck(UUID deckId) {
    return writer
        .drainedWithin()
        .compose(
            settled ->
                pool.preparedQuery(GameSql.BEST_ON_DECK)
                    .execute(Tuple.of(deckId, GameSql.at(clock))))
        .map(
            rows -> {
              List<BestGame> best = new ArrayList<>();
              for (Row row : rows) {
                best.add(
                    new BestGame(
                        row.getString("nickname"),
                        row.getInteger("final_score"),
                        row.getInteger("correct_count"),
                        row.getInteger("answered_count"),
                        row.getOffsetDateTime("ended_at").toInstant()));
              }
              return best;
            });
  }

  /** A person's record over every game they finished. */
  public Future<Person> person(UUID account) {
    return writer
        .drainedWithin()
        .compose(
            settled -> {
              Future<PersonTotals> totals =
                  pool.preparedQuery(GameSql.PERSON_TOTALS)
                      .execute(Tuple.of(account))
                      .map(
                          rows -> {
                            Row row = rows.iterator().next();
                            return new PersonTotals(
                                row.getInteger("games"),
                                row.getLong("points"),
                                row.getLong("correct"),
                                row.getLong("answered"),
                                row.getInteger("best_streak"));
                          });
              Future<List<PlayedGame>> history =
                  pool.preparedQuery(GameSql.PERSON_HISTORY)
                      .execute(Tuple.of(account, GameSql.at(clock)))
                      .map(
                          rows -> {
                            List<PlayedGame> games = new ArrayList<>();
                            for (Row row : rows) {
                              games.add(
                                  new PlayedGame(
                                      row.getUUID("id"),
                                      row.getString("room_code"),
                                      row.getString("title"),
                                      row.getString("nickname"),
                                      row.getInteger("final_rank"),
                                      row.getInteger("players"),
                                      row.getInteger("final_score"),
                                      row.getInteger("correct_count"),
                                      row.getInteger("answered_count"),
                                      row.getOffsetDateTime("ended_at").toInstant()));
                            }
                            return games;
                          });
              return Future.all(totals, history)
                  .map(all -> new Person(totals.result(), history.result()));
            });
  }

  /**
   * The share of right answers signed-in players gave per deck question (0 to 1) in the group's
   * games.
   */
  public Future<Map<String, Double>> groupAccuracy(UUID groupId) {
    return writer
        .drainedWithin()
        .compose(settled -> pool.preparedQuery(GameSql.GROUP_ACCURACY).execute(Tuple.of(groupId)))
        .map(
            rows -> {
              Map<String, Double> accuracy = new HashMap<>();
              for (Row row : rows) {
                accuracy.put(row.getString("question_id"), row.getDouble("accuracy"));
              }
              return accuracy;
            });
  }

  /** The person's first answer in a game (live or an assignment) to each question of the deck. */
  public Future<Map<String, FirstAnswer>> firstAnswers(UUID account, UUID deckId) {
    return writer
        .drainedWithin()
        .compose(
            settled -> pool.preparedQuery(GameSql.FIRST_ANSWERS).execute(Tuple.of(account, deckId)))
        .map(
            rows -> {
              Map<String, FirstAnswer> first = new HashMap<>();
              for (Row row : rows) {
                first.put(
                    row.getString("question_id"),
                    new FirstAnswer(
                        row.getOffsetDateTime("answered_at").toInstant(),
                        row.getBoolean("correct")));
              }
              return first;
            });
  }
}
