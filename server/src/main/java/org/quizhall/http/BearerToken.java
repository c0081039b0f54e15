package org.quizhall.http;

import io.vertx.ext.web.RoutingContext;

/** Reads {@code Authorization: Bearer <token>}; tokens are never accepted from the URL. */
final class BearerToken {

  private static final String PREFIX = "bearer ";

  private BearerToken() {}

  static String from(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null
        || header.length() <= PREFIX.length()
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    return header.substring(PREFIX.length()).trim();
  }
}
