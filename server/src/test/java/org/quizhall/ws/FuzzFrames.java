package org.quizhall.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;

/**
 * Seeded hostile WebSocket frames: broken and non-object JSON, wrong field types, unknown and
 * garbled types, commands out of order (answers before a join, host commands from players, made-up
 * tokens), hostile values (huge numbers, Unicode edge cases, SQL and path traversal in codes),
 * oversized and binary frames, fragments, and the odd frame that breaks the WebSocket protocol
 * itself. A few well-formed pings and joins are mixed in, as a real flooder would.
 */
final class FuzzFrames {

  /** What one generated frame is, and what the server should do with it. */
  enum Expect {
    /**
     * One reply: an {@code error}, or {@code pong}/{@code ok}/{@code welcome} for the few valid
     * ones.
     */
    REPLY,
    /**
     * The server closes the connection with a documented code (the frame breaks the WebSocket
     * protocol).
     */
    CLOSE
  }

  /** A frame, or fragments sent back to back that make one message. */
  record Frame(List<WebSocketFrame> parts, Expect expect, String kind) {}

  private static final String[] BROKEN_JSON = {
    "",
    " ",
    "{",
    "}",
    "{\"v\":1,",
    "{\"v\":1,\"type\":\"ping\"",
    "{'v':1}",
    "{\"v\":1,\"type\":\"ping\"}}",
    "{\"v\":01}",
    "{\"v\":1,\"type\":\"ping\",}",
    "NaN",
    "{\"v\":Infinity}",
    "\u0000",
    "{\"a\":\"\\u12\"}",
    "{\"v\":1 \"type\":\"ping\"}",
    "/* */{}",
    "{\"v\":1,\"type\":\"ping\"}\n{\"v\":1}",
    "\uFEFF{\"v\":1,\"type\":\"ping\"}",
  };

  private static final String[] NOT_OBJECTS = {
    "[]", "1", "\"ping\"", "null", "true", "[{\"v\":1,\"type\":\"ping\"}]", "-0", "1e999"
  };

  private static final String[] NASTY_TEXT = {
    "",
    " ",
    "\u0000",
    "\ud800",
    "\udfff\ud800",
    "\u202eevil",
    "\u200b\u200b",
    "e\u0301",
    "🧠📚",
    "../../etc/passwd",
    "'; DROP TABLE games; --",
    "%00",
    "<script>alert(1)</script>",
    "\r\n",
    "ＡＢＣ",
    "ǅ",
    "null",
    "🏳️‍🌈",
    "\uFFFF",
  };

  private static final String[] TYPES = {
    "ping", "join", "resume", "host", "answer", "leave", "start", "next", "pause", "unpause", "end",
    "lock", "kick",
  };

  private final Random random;
  private final String roomCode;
  private int nextId;

  FuzzFrames(long seed, String roomCode) {
    this.random = new Random(seed);
    this.roomCode = roomCode;
  }

  Frame next() {
    int roll = random.nextInt(1000);
    if (roll < 50) {
      return text(message("ping"), "valid ping");
    }
    if (roll < 150) {
      return text(random.nextBoolean() ? pick(BROKEN_JSON) : truncated(), "broken JSON");
    }
    if (roll < 220) {
      return text(pick(NOT_OBJECTS), "not an object");
    }
    if (roll < 330) {
      return text(wrongTypes().encode(), "wrong field types");
    }
    if (roll < 420) {
      return text(
          message(pick(NASTY_TEXT) + (random.nextBoolean() ? "" : pick(TYPES).toUpperCase()))
              .encode(),
          "unknown type");
    }
    if (roll < 660) {
      return text(outOfOrder().encode(), "out of order");
    }
    if (roll < 800) {
      return text(hostileValues().encode(), "hostile values");
    }
    if (roll < 850) {
      return text(
          message("ping").put("pad", "x".repeat(4_100 + random.nextInt(50_000))).encode(),
          "oversized");
    }
    if (roll < 920) {
      byte[] bytes = new byte[random.nextInt(2_000)];
      random.nextBytes(bytes);
      return new Frame(
          List.of(WebSocketFrame.binaryFrame(Buffer.buffer(bytes), true)), Expect.REPLY, "binary");
    }
    if (roll < 990) {
      String whole = message("ping").encode();
      int cut = 1 + random.nextInt(whole.length() - 1);
      return new Frame(
          List.of(
              WebSocketFrame.textFrame(whole.substring(0, cut), false),
              WebSocketFrame.continuationFrame(Buffer.buffer(whole.substring(cut)), true)),
          Expect.REPLY,
          "fragmented");
    }
    return protocolViolation();
  }

  private Frame text(Object text, String kind) {
    String body = text instanceof JsonObject json ? json.encode() : (String) text;
    return new Frame(List.of(WebSocketFrame.textFrame(body, true)), Expect.REPLY, kind);
  }

  /** Frames the WebSocket layer itself refuses; each ends the connection. */
  private Frame protocolViolation() {
    return switch (random.nextInt(3)) {
      case 0 ->
          new Frame(
              List.of(WebSocketFrame.continuationFrame(Buffer.buffer("{\"v\":1}"), true)),
              Expect.CLOSE,
              "continuation with nothing to continue");
      case 1 ->
          new Frame(
              List.of(
                  WebSocketFrame.textFrame("{\"v\":1,", false),
                  WebSocketFrame.textFrame("\"type\":\"ping\"}", true)),
              Expect.CLOSE,
              "new message inside a fragmented one");
      default ->
          new Frame(
              List.of(
                  WebSocketFrame.textFrame(
                      message("ping").put("pad", "y".repeat(70_000)).encode(), true)),
              Expect.CLOSE,
              "frame over 64 KiB");
    };
  }

  private JsonObject message(String type) {
    return new JsonObject().put("v", 1).put("type", type).put("id", "f" + (++nextId));
  }

  private String truncated() {
    String whole = outOfOrder().encode();
    return whole.substring(0, random.nextInt(whole.length()));
  }

  private JsonObject wrongTypes() {
    JsonObject message = message(pick(TYPES));
    switch (random.nextInt(8)) {
      case 0 -> message.put("type", random.nextInt());
      case 1 -> message.put("type", new JsonArray().add("ping"));
      case 2 -> message.put("v", "1");
      case 3 -> message.put("v", 1.5);
      case 4 -> message.remove("v");
      case 5 -> message.put("id", new JsonObject().put("id", 1));
      case 6 -> message.put("id", "i".repeat(65 + random.nextInt(500)));
      default -> message.put("v", random.nextBoolean() ? 2 : -1);
    }
    return message;
  }

  /**
   * Well-formed messages sent when they make no sense: before a join, from a player, with made-up
   * tokens.
   */
  private JsonObject outOfOrder() {
    String type = pick(TYPES);
    JsonObject message = message(type);
    switch (type) {
      case "join" ->
          message
              .put("code", random.nextInt(10) == 0 ? roomCode : randomCode())
              .put("nickname", "fz" + random.nextInt(1_000_000));
      case "resume" ->
          message
              .put("code", random.nextBoolean() ? roomCode : randomCode())
              .put("resumeToken", token());
      case "host" ->
          message
              .put("code", random.nextBoolean() ? roomCode : randomCode())
              .put("hostToken", token());
      case "answer" -> {
        message.put("index", random.nextInt(5) - 1);
        if (random.nextBoolean()) {
          message.put("choice", random.nextInt(6) - 1);
        } else {
          message.put("text", pick(NASTY_TEXT));
        }
      }
      case "lock" -> message.put("locked", random.nextBoolean());
      case "kick" -> message.put("playerId", "p" + random.nextInt(10));
      default -> {}
    }
    return message;
  }

  private JsonObject hostileValues() {
    JsonObject message =
        message(pick(new String[] {"join", "answer", "resume", "host", "kick", "lock"}));
    switch (random.nextInt(10)) {
      case 0 -> message.put("code", pick(NASTY_TEXT)).put("nickname", "n");
      case 1 -> message.put("code", roomCode).put("nickname", pick(NASTY_TEXT));
      case 2 ->
          message.put("code", roomCode).put("nickname", "n".repeat(201 + random.nextInt(2_000)));
      case 3 -> message.put("index", Long.MAX_VALUE).put("choice", Integer.MIN_VALUE);
      case 4 -> message.put("index", 1e308).put("choice", -0.0);
      case 5 ->
          message
              .put("index", new java.math.BigInteger("99999999999999999999999999").toString())
              .put("text", "t".repeat(1_001));
      case 6 -> message.put("resumeToken", "t".repeat(101)).put("code", roomCode);
      case 7 -> message.put("hostToken", pick(NASTY_TEXT)).put("code", "../" + roomCode);
      case 8 -> message.put("locked", "yes").put("playerId", new JsonArray());
      default ->
          message.put("code", roomCode.toLowerCase() + "\u0000").put("nickname", "🙂".repeat(30));
    }
    return message;
  }

  private String randomCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      code.append((char) ('A' + random.nextInt(26)));
    }
    return code.toString();
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
