package org.quizhall.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.deck.DeckQuestion;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionRow;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.Source;
import org.quizhall.problem.Problem;

@DisplayName("Question files: Quizhall's CSV written and read, Quizlet and Anki cards read")
class QuestionFilesTest {

  private static final String HEADER = String.join(",", QuestionCsv.COLUMNS);

  private static DeckQuestion added(Question q) {
    return new DeckQuestion(q, DeckQuestion.Origin.ADDED, false, null, null, null, null);
  }

  private static Question choice(
      String prompt, List<String> options, int correct, String explanation) {
    return new Question(
        "q1",
        QuestionType.MULTIPLE_CHOICE,
        "own",
        prompt,
        options,
        correct,
        List.of(),
        explanation,
        new Source(0, "", List.of()),
        "Cells");
  }

  private static List<QuestionRow> csv(String text) {
    return QuestionFiles.read(text, ',');
  }

  /**
   * One row of Quizhall's CSV, its cells given by column name, the rest empty; quoted where it must
   * be.
   */
  private static String row(String... nameThenCell) {
    String[] cells = new String[QuestionCsv.COLUMNS.size()];
    java.util.Arrays.fill(cells, "");
    for (int i = 0; i < nameThenCell.length; i += 2) {
      String cell = nameThenCell[i + 1];
      boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      cells[QuestionCsv.COLUMNS.indexOf(nameThenCell[i])] =
          quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
    return String.join(",", cells) + "\r\n";
  }

  /** A header row and one row. */
  private static String oneRow(String... nameThenCell) {
    return HEADER + "\r\n" + row(nameThenCell);
  }

  private static Problem refused(String text, Character separator) {
    try {
      QuestionFiles.read(text, separator);
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("read without complaint: " + text);
  }

  @Test
  @DisplayName(
      "quotes, commas and line breaks in cells are quoted as RFC 4180 has it and read back as they were")
  void quotesCommasNewlines() {
    Question q =
        choice(
            "He said \"hi, there\",\nthen left. Why?",
            List.of("Because, well", "He \"had\" to", "Line\nbreak"),
            2,
            "See \"Manners\", chapter 2\r\nand 3");

    String file = QuestionCsv.write(List.of(added(q)));

    assertThat(file).startsWith("\uFEFF" + HEADER + "\r\n");
    assertThat(file).contains("\"He said \"\"hi, there\"\",\nthen left. Why?\"");
    JsonObject read = QuestionFiles.read(file.substring(1), ',').get(0).question();
    assertThat(read.getString("prompt")).isEqualTo("He said \"hi, there\",\nthen left. Why?");
    assertThat(read.getJsonArray("options"))
        .containsExactly("Because, well", "He \"had\" to", "Line\nbreak");
    assertThat(read.getInteger("correct")).isEqualTo(2);
    assertThat(read.getString("explanation")).isEqualTo("See \"Manners\", chapter 2\r\nand 3");
  }

  @Test
  @DisplayName(
      "a cell that starts like a formula gets an apostrophe a spreadsheet shows, and loses it when read back")
  void formulas() {
    Question q =
        choice(
            "=HYPERLINK(\"http://evil\")",
            List.of("-5", "'=already quoted", "@home", "+1", "plain"),
            0,
            "'not a formula");

    String file = QuestionCsv.write(List.of(added(q)));

    assertThat(file)
        .contains(
            ",\"'=HYPERLINK(\"\"http://evil\"\")\",",
            ",'-5,",
            ",''=already quoted,",
            ",'@home,",
            ",'+1,",
            ",plain,",
            ",'not a formula,");
    JsonObject read = csv(file).get(0).question();
    assertThat(read.getString("prompt")).isEqualTo("=HYPERLINK(\"http://evil\")");
    assertThat(read.getJsonArray("options"))
        .containsExactly("-5", "'=already quoted", "@home", "+1", "plain");
    assertThat(read.getString("explanation")).isEqualTo("'not a formula");
  }

  @Test
  @DisplayName(
      "each type's cells: options and their number, true/false, answers one a line, items, pairs, hidden")
  void eachType() {
    String file =
        HEADER
            + "\r\n"
            + row(
                "topic",
                "Cells",
                "type",
                "multiple_choice",
                "prompt",
                "Which organelle makes ATP?",
                "option1",
                "Nucleus",
                "option2",
                "Mitochondrion",
                "option3",
                "Ribosome",
                "correct",
                "2")
            + row(
                "type",
                "multiple_response",
                "prompt",
                "Which are gases?",
                "option1",
                "Oxygen",
                "option2",
                "Iron",
                "option3",
                "Neon",
                "correct",
                "1;3",
                "hidden",
                "true")
            + row(
                "type",
                "TRUE_FALSE",
                "prompt",
                "True or false? Water boils at 100 °C at sea level.",
                "correct",
                "TRUE")
            + row(
                "type",
                "typed",
                "prompt",
                "Which organelle makes ATP?",
                "accepted",
                "Mitochondrion\n mitochondria ")
            + row(
                "type",
                "ordering",
                "prompt",
                "Order the stages.",
                "option1",
                "G1",
                "option2",
                "S",
                "option3",
                "G2",
                "option4",
                "M")
            + row(
                "type",
                "matching",
                "kind",
                "own",
                "prompt",
                "Match the parts.",
                "option1",
                "ATP",
                "option2",
                "DNA",
                "option3",
                "RNA",
                "match1",
                "energy",
                "match2",
                "genes",
                "match3",
                "copies");

    List<QuestionRow> rows = csv(file);

    assertThat(rows).extracting(QuestionRow::row).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat(rows.get(0).question())
        .isEqualTo(
            new JsonObject()
                .put("prompt", "Which organelle makes ATP?")
                .put("topic", "Cells")
                .put("type", "multiple_choice")
                .put("options", new JsonArray(List.of("Nucleus", "Mitochondrion", "Ribosome")))
                .put("correct", 1));
    assertThat(rows.get(1).question().getJsonArray("correct")).containsExactly(0, 2);
    assertThat(rows.get(1).hidden()).isTrue();
    assertThat(rows.get(2).question().getString("type")).isEqualTo("true_false");
    assertThat(rows.get(2).question().getBoolean("correct")).isTrue();
    assertThat(rows.get(3).question().getJsonArray("accepted"))
        .containsExactly("Mitochondrion", "mitochondria");
    assertThat(rows.get(4).question().getJsonArray("items")).containsExactly("G1", "S", "G2", "M");
    assertThat(rows.get(5).question().getJsonArray("pairs"))
        .containsExactly(
            new JsonObject().put("left", "ATP").put("right", "energy"),
            new JsonObject().put("left", "DNA").put("right", "genes"),
            new JsonObject().put("left", "RNA").put("right", "copies"));
    assertThat(rows.get(5).question().getString("kind")).isEqualTo("own");
  }

  @Test
  @DisplayName(
      "a spreadsheet's re-save with semicolons, its columns in another order, still reads as Quizhall's CSV")
  void semicolonsAndColumnOrder() {
    List<QuestionRow> rows =
        QuestionFiles.read("prompt;type;accepted\r\nWhat carries genes?;typed;DNA\r\n", ',');

    assertThat(rows.get(0).question())
        .isEqualTo(
            new JsonObject()
                .put("prompt", "What carries genes?")
                .put("type", "typed")
                .put("accepted", new JsonArray().add("DNA")));
  }

  @Test
  @DisplayName("a bad row is named by its number, as a spreadsheet numbers it, and says why")
  void badRows() {
    record Case(String file, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                oneRow(
                    "type",
                    "multiple_choice",
                    "prompt",
                    "Which?",
                    "option1",
                    "A",
                    "option2",
                    "B",
                    "correct",
                    "3"),
                "Row 2: Correct names options by their number, 1 to 2, not \"3\"."),
            new Case(
                oneRow(
                    "type", "multiple_choice", "prompt", "Which?", "option1", "A", "option2", "B"),
                "Row 2: Correct is empty: give the number of the right option, 1 to 2."),
            new Case(
                oneRow(
                    "type",
                    "multiple_response",
                    "prompt",
                    "Which?",
                    "option1",
                    "A",
                    "option2",
                    "B",
                    "option3",
                    "C",
                    "correct",
                    "2"),
                "Row 2: Correct lists the numbers of the right options, at least two and fewer than all 3,"
                    + " each once, such as 1;3."),
            new Case(
                oneRow("type", "true_false", "prompt", "True or false? Yes.", "correct", "yes"),
                "Row 2: Correct is true or false for a true/false question."),
            new Case(
                oneRow("type", "typed", "prompt", "Which?", "option1", "A", "accepted", "A"),
                "Row 2: The option columns are not used by a typed question."),
            new Case(
                oneRow("type", "ordering", "prompt", "Order.", "option1", "A", "option3", "C"),
                "Row 2: Option2 is empty, but option3 is not: fill the options from option1 on."),
            new Case(
                oneRow(
                    "type",
                    "matching",
                    "prompt",
                    "Match.",
                    "option1",
                    "A",
                    "option2",
                    "B",
                    "match1",
                    "a"),
                "Row 2: Option2 and match2 are a pair: give both or neither."),
            new Case(
                oneRow("type", "typed", "prompt", "Which?", "accepted", "A", "hidden", "maybe"),
                "Row 2: Hidden is true or false."),
            new Case(
                "type,prompt,answer\ntyped,Which?,A\n",
                "Row 1: There is no column \"answer\"; the columns are "),
            new Case(
                "type,prompt,type\ntyped,Which?,typed\n", "Row 1: The column type is there twice."),
            new Case(
                HEADER + "\n\n\n,,typed,,\"Never closed,,,\n",
                "Row 4: A quoted cell is not closed"));
    for (Case c : cases) {
      Problem p = refused(c.file(), ',');
      assertThat(p.code()).as(c.file()).isEqualTo("invalid_row");
      assertThat(p.getMessage()).as(c.file()).startsWith(c.message());
    }
  }

  @Test
  @DisplayName("a row of more cells than any file of questions has is refused before it is read")
  void tooManyCells() {
    String row = "a\t" + "\t".repeat(Rows.MAX_CELLS);
    Problem p = refused("front\tback\n" + row + "\n", '\t');
    assertThat(p.getMessage()).isEqualTo("Row 2: A row has at most 64 cells.");
    // Separators inside quoted cells are text, not cells.
    assertThat(QuestionFiles.read("\"" + ",".repeat(200) + "\",Commas\nB,b\nC,c\n", ','))
        .hasSize(3);
  }

  @Test
  @DisplayName("more than 2,000 questions in one file are refused as too many, not read on")
  void tooManyRows() {
    StringBuilder cards = new StringBuilder();
    for (int i = 0; i <= QuestionRow.MAX_ROWS; i++) {
      cards.append("Term ").append(i).append('\t').append("Meaning number ").append(i).append('\n');
    }
    Problem p = refused(cards.toString(), '\t');
    assertThat(p.code()).isEqualTo("too_many_rows");
    assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
  }

  @Test
  @DisplayName(
      "Quizlet's tab-separated cards: no header, no quoting, so a quote is text; blank lines are skipped")
  void quizlet() {
    String file =
        "Hamlet\t\"To be, or not to be\" is its best-known line\r\n\r\n"
            + "Macbeth\tA Scottish king who murders his way to the throne\r\n"
            + "Othello\tA general deceived by Iago\r\nKing Lear\tA king who divides his realm among his daughters\r\n";

    List<QuestionRow> rows = QuestionFiles.read(file, '\t');

    assertThat(rows).extracting(QuestionRow::row).containsExactly(1, 3, 4, 5);
    assertThat(rows.get(0).question().getString("prompt"))
        .isEqualTo("Which term means “\"To be, or not to be\" is its best-known line”?");
    assertThat(rows.get(0).question().getString("explanation"))
        .isEqualTo("Hamlet — \"To be, or not to be\" is its best-known line");
  }

  @Test
  @DisplayName(
      "Anki's export: its header lines say the separator, that fields are HTML, and which columns are tags")
  void anki() {
    // Anki quotes a field that holds the separator, as "&nbsp;" and "&amp;" do.
    String file =
        "#separator:Semicolon\n#html:true\n#tags column:3\n"
            + "<b>ATP</b>;\"the molecule cells use to carry&nbsp;energy\";biology\n"
            + "DNA;\"the molecule that carries genes; <i>double</i> helix\";biology genetics\n"
            + "RNA;the molecule that copies genes<br>[sound:rna.mp3];\n"
            + "Enzyme;\"a protein that speeds up reactions &amp; is not used up\";\n";

    List<QuestionRow> rows = QuestionFiles.read(file, '\t');

    assertThat(rows).extracting(QuestionRow::row).containsExactly(4, 5, 6, 7);
    assertThat(rows)
        .extracting(r -> r.question().getString("explanation"))
        .containsExactly(
            "ATP — the molecule cells use to carry energy",
            "DNA — the molecule that carries genes; double helix",
            "RNA — the molecule that copies genes",
            "Enzyme — a protein that speeds up reactions & is not used up");
  }

  @Test
  @DisplayName("a first card that starts like a header line but names no key of Anki's is a card")
  void notAHeader() {
    List<QuestionRow> rows =
        QuestionFiles.read("#Motto: the school's own words\ta saying the school lives by\n", '\t');

    assertThat(rows).extracting(QuestionRow::row).containsExactly(1);
    assertThat(rows.get(0).question().getJsonArray("accepted"))
        .containsExactly("#Motto: the school's own words");
  }

  @Test
  @DisplayName("a card row must be a front and a back")
  void badCards() {
    assertThat(refused("ATP\tenergy\nDNA\n", '\t').getMessage())
        .isEqualTo("Row 2: A card is a front and a back with a tab between them.");
    assertThat(refused("ATP,energy\nDNA,genes,double helix\n", ',').getMessage())
        .isEqualTo(
            "Row 2: This row has 3 cells, but a card has two, its front and its back, with \",\" between them"
                + " (put a side that holds one in double quotes).");
    assertThat(refused("ATP\tenergy\n\tgenes\n", '\t').getMessage())
        .isEqualTo("Row 2: A card needs a front and a back.");
    assertThat(refused("#separator:hash\nATP#energy\n", null).getMessage())
        .isEqualTo("Row 1: The separator is one of tab, comma, semicolon, space, pipe or colon.");
  }
}
