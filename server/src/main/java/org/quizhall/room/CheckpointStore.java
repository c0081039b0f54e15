package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quizhall.deck.Question;
import org.quizhall.game.GameRecords;

/** Room checkpoints in PostgreSQL: one row per open room, replaced at each checkpoint. */
public final class CheckpointStore {

  /**
   * A stored checkpoint (as stored: {@link RoomCheckpoint#fromJson} reads it) with what restoring
   * it needs: the host token's digest, the account that opened the room (who may take its console
   * with their sign-in) and the game's questions.
   */
  public record Saved(
      JsonObject checkpoint, byte[] hostTokenDigest, UUID hostAccount, List<Question> questions) {}

  private static final String SAVE =
      "INSERT INTO room_checkpoints (game_id, room_code, host_token_hash, state, updated_at) VALUES ($1, $2, $3, $4, now())"
          + " ON CONFLICT (game_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()"
          // Saves can finish out of order on different connections: an older one never replaces a
          // newer one.
          + " WHERE (room_checkpoints.state->>'takenAt')::bigint <= (EXCLUDED.state->>'takenAt')::bigint";

  private static final String DELETE = "DELETE FROM room_checkpoints WHERE game_id = $1";

  private static final String LOAD_ALL =
      "SELECT c.game_id, c.state, c.host_token_hash FROM room_checkpoints c ORDER BY c.updated_at";

  private static final String LOAD_ONE =
      "SELECT c.game_id, c.state, c.host_token_hash FROM room_checkpoints c WHERE c.room_code = $1";

  private final Pool pool;
  private final GameRecords games;

  public CheckpointStore(Pool pool) {
    this.pool = pool;
    this.games = new GameRecords(pool);
  }

  public Future<Void> save(RoomCheckpoint checkpoint, byte[] hostTokenDigest) {
    return pool.preparedQuery(SAVE)
        .execute(
            Tuple.of(
                checkpoint.gameId(),
                checkpoint.code(),
                Buffer.buffer(hostTokenDigest),
                checkpoint.toJson()))
        .mapEmpty();
  }

  public Future<Void> delete(UUID gameId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(gameId)).mapEmpty();
  }

  /** The checkpoint of the room with this code, if it has one. */
  public Future<Optional<Saved>> load(String code) {
    return pool.preparedQuery(LOAD_ONE)
        .execute(Tuple.of(code))
        .compose(this::withGames)
        .map(saved -> saved.stream().findFirst());
  }

  /** Seats and answers the game's record holds, answers from question {@code fromIndex} on. */
  public Future<RoomGame.Later> later(UUID gameId, int fromIndex) {
    return games
        .recorded(gameId, fromIndex)
        .map(
            recorded -> {
              List<RoomGame.LaterSeat> seats = new ArrayList<>();
              for (GameRecords.Seat seat : recorded.seats()) {
                seats.add(
                    new RoomGame.LaterSeat(
                        seat.playerId(), seat.nickname(), seat.account(), seat.resumeDigest()));
              }
              List<RoomGame.LaterAnswer> answers = new ArrayList<>();
              for (GameRecords.Answer answer : recorded.answers()) {
                answers.add(
                    new RoomGame.LaterAnswer(
                        answer.playerId(),
                        answer.questionIndex(),
                        answer.response(),
                        answer.correct(),
                        answer.responseMs(),
                        answer.points()));
              }
              return new RoomGame.Later(seats, answers);
            });
  }

  public Future<List<Saved>> loadAll() {
    return pool.query(LOAD_ALL).execute().compose(this::withGames);
  }

  /** The checkpoints in these rows, in their order, each with its game's host and questions. */
  private Future<List<Saved>> withGames(RowSet<Row> rows) {
    List<Row> checkpoints = new ArrayList<>();
    rows.forEach(checkpoints::add);
    Set<UUID> gameIds = new HashSet<>();
    checkpoints.forEach(row -> gameIds.add(row.getUUID("game_id")));
    return games
        .openings(gameIds)
        .map(
            openings -> {
              List<Saved> saved = new ArrayList<>();
              for (Row row : checkpoints) {
                GameRecords.Opening opening =
                    openings.getOrDefault(row.getUUID("game_id"), GameRecords.Opening.NONE);
                saved.add(
                    new Saved(
                        (JsonObject) row.getValue("state"),
                        row.getBuffer("host_token_hash").getBytes(),
                        opening.hostAccount(),
                        opening.questions()));
              }
              return saved;
            });
  }
}
