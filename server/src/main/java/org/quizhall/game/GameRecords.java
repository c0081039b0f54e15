package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;

/**
 * What the database holds of games under way, read back for rooms that carry on from a checkpoint.
 */
public final class GameRecords {

  /** Who opened a game's room (null for none) and the questions it asks, in order. */
  public record Opening(UUID hostAccount, List<Question> questions) {

    public static final Opening NONE = new Opening(null, List.of());
  }

  /**
   * A player's seat as written: its record id, nickname, account (null for a guest) and resume
   * token digest.
   */
  public record Seat(UUID playerId, String nickname, UUID account, byte[] resumeDigest) {}

  /** An answer as written. */
  public record Answer(
      UUID playerId,
      int questionIndex,
      Response response,
      boolean correct,
      int responseMs,
      int points) {}

  /** A game's seats, oldest first, and its answers from some question on. */
  public record Recorded(List<Seat> seats, List<Answer> answers) {}

  private final Pool pool;

  public GameRecords(Pool pool) {
    this.pool = pool;
  }

  /** The openings of these games; a game with no record has none in the map. */
  public Future<Map<UUID, Opening>> openings(Collection<UUID> gameIds) {
    if (gameIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery(GameSql.OPENINGS)
        .execute(Tuple.tuple().addArrayOfUUID(gameIds.toArray(new UUID[0])))
        .map(
            rows -> {
              Map<UUID, Opening> openings = new HashMap<>();
              for (Row row : rows) {
                List<Question> questions = new ArrayList<>();
                JsonArray bodies = (JsonArray) row.getValue("questions");
                for (Object body : bodies == null ? new JsonArray() : bodies) {
                  questions.add(QuestionJson.fromJson((JsonObject) body));
                }
                openings.put(row.getUUID("id"), new Opening(row.getUUID("host_id"), questions));
              }
              return openings;
            });
  }

  /** Seats and answers the game's record holds, answers from question {@code fromIndex} on. */
  public Future<Recorded> recorded(UUID gameId, int fromIndex) {
    return pool.preparedQuery(GameSql.SEATS)
        .execute(Tuple.of(gameId))
        .compose(
            seats ->
                pool.preparedQuery(GameSql.ANSWERS_FROM)
                    .execute(Tuple.of(gameId, Math.max(0, fromIndex)))
                    .map(
                        answers -> {
                          List<Seat> seated = new ArrayList<>();
                          for (Row row : seats) {
                            seated.add(
                                new Seat(
                                    row.getUUID("id"),
                                    row.getString("nickname"),
                                    row.getUUID("account_id"),
                                    row.getBuffer("resume_hash").getBytes()));
                          }
                          List<Answer> given = new ArrayList<>();
                          for (Row row : answers) {
                            given.add(
                                new Answer(
                                    row.getUUID("player_id"),
                                    row.getInteger("question_index"),
                                    new Response(
                                        row.getInteger("choice"),
                                        row.getString("text_answer"),
                                        row.getValue("choices") == null
                                            ? null
                                            : List.of(row.getArrayOfIntegers("choices"))),
                                    row.getBoolean("correct"),
                                    row.getInteger("response_ms"),
                                    row.getInteger("points")));
                          }
                          return new Recorded(seated, given);
                        }));
  }
}
