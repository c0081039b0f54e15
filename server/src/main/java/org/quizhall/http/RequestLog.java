package org.quizhall.http;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status and milliseconds. The query string and headers are
 * left out so that nothing secret (tokens, passwords) can reach the log.
 */
final class RequestLog {

  private static final Logger log = LoggerFactory.getLogger("quizhall.http");

  private RequestLog() {}

  static void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    ctx.addEndHandler(
        done ->
            log.info(
                "{} {} {} {} ms",
                method,
                path,
                ctx.response().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000));
    ctx.next();
  }
}
