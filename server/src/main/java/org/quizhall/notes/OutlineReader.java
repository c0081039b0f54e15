package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a flat outline block: plain lines are headings, every bullet sits at one level. */
final class OutlineReader {

  static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+(.*)$");

  private final TreeBuilder builder;
  private final HeadingInference headings;
  private List<RawItem> bullets = new ArrayList<>();
  private String currentHeading;

  OutlineReader(TreeBuilder builder, HeadingInference headings) {
    this.builder = builder;
    this.headings = headings;
  }

  /** Reads lines [from, to) of the document; {@code lines} are the whole document. */
  void read(List<String> lines, int from, int to, boolean documentStart) {
    int i = from;
    if (documentStart) {
      int run = 0;
      while (from + run < to && isHeadingLine(lines.get(from + run))) {
        run++;
      }
      for (int t = 0; t < run - 1; t++) {
        builder.title(lines.get(from + t).strip());
      }
      i = from + Math.max(0, run - 1);
    }
    if (!documentStart && allCards(lines, i, to)) {
      builder.endOutlineSection();
    }
    for (; i < to; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Matcher m = BULLET.matcher(line);
      if (m.matches()) {
        String text = InlineText.plain(m.group(1));
        if (!text.isBlank()) {
          RawItem item = new RawItem(text, i + 1, false);
          item.inferred = true;
          bullets.add(item);
        }
      } else if (CardSyntax.read(line).isPresent()) {
        RawItem item = new RawItem(InlineText.plain(line), i + 1, false);
        item.inferred = true;
        bullets.add(item);
      } else if (line.chars().anyMatch(Character::isLetterOrDigit)) {
        flush();
        heading(line.strip(), i + 1);
      }
    }
    flush();
  }

  private void heading(String text, int line) {
    TreeBuilder.Section parent = headings.parentOf(text);
    if (parent == null) {
      headings.topic(builder.outlineHeading(text, line));
    } else {
      builder.outlineSubheading(parent, text, line);
      headings.revisit(parent);
    }
    currentHeading = text;
  }

  private void flush() {
    if (!bullets.isEmpty()) {
      builder.content(ListInference.nest(bullets, currentHeading));
      bullets = new ArrayList<>();
    }
  }

  /** A block of flashcard lines only ("Primary key :: …"), no bullet and no heading among them. */
  static boolean allCards(List<String> lines, int from, int to) {
    int cards = 0;
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (isBullet(line) || CardSyntax.read(line).isEmpty()) {
        return false;
      }
      cards++;
    }
    return cards >= 2;
  }

  static boolean isBullet(String line) {
    return BULLET.matcher(line).matches();
  }

  /** Short, unpunctuated, unindented: reads as a heading in a flat outline. */
  static boolean isHeadingLine(String line) {
    if (line.isBlank() || isBullet(line) || Character.isWhitespace(line.charAt(0))) {
      return false;
    }
    String t = line.strip();
    if (t.length() > 100
        || t.startsWith("#")
        || t.startsWith(">")
        || t.startsWith("|")
        || t.startsWith("```")
        || t.startsWith("~~~")) {
      return false;
    }
    if (t.chars().noneMatch(Character::isLetterOrDigit)) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    if (".:!?,;".indexOf(last) >= 0 && !t.toLowerCase().endsWith("etc.")) {
      return false;
    }
    return BulletShape.of(t).wordCount() <= 12 && CardSyntax.read(t).isEmpty();
  }
}
