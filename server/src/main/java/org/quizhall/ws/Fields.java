package org.quizhall.ws;

import io.vertx.core.json.JsonObject;
import org.quizhall.problem.Problem;

/** Reading typed fields from a client message, refusing each mistake by name. */
final class Fields {

  private Fields() {}

  static String string(JsonObject message, String field, int maxLength) {
    String value = optionalString(message, field, maxLength);
    if (value == null) {
      throw Problem.invalid("invalid_field", field + " is required.");
    }
    return value;
  }

  static String optionalString(JsonObject message, String field, int maxLength) {
    Object value = message.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw Problem.invalid("invalid_field", field + " must be a string.");
    }
    if (text.length() > maxLength) {
      throw Problem.invalid("invalid_field", field + " is at most " + maxLength + " characters.");
    }
    if (text.indexOf(0) >= 0) {
      // PostgreSQL text cannot hold a NUL character: an answer holding one could be acknowledged
      // but never stored.
      throw Problem.invalid("invalid_field", field + " must not contain a NUL character.");
    }
    return text;
  }

  static int integer(JsonObject message, String field) {
    Object value = message.getValue(field);
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
      throw Problem.invalid("invalid_field", field + " must be a whole number.");
    }
    return number.intValue();
  }

  static boolean bool(JsonObject message, String field) {
    if (!(message.getValue(field) instanceof Boolean value)) {
      throw Problem.invalid("invalid_field", field + " must be true or false.");
    }
    return value;
  }

  /** Echoes client text in an error safely: short, and without control characters. */
  static String printable(String text) {
    String clipped = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return clipped.replaceAll("\\p{Cntrl}", "?");
  }
}
