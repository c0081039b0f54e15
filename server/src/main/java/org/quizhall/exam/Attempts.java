package org.quizhall.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Judge;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;
import org.quizhall.game.Gradebook;
import org.quizhall.group.Fsrs;
import org.quizhall.group.MasteryRecorder;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sitting an exam alone. The server holds the attempt: its questions (drawn when it starts and
 * kept, key included), the answers and flags as they change, and its deadline, which only the
 * server's clock reaches. Nothing of a key or an explanation leaves before submission. Time up, the
 * attempt is submitted with the answers it has, on its next access or by the periodic sweep,
 * whichever comes first; after a restart all of it is still in the database.
 */
public final class Attempts {

  private static final Logger log = LoggerFactory.getLogger(Attempts.class);

  /** Attempts the sweep submits in one pass; the rest wait for the next. */
  static final int SWEEP_BATCH = 100;

  /** What the report's time per question measures, in words. */
  static final String TIME_MEASURE =
      "Server time from the attempt's previous answer or flag (or its start) to each answer"
          + " or flag on this question, added up. Time spent looking at a question without answering or flagging it"
          + " counts to the next question answered or flagged.";

  private final Pool pool;
  private final Exams exams;
  private final Decks decks;
  private final MasteryRecorder mastery;
  private final Readiness readiness;
  private final Clock clock;

  public Attempts(
      Pool pool,
      Exams exams,
      Decks decks,
      MasteryRecorder mastery,
      Readiness readiness,
      Clock clock) {
    this.pool = pool;
    this.readiness = readiness;
    this.exams = exams;
    this.decks = decks;
    this.mastery = mastery;
    this.clock = clock;
  }

  /** An attempt as stored, checked to be the caller's. */
  private record Loaded(
      UUID id,
      UUID examId,
      UUID account,
      UUID sittingId,
      int number,
      Instant startedAt,
      Instant deadline,
      Instant lastEventAt,
      Instant submittedAt,
      String submittedBy,
      JsonObject settings) {

    boolean submitted() {
      return submittedAt != null;
    }
  }

  /** Starts an attempt: draws its questions by the exam's blueprint and starts its clock. */
  public Future<JsonObject> start(UUID examId, UUID account) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    return exams
        .load(examId, account)
        .compose(exam -> submitExpired(examId, account).map(exam))
        // Refused before anything is drawn: a start while one is under way, or with none left,
        // costs a query.
        .compose(exam -> soloAttempts(pool, exam, account).map(exam))
        .compose(
            exam ->
                decks
                    .questions(exam.deckId(), account)
                    .compose(
                        questions ->
                            draw(
                                exam,
                                questions,
                                exam.settings().shuffleOptions(),
                                id.getMostSignificantBits()))
                    .map(drawn -> new Starting(exam, drawn)))
        .compose(
            starting ->
                pool.withTransaction(
                        connection ->
                            insert(connection, id, starting.exam(), account, starting.drawn(), now))
                    .recover(
                        e ->
                            Future.failedFuture(
                                isUniqueViolation(e)
                                    ? Problem.conflict(
                                        "attempt_in_progress",
                                        "You have an attempt at this exam under way: finish it first.")
                                    : e))
                    // What readiness says as the attempt starts, to hold against its score.
                    .compose(v -> readiness.keep(id, account, starting.exam())))
        .compose(v -> view(id, account));
  }

  /**
   * The questions of an attempt, or of a group sitting, drawn by the exam's blueprint; 409 {@code
   * no_questions} when the deck has none of the exam's kinds left.
   */
  static Future<ExamDraw.Drawn> draw(
      Exams.Loaded exam, List<Question> questions, boolean shuffle, long seed) {
    return offTheLoop(
        () -> {
          ExamSettings s = exam.settings();
          ExamDraw.Drawn drawn =
              ExamDraw.draw(
                  questions,
                  s.questionCount(),
                  s.blueprint(),
                  new java.util.LinkedHashSet<>(s.kinds()),
                  shuffle,
                  seed);
          if (drawn.questions().isEmpty()) {
            throw Problem.conflict(
                "no_questions", "The deck has no questions of the exam's kinds left to ask.");
          }
          return drawn;
        });
  }

  /**
   * Drawing by a blueprint over a deck of thousands of questions takes tens to hundreds of
   * milliseconds: on a worker, never on the event loop that serves other students' answers.
   */
  static <T> Future<T> offTheLoop(java.util.concurrent.Callable<T> work) {
    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
    if (context == null) {
      try {
        return Future.succeededFuture(work.call());
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
    return context.owner().executeBlocking(work, false);
  }

  /**
   * The account's attempts at the exam sat alone (attempts in group sittings count for neither
   * limit), refused when one is under way or none are left: before anything is drawn, and again in
   * the transaction that inserts.
   */
  private static Future<Void> soloAttempts(
      io.vertx.sqlclient.SqlClient client, Exams.Loaded exam, UUID account) {
    ExamSettings s = exam.settings();
    return client
        .preparedQuery(
            "SELECT count(*)::int AS made, count(*) FILTER (WHERE submitted_at IS NULL)::int AS open"
                + " FROM exam_attempts WHERE exam_id = $1 AND account_id = $2 AND sitting_id IS NULL")
        .execute(Tuple.of(exam.id(), account))
        .compose(
            rows -> {
              Row row = rows.iterator().next();
              if (row.getInteger("open") > 0) {
                return Future.failedFuture(
                    Problem.conflict(
                        "attempt_in_progress",
                        "You have an attempt at this exam under way: finish it first."));
              }
              if (s.attemptsAllowed() != null && row.getInteger("made") >= s.attemptsAllowed()) {
                return Future.failedFuture(
                    Problem.conflict(
                        "no_attempts_left",
                        "This exam allows "
                            + s.attemptsAllowed()
                            + " attempt"
                            + (s.attemptsAllowed() == 1 ? "" : "s")
                            + " and you have made them all."));
              }
              return Future.succeededFuture();
            });
  }

  /** An exam and the questions drawn for an attempt at it, on their way into the database. */
  private record Starting(Exams.Loaded exam, ExamDraw.Drawn drawn) {}

  private Future<Void> insert(
      SqlConnection connection,
      UUID id,
      Exams.Loaded exam,
      UUID account,
      ExamDraw.Drawn drawn,
      Instant now) {
    return soloAttempts(connection, exam, account)
        .compose(
            v ->
                record(
                    connection,
                    new NewAttempt(
                        id,
                        exam.id(),
                        account,
                        null,
                        settings(exam, drawn),
                        drawn.questions(),
                        now,
                        now.plus(Duration.ofMinutes(exam.settings().minutes())))));
  }

  /**
   * The exam as an attempt keeps it, and a sitting too: title, minutes, pass mark, the blueprint
   * planned and drawn, the deck.
   */
  static JsonObject settings(Exams.Loaded exam, ExamDraw.Drawn drawn) {
    ExamSettings s = exam.settings();
    JsonArray plan = new JsonArray();
    drawn
        .planned()
        .forEach(
            (topic, n) ->
                plan.add(
                    new JsonObject()
                        .put("topic", topic)
                        .put("planned", n)
                        .put("drawn", drawn.drawn().getOrDefault(topic, 0))));
    return new JsonObject()
        .put("title", s.title())
        .put("minutes", s.minutes())
        .put("questionCount", s.questionCount())
        .put("passKind", s.passKind())
        .put("scaleMin", s.scaleMin())
        .put("scaleMax", s.scaleMax())
        .put("passMark", s.passMark())
        .put("shuffleOptions", s.shuffleOptions())
        .put("kinds", s.kinds().isEmpty() ? null : new JsonArray(s.kinds()))
        .put("blueprint", plan)
        .put("deckId", exam.deckId().toString());
  }

  /**
   * An attempt on its way into the database: alone ({@code sittingId} null) or in a group sitting.
   */
  record NewAttempt(
      UUID id,
      UUID examId,
      UUID account,
      UUID sittingId,
      JsonObject settings,
      List<Question> questions,
      Instant startedAt,
      Instant deadline) {}

  /**
   * Writes a new attempt and its questions, numbered after the account's earlier attempts at the
   * exam; call it inside a transaction.
   */
  static Future<Void> record(SqlConnection connection, NewAttempt attempt) {
    return connection
        .preparedQuery(
            "INSERT INTO exam_attempts (id, exam_id, account_id, sitting_id, number, started_at, deadline,"
                + " last_event_at, settings) VALUES ($1, $2, $3, $4, (SELECT coalesce(max(number), 0) + 1"
                + " FROM exam_attempts WHERE exam_id = $2 AND account_id = $3), $5, $6, $5, $7)")
        .execute(
            Tuple.of(
                attempt.id(),
                attempt.examId(),
                attempt.account(),
                attempt.sittingId(),
                utc(attempt.startedAt()),
                utc(attempt.deadline()),
                attempt.settings()))
        .compose(
            v -> {
              List<Tuple> batch = new ArrayList<>();
              List<Question> questions = attempt.questions();
              for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                batch.add(Tuple.of(attempt.id(), i, q.id(), q.topic(), QuestionJson.toJson(q)));
              }
              return connection
                  .preparedQuery(
                      "INSERT INTO attempt_questions (attempt_id, position, question_id, topic, body)"
                          + " VALUES ($1, $2, $3, $4, $5)")
                  .executeBatch(batch);
            })
        .mapEmpty();
  }

  /**
   * The attempt as its owner sees it while sitting it: questions without keys, their answers and
   * flags, time left.
   */
  public Future<JsonObject> get(UUID attemptId, UUID account) {
    return current(attemptId, account).compose(a -> view(a.id(), account));
  }

  /**
   * Saves (or, with no answer field, clears) the answer to question {@code index}; durable when it
   * returns.
   *
   * @throws Problem 409 {@code attempt_submitted}, {@code time_up}; 404 {@code question_not_found};
   *     400 for an answer that does not fit the question (as {@link Judge} says)
   */
  public Future<JsonObject> answer(UUID attemptId, UUID account, int index, Response response) {
    boolean clear =
        response.choice() == null && response.text() == null && response.choices() == null;
    return change(
        attemptId,
        account,
        index,
        (connection, attempt, question, now) -> {
          if (!clear) {
            // The judge says whether the answer fits the question (the verdict itself waits for
            // submission).
            Judge.credit(question, response);
          }
          return connection
              .preparedQuery(
                  "UPDATE attempt_questions SET choice = $3, choices = $4, text_answer = $5, answered_at = $6,"
                      + " spent_ms = spent_ms + $7 WHERE attempt_id = $1 AND position = $2")
              .execute(
                  Tuple.tuple()
                      .addUUID(attempt.id())
                      .addInteger(index)
                      .addInteger(response.choice())
                      .addArrayOfInteger(response.choiceArray())
                      .addString(clear ? null : response.text())
                      .addValue(clear ? null : utc(now))
                      .addLong(spent(attempt, now)));
        });
  }

  /** Flags question {@code index} for review, or takes the flag off. */
  public Future<JsonObject> flag(UUID attemptId, UUID account, int index, boolean flagged) {
    return change(
        attemptId,
        account,
        index,
        (connection, attempt, question, now) ->
            connection
                .preparedQuery(
                    "UPDATE attempt_questions SET flagged = $3, spent_ms = spent_ms + $4"
                        + " WHERE attempt_id = $1 AND position = $2")
                .execute(Tuple.of(attempt.id(), index, flagged, spent(attempt, now))));
  }

  @FunctionalInterface
  private interface Change {
    Future<RowSet<Row>> apply(
        SqlConnection connection, Loaded attempt, Question question, Instant now);
  }

  /**
   * One change to an attempt under way, in a transaction that holds the attempt's row against a
   * submission.
   */
  private Future<JsonObject> change(UUID attemptId, UUID account, int index, Change change) {
    return current(attemptId, account)
        .compose(
            found -> {
              if (found.submitted()) {
                return Future.failedFuture(refusal(found));
              }
              return pool.withTransaction(
                      connection ->
                          connection
                              .preparedQuery(
                                  "SELECT "
                                      + ATTEMPT_COLUMNS
                                      + " FROM exam_attempts WHERE id = $1 FOR UPDATE")
                              .execute(Tuple.of(attemptId))
                              .compose(
                                  rows -> {
                                    if (rows.size() == 0) {
                                      // Its exam was deleted between the check and the lock.
                                      return Future.failedFuture(
                                          Problem.notFound(
                                              "attempt_not_found",
                                              "You have no attempt with that id."));
                                    }
                                    Loaded attempt = loaded(rows.iterator().next());
                                    Instant now = clock.instant();
                                    if (attempt.submitted()) {
                                      return Future.failedFuture(refusal(attempt));
                                    }
                                    if (!now.isBefore(attempt.deadline())) {
                                      return Future.failedFuture(timeUp());
                                    }
                                    return connection
                                        .preparedQuery(
                                            "SELECT body FROM attempt_questions WHERE attempt_id = $1 AND position = $2")
                                        .execute(Tuple.of(attemptId, index))
                                        .compose(
                                            bodies -> {
                                              if (bodies.size() == 0) {
                                                return Future.failedFuture(questionNotFound(index));
                                              }
                                              Question question =
                                                  QuestionJson.fromJson(
                                                      (JsonObject)
                                                          bodies
                                                              .iterator()
                                                              .next()
                                                              .getValue("body"));
                                              return change.apply(
                                                  connection, attempt, question, now);
                                            })
                                        .compose(
                                            v ->
                                                connection
                                                    .preparedQuery(
                                                        "UPDATE exam_attempts SET last_event_at = $2 WHERE id = $1")
                                                    .execute(Tuple.of(attemptId, utc(now))))
                                        .compose(
                                            v ->
                                                connection
                                                    .preparedQuery(
                                                        "SELECT choice, choices, text_answer, flagged,"
                                                            + " (SELECT count(*) FROM attempt_questions WHERE attempt_id = $1 AND answered_at IS NOT NULL)::int"
                                                            + " AS answered FROM attempt_questions WHERE attempt_id = $1 AND position = $2")
                                                    .execute(Tuple.of(attemptId, index)))
                                        .map(
                                            saved -> {
                                              Row row = saved.iterator().next();
                                              return new JsonObject()
                                                  .put("index", index)
                                                  .put("answer", answerJson(row))
                                                  .put("flagged", row.getBoolean("flagged"))
                                                  .put("answered", row.getInteger("answered"))
                                                  .mergeIn(remaining(attempt.deadline(), now));
                                            });
                                  }))
                  .recover(
                      e -> {
                        // The time ran out while the change waited: submit with what was saved
                        // before it.
                        if (e instanceof Problem p && p.code().equals("time_up")) {
                          return submit(attemptId, "deadline", found.deadline())
                              .compose(v -> Future.failedFuture(e));
                        }
                        return Future.failedFuture(e);
                      });
            });
  }

  /**
   * Submits the attempt at the player's request; 409 {@code attempt_submitted} when it already was.
   */
  public Future<JsonObject> submitNow(UUID attemptId, UUID account) {
    return current(attemptId, account)
        .compose(
            attempt -> {
              if (attempt.submitted()) {
                return Future.failedFuture(refusal(attempt));
              }
              Instant now = clock.instant();
              boolean late = !now.isBefore(attempt.deadline());
              return submit(
                  attemptId, late ? "deadline" : "player", late ? attempt.deadline() : now);
            })
        .compose(v -> view(attemptId, account));
  }

  /**
   * Marks the attempt submitted (once, however many callers race), judges every answer with the one
   * judge, and feeds the person's memory of each question: wrong or unanswered is Again, right but
   * flagged Hard, right Good.
   */
  Future<Void> submit(UUID attemptId, String by, Instant at) {
    Instant now = clock.instant();
    return pool.<List<Review>>withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "UPDATE exam_attempts SET submitted_at = $2, submitted_by = $3"
                            + " WHERE id = $1 AND submitted_at IS NULL RETURNING account_id")
                    .execute(Tuple.of(attemptId, utc(at), by))
                    .compose(
                        updated -> {
                          if (updated.size() == 0) {
                            return Future.succeededFuture(List.<Review>of());
                          }
                          UUID account = updated.iterator().next().getUUID("account_id");
                          return connection
                              .preparedQuery(
                                  "SELECT position, question_id, body, choice, choices, text_answer, flagged"
                                      + " FROM attempt_questions WHERE attempt_id = $1 ORDER BY position")
                              .execute(Tuple.of(attemptId))
                              .compose(
                                  rows -> {
                                    List<Tuple> verdicts = new ArrayList<>();
                                    List<Review> reviews = new ArrayList<>();
                                    int correct = 0;
                                    for (Row row : rows) {
                                      Question question =
                                          QuestionJson.fromJson((JsonObject) row.getValue("body"));
                                      boolean right = judged(question, response(row));
                                      correct += right ? 1 : 0;
                                      verdicts.add(
                                          Tuple.of(attemptId, row.getInteger("position"), right));
                                      Fsrs.Rating rating =
                                          !right
                                              ? Fsrs.Rating.AGAIN
                                              : row.getBoolean("flagged")
                                                  ? Fsrs.Rating.HARD
                                                  : Fsrs.Rating.GOOD;
                                      reviews.add(
                                          new Review(
                                              account, row.getString("question_id"), rating));
                                    }
                                    int total = correct;
                                    Future<?> judged =
                                        verdicts.isEmpty()
                                            ? Future.succeededFuture()
                                            : connection
                                                .preparedQuery(
                                                    "UPDATE attempt_questions SET correct = $3 WHERE attempt_id = $1 AND position = $2")
                                                .executeBatch(verdicts);
                                    return judged
                                        .compose(
                                            v ->
                                                connection
                                                    .preparedQuery(
                                                        "UPDATE exam_attempts SET correct_count = $2 WHERE id = $1")
                                                    .execute(Tuple.of(attemptId, total)))
                                        .map(reviews);
                                  });
                        }))
        .compose(
            reviews -> {
              Future<?> chain = Future.succeededFuture();
              Map<String, Review> once = new LinkedHashMap<>();
              reviews.forEach(r -> once.putIfAbsent(r.questionId(), r));
              for (Review r : once.values()) {
                chain =
                    chain.compose(
                        v -> mastery.review(r.account(), r.questionId(), r.rating(), now));
              }
              // The attempt is submitted and judged; a memory card missed is logged, not a reason
              // to fail the submission.
              return chain
                  .<Void>mapEmpty()
                  .recover(
                      e -> {
                        log.warn("mastery from exam attempt {} not fully recorded", attemptId, e);
                        return Future.succeededFuture();
                      });
            });
  }

  private record Review(UUID account, String questionId, Fsrs.Rating rating) {}

  /**
   * Submits every attempt whose time has run out, a batch at a time; returns how many it submitted.
   */
  public Future<Integer> sweep() {
    Instant now = clock.instant();
    return pool.preparedQuery(
            "SELECT id, deadline FROM exam_attempts WHERE submitted_at IS NULL AND deadline <= $1"
                + " ORDER BY deadline LIMIT "
                + SWEEP_BATCH)
        .execute(Tuple.of(utc(now)))
        .compose(
            rows -> {
              Future<Integer> chain = Future.succeededFuture(0);
              for (Row row : rows) {
                UUID id = row.getUUID("id");
                Instant deadline = row.getOffsetDateTime("deadline").toInstant();
                // One attempt that cannot be submitted (a damaged row) must not hold back the
                // others.
                chain =
                    chain.compose(
                        n ->
                            submit(id, "deadline", deadline)
                                .map(n + 1)
                                .recover(
                                    e -> {
                                      log.warn(
                                          "Attempt {} could not be submitted: {}",
                                          id,
                                          e.toString());
                                      return Future.succeededFuture(n);
                                    }));
              }
              return chain;
            });
  }

  /**
   * The report of a submitted attempt: score, pass or fail, per domain, time per question and every
   * question reviewed.
   */
  public Future<JsonObject> report(UUID attemptId, UUID account) {
    return current(attemptId, account)
        .compose(
            attempt -> {
              if (!attempt.submitted()) {
                return Future.failedFuture(
                    Problem.conflict(
                        "not_submitted",
                        "The report comes once the attempt is submitted: no answer or key is shown before."));
              }
              // In a group sitting the keys wait until it closes, so nobody still sitting it can be
              // told them.
              Future<Void> closed =
                  attempt.sittingId() == null
                      ? Future.succeededFuture()
                      : SittingWindow.settle(pool, attempt.sittingId(), clock.instant())
                          .compose(
                              state ->
                                  state == SittingWindow.State.CLOSED
                                      ? Future.succeededFuture()
                                      : Future.failedFuture(SittingWindow.notClosed()));
              return closed.compose(
                  v ->
                      pool.preparedQuery(
                              "SELECT position, topic, body, choice, choices, text_answer, flagged, spent_ms,"
                                  + " correct FROM attempt_questions WHERE attempt_id = $1 ORDER BY position")
                          .execute(Tuple.of(attemptId))
                          .map(rows -> reportJson(attempt, rows)));
            });
  }

  private static JsonObject reportJson(Loaded attempt, RowSet<Row> rows) {
    JsonObject s = attempt.settings();
    DomainTally domains = new DomainTally(s);
    JsonArray questions = new JsonArray();
    int correct = 0;
    long spent = 0;
    for (Row row : rows) {
      Question q = QuestionJson.fromJson((JsonObject) row.getValue("body"));
      Response given = response(row);
      boolean right = Boolean.TRUE.equals(row.getBoolean("correct"));
      boolean answered = given != null;
      correct += right ? 1 : 0;
      spent += row.getLong("spent_ms");
      domains.add(row.getString("topic"), right ? 1 : 0, 1);
      questions.add(
          new JsonObject()
              .put("index", row.getInteger("position"))
              .put("id", q.id())
              .put("type", q.type().jsonName())
              .put("kind", q.kind())
              .put("topic", q.topic())
              .put("prompt", q.prompt())
              .put("context", new JsonArray(q.context()))
              .mergeIn(QuestionJson.askable(q))
              .put("answer", answered ? given.toJson() : null)
              .put(
                  "answerText",
                  answered
                      ? Gradebook.given(q, given.choice(), given.choices(), given.text())
                      : null)
              .put("correct", right)
              .put("credit", answered ? Math.round(credit(q, given) * 1000) / 1000.0 : 0.0)
              .put("key", QuestionJson.key(q))
              .put("keyText", q.answer())
              .put("explanation", q.explanation())
              .put("source", QuestionJson.sourceJson(q.source()))
              .put("flagged", row.getBoolean("flagged"))
              .put("timeMs", row.getLong("spent_ms")));
    }
    ExamScore score =
        ExamScore.of(
            correct,
            questions.size(),
            s.getString("passKind"),
            s.getInteger("scaleMin"),
            s.getInteger("scaleMax"),
            s.getInteger("passMark"));
    return new JsonObject()
        .put("attemptId", attempt.id().toString())
        .put("examId", attempt.examId().toString())
        .put("sittingId", string(attempt.sittingId()))
        .put("deckId", s.getString("deckId"))
        .put("title", s.getString("title"))
        .put("number", attempt.number())
        .put("startedAt", attempt.startedAt().toString())
        .put("deadline", attempt.deadline().toString())
        .put("submittedAt", attempt.submittedAt().toString())
        .put("submittedBy", attempt.submittedBy())
        .put("durationMs", Duration.between(attempt.startedAt(), attempt.submittedAt()).toMillis())
        .put("score", score.toJson())
        .put("domains", domains.toJson())
        .put("timing", new JsonObject().put("measure", TIME_MEASURE).put("answeredMs", spent))
        .put("questions", questions);
  }

  /**
   * The share of a whole answer that was right (both picks of a "choose two", items in place), for
   * the review.
   */
  private static double credit(Question question, Response response) {
    try {
      return Judge.credit(question, response);
    } catch (Problem misfit) {
      return 0;
    }
  }

  private static boolean judged(Question question, Response response) {
    if (response == null) {
      return false;
    }
    try {
      return Judge.correct(question, response);
    } catch (Problem misfit) {
      // Saved answers were checked against the same question; one that no longer fits scores
      // nothing.
      return false;
    }
  }

  private Future<JsonObject> view(UUID attemptId, UUID account) {
    return load(attemptId, account)
        .compose(
            attempt ->
                pool.preparedQuery(
                        "SELECT position, body, choice, choices, text_answer, flagged"
                            + " FROM attempt_questions WHERE attempt_id = $1 ORDER BY position")
                    .execute(Tuple.of(attemptId))
                    .map(
                        rows -> {
                          Instant now = clock.instant();
                          JsonArray questions = new JsonArray();
                          int answered = 0;
                          int flagged = 0;
                          for (Row row : rows) {
                            Question q = QuestionJson.fromJson((JsonObject) row.getValue("body"));
                            JsonObject answer = answerJson(row);
                            answered += answer == null ? 0 : 1;
                            flagged += row.getBoolean("flagged") ? 1 : 0;
                            questions.add(
                                QuestionJson.withoutKey(q)
                                    .put("index", row.getInteger("position"))
                                    .put("answer", answer)
                                    .put("flagged", row.getBoolean("flagged")));
                          }
                          JsonObject s = attempt.settings();
                          JsonObject out =
                              new JsonObject()
                                  .put("id", attempt.id().toString())
                                  .put("examId", attempt.examId().toString())
                                  .put("sittingId", string(attempt.sittingId()))
                                  .put("title", s.getString("title"))
                                  .put("number", attempt.number())
                                  .put("state", attempt.submitted() ? "submitted" : "open")
                                  .put("startedAt", attempt.startedAt().toString())
                                  .put("deadline", attempt.deadline().toString())
                                  .put("minutes", s.getInteger("minutes"))
                                  .put(
                                      "submittedAt",
                                      attempt.submitted() ? attempt.submittedAt().toString() : null)
                                  .put("submittedBy", attempt.submittedBy())
                                  .put("questionCount", questions.size())
                                  .put("answered", answered)
                                  .put("flagged", flagged)
                                  .mergeIn(
                                      remaining(
                                          attempt.deadline(),
                                          attempt.submitted() ? attempt.deadline() : now));
                          if (!attempt.submitted()) {
                            out.put("questions", questions);
                          }
                          return out;
                        }));
  }

  /** The caller's attempt, submitted first if its time ran out while nobody looked. */
  private Future<Loaded> current(UUID attemptId, UUID account) {
    return load(attemptId, account)
        .compose(
            attempt -> {
              if (attempt.submitted() || clock.instant().isBefore(attempt.deadline())) {
                return Future.succeededFuture(attempt);
              }
              return submit(attemptId, "deadline", attempt.deadline())
                  .compose(v -> load(attemptId, account));
            });
  }

  /** Submits the caller's attempts at one exam whose time ran out, so a new one can start. */
  private Future<Void> submitExpired(UUID examId, UUID account) {
    return pool.preparedQuery(
            "SELECT id, deadline FROM exam_attempts WHERE exam_id = $1 AND account_id = $2"
                + " AND submitted_at IS NULL AND deadline <= $3")
        .execute(Tuple.of(examId, account, utc(clock.instant())))
        .compose(this::submitEach);
  }

  /**
   * Submits the attempts of a group sitting whose time ran out and that the sweep has not reached
   * yet, so its results count every one of them.
   */
  Future<Void> submitExpiredInSitting(UUID sittingId) {
    return pool.preparedQuery(
            "SELECT id, deadline FROM exam_attempts WHERE sitting_id = $1"
                + " AND submitted_at IS NULL AND deadline <= $2")
        .execute(Tuple.of(sittingId, utc(clock.instant())))
        .compose(this::submitEach);
  }

  private Future<Void> submitEach(RowSet<Row> rows) {
    Future<Void> chain = Future.succeededFuture();
    for (Row row : rows) {
      UUID id = row.getUUID("id");
      Instant deadline = row.getOffsetDateTime("deadline").toInstant();
      chain = chain.compose(v -> submit(id, "deadline", deadline));
    }
    return chain;
  }

  private static final String ATTEMPT_COLUMNS =
      "id, exam_id, account_id, sitting_id, number, started_at, deadline, last_event_at,"
          + " submitted_at, submitted_by, settings";

  private Future<Loaded> load(UUID attemptId, UUID account) {
    return pool.preparedQuery(
            "SELECT " + ATTEMPT_COLUMNS + " FROM exam_attempts WHERE id = $1 AND account_id = $2")
        .execute(Tuple.of(attemptId, account))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw Problem.notFound("attempt_not_found", "You have no attempt with that id.");
              }
              return loaded(rows.iterator().next());
            });
  }

  private static Loaded loaded(Row row) {
    OffsetDateTime submitted = row.getOffsetDateTime("submitted_at");
    return new Loaded(
        row.getUUID("id"),
        row.getUUID("exam_id"),
        row.getUUID("account_id"),
        row.getUUID("sitting_id"),
        row.getInteger("number"),
        row.getOffsetDateTime("started_at").toInstant(),
        row.getOffsetDateTime("deadline").toInstant(),
        row.getOffsetDateTime("last_event_at").toInstant(),
        submitted == null ? null : submitted.toInstant(),
        row.getString("submitted_by"),
        (JsonObject) row.getValue("settings"));
  }

  /** An attempt in an exam's list of attempts. */
  static JsonObject summary(Row row, Instant now) {
    OffsetDateTime submitted = row.getOffsetDateTime("submitted_at");
    Instant deadline = row.getOffsetDateTime("deadline").toInstant();
    boolean open = submitted == null && now.isBefore(deadline);
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("number", row.getInteger("number"))
        .put("sittingId", string(row.getUUID("sitting_id")))
        .put("state", open ? "open" : "submitted")
        .put("startedAt", row.getOffsetDateTime("started_at").toInstant().toString())
        .put("deadline", deadline.toString())
        .put("submittedAt", submitted == null ? null : submitted.toInstant().toString())
        .put("correctCount", row.getInteger("correct_count"))
        .put("questionCount", row.getInteger("questions"));
  }

  private static JsonObject remaining(Instant deadline, Instant now) {
    long ms = Math.max(0, Duration.between(now, deadline).toMillis());
    return new JsonObject()
        .put("now", now.toString())
        .put("remainingMs", ms)
        .put("remainingSeconds", (ms + 999) / 1000);
  }

  private static long spent(Loaded attempt, Instant now) {
    return Math.max(0, Duration.between(attempt.lastEventAt(), now).toMillis());
  }

  private static Response response(Row row) {
    Integer[] choices = row.getArrayOfIntegers("choices");
    Integer choice = row.getInteger("choice");
    String text = row.getString("text_answer");
    if (choice == null && choices == null && text == null) {
      return null;
    }
    return new Response(choice, text, choices == null ? null : List.of(choices));
  }

  private static JsonObject answerJson(Row row) {
    Response response = response(row);
    return response == null ? null : response.toJson();
  }

  private static Problem refusal(Loaded attempt) {
    return "deadline".equals(attempt.submittedBy())
        ? timeUp()
        : Problem.conflict(
            "attempt_submitted",
            "This attempt has been submitted: its answers can no longer change.");
  }

  private static Problem timeUp() {
    return Problem.conflict(
        "time_up",
        "The time for this attempt is up: it was submitted with the answers saved before.");
  }

  private static Problem questionNotFound(int index) {
    return Problem.notFound("question_not_found", "This attempt has no question " + index + ".");
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && "23505".equals(pg.getSqlState());
  }

  private static String string(UUID id) {
    return id == null ? null : id.toString();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
