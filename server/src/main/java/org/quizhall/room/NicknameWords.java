package org.quizhall.room;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in list of words nicknames may not contain, one per line in nickname-blocklist.txt. */
public final class NicknameWords {

  private NicknameWords() {}

  public static List<String> builtIn() {
    try (InputStream in = NicknameWords.class.getResourceAsStream("/nickname-blocklist.txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
