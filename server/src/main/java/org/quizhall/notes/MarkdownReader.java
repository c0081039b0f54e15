package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown block with commonmark-java. Text is taken from the source spans rather than the
 * parsed inlines, so cloze and flashcard markup survive exactly as typed and every line keeps its
 * number.
 */
final class MarkdownReader {

  private static final Parser PARSER =
      Parser.builder()
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .extensions(List.of(TablesExtension.create()))
          .build();
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(\\[])");

  private final TreeBuilder builder;
  private List<String> lines;
  private int offset;

  MarkdownReader(TreeBuilder builder) {
    this.builder = builder;
  }

  /** Reads lines [from, to) of the document. */
  void read(List<String> lines, int from, int to) {
    this.lines = lines;
    this.offset = from;
    Node document = PARSER.parse(String.join("\n", lines.subList(from, to)));
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      block(n);
    }
  }

  private void block(Node n) {
    if (n instanceof Heading h) {
      List<SourceSpan> spans = h.getSourceSpans();
      if (spans.isEmpty()) {
        return;
      }
      String text = InlineText.plain(withoutHeadingMarks(spanText(spans.get(0))));
      if (!text.isBlank()) {
        builder.markdownHeading(h.getLevel(), text, lineOf(spans.get(0)));
      }
    } else if (n instanceof Paragraph p) {
      builder.content(paragraph(p));
    } else if (n instanceof ListBlock list) {
      builder.content(listItems(list));
    } else if (n instanceof TableBlock table) {
      table(table);
    } else if (n instanceof BlockQuote q) {
      for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
        block(c);
      }
    }
  }

  /** A table with a header and at least one row; cells are read as plain text. */
  private void table(TableBlock table) {
    List<String> header = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int first =
        table.getSourceSpans().isEmpty() ? offset + 1 : lineOf(table.getSourceSpans().get(0));
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        if (!(row instanceof TableRow)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            StringBuilder text = new StringBuilder();
            literal(cell, text);
            cells.add(InlineText.plain(text.toString()).strip());
          }
        }
        if (part instanceof TableHead) {
          header = cells;
        } else {
          rows.add(cells);
          // The header and the delimiter row come first; spans give the line where the library has
          // one.
          lines.add(
              row.getSourceSpans().isEmpty()
                  ? first + 1 + rows.size()
                  : lineOf(row.getSourceSpans().get(0)));
        }
      }
    }
    if (!header.isEmpty() && !rows.isEmpty()) {
      builder.table(new TreeBuilder.Table(first, header, rows, lines));
    }
  }

  private static void literal(Node node, StringBuilder out) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof org.commonmark.node.Text t) {
        out.append(t.getLiteral());
      } else if (c instanceof org.commonmark.node.Code code) {
        out.append(code.getLiteral());
      } else if (c instanceof org.commonmark.node.SoftLineBreak
          || c instanceof org.commonmark.node.HardLineBreak) {
        out.append(' ');
      } else {
        literal(c, out);
      }
    }
  }

  private List<RawItem> listItems(ListBlock list) {
    List<RawItem> out = new ArrayList<>();
    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof ListItem item) {
        RawItem raw = listItem(item);
        if (raw != null) {
          out.add(raw);
        }
      }
    }
    return out;
  }

  private RawItem listItem(ListItem item) {
    RawItem raw = null;
    List<RawItem> pending = new ArrayList<>();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph p && raw == null) {
        List<SourceSpan> spans = p.getSourceSpans();
        StringBuilder text = new StringBuilder();
        for (SourceSpan s : spans) {
          text.append(' ').append(spanText(s));
        }
        raw = new RawItem(InlineText.plain(text.toString()), lineOf(spans.get(0)), false);
      } else if (c instanceof Paragraph p) {
        pending.addAll(paragraph(p));
      } else if (c instanceof ListBlock nested) {
        pending.addAll(listItems(nested));
      }
    }
    if (raw == null || raw.text.isBlank()) {
      return null;
    }
    raw.children.addAll(pending);
    return raw;
  }

  /**
   * Lines of a paragraph: card lines stand alone, wrapped prose is joined and split into sentences.
   */
  private List<RawItem> paragraph(Paragraph p) {
    List<RawItem> out = new ArrayList<>();
    StringBuilder unit = new StringBuilder();
    int unitLine = -1;
    boolean prose = isWrappedProse(p);
    for (SourceSpan s : p.getSourceSpans()) {
      String text = InlineText.plain(spanText(s));
      if (text.isEmpty()) {
        continue;
      }
      if (CardSyntax.read(text).isPresent()) {
        emit(out, unit, unitLine);
        unit.setLength(0);
        out.add(new RawItem(text, lineOf(s), true));
        continue;
      }
      if (!prose
          && unit.length() > 0
          && endsSentence(unit)
          && !Character.isLowerCase(text.charAt(0))) {
        emit(out, unit, unitLine);
        unit.setLength(0);
      }
      if (unit.length() == 0) {
        unitLine = lineOf(s);
      } else {
        unit.append(' ');
      }
      unit.append(text);
    }
    emit(out, unit, unitLine);
    return out;
  }

  /**
   * Prose wrapped at a fixed width: long lines, sentences ending inside them. Its line breaks mean
   * nothing, so the paragraph is read as one text and cut into sentences; otherwise each line may
   * be a fact of its own.
   */
  private boolean isWrappedProse(Paragraph p) {
    List<SourceSpan> spans = p.getSourceSpans();
    if (spans.size() < 2) {
      return false;
    }
    int length = 0;
    boolean inner = false;
    for (SourceSpan s : spans) {
      String text = spanText(s).strip();
      length += text.length();
      int stop = text.indexOf(". ");
      inner |= stop > 0 && stop < text.length() - 2;
    }
    return inner && length / spans.size() >= 50;
  }

  private static boolean endsSentence(CharSequence unit) {
    char last = unit.charAt(unit.length() - 1);
    return ".!?:".indexOf(last) >= 0 || Character.isLetterOrDigit(last) || last == ')';
  }

  private static void emit(List<RawItem> out, StringBuilder unit, int line) {
    if (unit.length() == 0) {
      return;
    }
    for (String sentence : SENTENCE_END.split(unit.toString())) {
      if (!sentence.isBlank()) {
        out.add(new RawItem(sentence.strip(), line, true));
      }
    }
  }

  private String spanText(SourceSpan span) {
    String line = lines.get(offset + span.getLineIndex());
    int start = Math.min(span.getColumnIndex(), line.length());
    int end = Math.min(start + span.getLength(), line.length());
    return line.substring(start, end);
  }

  private int lineOf(SourceSpan span) {
    return offset + span.getLineIndex() + 1;
  }

  /**
   * "## Title ##" without its marks. By hand: the expression it replaces was quadratic on a heading
   * with a long run of spaces.
   */
  static String withoutHeadingMarks(String line) {
    int start = 0;
    while (start < line.length() && start < 3 && line.charAt(start) == ' ') {
      start++;
    }
    int hashes = start;
    while (hashes < line.length() && line.charAt(hashes) == '#' && hashes - start < 6) {
      hashes++;
    }
    if (hashes > start) {
      start = hashes;
    }
    int end = line.length();
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    int closing = end;
    while (closing > start && line.charAt(closing - 1) == '#') {
      closing--;
    }
    if (closing < end && closing > start && Character.isWhitespace(line.charAt(closing - 1))) {
      end = closing;
    }
    return line.substring(start, end).strip();
  }
}
