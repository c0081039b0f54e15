package org.quizhall.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.quizhall.problem.Problem;

/**
 * Path ids: anything that is not a well-formed id names nothing, so it is a 404 like an unknown
 * one.
 */
final class Ids {

  private Ids() {}

  static UUID uuid(RoutingContext ctx, String param, String notFoundCode) {
    return uuid(ctx.pathParam(param), notFoundCode);
  }

  /** An id given elsewhere (a query parameter) that names something by it. */
  static UUID uuid(String raw, String notFoundCode) {
    try {
      if (raw != null && raw.length() == 36) {
        return UUID.fromString(raw);
      }
    } catch (IllegalArgumentException malformed) {
      // falls through to not found
    }
    throw Problem.notFound(notFoundCode, "There is nothing with that id.");
  }
}
