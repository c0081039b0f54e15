package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizhall.game.Games;

@DisplayName("results.csv in a spreadsheet")
class ResultsCsvTest {

  private static List<CSVRecord> rows(String nickname, String option) throws IOException {
    Games.Results results =
        new Games.Results(
            UUID.randomUUID(),
            "ABC123",
            true,
            List.of(new Games.PlayerResult(1, nickname, 1000, 1, 1, 1500)),
            List.of(
                new Games.QuestionResult(
                    0,
                    "q",
                    "=1+1 is what?",
                    "multiple_choice",
                    List.of(option, "B"),
                    1,
                    1,
                    List.of(1, 0))));
    return CSVFormat.RFC4180.parse(new StringReader(GameRoutes.csv(results))).getRecords();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "=1+1",
        "+1",
        "-1+2",
        "@A1",
        "\tTab",
        "\rCR"
      })
  @DisplayName("a nickname a spreadsheet would evaluate is written as text")
  void formulasAreText(String nickname) throws IOException {
    List<CSVRecord> rows = rows(nickname, "A");
    assertThat(rows.get(1).get(1)).isEqualTo("'" + nickname);
    assertThat(rows.get(rows.size() - 1).get(1)).as("a prompt too").isEqualTo("'=1+1 is what?");
  }

  @Test
  @DisplayName("ordinary names, prompts and options are written as they are")
  void ordinaryText() throws IOException {
    List<CSVRecord> rows = rows("Ada, the first", "Plain option");
    assertThat(rows.get(1).get(1)).isEqualTo("Ada, the first");
    assertThat(rows.get(rows.size() - 1).get(5)).isEqualTo("Plain option: 1; B: 0");
  }
}
