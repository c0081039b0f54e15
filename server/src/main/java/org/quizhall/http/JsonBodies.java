package org.quizhall.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.quizhall.problem.Problem;

/** Reading JSON request bodies, with one clear error for each way they go wrong. */
final class JsonBodies {

  private JsonBodies() {}

  /** The body as a JSON object: 415 unless declared JSON, 400 unless it parses to an object. */
  static JsonObject object(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !mediaType(type).equals("application/json")) {
      throw new Problem(
          Problem.Kind.UNSUPPORTED_MEDIA,
          "unsupported_media_type",
          "Send the body as JSON with Content-Type: application/json.");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw Problem.invalid("malformed_json", "The request body is empty; send a JSON object.");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw Problem.invalid("malformed_json", "The request body is not valid JSON.");
    }
    if (parsed instanceof JsonObject object) {
      return object;
    }
    if (parsed instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) map;
      return new JsonObject(fields);
    }
    throw Problem.invalid("malformed_json", "The request body must be a JSON object.");
  }

  /** A string field, or null when absent; a field of another JSON type is refused by name. */
  static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw Problem.invalid("invalid_field", field + " must be a string.");
    }
    if (text.indexOf(0) >= 0) {
      // PostgreSQL text cannot hold a NUL character; refusing it here keeps it from failing later.
      throw Problem.invalid("invalid_field", field + " must not contain a NUL character.");
    }
    return text;
  }

  /** An id field, or null when absent; anything that is not an id is refused by name. */
  static java.util.UUID uuid(JsonObject body, String field, String what) {
    String text = string(body, field);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 36) {
        return java.util.UUID.fromString(text);
      }
    } catch (IllegalArgumentException malformed) {
      // refused below
    }
    throw Problem.invalid("invalid_field", field + " must be the id of " + what + ".");
  }

  static java.util.UUID requiredUuid(JsonObject body, String field, String what) {
    java.util.UUID id = uuid(body, field, what);
    if (id == null) {
      throw Problem.invalid("invalid_field", field + " must be the id of " + what + ".");
    }
    return id;
  }

  /** A required ISO-8601 instant field, such as {@code 2026-12-01T18:00:00Z}. */
  static java.time.Instant instant(JsonObject body, String field) {
    String text = JsonBodies.string(body, field);
    if (text == null) {
      throw Problem.invalid(
          "invalid_field",
          field + " is required (an ISO-8601 instant such as 2026-12-01T18:00:00Z).");
    }
    try {
      java.time.Instant instant = java.time.Instant.parse(text);
      if (instant.isBefore(java.time.Instant.EPOCH)
          || instant.isAfter(java.time.Instant.parse("9999-12-31T23:59:59Z"))) {
        throw Problem.invalid("invalid_field", field + " must be between 1970 and 9999.");
      }
      return instant;
    } catch (java.time.format.DateTimeParseException e) {
      throw Problem.invalid(
          "invalid_field", field + " must be an ISO-8601 instant such as 2026-12-01T18:00:00Z.");
    }
  }

  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(java.util.Locale.ROOT);
  }
}
