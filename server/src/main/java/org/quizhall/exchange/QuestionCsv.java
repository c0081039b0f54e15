package org.quizhall.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizhall.deck.DeckQuestion;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionRow;
import org.quizhall.deck.QuestionType;

/**
 * Quizhall's own question file: one row per question, readable and editable in a spreadsheet, that
 * imports back to the same questions. Options, an ordering's items (in their right order) and a
 * matching's terms sit in {@code option1}…{@code option8}, a matching's matches beside them in
 * {@code match1}…{@code match8}; {@code correct} is the number of the right option (multiple
 * choice), the numbers of the right ones such as {@code 1;3} (multiple response) or {@code true} /
 * {@code false}; a typed question's accepted answers are one per line in {@code accepted}. Hidden
 * questions are kept, marked in {@code hidden}. {@code id}, {@code source_line} and {@code
 * source_text} say where a question came from and are not read back: an import always adds new
 * questions.
 */
public final class QuestionCsv {

  /** The most options, items or pairs a question has. */
  static final int SLOTS = 8;

  /** The columns, in the order they are written. */
  public static final List<String> COLUMNS = columns();

  private static final Set<String> IGNORED = Set.of("id", "source_line", "source_text");
  private static final Pattern NUMBERS = Pattern.compile("[\\s;,]+");

  private QuestionCsv() {}

  private static List<String> columns() {
    List<String> out = new ArrayList<>(List.of("id", "topic", "type", "kind", "prompt"));
    for (int i = 1; i <= SLOTS; i++) {
      out.add("option" + i);
    }
    for (int i = 1; i <= SLOTS; i++) {
      out.add("match" + i);
    }
    out.addAll(
        List.of(
            "correct",
            "accepted",
            "explanation",
            "hidden",
            "seconds",
            "source_line",
            "source_text"));
    return List.copyOf(out);
  }

  /**
   * The questions as a CSV file (RFC 4180, CRLF), with a byte-order mark so that a spreadsheet
   * reads it as UTF-8.
   */
  public static String write(List<DeckQuestion> questions) {
    StringBuilder out = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(COLUMNS);
      for (DeckQuestion row : questions) {
        printer.printRecord(cells(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String> cells(DeckQuestion row) {
    Question q = row.question();
    if (q.options().size() > SLOTS) {
      throw new IllegalStateException(
          "question " + q.id() + " has more than " + SLOTS + " options");
    }
    String correct =
        switch (q.type()) {
          case MULTIPLE_CHOICE -> Integer.toString(q.correct() + 1);
          case TRUE_FALSE -> q.correct() == 0 ? "true" : "false";
          case MULTIPLE_RESPONSE ->
              String.join(";", q.keys().stream().map(k -> Integer.toString(k + 1)).toList());
          case TYPED, ORDERING, MATCHING -> "";
        };
    // A true/false question's options are always True and False: the key says all.
    List<String> options = q.type() == QuestionType.TRUE_FALSE ? List.of() : q.options();
    List<String> cells = new ArrayList<>(COLUMNS.size());
    cells.add(q.id());
    cells.add(q.topic());
    cells.add(q.type().jsonName());
    cells.add(q.kind());
    cells.add(q.prompt());
    for (int i = 0; i < SLOTS; i++) {
      cells.add(i < options.size() ? options.get(i) : "");
    }
    for (int i = 0; i < SLOTS; i++) {
      cells.add(i < q.matches().size() ? q.matches().get(i) : "");
    }
    cells.add(correct);
    cells.add(String.join("\n", q.accepted()));
    cells.add(q.explanation());
    cells.add(Boolean.toString(row.hidden()));
    cells.add(q.seconds() > 0 ? Integer.toString(q.seconds()) : "");
    cells.add(q.source().line() > 0 ? Integer.toString(q.source().line()) : "");
    cells.add(q.source().line() > 0 ? q.source().text() : "");
    return cells.stream().map(SpreadsheetCells::guard).toList();
  }

  /** Whether a file's first row is this file's header: it names a type and a prompt column. */
  static boolean isHeader(List<String> cells) {
    List<String> names = cells.stream().map(QuestionCsv::columnName).toList();
    return names.contains("type") && names.contains("prompt");
  }

  private static String columnName(String cell) {
    return cell.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The questions of a file whose first row is its header; columns may come in any order and may be
   * left out, but each one named must be one of {@link #COLUMNS}.
   *
   * @throws org.quizhall.problem.Problem 400 {@code invalid_row} for the first row that is not a
   *     question
   */
  static List<QuestionRow> read(List<Rows.Line> lines) {
    Rows.Line header = lines.get(0);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String name = columnName(header.cells().get(i));
      if (name.isEmpty()) {
        continue;
      }
      if (!COLUMNS.contains(name)) {
        throw QuestionRow.invalid(
            header.row(),
            "there is no column \""
                + header.cells().get(i).strip()
                + "\"; the columns are "
                + String.join(", ", COLUMNS)
                + ".");
      }
      if (at.put(name, i) != null) {
        throw QuestionRow.invalid(header.row(), "the column " + name + " is there twice.");
      }
    }
    List<QuestionRow> out = new ArrayList<>(lines.size() - 1);
    for (Rows.Line line : lines.subList(1, lines.size())) {
      out.add(question(line, at));
    }
    return out;
  }

  private static QuestionRow question(Rows.Line line, Map<String, Integer> at) {
    Map<String, String> cells = new HashMap<>();
    for (Map.Entry<String, Integer> column : at.entrySet()) {
      int i = column.getValue();
      String cell = i < line.cells().size() ? SpreadsheetCells.unguard(line.cells().get(i)) : "";
      if (!cell.isBlank() && !IGNORED.contains(column.getKey())) {
        cells.put(column.getKey(), cell);
      }
    }
    int row = line.row();
    JsonObject json = new JsonObject();
    for (String field : List.of("prompt", "kind", "topic", "explanation")) {
      if (cells.containsKey(field)) {
        json.put(field, cells.get(field));
      }
    }
    List<String> options = slots(cells, "option", row);
    List<String> matches = slots(cells, "match", row);
    String type = cells.getOrDefault("type", "").strip().toLowerCase(Locale.ROOT);
    if (cells.containsKey("type")) {
      json.put("type", type);
    }
    String correct = cells.getOrDefault("correct", "").strip();
    Set<String> used =
        switch (type) {
          case "multiple_choice" -> {
            json.put("options", new JsonArray(options));
            // Too few options is the question's own defect, and its check names it.
            if (options.size() >= 2) {
              json.put("correct", number(correct, options.size(), row));
            }
            yield Set.of("option", "correct");
          }
          case "multiple_response" -> {
            json.put("options", new JsonArray(options));
            List<Integer> keys = new ArrayList<>();
            if (options.size() >= 2) {
              for (String n : NUMBERS.split(correct)) {
                if (!n.isEmpty()) {
                  keys.add(number(n, options.size(), row));
                }
              }
              if (keys.size() < 2
                  || keys.size() >= options.size()
                  || Set.copyOf(keys).size() != keys.size()) {
                throw QuestionRow.invalid(
                    row,
                    "correct lists the numbers of the right options, at least two and fewer"
                        + " than all "
                        + options.size()
                        + ", each once, such as 1;3.");
              }
            }
            json.put("correct", new JsonArray(keys));
            yield Set.of("option", "correct");
          }
          case "true_false" -> {
            if (!options.isEmpty()) {
              json.put("options", new JsonArray(options));
            }
            String key = correct.toLowerCase(Locale.ROOT);
            if (!key.equals("true") && !key.equals("false")) {
              throw QuestionRow.invalid(row, "correct is true or false for a true/false question.");
            }
            json.put("correct", key.equals("true"));
            yield Set.of("option", "correct");
          }
          case "typed" -> {
            JsonArray accepted = new JsonArray();
            cells
                .getOrDefault("accepted", "")
                .lines()
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .forEach(accepted::add);
            json.put("accepted", accepted);
            yield Set.of("accepted");
          }
          case "ordering" -> {
            json.put("items", new JsonArray(options));
            yield Set.of("option");
          }
          case "matching" -> {
            if (options.size() != matches.size()) {
              int pair = Math.min(options.size(), matches.size()) + 1;
              throw QuestionRow.invalid(
                  row,
                  "option" + pair + " and match" + pair + " are a pair: give both or neither.");
            }
            JsonArray pairs = new JsonArray();
            for (int i = 0; i < options.size(); i++) {
              pairs.add(new JsonObject().put("left", options.get(i)).put("right", matches.get(i)));
            }
            json.put("pairs", pairs);
            yield Set.of("option", "match");
          }
          // No type, or an unknown one: the question's own check says which types there are.
          default -> Set.of("option", "match", "correct", "accepted");
        };
    Map<String, Boolean> given =
        Map.of(
            "option",
            !options.isEmpty(),
            "match",
            !matches.isEmpty(),
            "correct",
            cells.containsKey("correct"),
            "accepted",
            cells.containsKey("accepted"));
    for (String group : List.of("option", "match", "correct", "accepted")) {
      if (given.get(group) && !used.contains(group)) {
        String what =
            group.equals("option") || group.equals("match")
                ? "the " + group + " columns are"
                : group + " is";
        throw QuestionRow.invalid(row, what + " not used by a " + type + " question.");
      }
    }
    if (cells.containsKey("seconds")) {
      String seconds = cells.get("seconds").strip();
      if (!seconds.matches("[0-9]{1,4}")) {
        throw QuestionRow.invalid(
            row,
            "seconds is the question's own time, a whole number of seconds, or empty for"
                + " the room's.");
      }
      json.put("seconds", Integer.parseInt(seconds));
    }
    String hidden = cells.getOrDefault("hidden", "false").strip().toLowerCase(Locale.ROOT);
    if (!hidden.equals("true") && !hidden.equals("false")) {
      throw QuestionRow.invalid(row, "hidden is true or false.");
    }
    return new QuestionRow(row, json, hidden.equals("true"));
  }

  /**
   * The filled cells of option1…option8 (or match1…), which must not leave a gap before the last.
   */
  private static List<String> slots(Map<String, String> cells, String prefix, int row) {
    List<String> out = new ArrayList<>();
    int last = 0;
    for (int i = 1; i <= SLOTS; i++) {
      if (cells.containsKey(prefix + i)) {
        last = i;
      }
    }
    for (int i = 1; i <= last; i++) {
      String cell = cells.get(prefix + i);
      if (cell == null) {
        throw QuestionRow.invalid(
            row,
            prefix
                + i
                + " is empty, but "
                + prefix
                + last
                + " is not: fill the "
                + prefix
                + "s from "
                + prefix
                + "1 on.");
      }
      out.add(cell);
    }
    return out;
  }

  /** An option's number as written (1 for option1), as the index the question keeps. */
  private static int number(String text, int options, int row) {
    String n = text.strip();
    if (n.isEmpty()) {
      throw QuestionRow.invalid(
          row, "correct is empty: give the number of the right option, 1 to " + options + ".");
    }
    if (n.matches("[1-9]") && Integer.parseInt(n) <= options) {
      return Integer.parseInt(n) - 1;
    }
    throw QuestionRow.invalid(
        row, "correct names options by their number, 1 to " + options + ", not \"" + n + "\".");
  }
}
