package org.quizhall.notes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns pasted study notes into a {@link TopicTree}. Each blank-line separated block is read in the
 * shape it is written in: a flat outline (plain heading lines over one-level bullets) or Markdown;
 * card syntax lines are recognised inside both.
 */
public final class NotesImporter {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(\\s.*)?$");
  private static final Pattern SETEXT_OR_RULE = Pattern.compile("^ {0,3}(=+|-+|\\*+|_+)\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

  private NotesImporter() {}

  /**
   * @throws NotesTooLargeException if the text exceeds {@link NotesLimits#MAX_BYTES} or {@link
   *     NotesLimits#MAX_LINES}
   */
  public static TopicTree parse(String text) {
    checkLimits(text);
    List<String> lines = joinQuestionAndAnswer(List.of(LINE_BREAK.split(text, -1)));
    TreeBuilder builder = new TreeBuilder();
    HeadingInference headings = new HeadingInference();
    OutlineReader outline = new OutlineReader(builder, headings);
    MarkdownReader markdown = new MarkdownReader(builder);
    boolean[] fenced = fencedLines(lines);
    int i = 0;
    int markdownFrom = -1;
    while (i < lines.size()) {
      if (lines.get(i).isBlank() && !fenced[i]) {
        i++;
        continue;
      }
      int end = i;
      while (end < lines.size() && (!lines.get(end).isBlank() || fenced[end])) {
        end++;
      }
      if (isOutlineBlock(lines, i, end, fenced)) {
        if (markdownFrom >= 0) {
          markdown.read(lines, markdownFrom, i);
          markdownFrom = -1;
          headings.reset();
        }
        outline.read(lines, i, end, builder.isEmpty());
      } else if (markdownFrom < 0) {
        if (OutlineReader.allCards(lines, i, end)) {
          builder.endOutlineSection();
        }
        markdownFrom = i;
      }
      i = end;
    }
    if (markdownFrom >= 0) {
      markdown.read(lines, markdownFrom, lines.size());
    }
    TopicTree tree = builder.build();
    return new TopicTree(tree.titles(), tree.roots(), numberedLines(lines));
  }

  /**
   * The lines that start with a number and a full stop or parenthesis ("1.", "2)"), as steps and
   * rankings are written: a list numbered in the notes has an order of its own.
   */
  static java.util.Set<Integer> numberedLines(List<String> lines) {
    java.util.Set<Integer> numbered = new java.util.HashSet<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t') && i < 40) {
        i++;
      }
      int digits = 0;
      while (i < line.length() && Character.isDigit(line.charAt(i)) && digits < 3) {
        i++;
        digits++;
      }
      if (digits > 0
          && i + 1 < line.length()
          && (line.charAt(i) == '.' || line.charAt(i) == ')')
          && line.charAt(i + 1) == ' ') {
        numbered.add(n + 1);
      }
    }
    return numbered;
  }

  /**
   * "Q: …" on one line and "A: …" on the next become one card line; the answer's line is left blank
   * so every line keeps its number.
   */
  static List<String> joinQuestionAndAnswer(List<String> lines) {
    List<String> out = new java.util.ArrayList<>(lines);
    for (int i = 0; i + 1 < out.size(); i++) {
      String q = withoutBullet(out.get(i));
      String a = withoutBullet(out.get(i + 1));
      if (startsWithLabel(q, "q:", "question:")
          && startsWithLabel(a, "a:", "answer:")
          && !q.toLowerCase(java.util.Locale.ROOT).contains(" a:")) {
        out.set(i, q + " " + a);
        out.set(i + 1, "");
        i++;
      }
    }
    return out;
  }

  private static String withoutBullet(String line) {
    java.util.regex.Matcher m = OutlineReader.BULLET.matcher(line);
    return (m.matches() ? m.group(1) : line).strip();
  }

  private static boolean startsWithLabel(String text, String... labels) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (String label : labels) {
      if (lower.startsWith(label)) {
        return true;
      }
    }
    return false;
  }

  private static void checkLimits(String text) {
    if (text == null) {
      throw new IllegalArgumentException("notes text is null");
    }
    long bytes = 0;
    int lineCount = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        lineCount++;
      }
    }
    if (text.endsWith("\n") || text.endsWith("\r")) {
      lineCount--;
    }
    if (bytes > NotesLimits.MAX_BYTES) {
      throw new NotesTooLargeException(
          "notes are " + bytes + " bytes; the limit is " + NotesLimits.MAX_BYTES);
    }
    if (lineCount > NotesLimits.MAX_LINES) {
      throw new NotesTooLargeException(
          "notes have " + lineCount + " lines; the limit is " + NotesLimits.MAX_LINES);
    }
  }

  private static boolean[] fencedLines(List<String> lines) {
    boolean[] fenced = new boolean[lines.size()];
    boolean inside = false;
    for (int i = 0; i < lines.size(); i++) {
      boolean fence = FENCE.matcher(lines.get(i)).matches();
      fenced[i] = inside || fence;
      if (fence) {
        inside = !inside;
      }
    }
    return fenced;
  }

  /**
   * A block is a flat outline when it has plain heading lines directly above bullets and nothing
   * that only Markdown would write: ATX or setext headings, indented (nested) bullets, quotes,
   * fences.
   */
  private static boolean isOutlineBlock(List<String> lines, int from, int to, boolean[] fenced) {
    boolean headingAboveBullet = false;
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      if (fenced[i]
          || ATX.matcher(line).matches()
          || SETEXT_OR_RULE.matcher(line).matches()
          || line.stripLeading().startsWith(">")) {
        return false;
      }
      boolean bullet = OutlineReader.isBullet(line);
      if (bullet && Character.isWhitespace(line.charAt(0))) {
        return false;
      }
      if (!bullet && !line.isBlank()) {
        if (Character.isWhitespace(line.charAt(0))) {
          return false;
        }
        if (!OutlineReader.isHeadingLine(line) && CardSyntax.read(line).isEmpty()) {
          return false;
        }
        if (OutlineReader.isHeadingLine(line)
            && i + 1 < to
            && OutlineReader.isBullet(lines.get(i + 1))) {
          headingAboveBullet = true;
        }
      }
    }
    return headingAboveBullet;
  }
}
