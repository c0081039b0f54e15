package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.quizhall.problem.Problem;

/**
 * Players flag a question they were asked ("the key is wrong", "unclear", "two answers are right"),
 * so that its owner sees it in the editor. A flag needs a seat in the game, and the question's
 * answer must have been shown to the player: they answered it, a later question has been answered,
 * or the game is over. One flag per player per question; flagging again changes it.
 */
public final class QuestionFlags {

  public static final List<String> REASONS = List.of("wrong_key", "unclear", "two_right");
  public static final int COMMENT_MAX = 500;

  private final Pool pool;
  private final GameWriter writer;
  private final Clock clock;

  public QuestionFlags(Pool pool, GameWriter writer, Clock clock) {
    this.pool = pool;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Flags question {@code index} of a game for the player seated by {@code accountId} or by the
   * guest's resume token digest.
   */
  public Future<JsonObject> flag(
      UUID gameId, UUID accountId, byte[] resumeDigest, int index, String reason, String comment) {
    if (!REASONS.contains(reason)) {
      return Future.failedFuture(
          Problem.invalid(
              "invalid_reason", "reason is one of " + String.join(", ", REASONS) + "."));
    }
    String said = comment == null || comment.isBlank() ? null : comment.strip();
    if (said != null && said.length() > COMMENT_MAX) {
      return Future.failedFuture(
          Problem.invalid(
              "invalid_comment", "A comment is at most " + COMMENT_MAX + " characters."));
    }
    return writer
        .drainedWithin()
        .compose(
            v ->
                pool.preparedQuery(
                        "SELECT p.id AS player_id, q.question_id, coalesce(g.ended_at <= $5, false) AS ended,"
                            + " EXISTS (SELECT 1 FROM answers a WHERE a.game_id = g.id AND a.player_id = p.id"
                            + " AND a.question_index = $4) AS answered,"
                            + " EXISTS (SELECT 1 FROM answers a WHERE a.game_id = g.id AND a.question_index > $4) AS moved_on,"
                            + " q.position IS NOT NULL AS asked"
                            + " FROM games g JOIN game_players p ON p.game_id = g.id"
                            + " LEFT JOIN game_questions q ON q.game_id = g.id AND q.position = $4"
                            + " WHERE g.id = $1 AND (p.account_id = $2 OR p.resume_hash = $3)"
                            + " ORDER BY p.joined_at DESC LIMIT 1")
                    .execute(
                        Tuple.of(
                            gameId,
                            accountId,
                            resumeDigest == null ? null : Buffer.buffer(resumeDigest),
                            index,
                            GameSql.at(clock))))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(
                    Problem.notFound(
                        "game_not_found",
                        "There is no such game, or you did not take part in it."));
              }
              Row seat = rows.iterator().next();
              if (!seat.getBoolean("asked")) {
                return Future.failedFuture(
                    Problem.notFound(
                        "question_not_found", "This game has no question " + index + "."));
              }
              if (!seat.getBoolean("answered")
                  && !seat.getBoolean("moved_on")
                  && !seat.getBoolean("ended")) {
                return Future.failedFuture(
                    Problem.conflict(
                        "not_revealed", "Flag a question once its answer has been shown."));
              }
              return pool.preparedQuery(
                      "INSERT INTO question_flags (game_id, player_id, question_index, question_id, reason, comment, flagged_at)"
                          + " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (game_id, player_id, question_index)"
                          + " DO UPDATE SET reason = EXCLUDED.reason, comment = EXCLUDED.comment, flagged_at = EXCLUDED.flagged_at")
                  .execute(
                      Tuple.tuple()
                          .addUUID(gameId)
                          .addUUID(seat.getUUID("player_id"))
                          .addInteger(index)
                          .addString(seat.getString("question_id"))
                          .addString(reason)
                          .addString(said)
                          .addOffsetDateTime(clock.instant().atOffset(java.time.ZoneOffset.UTC)))
                  .map(
                      done ->
                          new JsonObject()
                              .put("index", index)
                              .put("reason", reason)
                              .put("comment", said));
            });
  }
}
