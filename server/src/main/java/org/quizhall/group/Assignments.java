package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.quizhall.account.SessionToken;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Judge;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.RoundAssembler;
import org.quizhall.game.Games;
import org.quizhall.problem.Problem;

/**
 * Self-paced assignments: a group's members answer a fixed set of questions at their own pace
 * inside an open window. Each answer is judged at once, scores a flat 1000 when right (there is no
 * shared clock to be fast against), feeds the member's memory model, and moves the assignment's
 * leaderboard, which members can watch while it is open.
 */
public final class Assignments {

  public static final int POINTS = 1000;
  public static final Duration LONGEST = Duration.ofDays(60);

  private final Pool pool;
  private final Groups groups;
  private final Decks decks;
  private final Games games;
  private final MasteryRecorder mastery;
  private final Clock clock;

  public Assignments(Pool pool, Groups groups, Decks decks, Games games, MasteryRecorder mastery, Clock clock) {
    this.pool = pool;
    this.groups = groups;
    this.decks = decks;
    this.games = games;
    this.mastery = mastery;
    this.clock = clock;
  }

  public Future<JsonObject> create(
      UUID groupId, UUID account, UUID deckId, String title, int questionCount, Instant opensAt, Instant closesAt) {
    if (!closesAt.isAfter(opensAt) || Duration.between(opensAt, closesAt).compareTo(LONGEST) > 0) {
      return Future.failedFuture(
          Problem.invalid("invalid_window", "closesAt must come after opensAt, at most 60 days later."));
    }
    if (!closesAt.isAfter(clock.instant())) {
      return Future.failedFuture(Problem.invalid("invalid_window", "closesAt is already in the past."));
    }
    UUID gameId = UUID.randomUUID();
    return groups
        .asMember(groupId, account)
        .compose(group -> decks.get(deckId, account).compose(deck -> decks.questions(deckId, account).map(q -> {
          String name = title == null || title.isBlank() ? deck.title() : title.strip();
          if (name.length() > 200) {
            throw Problem.invalid("invalid_title", "A title is at most 200 characters.");
          }
          return new Object[] {name, RoundAssembler.assemble(q, questionCount, java.util.Set.of(), gameId.getLeastSignificantBits())};
        })))
        .compose(
            parts -> {
              String name = (String) parts[0];
              @SuppressWarnings("unchecked")
              List<Question> round = (List<Question>) parts[1];
              JsonObject settings =
                  new JsonObject().put("selfPaced", true).put("questionCount", round.size()).put("speedScoring", false);
              return games
                  .create(gameId, "SELF", deckId, groupId, account, settings, round)
                  .compose(
                      v ->
                          pool.preparedQuery(
                                  "UPDATE games SET started_at = $2, ended_at = $3 WHERE id = $1")
                              .execute(Tuple.of(gameId, utc(opensAt), utc(closesAt))))
                  .compose(
                      v ->
                          pool.preparedQuery(
                                  "INSERT INTO assignments (group_id, game_id, title, opens_at, closes_at, created_by)"
                                      + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                              .execute(Tuple.of(groupId, gameId, name, utc(opensAt), utc(closesAt), account)))
                  .map(
                      rows ->
                          summary(rows.iterator().next().getUUID("id"), gameId, name, opensAt, closesAt, round.size(), 0, 0));
            });
  }

  /** The group's assignments, newest first, each with the caller's progress. */
  public Future<JsonArray> list(UUID groupId, UUID account) {
    return groups
        .asMember(groupId, account)
        .compose(
            group ->
                pool.preparedQuery(
                        "SELECT s.id, s.game_id, s.title, s.opens_at, s.closes_at,"
                            + " (SELECT count(*) FROM game_questions q WHERE q.game_id = s.game_id)::int AS questions,"
                            + " coalesce(p.answered_count, 0) AS answered, coalesce(p.final_score, 0) AS score"
                            + " FROM assignments s LEFT JOIN game_players p ON p.game_id = s.game_id"
                            + " AND p.account_id = $2 AND p.self_paced"
                            + " WHERE s.group_id = $1 ORDER BY s.closes_at DESC LIMIT 100")
                    .execute(Tuple.of(groupId, account)))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row row : rows) {
                out.add(
                    summary(row.getUUID("id"), row.getUUID("game_id"), row.getString("title"),
                        row.getOffsetDateTime("opens_at").toInstant(), row.getOffsetDateTime("closes_at").toInstant(),
                        row.getInteger("questions"), row.getInteger("answered"), row.getInteger("score")));
              }
              return out;
            });
  }

  /** An assignment for a member: its questions (without answers) while open, and their progress. */
  public Future<JsonObject> get(UUID assignmentId, UUID account) {
    return load(assignmentId, account)
        .compose(
            assignment ->
                pool.preparedQuery(
                        "SELECT q.position, q.body, a.correct, a.points FROM game_questions q"
                            + " LEFT JOIN game_players p ON p.game_id = q.game_id AND p.account_id = $2 AND p.self_paced"
                            + " LEFT JOIN answers a ON a.player_id = p.id AND a.question_index = q.position"
                            + " WHERE q.game_id = $1 ORDER BY q.position")
                    .execute(Tuple.of(assignment.gameId(), account))
                    .map(
                        rows -> {
                          Instant now = clock.instant();
                          boolean open = assignment.isOpen(now);
                          JsonArray questions = new JsonArray();
                          int answered = 0;
                          int score = 0;
                          for (Row row : rows) {
                            Question question = QuestionJson.fromJson((JsonObject) row.getValue("body"));
                            Boolean correct = row.getBoolean("correct");
                            JsonObject json = new JsonObject().put("index", row.getInteger("position"));
                            if (open || now.isAfter(assignment.closesAt())) {
                              json.put("id", Games.questionId(assignment.gameId(), row.getInteger("position")))
                                  .put("type", question.type().jsonName()).put("kind", question.kind())
                                  .put("prompt", question.prompt())
                                  .put("context", new JsonArray(question.context()))
                                  .mergeIn(QuestionJson.askable(question));
                            }
                            if (correct != null) {
                              answered++;
                              score += row.getInteger("points");
                              json.put("answered", true).put("correct", correct);
                            } else {
                              json.put("answered", false);
                            }
                            questions.add(json);
                          }
                          return summary(assignment.id(), assignment.gameId(), assignment.title(), assignment.opensAt(),
                                  assignment.closesAt(), questions.size(), answered, score)
                              .put("questions", questions);
                        }));
  }

  /** Judges one answer, records it for the member, and returns the reveal of that question. */
  public Future<JsonObject> answer(UUID assignmentId, UUID account, int index, Response response) {
    Instant now = clock.instant();
    return load(assignmentId, account)
        .compose(
            assignment -> {
              if (now.isBefore(assignment.opensAt())) {
                return Future.failedFuture(
                    Problem.conflict("not_open_yet", "This assignment opens at " + assignment.opensAt() + "."));
              }
              if (!now.isBefore(assignment.closesAt())) {
                return Future.failedFuture(Problem.conflict("assignment_closed", "This assignment has closed."));
              }
              return pool.withTransaction(connection -> record(connection, assignment, account, index, response, now));
            })
        .compose(
            result -> {
              Fsrs.Rating rating = result.getBoolean("correct") ? Fsrs.Rating.GOOD : Fsrs.Rating.AGAIN;
              return mastery
                  .review(account, result.getJsonObject("question").getString("id"), rating, now)
                  .map(card -> result);
            });
  }

  /** The assignment's standings so far, for its group's members. */
  public Future<JsonObject> leaderboard(UUID assignmentId, UUID account) {
    return load(assignmentId, account)
        .compose(
            assignment ->
                pool.preparedQuery(
                        "SELECT p.nickname, p.final_score, p.correct_count, p.answered_count FROM game_players p"
                            + " WHERE p.game_id = $1 AND p.self_paced"
                            + " ORDER BY p.final_score DESC, p.answered_count, p.joined_at LIMIT 100")
                    .execute(Tuple.of(assignment.gameId()))
                    .map(
                        rows -> {
                          JsonArray entries = new JsonArray();
                          int rank = 0;
                          for (Row row : rows) {
                            int answered = row.getInteger("answered_count");
                            entries.add(
                                new JsonObject()
                                    .put("rank", ++rank)
                                    .put("username", row.getString("nickname"))
                                    .put("points", row.getInteger("final_score"))
                                    .put("answered", answered)
                                    .put("accuracy", Leaderboards.accuracy(row.getInteger("correct_count"), answered)));
                          }
                          return new JsonObject()
                              .put("open", assignment.isOpen(clock.instant()))
                              .put("closesAt", assignment.closesAt().toString())
                              .put("entries", entries);
                        }));
  }

  private record Loaded(UUID id, UUID gameId, String title, Instant opensAt, Instant closesAt, UUID groupId) {
    boolean isOpen(Instant now) {
      return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
  }

  private Future<Loaded> load(UUID assignmentId, UUID account) {
    return pool.preparedQuery(
            "SELECT s.id, s.game_id, s.title, s.opens_at, s.closes_at, s.group_id FROM assignments s"
                + " JOIN group_members m ON m.group_id = s.group_id AND m.account_id = $2 WHERE s.id = $1")
        .execute(Tuple.of(assignmentId, account))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw Problem.notFound("assignment_not_found", "There is no such assignment in your groups.");
              }
              Row row = rows.iterator().next();
              return new Loaded(row.getUUID("id"), row.getUUID("game_id"), row.getString("title"),
                  row.getOffsetDateTime("opens_at").toInstant(), row.getOffsetDateTime("closes_at").toInstant(),
                  row.getUUID("group_id"));
            });
  }

  private static Future<JsonObject> record(
      SqlConnection connection, Loaded assignment, UUID account, int index, Response response, Instant now) {
    return connection
        .preparedQuery("SELECT body FROM game_questions WHERE game_id = $1 AND position = $2")
        .execute(Tuple.of(assignment.gameId(), index))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(Problem.notFound("question_not_found", "There is no question " + index + "."));
              }
              Question question = QuestionJson.fromJson((JsonObject) rows.iterator().next().getValue("body"));
              double credit = Judge.credit(question, response);
              boolean correct = credit >= 1.0;
              int points = correct ? POINTS : 0;
              return seat(connection, assignment.gameId(), account, now)
                  .compose(
                      playerId ->
                          connection
                              .preparedQuery(
                                  "INSERT INTO answers (game_id, player_id, question_index, question_id, choice,"
                                      + " text_answer, correct, response_ms, points, answered_at, choices)"
                                      + " VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10) ON CONFLICT DO NOTHING")
                              .execute(
                                  Tuple.tuple().addUUID(assignment.gameId()).addUUID(playerId).addInteger(index)
                                      .addString(question.id()).addInteger(response.choice()).addString(response.text())
                                      .addBoolean(correct).addInteger(points).addValue(utc(now))
                                      .addArrayOfInteger(response.choiceArray()))
                              .compose(
                                  inserted -> {
                                    if (inserted.rowCount() == 0) {
                                      return Future.failedFuture(
                                          Problem.conflict("already_answered", "You have already answered this question."));
                                    }
                                    return connection
                                        .preparedQuery(
                                            "UPDATE game_players SET final_score = final_score + $2,"
                                                + " correct_count = correct_count + $3, answered_count = answered_count + 1"
                                                + " WHERE id = $1 RETURNING final_score, answered_count")
                                        .execute(Tuple.of(playerId, points, correct ? 1 : 0));
                                  }))
                  .map(
                      totals -> {
                        Row row = totals.iterator().next();
                        return new JsonObject()
                            .put("index", index)
                            .put("correct", correct)
                            .put("credit", Math.round(credit * 1000) / 1000.0)
                            .put("points", points)
                            .put("answer", question.answer())
                            .put("key", QuestionJson.key(question))
                            .put("question", QuestionJson.toJson(question))
                            .put("score", row.getInteger("final_score"))
                            .put("answered", row.getInteger("answered_count"));
                      });
            });
  }

  /** The member's seat in the assignment's game, created on their first answer. */
  private static Future<UUID> seat(SqlConnection connection, UUID gameId, UUID account, Instant now) {
    return connection
        .preparedQuery(
            "INSERT INTO game_players (id, game_id, nickname, account_id, resume_hash, joined_at, final_score,"
                + " correct_count, answered_count, total_response_ms, best_streak, self_paced)"
                + " SELECT $1, $2, a.username, a.id, $4, $5, 0, 0, 0, 0, 0, true FROM accounts a WHERE a.id = $3"
                + " ON CONFLICT (game_id, account_id) WHERE self_paced DO NOTHING")
        .execute(Tuple.of(UUID.randomUUID(), gameId, account, Buffer.buffer(SessionToken.digest(SessionToken.create())), utc(now)))
        .compose(
            v ->
                connection
                    .preparedQuery("SELECT id FROM game_players WHERE game_id = $1 AND account_id = $2 AND self_paced")
                    .execute(Tuple.of(gameId, account)))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }


  private static JsonObject summary(
      UUID id, UUID gameId, String title, Instant opensAt, Instant closesAt, int questions, int answered, int score) {
    return new JsonObject()
        .put("id", id.toString())
        .put("gameId", gameId.toString())
        .put("title", title)
        .put("opensAt", opensAt.toString())
        .put("closesAt", closesAt.toString())
        .put("questionCount", questions)
        .put("answered", answered)
        .put("score", score);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
