package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;

/** Room checkpoints in PostgreSQL: one row per open room, replaced at each checkpoint. */
public final class CheckpointStore {

  /**
   * A stored checkpoint with what restoring it needs: the host token's digest, the account that opened the room (who
   * may take its console with their sign-in) and the game's questions.
   */
  public record Saved(JsonObject checkpoint, byte[] hostTokenDigest, UUID hostAccount, List<Question> questions) {}

  private static final String SAVE =
      "INSERT INTO room_checkpoints (game_id, room_code, host_token_hash, state, updated_at) VALUES ($1, $2, $3, $4, now())"
          + " ON CONFLICT (game_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()"
          // Saves can finish out of order on different connections: an older one never replaces a newer one.
          + " WHERE (room_checkpoints.state->>'takenAt')::bigint <= (EXCLUDED.state->>'takenAt')::bigint";

  private static final String DELETE = "DELETE FROM room_checkpoints WHERE game_id = $1";

  private static final String LOAD_ALL =
      "SELECT c.state, c.host_token_hash, (SELECT g.host_id FROM games g WHERE g.id = c.game_id) AS host_id,"
          + " (SELECT jsonb_agg(q.body ORDER BY q.position) FROM game_questions q WHERE q.game_id = c.game_id) AS questions"
          + " FROM room_checkpoints c ORDER BY c.updated_at";

  private static final String LOAD_ONE =
      "SELECT c.state, c.host_token_hash, (SELECT g.host_id FROM games g WHERE g.id = c.game_id) AS host_id,"
          + " (SELECT jsonb_agg(q.body ORDER BY q.position) FROM game_questions q WHERE q.game_id = c.game_id) AS questions"
          + " FROM room_checkpoints c WHERE c.room_code = $1";

  private static final String LATER_SEATS =
      "SELECT id, nickname, account_id, resume_hash FROM game_players WHERE game_id = $1 ORDER BY joined_at";

  private static final String LATER_ANSWERS =
      "SELECT player_id, question_index, choice, text_answer, choices, correct, response_ms, points FROM answers"
          + " WHERE game_id = $1 AND question_index >= $2";

  private final Pool pool;

  public CheckpointStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> save(JsonObject checkpoint, byte[] hostTokenDigest) {
    return pool.preparedQuery(SAVE)
        .execute(
            Tuple.of(
                UUID.fromString(checkpoint.getString("gameId")),
                checkpoint.getString("code"),
                Buffer.buffer(hostTokenDigest),
                checkpoint))
        .mapEmpty();
  }

  public Future<Void> delete(UUID gameId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(gameId)).mapEmpty();
  }

  /** The checkpoint of the room with this code, if it has one. */
  public Future<java.util.Optional<Saved>> load(String code) {
    return pool.preparedQuery(LOAD_ONE)
        .execute(Tuple.of(code))
        .map(rows -> rows.size() == 0 ? java.util.Optional.<Saved>empty() : java.util.Optional.of(saved(rows.iterator().next())));
  }

  /** Seats and answers the game's record holds, answers from question {@code fromIndex} on. */
  public Future<RoomGame.Later> later(UUID gameId, int fromIndex) {
    return pool.preparedQuery(LATER_SEATS)
        .execute(Tuple.of(gameId))
        .compose(
            seats ->
                pool.preparedQuery(LATER_ANSWERS)
                    .execute(Tuple.of(gameId, Math.max(0, fromIndex)))
                    .map(
                        answers -> {
                          List<RoomGame.LaterSeat> laterSeats = new ArrayList<>();
                          for (Row row : seats) {
                            laterSeats.add(
                                new RoomGame.LaterSeat(row.getUUID("id"), row.getString("nickname"), row.getUUID("account_id"),
                                    row.getBuffer("resume_hash").getBytes()));
                          }
                          List<RoomGame.LaterAnswer> laterAnswers = new ArrayList<>();
                          for (Row row : answers) {
                            laterAnswers.add(
                                new RoomGame.LaterAnswer(row.getUUID("player_id"), row.getInteger("question_index"),
                                    new Response(row.getInteger("choice"), row.getString("text_answer"),
                                        row.getValue("choices") == null ? null : List.of(row.getArrayOfIntegers("choices"))),
                                    row.getBoolean("correct"),
                                    row.getInteger("response_ms"), row.getInteger("points")));
                          }
                          return new RoomGame.Later(laterSeats, laterAnswers);
                        }));
  }

  private static Saved saved(Row row) {
    List<Question> questions = new ArrayList<>();
    JsonArray bodies = (JsonArray) row.getValue("questions");
    for (Object body : bodies == null ? new JsonArray() : bodies) {
      questions.add(QuestionJson.fromJson((JsonObject) body));
    }
    return new Saved((JsonObject) row.getValue("state"), row.getBuffer("host_token_hash").getBytes(), row.getUUID("host_id"),
        questions);
  }

  public Future<List<Saved>> loadAll() {
    return pool.query(LOAD_ALL)
        .execute()
        .map(
            rows -> {
              List<Saved> saved = new ArrayList<>();
              for (Row row : rows) {
                saved.add(saved(row));
              }
              return saved;
            });
  }
}
