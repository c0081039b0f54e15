package org.quizhall.exam;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.quizhall.problem.Problem;

/**
 * Whether a group sitting is scheduled, open or closed, by the server's clock. It opens at its
 * start and closes at its end (the start plus the exam's minutes), or earlier once nobody is
 * sitting it and nobody else can begin: the late-join limit has passed, or every member but the one
 * who scheduled it has begun (and at least one did). An early close is written down, so a member
 * who joins the group afterwards cannot open the sitting again once its results are out.
 */
final class SittingWindow {

  enum State {
    SCHEDULED,
    OPEN,
    CLOSED;

    String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    static State parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /** The state of the sitting {@code s} at the instant in parameter {@code now}, in SQL. */
  static String stateSql(String now) {
    return "CASE WHEN s.closed_at IS NOT NULL OR "
        + now
        + " >= s.ends_at THEN 'closed' WHEN "
        + now
        + " < s.starts_at THEN 'scheduled' ELSE 'open' END";
  }

  /** An open sitting {@code s} that is over before its end, at the instant in {@code $2}. */
  private static final String FINISHED_EARLY =
      " s.closed_at IS NULL AND $2 >= s.starts_at AND $2 < s.ends_at"
          + " AND NOT EXISTS (SELECT 1 FROM exam_attempts t WHERE t.sitting_id = s.id AND t.submitted_at IS NULL)"
          + " AND ($2 >= s.late_join_until OR (EXISTS (SELECT 1 FROM exam_attempts t WHERE t.sitting_id = s.id)"
          + " AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = s.group_id"
          + " AND m.account_id <> s.created_by AND NOT EXISTS (SELECT 1 FROM exam_attempts t"
          + " WHERE t.sitting_id = s.id AND t.account_id = m.account_id))))";

  private SittingWindow() {}

  /** Closes the sitting if it is over early, and says what state it is in now. */
  static Future<State> settle(SqlClient client, UUID sittingId, Instant now) {
    return client
        .preparedQuery(
            "WITH closing AS (UPDATE exam_sittings s SET closed_at = $2 WHERE s.id = $1 AND"
                + FINISHED_EARLY
                + " RETURNING s.id) SELECT CASE WHEN EXISTS (SELECT 1 FROM closing) THEN 'closed' ELSE "
                + stateSql("$2")
                + " END AS state FROM exam_sittings s WHERE s.id = $1")
        .execute(Tuple.of(sittingId, Attempts.utc(now)))
        .map(
            rows ->
                rows.size() == 0
                    ? State.CLOSED
                    : State.parse(rows.iterator().next().getString("state")));
  }

  /** Closes every sitting of a group that is over early. */
  static Future<Void> settleGroup(SqlClient client, UUID groupId, Instant now) {
    return client
        .preparedQuery(
            "UPDATE exam_sittings s SET closed_at = $2 WHERE s.group_id = $1 AND" + FINISHED_EARLY)
        .execute(Tuple.of(groupId, Attempts.utc(now)))
        .mapEmpty();
  }

  static Problem notClosed() {
    return Problem.conflict(
        "sitting_not_closed",
        "The sitting's results, and the answers, come when it closes: when everyone has submitted"
            + " or its time is over.");
  }
}
