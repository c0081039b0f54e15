package org.quizhall.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.quizhall.notes.Utf8Text;
import org.quizhall.problem.Problem;

/**
 * Reading text request bodies (notes, question files): strict UTF-8, and binary files refused, not
 * guessed at.
 */
final class TextBodies {

  private TextBodies() {}

  /** The body's bytes as sent; none for an empty body. */
  static byte[] bytes(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    return body == null ? new byte[0] : body.getBytes();
  }

  /**
   * The bytes as UTF-8 text, a leading byte-order mark dropped ({@link Utf8Text}, which uploaded
   * files are read with too).
   *
   * @throws Problem 415 {@code binaryCode} with {@code binary} for bytes with a NUL in them (no
   *     text has one), 400 {@code not_utf8} with {@code notUtf8} for any other bytes that are not
   *     UTF-8
   */
  static String utf8(byte[] bytes, String binaryCode, String binary, String notUtf8) {
    return Utf8Text.decode(bytes, binaryCode, binary, notUtf8);
  }
}
