package org.quizhall.notes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.quizhall.problem.Problem;

/**
 * Text someone sent (notes, a question file): strict UTF-8, and binary files refused, not guessed
 * at.
 */
public final class Utf8Text {

  private Utf8Text() {}

  /**
   * The bytes as UTF-8 text, a leading byte-order mark dropped.
   *
   * @throws Problem 415 {@code binaryCode} with {@code binary} for bytes with a NUL in them (no
   *     text has one), 400 {@code not_utf8} with {@code notUtf8} for any other bytes that are not
   *     UTF-8
   */
  public static String decode(byte[] bytes, String binaryCode, String binary, String notUtf8) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, binaryCode, binary);
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw Problem.invalid("not_utf8", notUtf8);
    }
  }
}
