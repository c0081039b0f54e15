package org.quizhall.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SQL on games, their questions, seats and answers lives in {@code org.quizhall.game}, so that
 * a change to those tables is made in one package. A source scan: the string literals of every
 * other main file, with literals joined by {@code +} read as one, must not name a game table after
 * a SQL keyword.
 */
class GameTablesStayInGameTest {

  static final Path MAIN = Path.of("src/main/java");
  static final Path GAME = MAIN.resolve("org/quizhall/game");

  static final Pattern GAME_TABLE =
      Pattern.compile(
          "(?i)\\b(from|join|into|update|table|truncate)\\s+(only\\s+)?(games|game_questions|game_players|answers)\\b");

  @Test
  @DisplayName(
      "no file outside the game package has SQL naming games, game_questions, game_players or answers")
  void gameTablesAreQueriedOnlyInTheGamePackage() throws IOException {
    assertThat(GAME).isDirectory();
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file :
          files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(GAME)).toList()) {
        for (String sql : literals(Files.readString(file))) {
          if (GAME_TABLE.matcher(sql).find()) {
            offenders.add(MAIN.relativize(file) + ": " + sql);
          }
        }
      }
    }
    assertThat(offenders)
        .as("SQL on game tables outside org.quizhall.game (move it behind a game/ method)")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "the scan finds a game table in a concatenated literal and ignores comments and JSON keys")
  void theScanSeesSqlSplitAcrossLiterals() {
    String source =
        """
        class Sample {
          // "SELECT * FROM games" in a comment is not SQL
          String key = json.put("answers", 3).toString();
          String sql = "SELECT id FROM " + /* the table */ "game_players WHERE id = $1";
          String url = "http://example.org/" + "from";
        }
        """;
    assertThat(literals(source).stream().filter(s -> GAME_TABLE.matcher(s).find()))
        .containsExactly("SELECT id FROM game_players WHERE id = $1");
  }

  /**
   * The string literals of a Java source, each run of literals joined by {@code +} as one string.
   */
  static List<String> literals(String source) {
    List<String> out = new ArrayList<>();
    StringBuilder chain = null;
    boolean joinable = false;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? source.length() : end;
        chain = append(out, chain, joinable, source.substring(i + 3, end));
        joinable = false;
        i = Math.min(source.length(), end + 3);
      } else if (c == '"' || c == '\'') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c) {
          if (source.charAt(j) == '\\' && j + 1 < source.length()) {
            j++;
          }
          text.append(source.charAt(j));
          j++;
        }
        if (c == '"') {
          chain = append(out, chain, joinable, text.toString());
          joinable = false;
        } else {
          chain = flush(out, chain);
        }
        i = j + 1;
      } else if (c == '+' && chain != null) {
        joinable = true;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        chain = flush(out, chain);
        joinable = false;
        i++;
      }
    }
    flush(out, chain);
    return out;
  }

  private static StringBuilder append(
      List<String> out, StringBuilder chain, boolean joinable, String literal) {
    if (chain != null && joinable) {
      return chain.append(literal);
    }
    flush(out, chain);
    return new StringBuilder(literal);
  }

  private static StringBuilder flush(List<String> out, StringBuilder chain) {
    if (chain != null) {
      out.add(chain.toString());
    }
    return null;
  }
}
