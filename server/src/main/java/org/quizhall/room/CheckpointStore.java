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

/** Room checkpoints in PostgreSQL: one row per open room, replaced at each checkpoint. */
public final class CheckpointStore {

  /** A stored checkpoint with what restoring it needs: the host token's digest and the game's questions. */
  public record Saved(JsonObject checkpoint, byte[] hostTokenDigest, List<Question> questions) {}

  private static final String SAVE =
      "INSERT INTO room_checkpoints (game_id, room_code, host_token_hash, state, updated_at) VALUES ($1, $2, $3, $4, now())"
          + " ON CONFLICT (game_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()"
          // Saves can finish out of order on different connections: an older one never replaces a newer one.
          + " WHERE (room_checkpoints.state->>'takenAt')::bigint <= (EXCLUDED.state->>'takenAt')::bigint";

  private static final String DELETE = "DELETE FROM room_checkpoints WHERE game_id = $1";

  private static final String LOAD_ALL =
      "SELECT c.state, c.host_token_hash,"
          + " (SELECT jsonb_agg(q.body ORDER BY q.position) FROM game_questions q WHERE q.game_id = c.game_id) AS questions"
          + " FROM room_checkpoints c ORDER BY c.updated_at";

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

  public Future<List<Saved>> loadAll() {
    return pool.query(LOAD_ALL)
        .execute()
        .map(
            rows -> {
              List<Saved> saved = new ArrayList<>();
              for (Row row : rows) {
                List<Question> questions = new ArrayList<>();
                JsonArray bodies = (JsonArray) row.getValue("questions");
                for (Object body : bodies == null ? new JsonArray() : bodies) {
                  questions.add(QuestionJson.fromJson((JsonObject) body));
                }
                saved.add(new Saved((JsonObject) row.getValue("state"), row.getBuffer("host_token_hash").getBytes(), questions));
              }
              return saved;
            });
  }
}
