package org.quizhall.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries: the client runs no inline script and no foreign content, is never
 * framed, and browsers do not guess content types or leak the page address to other sites.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private SecurityHeaders() {}

  /**
   * {@code https}: the page was reached over TLS, so browsers are told to keep to it for a year.
   */
  static void handle(RoutingContext ctx, boolean https) {
    HttpServerResponse response = ctx.response();
    if (https) {
      response.putHeader("Strict-Transport-Security", "max-age=31536000");
    }
    response
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    ctx.next();
  }
}
