package org.quizhall.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Question;
import org.quizhall.problem.Problem;

/**
 * Mock exams anyone sets on a deck they can read: the exam's shape (questions, minutes, pass mark,
 * blueprint, kinds, shuffling, attempts). Only its owner sees or changes one; a change applies to
 * attempts started after it.
 */
public final class Exams {

  static final String COLUMNS =
      "e.id, e.owner_id, e.deck_id, e.title, e.question_count, e.minutes, e.pass_kind,"
          + " e.scale_min, e.scale_max, e.pass_mark, e.blueprint, e.kinds, e.shuffle_options, e.attempts_allowed,"
          + " e.created_at, e.updated_at";

  private final Pool pool;
  private final Decks decks;
  private final Clock clock;

  public Exams(Pool pool, Decks decks, Clock clock) {
    this.pool = pool;
    this.decks = decks;
    this.clock = clock;
  }

  /** An exam as stored, for those who go on to start or show it. */
  record Loaded(UUID id, UUID owner, UUID deckId, ExamSettings settings, Row row) {}

  public Future<JsonObject> create(UUID account, UUID deckId, JsonObject body) {
    // Any deck the account can read (its own, a public one, the sample): the exam and its attempts
    // are the
    // account's, and a key reaches it only in the report after it has answered, as in practice.
    return decks
        .get(deckId, account)
        .compose(
            deck -> {
              ExamSettings settings =
                  ExamSettings.defaults(deck).with(without(body, "deckId"), deck);
              return pool.preparedQuery(
                      "INSERT INTO exams (owner_id, deck_id, title, question_count, minutes, pass_kind, scale_min,"
                          + " scale_max, pass_mark, blueprint, kinds, shuffle_options, attempts_allowed, created_at,"
                          + " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)"
                          + " RETURNING id")
                  .execute(
                      values(Tuple.of(account, deckId), settings)
                          .addValue(clock.instant().atOffset(ZoneOffset.UTC)))
                  .compose(rows -> get(rows.iterator().next().getUUID("id"), account));
            });
  }

  /** The caller's exams, newest first, optionally of one deck. */
  public Future<JsonArray> list(UUID account, UUID deckId) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + ", d.title AS deck_title,"
                + " (SELECT count(*) FROM exam_attempts a WHERE a.exam_id = e.id AND a.account_id = $1"
                + " AND a.sitting_id IS NULL)::int AS attempts,"
                + " (SELECT max(a.correct_count) FROM exam_attempts a WHERE a.exam_id = e.id AND a.account_id = $1) AS best"
                + " FROM exams e JOIN decks d ON d.id = e.deck_id"
                + " WHERE e.owner_id = $1 AND ($2::uuid IS NULL OR e.deck_id = $2) ORDER BY e.created_at DESC LIMIT 200")
        .execute(Tuple.of(account, deckId))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row row : rows) {
                out.add(
                    json(row)
                        .put("attemptsMade", row.getInteger("attempts"))
                        .put("bestCorrect", row.getInteger("best")));
              }
              return out;
            });
  }

  /** One exam with the caller's attempts at it. */
  public Future<JsonObject> get(UUID examId, UUID account) {
    return load(examId, account)
        .compose(
            exam ->
                pool.preparedQuery(
                        "SELECT id, sitting_id, number, started_at, deadline, submitted_at, submitted_by, correct_count,"
                            + " (SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id)::int AS questions"
                            + " FROM exam_attempts a WHERE exam_id = $1 AND account_id = $2 ORDER BY number DESC")
                    .execute(Tuple.of(examId, account))
                    .map(
                        rows -> {
                          JsonArray attempts = new JsonArray();
                          for (Row row : rows) {
                            attempts.add(Attempts.summary(row, clock.instant()));
                          }
                          return json(exam.row()).put("attempts", attempts);
                        })
                    .compose(
                        json ->
                            decks
                                .questions(exam.deckId(), account)
                                .map(
                                    questions ->
                                        json.put("plan", plan(exam.settings(), questions)))));
  }

  public Future<JsonObject> update(UUID examId, UUID account, JsonObject body) {
    if (body.containsKey("deckId")) {
      return Future.failedFuture(
          Problem.invalid(
              "invalid_field", "An exam stays on its deck; make a new exam for another."));
    }
    return load(examId, account)
        .compose(
            exam ->
                decks
                    .get(exam.deckId(), account)
                    .compose(
                        deck -> {
                          ExamSettings settings = exam.settings().with(body, deck);
                          return pool.preparedQuery(
                                  "UPDATE exams SET title = $3, question_count = $4, minutes = $5, pass_kind = $6, scale_min = $7,"
                                      + " scale_max = $8, pass_mark = $9, blueprint = $10, kinds = $11, shuffle_options = $12,"
                                      + " attempts_allowed = $13, updated_at = $14 WHERE id = $1 AND owner_id = $2")
                              .execute(
                                  values(Tuple.of(examId, account), settings)
                                      .addValue(clock.instant().atOffset(ZoneOffset.UTC)));
                        }))
        .compose(v -> get(examId, account));
  }

  /**
   * Deletes the exam and every attempt at it, and its group sittings once they have closed; 409
   * {@code exam_in_sitting} while one is coming up or under way, whose members' attempts would go
   * with it.
   */
  public Future<Void> delete(UUID examId, UUID account) {
    return load(examId, account)
        .compose(
            exam ->
                pool.preparedQuery(
                        "SELECT 1 FROM exam_sittings WHERE exam_id = $1 AND closed_at IS NULL AND ends_at > $2 LIMIT 1")
                    .execute(Tuple.of(examId, clock.instant().atOffset(ZoneOffset.UTC))))
        .compose(
            running ->
                running.size() > 0
                    ? Future.failedFuture(
                        Problem.conflict(
                            "exam_in_sitting",
                            "A group sitting of this exam is scheduled or under way: cancel it, or let it close, first."))
                    : pool.preparedQuery("DELETE FROM exams WHERE id = $1 AND owner_id = $2")
                        .execute(Tuple.of(examId, account)))
        .compose(
            rows ->
                rows.rowCount() == 0 ? Future.failedFuture(notFound()) : Future.succeededFuture());
  }

  /**
   * The caller's exams on one deck: the one they last started an attempt at first, then the rest
   * from the oldest.
   */
  Future<List<Loaded>> onDeck(UUID account, UUID deckId) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + ", d.title AS deck_title FROM exams e JOIN decks d ON d.id = e.deck_id"
                + " WHERE e.owner_id = $1 AND e.deck_id = $2 ORDER BY"
                + " (SELECT max(a.started_at) FROM exam_attempts a WHERE a.exam_id = e.id AND a.account_id = $1)"
                + " DESC NULLS LAST, e.created_at, e.id LIMIT 200")
        .execute(Tuple.of(account, deckId))
        .map(
            rows -> {
              List<Loaded> out = new java.util.ArrayList<>();
              rows.forEach(row -> out.add(loaded(row)));
              return out;
            });
  }

  Future<Loaded> load(UUID examId, UUID account) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + ", d.title AS deck_title FROM exams e JOIN decks d ON d.id = e.deck_id"
                + " WHERE e.id = $1 AND e.owner_id = $2")
        .execute(Tuple.of(examId, account))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw notFound();
              }
              return loaded(rows.iterator().next());
            });
  }

  private static Loaded loaded(Row row) {
    return new Loaded(
        row.getUUID("id"),
        row.getUUID("owner_id"),
        row.getUUID("deck_id"),
        ExamSettings.from(row),
        row);
  }

  /**
   * Per topic the blueprint's weight and the questions an attempt would draw from it, and the
   * questions there are.
   */
  static JsonArray plan(ExamSettings settings, List<Question> questions) {
    List<Question> eligible =
        questions.stream()
            .filter(q -> settings.kinds().isEmpty() || settings.kinds().contains(q.kind()))
            .toList();
    Blueprint blueprint =
        settings.blueprint() != null ? settings.blueprint() : Blueprint.proportional(eligible);
    Map<String, Integer> shares = blueprint.apportion(settings.questionCount());
    JsonArray out = new JsonArray();
    for (Blueprint.Weight w : blueprint.weights()) {
      long available = eligible.stream().filter(q -> Objects.equals(q.topic(), w.topic())).count();
      out.add(
          new JsonObject()
              .put("topic", w.topic())
              .put("weight", w.weight())
              .put("questions", shares.get(w.topic()))
              .put("available", available));
    }
    return out;
  }

  static Problem notFound() {
    return Problem.notFound("exam_not_found", "You have no exam with that id.");
  }

  private static Tuple values(Tuple tuple, ExamSettings s) {
    return tuple
        .addString(s.title())
        .addInteger(s.questionCount())
        .addInteger(s.minutes())
        .addString(s.passKind())
        .addInteger(s.scaleMin())
        .addInteger(s.scaleMax())
        .addInteger(s.passMark())
        .addValue(s.blueprint() == null ? null : s.blueprint().toJson())
        .addValue(s.kinds().isEmpty() ? null : new JsonArray(s.kinds()))
        .addBoolean(s.shuffleOptions())
        .addInteger(s.attemptsAllowed());
  }

  private static JsonObject json(Row row) {
    ExamSettings s = ExamSettings.from(row);
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("deckId", row.getUUID("deck_id").toString())
        .put("deckTitle", row.getString("deck_title"))
        .put("title", s.title())
        .put("questionCount", s.questionCount())
        .put("minutes", s.minutes())
        .put("passMark", s.passMarkJson())
        .put("blueprint", s.blueprint() == null ? null : s.blueprint().toJson())
        .put("kinds", s.kinds().isEmpty() ? null : new JsonArray(s.kinds()))
        .put("shuffleOptions", s.shuffleOptions())
        .put("attemptsAllowed", s.attemptsAllowed())
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
        .put("updatedAt", row.getOffsetDateTime("updated_at").toInstant().toString());
  }

  private static JsonObject without(JsonObject body, String field) {
    JsonObject copy = body.copy();
    copy.remove(field);
    return copy;
  }
}
