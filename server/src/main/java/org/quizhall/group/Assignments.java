package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.quizhall.account.SessionToken;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Judge;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;
import org.quizhall.deck.RoundAssembler;
import org.quizhall.game.Games;
import org.quizhall.game.Scoring;
import org.quizhall.game.SelfPacedGames;
import org.quizhall.problem.Problem;

/**
 * Self-paced assignments: a group's members answer a fixed set of questions at their own pace
 * inside an open window. Each answer is judged at once, scores a flat 1000 when right (there is no
 * shared clock to be fast against), feeds the member's memory model, and moves the assignment's
 * leaderboard, which members can watch while it is open.
 */
public final class Assignments {

  public static final int POINTS = Scoring.FULL_POINTS;
  public static final Duration LONGEST = Duration.ofDays(60);

  private final Pool pool;
  private final Groups groups;
  private final Decks decks;
  private final Games games;
  private final SelfPacedGames selfPaced;
  private final MasteryRecorder mastery;
  private final Clock clock;

  public Assignments(
      Pool pool,
      Groups groups,
      Decks decks,
      Games games,
      SelfPacedGames selfPaced,
      MasteryRecorder mastery,
      Clock clock) {
    this.pool = pool;
    this.groups = groups;
    this.decks = decks;
    this.games = games;
    this.selfPaced = selfPaced;
    this.mastery = mastery;
    this.clock = clock;
  }

  public Future<JsonObject> create(
      UUID groupId,
      UUID account,
      UUID deckId,
      String title,
      int questionCount,
      Instant opensAt,
      Instant closesAt) {
    if (!closesAt.isAfter(opensAt) || Duration.between(opensAt, closesAt).compareTo(LONGEST) > 0) {
      return Future.failedFuture(
          Problem.invalid(
              "invalid_window", "closesAt must come after opensAt, at most 60 days later."));
    }
    if (!closesAt.isAfter(clock.instant())) {
      return Future.failedFuture(
          Problem.invalid("invalid_window", "closesAt is already in the past."));
    }
    UUID gameId = UUID.randomUUID();
    return groups
        .asMember(groupId, account)
        .compose(
            group ->
                decks
                    .get(deckId, account)
                    .compose(
                        deck ->
                            decks
                                .questions(deckId, account)
                                .map(
                                    q -> {
                                      String name =
                                          title == null || title.isBlank()
                                              ? deck.title()
                                              : title.strip();
                                      if (name.length() > 200) {
                                        throw Problem.invalid(
                                            "invalid_title", "A title is at most 200 characters.");
                                      }
                                      return new Object[] {
                                        name,
                                        RoundAssembler.assemble(
                                            q,
                                            questionCount,
                                            java.util.Set.of(),
                                            gameId.getLeastSignificantBits())
                                      };
                                    })))
        .compose(
            parts -> {
              String name = (String) parts[0];
              @SuppressWarnings("unchecked")
              List<Question> round = (List<Question>) parts[1];
              JsonObject settings =
                  new JsonObject()
                      .put("selfPaced", true)
                      .put("questionCount", round.size())
                      .put("speedScoring", false);
              return games
                  .create(gameId, "SELF", deckId, groupId, account, settings, round)
                  .compose(v -> selfPaced.schedule(gameId, opensAt, closesAt))
                  .compose(
                      v ->
                          pool.preparedQuery(
                                  "INSERT INTO assignments (group_id, game_id, title, opens_at, closes_at, created_by)"
                                      + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                              .execute(
                                  Tuple.of(
                                      groupId, gameId, name, utc(opensAt), utc(closesAt), account)))
                  .map(
                      rows ->
                          summary(
                              rows.iterator().next().getUUID("id"),
                              gameId,
                              name,
                              opensAt,
                              closesAt,
                              round.size(),
                              0,
                              0));
            });
  }

  /** The group's assignments, newest first, each with the caller's progress. */
  public Future<JsonArray> list(UUID groupId, UUID account) {
    return groups
        .asMember(groupId, account)
        .compose(
            group ->
                pool.preparedQuery(
                        "SELECT s.id, s.game_id, s.title, s.opens_at, s.closes_at FROM assignments s"
                            + " WHERE s.group_id = $1 ORDER BY s.closes_at DESC LIMIT 100")
                    .execute(Tuple.of(groupId)))
        .compose(
            rows -> {
              List<Row> assignments = new ArrayList<>();
              rows.forEach(assignments::add);
              Set<UUID> gameIds = new HashSet<>();
              assignments.forEach(row -> gameIds.add(row.getUUID("game_id")));
              return selfPaced
                  .progress(gameIds, account)
                  .map(
                      progress -> {
                        JsonArray out = new JsonArray();
                        for (Row row : assignments) {
                          SelfPacedGames.Progress mine =
                              progress.getOrDefault(
                                  row.getUUID("game_id"), SelfPacedGames.Progress.NONE);
                          out.add(
                              summary(
                                  row.getUUID("id"),
                                  row.getUUID("game_id"),
                                  row.getString("title"),
                                  row.getOffsetDateTime("opens_at").toInstant(),
                                  row.getOffsetDateTime("closes_at").toInstant(),
                                  mine.questions(),
                                  mine.answered(),
                                  mine.score()));
                        }
                        return out;
                      });
            });
  }

  /** An assignment for a member: its questions (without answers) while open, and their progress. */
  public Future<JsonObject> get(UUID assignmentId, UUID account) {
    return load(assignmentId, account)
        .compose(
            assignment ->
                selfPaced
                    .sheet(assignment.gameId(), account)
                    .map(
                        items -> {
                          Instant now = clock.instant();
                          boolean open = assignment.isOpen(now);
                          JsonArray questions = new JsonArray();
                          int answered = 0;
                          int score = 0;
                          for (SelfPacedGames.Item item : items) {
                            Question question = item.question();
                            JsonObject json = new JsonObject().put("index", item.position());
                            if (open || now.isAfter(assignment.closesAt())) {
                              json.put("id", Games.questionId(assignment.gameId(), item.position()))
                                  .put("type", question.type().jsonName())
                                  .put("kind", question.kind())
                                  .put("prompt", question.prompt())
                                  .put("context", new JsonArray(question.context()))
                                  .mergeIn(QuestionJson.askable(question));
                            }
                            if (item.correct() != null) {
                              answered++;
                              score += item.points();
                              json.put("answered", true).put("correct", item.correct());
                            } else {
                              json.put("answered", false);
                            }
                            questions.add(json);
                          }
                          return summary(
                                  assignment.id(),
                                  assignment.gameId(),
                                  assignment.title(),
                                  assignment.opensAt(),
                                  assignment.closesAt(),
                                  questions.size(),
                                  answered,
                                  score)
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
                    Problem.conflict(
                        "not_open_yet", "This assignment opens at " + assignment.opensAt() + "."));
              }
              if (!now.isBefore(assignment.closesAt())) {
                return Future.failedFuture(
                    Problem.conflict("assignment_closed", "This assignment has closed."));
              }
              return selfPaced
                  .answer(
                      assignment.gameId(),
                      account,
                      index,
                      response,
                      now,
                      SessionToken.digest(SessionToken.create()),
                      question -> mark(question, response))
                  .map(marked -> reveal(index, marked));
            })
        .compose(
            result -> {
              Fsrs.Rating rating =
                  result.getBoolean("correct") ? Fsrs.Rating.GOOD : Fsrs.Rating.AGAIN;
              return mastery
                  .review(account, result.getJsonObject("question").getString("id"), rating, now)
                  .map(card -> result);
            });
  }

  /**
   * Scored by the rooms' rules without speed: a right answer is worth the flat full points, since
   * there is no shared clock to be fast against, and self-paced answers keep no streak.
   */
  private static SelfPacedGames.Mark mark(Question question, Response response) {
    double credit = Judge.credit(question, response);
    boolean correct = credit >= 1.0;
    return new SelfPacedGames.Mark(credit, correct, Scoring.points(correct, 0, 0, 1, false));
  }

  private static JsonObject reveal(int index, SelfPacedGames.Marked marked) {
    Question question = marked.question();
    return new JsonObject()
        .put("index", index)
        .put("correct", marked.mark().correct())
        .put("credit", Math.round(marked.mark().credit() * 1000) / 1000.0)
        .put("points", marked.mark().points())
        .put("answer", question.answer())
        .put("key", QuestionJson.key(question))
        .put("question", QuestionJson.toJson(question))
        .put("score", marked.score())
        .put("answered", marked.answered());
  }

  /** The assignment's standings so far, for its group's members. */
  public Future<JsonObject> leaderboard(UUID assignmentId, UUID account) {
    return load(assignmentId, account)
        .compose(
            assignment ->
                selfPaced
                    .standings(assignment.gameId())
                    .map(
                        standings -> {
                          JsonArray entries = new JsonArray();
                          int rank = 0;
                          for (SelfPacedGames.Standing standing : standings) {
                            entries.add(
                                new JsonObject()
                                    .put("rank", ++rank)
                                    .put("username", standing.nickname())
                                    .put("points", standing.score())
                                    .put("answered", standing.answered())
                                    .put(
                                        "accuracy",
                                        Leaderboards.accuracy(
                                            standing.correct(), standing.answered())));
                          }
                          return new JsonObject()
                              .put("open", assignment.isOpen(clock.instant()))
                              .put("closesAt", assignment.closesAt().toString())
                              .put("entries", entries);
                        }));
  }

  private record Loaded(
      UUID id, UUID gameId, String title, Instant opensAt, Instant closesAt, UUID groupId) {
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
                throw Problem.notFound(
                    "assignment_not_found", "There is no such assignment in your groups.");
              }
              Row row = rows.iterator().next();
              return new Loaded(
                  row.getUUID("id"),
                  row.getUUID("game_id"),
                  row.getString("title"),
                  row.getOffsetDateTime("opens_at").toInstant(),
                  row.getOffsetDateTime("closes_at").toInstant(),
                  row.getUUID("group_id"));
            });
  }

  private static JsonObject summary(
      UUID id,
      UUID gameId,
      String title,
      Instant opensAt,
      Instant closesAt,
      int questions,
      int answered,
      int score) {
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
