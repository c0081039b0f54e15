package org.quizhall.bench;

import io.vertx.core.json.JsonObject;

/**
 * Reads the few fields the load generator needs straight from a message's text. Every simulated
 * player receives a stream of messages, and building a JSON tree for each would make the generator,
 * sharing the machine with the server, the thing being measured. Messages it has to understand in
 * full (welcome, error) are still parsed properly.
 */
final class Wire {

  /** Every server message starts with the protocol version and then its type. */
  private static final String PREFIX = "{\"v\":1,\"type\":\"";

  private Wire() {}

  /** The message's {@code type}. */
  static String type(String text) {
    if (text.startsWith(PREFIX)) {
      int end = text.indexOf('"', PREFIX.length());
      if (end > 0) {
        return text.substring(PREFIX.length(), end);
      }
    }
    return new JsonObject(text).getString("type");
  }

  /**
   * A top-level whole-number field, found by its quoted name followed by a colon: inside string
   * values a quote is escaped, so a prompt cannot imitate a field name.
   */
  static long number(String text, String field) {
    String key = "\"" + field + "\":";
    int at = text.indexOf(key);
    if (at < 0) {
      throw new IllegalArgumentException("no number field " + field + " in " + text);
    }
    int i = at + key.length();
    boolean negative = i < text.length() && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    if (digits == 0) {
      throw new IllegalArgumentException("field " + field + " is not a whole number in " + text);
    }
    return negative ? -value : value;
  }
}
