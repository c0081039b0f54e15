package org.quizhall.notes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizhall.problem.Problem;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Writes the XHTML a Tika parser reports as the Markdown the importer reads: {@code h1}-{@code h6}
 * as {@code #} headings, {@code ul} and {@code ol} as {@code -} and {@code 1.} items indented by
 * nesting, tables as pipe tables (the first row the header), definition lists as "term: definition"
 * lines, and paragraphs a blank line apart. Word's lists reach it as paragraphs led by their bullet
 * or number; those become items too, nested by their numbering ("1.2.", or "a." under "1."). Text
 * that would read as Markdown syntax it is not is escaped.
 *
 * <p>It refuses (with a {@link Refusal} carrying the Problem) text over the notes limit and work
 * past the deadline.
 */
final class DocumentMarkdown extends DefaultHandler {

  /**
   * A refusal raised from inside the parse; parsers may wrap it, so it is looked for among the
   * causes.
   */
  static final class Refusal extends SAXException {
    private final transient Problem problem;

    Refusal(Problem problem) {
      super(problem.getMessage());
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }

  /** A bullet or number as Tika writes it before the text of one of Word's list paragraphs. */
  private static final Pattern LABEL =
      Pattern.compile(
          "^(?:(\u00b7)|\\(?(\\d{1,3}(?:\\.\\d{1,3}){0,8}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,7})[.)])\\s+(.*)$");

  private static final Pattern BULLET_GLYPH =
      Pattern.compile("^[\u2022\u00b7\u25e6\u25aa\u25cf\u2023\u2013\u2043](?:\\s+|$)");
  private static final Pattern RULE = Pattern.compile("^(?:[-=*_~]\\s*){3,}$");
  private static final Pattern SPACES =
      Pattern.compile("[\\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+");
  private static final int CHECK_EVERY = 1024;

  /**
   * What was written last: items of one list, and lines of one glossary, go a line apart; the rest
   * a blank line.
   */
  private enum Last {
    NOTHING,
    BLOCK,
    ITEM,
    LINE
  }

  private enum Kind {
    BULLET,
    DECIMAL,
    LOWER_ALPHA,
    UPPER_ALPHA,
    LOWER_ROMAN,
    UPPER_ROMAN
  }

  /** A list open in the XHTML. */
  private static final class OpenList {
    final boolean ordered;
    int count;

    OpenList(boolean ordered) {
      this.ordered = ordered;
    }
  }

  private final boolean keepLineBreaks;
  private final boolean labelledLists;
  private final long limitBytes;
  private final long giveUpAt;

  private final StringBuilder out = new StringBuilder();
  private long bytes;
  private long events;
  private Last last = Last.NOTHING;

  private int bodyDepth;
  private final StringBuilder text = new StringBuilder();
  private int heading;
  private final Deque<OpenList> lists = new ArrayDeque<>();
  private String term;

  private List<List<String>> table;
  private List<String> row;
  private StringBuilder cell;
  private int tableDepth;
  private long tableBytes;

  /**
   * The indentation and marker width of the last item written at each level, and each level's
   * count.
   */
  private final int[] indents = new int[16];

  private final int[] markerWidths = new int[16];
  private final int[] counts = new int[16];
  private int lastLevel = -1;

  /** Word's list labels: the kind of label at each level, and the last letter seen at each. */
  private final List<Kind> labelKinds = new ArrayList<>();

  private final List<Character> lastLetters = new ArrayList<>();

  DocumentMarkdown(boolean keepLineBreaks, boolean labelledLists, long limitBytes, long giveUpAt) {
    this.keepLineBreaks = keepLineBreaks;
    this.labelledLists = labelledLists;
    this.limitBytes = limitBytes;
    this.giveUpAt = giveUpAt;
  }

  /** The Markdown written so far: all of it once the parse has ended. */
  String text() {
    return out.toString();
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    tick();
    String name = name(localName, qName);
    if (name.equals("body")) {
      bodyDepth++;
      return;
    }
    if (bodyDepth == 0) {
      return;
    }
    if (tableDepth > 0) {
      startInTable(name);
      return;
    }
    switch (name) {
      case "table" -> {
        flush();
        table = new ArrayList<>();
        tableDepth = 1;
        tableBytes = 0;
      }
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        if (lists.isEmpty()) {
          flush();
          heading = name.charAt(1) - '0';
        } else {
          text.append(' ');
        }
      }
      case "ul", "ol" -> {
        flush();
        lists.push(new OpenList(name.equals("ol")));
      }
      case "li" -> flushItem();
      case "dt", "dd" -> flush();
      case "br" -> text.append('\n');
      case "p",
          "div",
          "pre",
          "blockquote",
          "address",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "nav",
          "figure",
          "figcaption",
          "main" -> {
        if (lists.isEmpty() && heading == 0) {
          flush();
        } else {
          text.append(' ');
        }
      }
      default -> {
        // Inline elements (a, span, b, i, img, ...) leave their text where it is.
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    tick();
    String name = name(localName, qName);
    if (name.equals("body")) {
      flush();
      bodyDepth--;
      return;
    }
    if (bodyDepth == 0) {
      return;
    }
    if (tableDepth > 0) {
      endInTable(name);
      return;
    }
    switch (name) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        if (heading > 0) {
          String title = oneLine(take());
          if (!title.isEmpty()) {
            block(Last.BLOCK, "#".repeat(heading) + " " + title);
          }
          heading = 0;
        }
      }
      case "li" -> flushItem();
      case "ul", "ol" -> {
        flushItem();
        if (!lists.isEmpty()) {
          lists.pop();
        }
        if (lists.isEmpty() && last == Last.ITEM) {
          // The next list is a list of its own, a blank line apart.
          last = Last.BLOCK;
          lastLevel = -1;
        }
      }
      case "dt" -> term = oneLine(take());
      case "dd" -> {
        String definition = oneLine(take());
        if (term != null && !term.isEmpty() && !definition.isEmpty()) {
          block(Last.LINE, escapeStart(term) + ": " + definition);
        } else if (!definition.isEmpty()) {
          block(Last.BLOCK, escapeStart(definition));
        }
        term = null;
      }
      case "p",
          "div",
          "pre",
          "blockquote",
          "address",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "nav",
          "figure",
          "figcaption",
          "main" -> {
        if (lists.isEmpty() && heading == 0) {
          flushParagraph();
        } else {
          text.append(' ');
        }
      }
      default -> {
        // Inline elements end where their text does.
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    tick();
    if (bodyDepth == 0) {
      return;
    }
    if (tableDepth > 0) {
      if (cell != null) {
        cell.append(ch, start, length);
        tableBytes += length;
        checkHeld(tableBytes);
      }
      return;
    }
    text.append(ch, start, length);
    checkHeld(text.length());
  }

  /**
   * Tika reports the line breaks inside a PDF's paragraphs as ignorable whitespace: they are kept
   * like text.
   */
  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  private void startInTable(String name) throws SAXException {
    switch (name) {
      case "table" -> tableDepth++;
      case "tr" -> {
        if (tableDepth == 1) {
          endRow();
          row = new ArrayList<>();
        }
      }
      case "td", "th" -> {
        if (tableDepth == 1) {
          endCell();
          cell = new StringBuilder();
        } else if (cell != null) {
          cell.append(' ');
        }
      }
      default -> {
        if (cell != null) {
          cell.append(' ');
        }
      }
    }
  }

  private void endInTable(String name) throws SAXException {
    switch (name) {
      case "table" -> {
        tableDepth--;
        if (tableDepth == 0) {
          endRow();
          writeTable(table);
          table = null;
        }
      }
      case "tr" -> {
        if (tableDepth == 1) {
          endRow();
        }
      }
      case "td", "th" -> {
        if (tableDepth == 1) {
          endCell();
        } else if (cell != null) {
          cell.append(' ');
        }
      }
      default -> {
        if (cell != null) {
          cell.append(' ');
        }
      }
    }
  }

  private void endCell() throws SAXException {
    if (cell != null) {
      if (row == null) {
        row = new ArrayList<>();
      }
      row.add(oneLine(cell.toString()).replace("|", "\\|"));
      // Every cell costs its pipes in the Markdown, so a table of empty cells is limited too.
      tableBytes += 3;
      checkHeld(tableBytes);
      cell = null;
    }
  }

  private void endRow() throws SAXException {
    endCell();
    if (row != null) {
      if (row.stream().anyMatch(c -> !c.isEmpty())) {
        table.add(row);
      }
      row = null;
    }
  }

  /**
   * A table of two or more columns and rows as a pipe table; a table of one column or one row as
   * its text.
   */
  private void writeTable(List<List<String>> rows) throws SAXException {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    if (rows.size() < 2 || columns < 2) {
      for (List<String> r : rows) {
        String line =
            String.join("; ", r.stream().filter(c -> !c.isEmpty()).toList()).replace("\\|", "|");
        block(Last.BLOCK, escapeStart(line));
      }
      return;
    }
    StringBuilder md = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      md.append('|');
      for (int c = 0; c < columns; c++) {
        String value = c < rows.get(r).size() ? rows.get(r).get(c) : "";
        md.append(' ').append(value).append(" |");
      }
      if (r == 0) {
        md.append("\n|").append(" --- |".repeat(columns));
      }
      if (r + 1 < rows.size()) {
        md.append('\n');
      }
    }
    block(Last.BLOCK, md.toString());
  }

  /** Ends whatever text is open: an item of an open list, or a paragraph. */
  private void flush() throws SAXException {
    if (!lists.isEmpty()) {
      flushItem();
    } else {
      flushParagraph();
    }
  }

  private void flushItem() throws SAXException {
    if (lists.isEmpty()) {
      return;
    }
    String item = oneLine(take());
    if (!item.isEmpty()) {
      OpenList list = lists.peek();
      list.count++;
      item(lists.size() - 1, list.ordered, list.count, item);
    }
  }

  /**
   * A paragraph: line by line, where the format's line breaks are the author's; a Word list item if
   * labelled.
   */
  private void flushParagraph() throws SAXException {
    String raw = take();
    if (raw.isBlank()) {
      return;
    }
    if (labelledLists) {
      Matcher label = LABEL.matcher(oneLine(raw));
      if (label.matches() && !label.group(3).isEmpty()) {
        labelledItem(label);
        return;
      }
    }
    List<String> lines = new ArrayList<>();
    for (String line : keepLineBreaks ? raw.split("\n") : new String[] {raw}) {
      String clean = oneLine(line);
      if (clean.isEmpty() || RULE.matcher(clean).matches()) {
        continue;
      }
      Matcher glyph = BULLET_GLYPH.matcher(clean);
      if (!glyph.find()) {
        lines.add(escapeStart(clean));
      } else if (glyph.end() < clean.length()) {
        lines.add("- " + escapeStart(clean.substring(glyph.end())));
      }
    }
    if (!lines.isEmpty()) {
      block(Last.BLOCK, String.join("\n", lines));
    }
  }

  /**
   * One of Word's list paragraphs, its level read from its label: "1.2." is the second level, as is
   * "a." under "1.".
   */
  private void labelledItem(Matcher label) throws SAXException {
    String body = label.group(3);
    if (label.group(1) != null) {
      item(labelLevel(Kind.BULLET, -1, ' '), false, 0, body);
      return;
    }
    String mark = label.group(2);
    if (Character.isDigit(mark.charAt(0))) {
      String[] parts = mark.split("\\.");
      int level = labelLevel(Kind.DECIMAL, parts.length - 1, ' ');
      item(level, true, Integer.parseInt(parts[parts.length - 1]), body);
      return;
    }
    boolean lower = Character.isLowerCase(mark.charAt(0));
    Kind kind;
    if (mark.length() == 1 && !isRomanLetterAfter(mark.charAt(0), lower)) {
      kind = lower ? Kind.LOWER_ALPHA : Kind.UPPER_ALPHA;
    } else if (mark.chars().allMatch(c -> "ivxlcdmIVXLCDM".indexOf(c) >= 0)) {
      kind = lower ? Kind.LOWER_ROMAN : Kind.UPPER_ROMAN;
    } else {
      kind = lower ? Kind.LOWER_ALPHA : Kind.UPPER_ALPHA;
    }
    item(labelLevel(kind, -1, mark.charAt(0)), true, 0, body);
  }

  /**
   * Whether a one-letter label that could be a Roman numeral ("i.", "v.") is one: unless it follows
   * its letter.
   */
  private boolean isRomanLetterAfter(char letter, boolean lower) {
    if ("ivxlcdmIVXLCDM".indexOf(letter) < 0) {
      return false;
    }
    Kind alpha = lower ? Kind.LOWER_ALPHA : Kind.UPPER_ALPHA;
    int at = labelKinds.indexOf(alpha);
    return at < 0 || lastLetters.get(at) != letter - 1;
  }

  /**
   * The level of a labelled item: {@code explicit} when the label says it (decimal parts), else the
   * level where a label of this kind already stands, else one below the last.
   */
  private int labelLevel(Kind kind, int explicit, char letter) {
    int level = explicit >= 0 ? explicit : labelKinds.indexOf(kind);
    if (level < 0) {
      level = labelKinds.size();
    }
    level = Math.min(level, Math.min(labelKinds.size(), indents.length - 1));
    while (labelKinds.size() > level) {
      labelKinds.remove(labelKinds.size() - 1);
      lastLetters.remove(lastLetters.size() - 1);
    }
    labelKinds.add(kind);
    lastLetters.add(letter);
    return level;
  }

  /** A list item at {@code level}, indented under the item above it as CommonMark needs. */
  private void item(int level, boolean ordered, int number, String content) throws SAXException {
    level = Math.min(Math.min(level, lastLevel + 1), indents.length - 1);
    for (int deeper = level + 1; deeper < counts.length; deeper++) {
      counts[deeper] = 0;
    }
    counts[level]++;
    int n = number > 0 ? number : counts[level];
    String marker = ordered ? Math.min(n, 999_999) + "." : "-";
    indents[level] = level == 0 ? 0 : indents[level - 1] + markerWidths[level - 1];
    markerWidths[level] = marker.length() + 1;
    lastLevel = level;
    block(Last.ITEM, " ".repeat(indents[level]) + marker + " " + escapeStart(content));
  }

  /** Writes a block: items of one list a line apart, everything else a blank line apart. */
  private void block(Last kind, String markdown) throws SAXException {
    if (kind != Last.ITEM) {
      lastLevel = -1;
      labelKinds.clear();
      lastLetters.clear();
    }
    boolean sameRun = kind == last && (kind == Last.ITEM || kind == Last.LINE);
    String separator = last == Last.NOTHING ? "" : sameRun ? "\n" : "\n\n";
    write(separator);
    write(markdown);
    last = kind;
  }

  private void write(String s) throws SAXException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    if (bytes > limitBytes) {
      throw new Refusal(tooLarge());
    }
    out.append(s);
  }

  /** Text held for one block or table may not outgrow the notes it would become. */
  private void checkHeld(long held) throws SAXException {
    if (held > limitBytes) {
      throw new Refusal(tooLarge());
    }
  }

  private Problem tooLarge() {
    return new Problem(
        Problem.Kind.TOO_LARGE,
        "notes_too_large",
        "The text of this file is over "
            + limitBytes / (1024 * 1024)
            + " MiB, the most notes one deck is made from: split it into smaller files.");
  }

  /**
   * Stops the work at the deadline: the caller was told the import took too long, and nobody waits
   * for it.
   */
  private void tick() throws SAXException {
    if (++events % CHECK_EVERY == 0 && System.nanoTime() - giveUpAt > 0) {
      throw new Refusal(
          new Problem(
              Problem.Kind.UNPROCESSABLE,
              "import_too_slow",
              "This file was not read in time: try again, or split it into smaller files."));
    }
  }

  private String take() {
    String s = text.toString();
    text.setLength(0);
    return s;
  }

  private static String oneLine(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /**
   * A backslash before what would otherwise start a heading, a quote, HTML, a code fence or a
   * table.
   */
  private static String escapeStart(String line) {
    if (line.isEmpty()) {
      return line;
    }
    char first = line.charAt(0);
    if (first == '#'
        || first == '>'
        || first == '<'
        || first == '|'
        || line.startsWith("```")
        || line.startsWith("~~~")) {
      return "\\" + line;
    }
    return line;
  }

  private static String name(String localName, String qName) {
    String name = localName == null || localName.isEmpty() ? qName : localName;
    return name.toLowerCase(Locale.ROOT);
  }
}
