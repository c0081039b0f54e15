package org.quizhall.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.quizhall.account.SessionToken;

/**
 * Games written straight into the game tables as the room's writer leaves them, so that every
 * answer of a test is known: for figures worked out by hand. Player {@code p} of game {@code
 * number} has the id ending in {@code p} (ties in score rank them in that order), the nickname
 * {@code P<p>} and the resume token {@code token-<number>-<p>}.
 */
public final class GameFixture {

  private GameFixture() {}

  public static UUID player(int game, int p) {
    return UUID.fromString(String.format("00000000-0000-0000-%04d-%012d", game, p));
  }

  public static String resumeToken(int game, int p) {
    return "token-" + game + "-" + p;
  }

  /**
   * A game hosted by {@code host}, finished an hour before {@code clock}'s now, the server's clock
   * (or still running when {@code ended} is false), asking the owner's views of {@code questions}.
   * {@code picks[p][q]} is what player p answered to question q: an Integer option index, a List of
   * indices (multiple response, ordering, matching), a String (typed), or null for no answer.
   * Answer p takes {@code 1000 * (p + 1)} ms. {@code accounts}, if given, signs player p in as
   * {@code accounts[p]}.
   */
  public static UUID game(
      Pool pool,
      java.time.Clock clock,
      int number,
      String deck,
      UUID host,
      List<JsonObject> questions,
      Object[][] picks,
      boolean ended,
      UUID... accounts) {
    UUID game = UUID.randomUUID();
    OffsetDateTime hourAgo = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minusHours(1);
    pool.preparedQuery(
            "INSERT INTO games (id, room_code, deck_id, host_id, settings, started_at, ended_at)"
                + " VALUES ($1, $2, $3, $4, '{}', $5, $6)")
        .execute(
            Tuple.of(
                game,
                "GAME" + number,
                UUID.fromString(deck),
                host,
                hourAgo,
                ended ? hourAgo.plusMinutes(10) : null))
        .await();
    for (int q = 0; q < questions.size(); q++) {
      JsonObject body = questions.get(q).copy();
      for (String f :
          List.of("origin", "hidden", "playable", "warnings", "editedAt", "original", "review")) {
        body.remove(f);
      }
      pool.preparedQuery(
              "INSERT INTO game_questions (game_id, position, question_id, body) VALUES ($1, $2, $3, $4)")
          .execute(Tuple.of(game, q, body.getString("id"), body))
          .await();
    }
    for (int p = 0; p < picks.length; p++) {
      pool.preparedQuery(
              "INSERT INTO game_players (id, game_id, nickname, account_id, resume_hash, joined_at)"
                  + " VALUES ($1, $2, $3, $4, $5, $6)")
          .execute(
              Tuple.of(
                  player(number, p),
                  game,
                  "P" + p,
                  accounts.length > p ? accounts[p] : null,
                  Buffer.buffer(SessionToken.digest(resumeToken(number, p))),
                  hourAgo))
          .await();
      for (int q = 0; q < questions.size(); q++) {
        Object pick = picks[p][q];
        if (pick == null) {
          continue;
        }
        JsonObject question = questions.get(q);
        boolean right = right(question, pick);
        Tuple row =
            Tuple.tuple()
                .addUUID(game)
                .addUUID(player(number, p))
                .addInteger(q)
                .addString(question.getString("id"))
                .addInteger(pick instanceof Integer i ? i : null)
                .addArrayOfInteger(
                    pick instanceof List<?> l
                        ? l.stream().map(o -> (Integer) o).toArray(Integer[]::new)
                        : null)
                .addString(pick instanceof String s ? s : null)
                .addBoolean(right)
                .addInteger(1000 * (p + 1))
                .addInteger(right ? 1000 : 0)
                .addOffsetDateTime(hourAgo.plusMinutes(1));
        pool.preparedQuery(
                "INSERT INTO answers (game_id, player_id, question_index, question_id, choice, choices,"
                    + " text_answer, correct, response_ms, points, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
            .execute(row)
            .await();
      }
    }
    return game;
  }

  /** Whether a pick is right for the owner's view of a question: only the shapes the tests use. */
  private static boolean right(JsonObject question, Object pick) {
    Object correct = question.getValue("correct");
    if (pick instanceof Integer i) {
      return i.equals(correct);
    }
    if (pick instanceof List<?> l && correct instanceof JsonArray keys) {
      return l.equals(keys.getList());
    }
    if (pick instanceof String s && question.getJsonArray("accepted") != null) {
      return question.getJsonArray("accepted").contains(s);
    }
    return false;
  }
}
