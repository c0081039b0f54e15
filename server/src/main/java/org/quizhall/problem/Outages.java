package org.quizhall.problem;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells a database that is away (refused connection, closed connection, shutting down or starting
 * up, too many connections) from every other failure, so the edges can say "try again in a moment"
 * instead of reporting a server fault.
 */
public final class Outages {

  private Outages() {}

  /** The problem a caller sees while the database is away. */
  public static Problem databaseUnavailable() {
    return new Problem(
        Problem.Kind.UNAVAILABLE,
        "database_unavailable",
        "The database is not answering right now; games in progress carry on. Try this again in a moment.");
  }

  /**
   * {@code failure} itself when it is a problem, the outage problem when the database is away, else
   * null.
   */
  public static Problem asProblem(Throwable failure) {
    if (failure instanceof Problem problem) {
      return problem;
    }
    return isDatabaseOutage(failure) ? databaseUnavailable() : null;
  }

  /**
   * Whether {@code failure} (or one of its causes) says the database could not be reached or went
   * away.
   */
  public static boolean isDatabaseOutage(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof ConnectException
          || e instanceof ClosedChannelException
          || e instanceof io.vertx.sqlclient.ClosedConnectionException) {
        return true;
      }
      if (e instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        // 08: connection exceptions; 57P01-57P03: shutting down, crashed, starting up; 53300: too
        // many connections.
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
          return true;
        }
      }
    }
    return false;
  }
}
