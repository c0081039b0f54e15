package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;
import org.quizhall.problem.Problem;

/**
 * The record of self-paced games (assignments): a window instead of a room, a seat per member made
 * on their first answer, answers judged and scored one at a time, and standings read from the
 * seats' running totals.
 */
public final class SelfPacedGames {

  /** How far a member has got in a self-paced game. */
  public record Progress(int questions, int answered, int score) {

    public static final Progress NONE = new Progress(0, 0, 0);
  }

  /**
   * A question of the game and the member's answer to it so far ({@code correct} and {@code points}
   * null if none).
   */
  public record Item(int position, Question question, Boolean correct, Integer points) {}

  /**
   * How an answer is marked: the share of it that is right (0 to 1), whether it counts as right,
   * its points.
   */
  public record Mark(double credit, boolean correct, int points) {}

  /** An answer as recorded: its question, its mark, and the member's totals with it. */
  public record Marked(Question question, Mark mark, int score, int answered) {}

  /** A member's line in a self-paced game's standings. */
  public record Standing(String nickname, int score, int correct, int answered) {}

  private final Pool pool;

  public SelfPacedGames(Pool pool) {
    this.pool = pool;
  }

  /** Sets the window a self-paced game, already created, runs for. */
  public Future<Void> schedule(UUID gameId, Instant opensAt, Instant closesAt) {
    return pool.preparedQuery(GameSql.SCHEDULE)
        .execute(Tuple.of(gameId, utc(opensAt), utc(closesAt)))
        .mapEmpty();
  }

  /** Each game's progress for the account; a game with no record has none in the map. */
  public Future<Map<UUID, Progress>> progress(Collection<UUID> gameIds, UUID account) {
    if (gameIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery(GameSql.SELF_PACED_PROGRESS)
        .execute(Tuple.tuple().addArrayOfUUID(gameIds.toArray(new UUID[0])).addUUID(account))
        .map(
            rows -> {
              Map<UUID, Progress> progress = new HashMap<>();
              for (Row row : rows) {
                progress.put(
                    row.getUUID("id"),
                    new Progress(
                        row.getInteger("questions"),
                        row.getInteger("answered"),
                        row.getInteger("score")));
              }
              return progress;
            });
  }

  /** The game's questions in order, each with the account's answer so far. */
  public Future<List<Item>> sheet(UUID gameId, UUID account) {
    return pool.preparedQuery(GameSql.SELF_PACED_SHEET)
        .execute(Tuple.of(gameId, account))
        .map(
            rows -> {
              List<Item> items = new ArrayList<>();
              for (Row row : rows) {
                items.add(
                    new Item(
                        row.getInteger("position"),
                        QuestionJson.fromJson((JsonObject) row.getValue("body")),
                        row.getBoolean("correct"),
                        row.getInteger("points")));
              }
              return items;
            });
  }

  /**
   * Records the account's answer to question {@code index}, marked by {@code marking}, in one
   * transaction with the seat it is made on (whose resume token digest is {@code seatToken}) and
   * the seat's totals.
   */
  public Future<Marked> answer(
      UUID gameId,
      UUID account,
      int index,
      Response response,
      Instant now,
      byte[] seatToken,
      Function<Question, Mark> marking) {
    return pool.withTransaction(
        connection ->
            answer(connection, gameId, account, index, response, now, seatToken, marking));
  }

  private static Future<Marked> answer(
      SqlConnection connection,
      UUID gameId,
      UUID account,
      int index,
      Response response,
      Instant now,
      byte[] seatToken,
      Function<Question, Mark> marking) {
    return connection
        .preparedQuery(GameSql.QUESTION_AT)
        .execute(Tuple.of(gameId, index))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(
                    Problem.notFound("question_not_found", "There is no question " + index + "."));
              }
              Question question =
                  QuestionJson.fromJson((JsonObject) rows.iterator().next().getValue("body"));
              Mark mark = marking.apply(question);
              return seat(connection, gameId, account, now, seatToken)
                  .compose(
                      playerId ->
                          connection
                              .preparedQuery(GameSql.INSERT_SELF_PACED_ANSWER)
                              .execute(
                                  Tuple.tuple()
                                      .addUUID(gameId)
                                      .addUUID(playerId)
                                      .addInteger(index)
                                      .addString(question.id())
                                      .addInteger(response.choice())
                                      .addString(response.text())
                                      .addBoolean(mark.correct())
                                      .addInteger(mark.points())
                                      .addValue(utc(now))
                                      .addArrayOfInteger(response.choiceArray()))
                              .compose(
                                  inserted -> {
                                    if (inserted.rowCount() == 0) {
                                      return Future.failedFuture(
                                          Problem.conflict(
                                              "already_answered",
                                              "You have already answered this question."));
                                    }
                                    return connection
                                        .preparedQuery(GameSql.ADD_TO_SELF_PACED_SEAT)
                                        .execute(
                                            Tuple.of(
                                                playerId, mark.points(), mark.correct() ? 1 : 0));
                                  }))
                  .map(
                      totals -> {
                        Row row = totals.iterator().next();
                        return new Marked(
                            question,
                            mark,
                            row.getInteger("final_score"),
                            row.getInteger("answered_count"));
                      });
            });
  }

  /** The member's seat in the game, created on their first answer. */
  private static Future<UUID> seat(
      SqlConnection connection, UUID gameId, UUID account, Instant now, byte[] seatToken) {
    return connection
        .preparedQuery(GameSql.INSERT_SELF_PACED_SEAT)
        .execute(Tuple.of(UUID.randomUUID(), gameId, account, Buffer.buffer(seatToken), utc(now)))
        .compose(
            v ->
                connection
                    .preparedQuery(GameSql.SELF_PACED_SEAT)
                    .execute(Tuple.of(gameId, account)))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** The game's standings so far, best first. */
  public Future<List<Standing>> standings(UUID gameId) {
    return pool.preparedQuery(GameSql.SELF_PACED_STANDINGS)
        .execute(Tuple.of(gameId))
        .map(
            rows -> {
              List<Standing> lines = new ArrayList<>();
              for (Row row : rows) {
                lines.add(
                    new Standing(
                        row.getString("nickname"),
                        row.getInteger("final_score"),
                        row.getInteger("correct_count"),
                        row.getInteger("answered_count")));
              }
              return lines;
            });
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
