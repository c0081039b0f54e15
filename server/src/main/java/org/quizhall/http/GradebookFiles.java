package org.quizhall.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.quizhall.game.Gradebook;

/**
 * A game's gradebook as files a teacher opens in a spreadsheet: one tidy table per CSV (players;
 * questions; one row per answer), or the three as sheets of one workbook. Cells that a spreadsheet
 * would run as a formula are written as text.
 */
final class GradebookFiles {

  /** The tables, each with its header row, in the order of the workbook's sheets. */
  static final List<String> TABLES = List.of("players", "questions", "answers");

  private GradebookFiles() {}

  static List<List<Object>> table(Gradebook.Sheet sheet, String table) {
    Map<UUID, String> names = new HashMap<>();
    sheet.players().forEach(p -> names.put(p.id(), p.nickname()));
    Map<Integer, Gradebook.Asked> asked = new HashMap<>();
    sheet.questions().forEach(q -> asked.put(q.index(), q));
    List<List<Object>> rows = new java.util.ArrayList<>();
    switch (table) {
      case "players" -> {
        rows.add(List.of("rank", "nickname", "score", "correct", "answered"));
        sheet
            .players()
            .forEach(
                p ->
                    rows.add(
                        List.of(p.rank(), p.nickname(), p.score(), p.correct(), p.answered())));
      }
      case "questions" -> {
        rows.add(List.of("question", "prompt", "type", "key", "answered", "correct"));
        Map<Integer, long[]> counts = new HashMap<>();
        for (Gradebook.Answer a : sheet.answers()) {
          long[] c = counts.computeIfAbsent(a.index(), i -> new long[2]);
          c[0]++;
          c[1] += a.correct() ? 1 : 0;
        }
        for (Gradebook.Asked q : sheet.questions()) {
          long[] c = counts.getOrDefault(q.index(), new long[2]);
          rows.add(List.of(q.index() + 1, q.prompt(), q.type(), q.key(), c[0], c[1]));
        }
      }
      default -> {
        rows.add(
            List.of(
                "nickname",
                "question",
                "prompt",
                "answer",
                "key",
                "correct",
                "points",
                "response_ms"));
        for (Gradebook.Answer a : sheet.answers()) {
          Gradebook.Asked q = asked.get(a.index());
          rows.add(
              List.of(
                  names.getOrDefault(a.player(), ""),
                  a.index() + 1,
                  q == null ? "" : q.prompt(),
                  a.given(),
                  q == null ? "" : q.key(),
                  a.correct(),
                  a.points(),
                  a.responseMs()));
        }
      }
    }
    return rows;
  }

  static String csv(Gradebook.Sheet sheet, String table) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      for (List<Object> row : table(sheet, table)) {
        printer.printRecord(
            row.stream()
                .map(cell -> cell instanceof String s ? GameRoutes.spreadsheetSafe(s) : cell)
                .toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static byte[] xlsx(Gradebook.Sheet sheet) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(bytes, "Quizhall", "1.0");
      for (String table : TABLES) {
        Worksheet ws = workbook.newWorksheet(table);
        List<List<Object>> rows = table(sheet, table);
        for (int r = 0; r < rows.size(); r++) {
          List<Object> row = rows.get(r);
          for (int c = 0; c < row.size(); c++) {
            Object cell = row.get(c);
            if (cell instanceof Number n) {
              ws.value(r, c, n);
            } else if (cell instanceof Boolean b) {
              ws.value(r, c, b);
            } else {
              // Text cells are stored as text, never as formulas, whatever they start with.
              ws.value(r, c, String.valueOf(cell));
            }
          }
          if (r == 0) {
            ws.range(0, 0, 0, row.size() - 1).style().bold().set();
          }
        }
        ws.freezePane(0, 1);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
