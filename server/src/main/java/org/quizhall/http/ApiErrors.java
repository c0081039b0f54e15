package org.quizhall.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.quizhall.problem.Outages;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place HTTP failures become responses: {@code {"error":{"code","message"}}} with a fitting
 * status. Problems keep their code; anything unexpected is logged here and answered without detail.
 */
final class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  /** The router's failure handler. */
  static void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      send(ctx.response(), status(problem.kind()), problem.code(), problem.getMessage());
      return;
    }
    int status = ctx.statusCode();
    switch (status) {
      case 400 -> send(ctx.response(), 400, "bad_request", "The request could not be read.");
      case 401 -> send(ctx.response(), 401, "not_signed_in", "Sign in first.");
      case 403 -> send(ctx.response(), 403, "forbidden", "You may not do that.");
      case 404 -> notFound(ctx);
      case 405 ->
          send(ctx.response(), 405, "method_not_allowed", "That method is not allowed here.");
      case 413 ->
          send(
              ctx.response(),
              413,
              "body_too_large",
              "The request body is larger than this endpoint accepts.");
      case 415 ->
          send(
              ctx.response(),
              415,
              "unsupported_media_type",
              "This endpoint does not accept that content type.");
      default -> {
        if (Outages.isDatabaseOutage(failure)) {
          // Not a fault to log at length: the health check and metrics report the outage.
          log.warn(
              "{} {} answered 503: the database is away ({})",
              ctx.request().method(),
              ctx.request().path(),
              failure.getMessage());
          Problem unavailable = Outages.databaseUnavailable();
          send(ctx.response(), 503, unavailable.code(), unavailable.getMessage());
          return;
        }
        log.error(
            "Unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        send(
            ctx.response(),
            500,
            "internal_error",
            "Something went wrong on the server; it has been logged.");
      }
    }
  }

  /** The last route: nothing matched. */
  /**
   * A request the HTTP decoder refused before any route saw it (a path past the line limit, headers
   * past theirs, garbage): the one error shape still, and the connection closed, since what follows
   * on it cannot be trusted.
   */
  static void invalidRequest(io.vertx.core.http.HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    HttpServerResponse response = request.response().putHeader("Connection", "close");
    response.endHandler(written -> request.connection().close());
    if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
      send(response, 414, "uri_too_long", "The address is too long.");
    } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
      send(response, 431, "headers_too_large", "The request headers are too large.");
    } else {
      send(response, 400, "malformed_request", "The request is not well-formed HTTP.");
    }
  }

  static void notFound(RoutingContext ctx) {
    send(
        ctx.response(),
        404,
        "not_found",
        "There is nothing at " + ctx.request().method() + " " + ctx.request().path() + ".");
  }

  static int status(Problem.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA -> 415;
      case UNPROCESSABLE -> 422;
      case TOO_MANY_REQUESTS -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  static void send(HttpServerResponse response, int status, String code, String message) {
    if (response.ended() || response.closed()) {
      return;
    }
    JsonObject body =
        new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    if (status == 503 && response.headers().get("Retry-After") == null) {
      // Every 503 here is a part the server needs that is away for now (the database): say when to
      // try again.
      response.putHeader("Retry-After", "5");
    }
    response.end(body.encode());
  }
}
