package org.quizhall.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.group.Groups;
import org.quizhall.problem.Problem;

/**
 * Group sittings: a group's owner schedules one of their exams for the group at a set time, and the
 * members sit it together, each on their own device, in an attempt of their own held by the server
 * like any other. Everyone gets the same questions, drawn once when the sitting is scheduled
 * (options in an order of each attempt's own when the exam shuffles them), and every attempt ends
 * at the sitting's end, so whoever begins late has less time. While it runs, the owner sees who has
 * begun, how many questions each has answered and who has submitted, never an answer; once it
 * closes, everyone in the group sees the group's results by domain, the questions most missed and
 * the sitting's own leaderboard, and each member their own report.
 */
public final class Sittings {

  /** How many of the questions most missed the results name. */
  static final int MOST_MISSED = 5;

  /** How far ahead a sitting may be scheduled. */
  static final Duration LONGEST_AHEAD = Duration.ofDays(60);

  /** A start a little in the past is taken as now: a form filled in at the minute it names. */
  static final Duration START_GRACE = Duration.ofMinutes(1);

  /** Minutes after the start that a member may still begin, unless the owner says otherwise. */
  static final int DEFAULT_LATE_JOIN_MINUTES = 10;

  private static final String SUMMARY_COLUMNS =
      "s.id, s.group_id, s.exam_id, s.created_by, s.title, s.starts_at, s.late_join_until, s.ends_at,"
          + " s.closed_at, s.settings, jsonb_array_length(s.questions) AS question_count,"
          + " (SELECT count(*) FROM exam_attempts t WHERE t.sitting_id = s.id)::int AS started,"
          + " (SELECT count(*) FROM exam_attempts t WHERE t.sitting_id = s.id"
          + " AND (t.submitted_at IS NOT NULL OR t.deadline <= $3))::int AS submitted,"
          + " (SELECT count(*) FROM group_members c WHERE c.group_id = s.group_id)::int AS members,"
          + " (SELECT g.name FROM study_groups g WHERE g.id = s.group_id) AS group_name,"
          + " m.role, mine.id AS mine_id, mine.started_at AS mine_started_at,"
          + " mine.submitted_at AS mine_submitted_at, mine.deadline AS mine_deadline,"
          + " mine.correct_count AS mine_correct";

  /** The sittings {@code $2} may see, and their own attempt at each; {@code $3} is now. */
  private static final String VISIBLE =
      " FROM exam_sittings s JOIN group_members m ON m.group_id = s.group_id AND m.account_id = $2"
          + " LEFT JOIN exam_attempts mine ON mine.sitting_id = s.id AND mine.account_id = $2";

  private final Pool pool;
  private final Groups groups;
  private final Exams exams;
  private final Attempts attempts;
  private final Decks decks;
  private final Clock clock;

  public Sittings(
      Pool pool, Groups groups, Exams exams, Attempts attempts, Decks decks, Clock clock) {
    this.pool = pool;
    this.groups = groups;
    this.exams = exams;
    this.attempts = attempts;
    this.decks = decks;
    this.clock = clock;
  }

  /** A sitting as a member of its group sees it. */
  private record Found(Row row, Instant now) {

    UUID id() {
      return row.getUUID("id");
    }

    boolean byOwner() {
      return "owner".equals(row.getString("role"));
    }

    SittingWindow.State state() {
      return state(row, now);
    }

    static SittingWindow.State state(Row row, Instant now) {
      if (row.getOffsetDateTime("closed_at") != null || !now.isBefore(instant(row, "ends_at"))) {
        return SittingWindow.State.CLOSED;
      }
      return now.isBefore(instant(row, "starts_at"))
          ? SittingWindow.State.SCHEDULED
          : SittingWindow.State.OPEN;
    }

    JsonObject settings() {
      return (JsonObject) row.getValue("settings");
    }

    int questionCount() {
      return row.getInteger("question_count");
    }
  }

  /**
   * Schedules a sitting of one of the owner's exams for their group, its questions drawn now.
   *
   * @param lateJoinMinutes minutes after the start that a member may still begin; null for the
   *     default (10, or the exam's minutes if fewer)
   * @throws Problem 400 {@code invalid_start}, {@code invalid_late_join}, {@code invalid_title};
   *     403 {@code not_owner} for a member; 404 {@code group_not_found}, {@code exam_not_found};
   *     409 {@code no_questions}
   */
  public Future<JsonObject> schedule(
      UUID groupId,
      UUID account,
      UUID examId,
      String title,
      Instant startsAt,
      Integer lateJoinMinutes) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    return groups
        .asOwner(groupId, account)
        .compose(
            group -> {
              if (startsAt.isBefore(now.minus(START_GRACE))) {
                throw Problem.invalid(
                    "invalid_start", "startsAt is in the past: choose a time from now on.");
              }
              if (startsAt.isAfter(now.plus(LONGEST_AHEAD))) {
                throw Problem.invalid(
                    "invalid_start", "A sitting is scheduled at most 60 days ahead.");
              }
              if (title != null
                  && (title.isBlank() || title.strip().length() > 200 || title.indexOf(0) >= 0)) {
                throw Problem.invalid("invalid_title", "title must be 1 to 200 characters.");
              }
              return exams.load(examId, account);
            })
        .compose(
            exam -> {
              int minutes = exam.settings().minutes();
              int late =
                  lateJoinMinutes == null
                      ? Math.min(DEFAULT_LATE_JOIN_MINUTES, minutes)
                      : lateJoinMinutes;
              if (late < 1 || late > minutes) {
                throw Problem.invalid(
                    "invalid_late_join",
                    "lateJoinMinutes must be from 1 to the exam's " + minutes + " minutes.");
              }
              return decks
                  .questions(exam.deckId(), account)
                  .compose(
                      questions ->
                          Attempts.draw(exam, questions, false, id.getMostSignificantBits()))
                  .compose(
                      drawn -> {
                        JsonArray form = new JsonArray();
                        drawn.questions().forEach(q -> form.add(QuestionJson.toJson(q)));
                        String name = title == null ? exam.settings().title() : title.strip();
                        return pool.preparedQuery(
                                "INSERT INTO exam_sittings (id, group_id, exam_id, created_by, title, starts_at,"
                                    + " late_join_until, ends_at, settings, questions, created_at)"
                                    + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                            .execute(
                                Tuple.from(
                                    List.of(
                                        id,
                                        groupId,
                                        exam.id(),
                                        account,
                                        name,
                                        Attempts.utc(startsAt),
                                        Attempts.utc(startsAt.plus(Duration.ofMinutes(late))),
                                        Attempts.utc(startsAt.plus(Duration.ofMinutes(minutes))),
                                        Attempts.settings(exam, drawn).put("title", name),
                                        form,
                                        Attempts.utc(now))));
                      });
            })
        .compose(v -> get(id, account));
  }

  /**
   * The questions of a deck that a sitting scheduled or under way in one of the account's groups
   * asks (they are drawn when it is scheduled): practice and live rooms leave them out until it
   * closes or is cancelled, so neither can be used to look their keys up beforehand or meanwhile.
   */
  public Future<java.util.Set<String>> questionsInPlay(UUID deckId, UUID account) {
    return pool.preparedQuery(
            "SELECT DISTINCT q ->> 'id' AS question_id FROM exam_sittings s"
                + " JOIN group_members m ON m.group_id = s.group_id AND m.account_id = $2,"
                + " jsonb_array_elements(s.questions) q WHERE s.settings ->> 'deckId' = $1"
                + " AND s.closed_at IS NULL AND s.ends_at > $3")
        .execute(Tuple.of(deckId.toString(), account, Attempts.utc(clock.instant())))
        .map(
            rows -> {
              java.util.Set<String> ids = new java.util.HashSet<>();
              rows.forEach(row -> ids.add(row.getString("question_id")));
              return ids;
            });
  }

  /** The group's sittings, latest start first (at most 100), each with the caller's attempt. */
  public Future<JsonArray> list(UUID groupId, UUID account) {
    Instant now = clock.instant();
    return groups
        .asMember(groupId, account)
        .compose(group -> SittingWindow.settleGroup(pool, groupId, now))
        .compose(
            v ->
                pool.preparedQuery(
                        "SELECT "
                            + SUMMARY_COLUMNS
                            + VISIBLE
                            + " WHERE s.group_id = $1 ORDER BY s.starts_at DESC LIMIT 100")
                    .execute(Tuple.of(groupId, account, Attempts.utc(now))))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              rows.forEach(row -> out.add(json(new Found(row, now))));
              return out;
            });
  }

  /** One sitting, for the members of its group. */
  public Future<JsonObject> get(UUID sittingId, UUID account) {
    return find(sittingId, account).map(Sittings::json);
  }

  /**
   * Cancels a sitting that has not started; 409 {@code sitting_started} once it has.
   *
   * @throws Problem 403 {@code not_owner} for a member who is not the group's owner
   */
  public Future<Void> cancel(UUID sittingId, UUID account) {
    return find(sittingId, account)
        .compose(
            found -> {
              requireOwner(found);
              return pool.preparedQuery(
                      "DELETE FROM exam_sittings WHERE id = $1 AND starts_at > $2")
                  .execute(Tuple.of(sittingId, Attempts.utc(clock.instant())));
            })
        .compose(
            rows ->
                rows.rowCount() == 0
                    ? Future.failedFuture(
                        Problem.conflict(
                            "sitting_started",
                            "The sitting has started: it can no longer be cancelled."))
                    : Future.succeededFuture());
  }

  /**
   * Starts the caller's attempt at the sitting: between its start and its late-join limit, once.
   * The attempt ends at the sitting's end.
   *
   * @throws Problem 409 {@code sitting_not_started}, {@code already_started}, {@code
   *     late_join_closed}, {@code sitting_closed}
   */
  public Future<JsonObject> start(UUID sittingId, UUID account) {
    UUID attemptId = UUID.randomUUID();
    return find(sittingId, account)
        .compose(
            found ->
                pool.withTransaction(
                        connection ->
                            connection
                                // The sitting's row is held, so an early close and this start
                                // come one after the other.
                                .preparedQuery(
                                    "SELECT exam_id, title, starts_at, late_join_until, ends_at, closed_at,"
                                        + " settings, questions,"
                                        + " EXISTS (SELECT 1 FROM exam_attempts t WHERE t.sitting_id = s.id"
                                        + " AND t.account_id = $2) AS begun"
                                        + " FROM exam_sittings s WHERE id = $1 FOR UPDATE")
                                .execute(Tuple.of(sittingId, account))
                                .compose(
                                    rows -> {
                                      if (rows.size() == 0) {
                                        throw notFound();
                                      }
                                      Row row = rows.iterator().next();
                                      Instant now = clock.instant();
                                      refuseStart(row, now);
                                      JsonObject settings = (JsonObject) row.getValue("settings");
                                      List<Question> form = form(row);
                                      return Attempts.record(
                                          connection,
                                          new Attempts.NewAttempt(
                                              attemptId,
                                              row.getUUID("exam_id"),
                                              account,
                                              sittingId,
                                              settings,
                                              settings.getBoolean("shuffleOptions", false)
                                                  ? ExamDraw.inOwnOrder(
                                                      form, attemptId.getMostSignificantBits())
                                                  : form,
                                              now,
                                              instant(row, "ends_at")));
                                    }))
                    .recover(
                        e ->
                            Future.failedFuture(
                                e instanceof PgException pg && "23505".equals(pg.getSqlState())
                                    ? alreadyStarted()
                                    : e)))
        .compose(v -> attempts.get(attemptId, account));
  }

  private static void refuseStart(Row row, Instant now) {
    Instant startsAt = instant(row, "starts_at");
    if (now.isBefore(startsAt)) {
      throw Problem.conflict(
          "sitting_not_started",
          "The sitting starts at "
              + startsAt
              + " (in "
              + inWords(Duration.between(now, startsAt))
              + "): Start opens then.");
    }
    if (row.getBoolean("begun")) {
      throw alreadyStarted();
    }
    Instant lateJoinUntil = instant(row, "late_join_until");
    if (!now.isBefore(lateJoinUntil)) {
      throw Problem.conflict(
          "late_join_closed",
          "Members could begin until "
              + lateJoinUntil
              + ", "
              + inWords(Duration.between(startsAt, lateJoinUntil))
              + " after the start; it is too late to begin now.");
    }
    if (row.getOffsetDateTime("closed_at") != null) {
      throw Problem.conflict(
          "sitting_closed", "The sitting is over: everyone who began it has submitted.");
    }
  }

  /**
   * Who has begun, how far each is and who has submitted: for the group's owner, while the sitting
   * runs and after. Answered counts only, never an answer.
   *
   * @throws Problem 403 {@code not_owner} for a member who is not the group's owner
   */
  public Future<JsonObject> progress(UUID sittingId, UUID account) {
    return find(sittingId, account)
        .compose(
            found -> {
              requireOwner(found);
              return submitIfOver(found)
                  .compose(
                      v ->
                          pool.preparedQuery(
                                  "SELECT a.username, p.role, t.id AS attempt_id, t.started_at, t.submitted_at,"
                                      + " t.submitted_by, t.deadline, (SELECT count(*) FROM attempt_questions q"
                                      + " WHERE q.attempt_id = t.id AND q.answered_at IS NOT NULL)::int AS answered"
                                      + " FROM (SELECT account_id, role FROM group_members WHERE group_id = $2"
                                      + " UNION SELECT account_id, 'former' FROM exam_attempts WHERE sitting_id = $1"
                                      + " AND account_id NOT IN (SELECT account_id FROM group_members WHERE group_id = $2)) p"
                                      + " JOIN accounts a ON a.id = p.account_id"
                                      + " LEFT JOIN exam_attempts t ON t.sitting_id = $1 AND t.account_id = p.account_id"
                                      + " ORDER BY lower(a.username)")
                              .execute(Tuple.of(sittingId, found.row().getUUID("group_id"))))
                  .map(rows -> progressJson(found, rows));
            });
  }

  private static JsonObject progressJson(Found found, RowSet<Row> rows) {
    JsonArray members = new JsonArray();
    for (Row row : rows) {
      boolean begun = row.getUUID("attempt_id") != null;
      // The owner who scheduled it and is only watching is not one of those sitting it.
      if (!begun && "owner".equals(row.getString("role"))) {
        continue;
      }
      OffsetDateTime submitted = row.getOffsetDateTime("submitted_at");
      boolean over =
          begun && (submitted != null || !found.now().isBefore(instant(row, "deadline")));
      members.add(
          new JsonObject()
              .put("username", row.getString("username"))
              .put("inGroup", !"former".equals(row.getString("role")))
              .put("state", !begun ? "not_started" : over ? "submitted" : "sitting")
              .put("answered", begun ? row.getInteger("answered") : 0)
              .put("questionCount", found.questionCount())
              .put("startedAt", begun ? instant(row, "started_at").toString() : null)
              .put("submittedAt", submitted == null ? null : submitted.toInstant().toString())
              .put(
                  "submittedBy",
                  submitted == null ? (over ? "deadline" : null) : row.getString("submitted_by")));
    }
    return json(found).put("members", members);
  }

  /**
   * The group's results once the sitting has closed: per domain the questions right over all the
   * members' attempts, the questions most missed, and how many sat and passed.
   *
   * @throws Problem 409 {@code sitting_not_closed} before
   */
  public Future<JsonObject> results(UUID sittingId, UUID account) {
    return closed(sittingId, account)
        .compose(
            found ->
                pool.preparedQuery(
                        "SELECT q.position, count(*)::int AS sat,"
                            + " count(*) FILTER (WHERE q.correct)::int AS right_count,"
                            + " count(*) FILTER (WHERE q.answered_at IS NULL)::int AS unanswered"
                            + " FROM attempt_questions q JOIN exam_attempts t ON t.id = q.attempt_id"
                            + " WHERE t.sitting_id = $1 AND t.submitted_at IS NOT NULL"
                            + " GROUP BY q.position ORDER BY q.position")
                    .execute(Tuple.of(sittingId))
                    .compose(
                        perQuestion ->
                            pool.preparedQuery(
                                    "SELECT questions, (SELECT array_agg(t.correct_count) FROM exam_attempts t"
                                        + " WHERE t.sitting_id = s.id AND t.submitted_at IS NOT NULL) AS scores"
                                        + " FROM exam_sittings s WHERE s.id = $1")
                                .execute(Tuple.of(sittingId))
                                .map(
                                    sitting ->
                                        resultsJson(
                                            found, perQuestion, sitting.iterator().next()))));
  }

  private static JsonObject resultsJson(Found found, RowSet<Row> perQuestion, Row sitting) {
    List<Question> form = form(sitting);
    JsonObject s = found.settings();
    DomainTally domains = new DomainTally(s);
    record Missed(int index, Question question, int wrong, int unanswered, int sat) {}
    List<Missed> missed = new ArrayList<>();
    for (Row row : perQuestion) {
      int index = row.getInteger("position");
      Question q = form.get(index);
      int sat = row.getInteger("sat");
      int right = row.getInteger("right_count");
      domains.add(q.topic(), right, sat);
      if (right < sat) {
        missed.add(new Missed(index, q, sat - right, row.getInteger("unanswered"), sat));
      }
    }
    missed.sort(
        java.util.Comparator.comparingInt(Missed::wrong).reversed().thenComparing(Missed::index));
    JsonArray mostMissed = new JsonArray();
    missed.stream()
        .limit(MOST_MISSED)
        .forEach(
            m ->
                mostMissed.add(
                    new JsonObject()
                        .put("index", m.index())
                        .put("prompt", m.question().prompt())
                        .put("type", m.question().type().jsonName())
                        .put("topic", m.question().topic())
                        .put("wrong", m.wrong())
                        .put("unanswered", m.unanswered())
                        .put("sat", m.sat())));
    Integer[] scores = sitting.getArrayOfIntegers("scores");
    int sat = scores == null ? 0 : scores.length;
    int passed = 0;
    long right = 0;
    for (int i = 0; i < sat; i++) {
      int correct = scores[i] == null ? 0 : scores[i];
      right += correct;
      passed += score(s, correct, form.size()).passed() ? 1 : 0;
    }
    return json(found)
        .put("sat", sat)
        .put("passed", passed)
        .put(
            "averagePercent",
            sat == 0 || form.isEmpty()
                ? null
                : Math.floor(1000.0 * right / ((long) sat * form.size())) / 10)
        .put("domains", domains.toJson())
        .put("mostMissed", mostMissed);
  }

  /**
   * The sitting's own leaderboard once it has closed: the members who sat it, most right first,
   * then the quicker.
   *
   * @throws Problem 404 {@code sitting_not_found} for a sitting of another group; 409 {@code
   *     sitting_not_closed} before it closes
   */
  public Future<JsonObject> board(UUID groupId, UUID sittingId, UUID account) {
    return groups
        .asMember(groupId, account)
        .compose(group -> closed(sittingId, account))
        .compose(
            found -> {
              if (!found.row().getUUID("group_id").equals(groupId)) {
                return Future.failedFuture(notFound());
              }
              return pool.preparedQuery(
                      "SELECT a.username, t.correct_count, t.started_at, t.submitted_at FROM exam_attempts t"
                          + " JOIN accounts a ON a.id = t.account_id"
                          + " WHERE t.sitting_id = $1 AND t.submitted_at IS NOT NULL"
                          + " ORDER BY t.correct_count DESC, t.submitted_at - t.started_at, lower(a.username)")
                  .execute(Tuple.of(sittingId))
                  .map(
                      rows -> {
                        JsonArray entries = new JsonArray();
                        int rank = 0;
                        for (Row row : rows) {
                          ExamScore score =
                              score(
                                  found.settings(),
                                  row.getInteger("correct_count"),
                                  found.questionCount());
                          entries.add(
                              new JsonObject()
                                  .put("rank", ++rank)
                                  .put("username", row.getString("username"))
                                  .put("correct", score.correct())
                                  .put("total", score.total())
                                  .put("percent", score.percent())
                                  .put("scaled", score.scaled())
                                  .put("passed", score.passed())
                                  .put(
                                      "durationMs",
                                      Duration.between(
                                              instant(row, "started_at"),
                                              instant(row, "submitted_at"))
                                          .toMillis()));
                        }
                        JsonObject sitting = json(found);
                        return new JsonObject()
                            .put("board", "sitting")
                            .put(
                                "sitting",
                                new JsonObject()
                                    .put("id", sitting.getString("id"))
                                    .put("title", sitting.getString("title"))
                                    .put("startsAt", sitting.getString("startsAt"))
                                    .put("closedAt", sitting.getString("closedAt")))
                            .put("passMark", sitting.getJsonObject("passMark"))
                            .put("entries", entries);
                      });
            });
  }

  /**
   * The sitting once it has closed, every attempt whose time ran out submitted; 409 before it
   * closes.
   */
  private Future<Found> closed(UUID sittingId, UUID account) {
    return find(sittingId, account)
        .compose(
            found ->
                found.state() != SittingWindow.State.CLOSED
                    ? Future.failedFuture(SittingWindow.notClosed())
                    : submitIfOver(found).map(found));
  }

  /** After the sitting's end, the attempts the sweep has not reached yet are submitted here. */
  private Future<Void> submitIfOver(Found found) {
    return found.now().isBefore(instant(found.row(), "ends_at"))
        ? Future.succeededFuture()
        : attempts.submitExpiredInSitting(found.id());
  }

  /**
   * The sitting if the caller is in its group (404 otherwise), closed first if it is over early.
   */
  private Future<Found> find(UUID sittingId, UUID account) {
    Instant now = clock.instant();
    return load(sittingId, account, now)
        .compose(
            found ->
                found.state() != SittingWindow.State.OPEN
                    ? Future.succeededFuture(found)
                    : SittingWindow.settle(pool, sittingId, now)
                        .compose(
                            state ->
                                state == SittingWindow.State.CLOSED
                                    ? load(sittingId, account, now)
                                    : Future.succeededFuture(found)));
  }

  private Future<Found> load(UUID sittingId, UUID account, Instant now) {
    return pool.preparedQuery("SELECT " + SUMMARY_COLUMNS + VISIBLE + " WHERE s.id = $1")
        .execute(Tuple.of(sittingId, account, Attempts.utc(now)))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw notFound();
              }
              return new Found(rows.iterator().next(), now);
            });
  }

  private static JsonObject json(Found found) {
    Row row = found.row();
    Instant now = found.now();
    SittingWindow.State state = found.state();
    JsonObject s = found.settings();
    Instant startsAt = instant(row, "starts_at");
    Instant lateJoinUntil = instant(row, "late_join_until");
    Instant endsAt = instant(row, "ends_at");
    OffsetDateTime closedAt = row.getOffsetDateTime("closed_at");
    JsonObject mine = null;
    if (row.getUUID("mine_id") != null) {
      OffsetDateTime submitted = row.getOffsetDateTime("mine_submitted_at");
      boolean over = submitted != null || !now.isBefore(instant(row, "mine_deadline"));
      mine =
          new JsonObject()
              .put("attemptId", row.getUUID("mine_id").toString())
              .put("state", over ? "submitted" : "open")
              .put("startedAt", instant(row, "mine_started_at").toString())
              .put("submittedAt", submitted == null ? null : submitted.toInstant().toString())
              // The score waits for the close, with the report.
              .put(
                  "correct",
                  state == SittingWindow.State.CLOSED ? row.getInteger("mine_correct") : null);
    }
    int questions = found.questionCount();
    JsonObject out =
        new JsonObject()
            .put("id", row.getUUID("id").toString())
            .put("groupId", row.getUUID("group_id").toString())
            .put("groupName", row.getString("group_name"))
            .put("title", row.getString("title"))
            .put("questionCount", questions)
            .put("minutes", s.getInteger("minutes"))
            .put(
                "passMark",
                ExamSettings.passMarkJson(
                    questions,
                    s.getString("passKind"),
                    s.getInteger("scaleMin"),
                    s.getInteger("scaleMax"),
                    s.getInteger("passMark")))
            .put("startsAt", startsAt.toString())
            .put("lateJoinUntil", lateJoinUntil.toString())
            .put("lateJoinMinutes", Duration.between(startsAt, lateJoinUntil).toMinutes())
            .put("endsAt", endsAt.toString())
            .put(
                "closedAt",
                state != SittingWindow.State.CLOSED
                    ? null
                    : closedAt != null ? closedAt.toInstant().toString() : endsAt.toString())
            .put("state", state.json())
            .put("now", now.toString())
            .put("startsInMs", Math.max(0, Duration.between(now, startsAt).toMillis()))
            .put("lateJoinEndsInMs", Math.max(0, Duration.between(now, lateJoinUntil).toMillis()))
            .put("endsInMs", Math.max(0, Duration.between(now, endsAt).toMillis()))
            .put(
                "counts",
                new JsonObject()
                    .put("members", row.getInteger("members"))
                    .put("started", row.getInteger("started"))
                    .put("submitted", row.getInteger("submitted")))
            .put("mine", mine)
            .put(
                "canStart",
                mine == null && state == SittingWindow.State.OPEN && now.isBefore(lateJoinUntil))
            .put("owner", found.byOwner());
    if (found.byOwner()) {
      out.put("examId", row.getUUID("exam_id").toString());
    }
    return out;
  }

  private static ExamScore score(JsonObject settings, int correct, int total) {
    return ExamScore.of(
        correct,
        total,
        settings.getString("passKind"),
        settings.getInteger("scaleMin"),
        settings.getInteger("scaleMax"),
        settings.getInteger("passMark"));
  }

  private static List<Question> form(Row row) {
    List<Question> out = new ArrayList<>();
    for (Object q : (JsonArray) row.getValue("questions")) {
      out.add(QuestionJson.fromJson((JsonObject) q));
    }
    return out;
  }

  private static void requireOwner(Found found) {
    if (!found.byOwner()) {
      throw new Problem(Problem.Kind.FORBIDDEN, "not_owner", "Only the group's owner can do that.");
    }
  }

  private static Instant instant(Row row, String column) {
    return row.getOffsetDateTime(column).toInstant();
  }

  /** "2 hours 5 minutes", "3 minutes", "40 seconds". */
  static String inWords(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    long hours = minutes / 60;
    long rest = minutes % 60;
    String m = rest + (rest == 1 ? " minute" : " minutes");
    if (hours == 0) {
      return m;
    }
    String h = hours + (hours == 1 ? " hour" : " hours");
    return rest == 0 ? h : h + " " + m;
  }

  private static Problem alreadyStarted() {
    return Problem.conflict(
        "already_started",
        "You have begun this sitting already: one attempt each. Open your attempt to go on.");
  }

  static Problem notFound() {
    return Problem.notFound(
        "sitting_not_found", "There is no such sitting, or you are not in its group.");
  }
}
