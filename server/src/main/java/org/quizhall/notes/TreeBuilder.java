package org.quizhall.notes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Collects headings and section content from the readers of each block shape, then freezes them
 * into a tree.
 */
final class TreeBuilder {

  /** A heading while its section is still being read. */
  static final class Section {
    final String heading;
    final int line;
    final int level;
    final List<Section> subsections = new ArrayList<>();
    final List<RawItem> content = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();

    /** Whether a bare line of a flat outline was read as this heading. */
    boolean inferred;

    Section(String heading, int line, int level) {
      this.heading = heading;
      this.line = line;
      this.level = level;
    }
  }

  private final Section root = new Section(null, 0, 0);
  private final Deque<Section> open = new ArrayDeque<>();
  private final List<String> titles = new ArrayList<>();
  private int markdownLevel;

  TreeBuilder() {
    open.push(root);
  }

  boolean isEmpty() {
    return root.subsections.isEmpty() && root.content.isEmpty() && titles.isEmpty();
  }

  void title(String text) {
    titles.add(text);
  }

  /** A Markdown heading: nests by its level. */
  Section markdownHeading(int level, String text, int line) {
    markdownLevel = level;
    return push(level, text, line, null);
  }

  /**
   * A top-level heading of a flat outline: below a document title ("# Notes"), or beside the last
   * Markdown section heading ("## Index types"), which is how such a line reads in the middle of a
   * document.
   */
  Section outlineHeading(String text, int line) {
    Section s = push(outlineLevel(), text, line, null);
    s.inferred = s != root;
    return s;
  }

  /**
   * Ends the section of a bare-line outline heading, so that what follows goes to the section above
   * it: a block of flashcards set off by a blank line after "Replication" and its bullets is not
   * about replication.
   */
  void endOutlineSection() {
    Section s = open.peek();
    if (open.size() > 1 && s.inferred && (!s.content.isEmpty() || !s.subsections.isEmpty())) {
      open.pop();
    }
  }

  /** A flat outline heading inferred to belong under an earlier outline heading. */
  Section outlineSubheading(Section parent, String text, int line) {
    Section s = push(outlineLevel() + 1, text, line, parent);
    s.inferred = s != root;
    return s;
  }

  private int outlineLevel() {
    return markdownLevel <= 1 ? markdownLevel + 1 : markdownLevel;
  }

  private Section push(int level, String text, int line, Section parent) {
    if (text.chars().noneMatch(Character::isLetterOrDigit)) {
      return open.peek();
    }
    while (open.size() > 1 && open.peek().level >= level) {
      open.pop();
    }
    Section s = new Section(text, line, level);
    if (parent != null) {
      while (open.size() > 1 && open.peek().level >= parent.level) {
        open.pop();
      }
      parent.subsections.add(s);
      open.push(parent);
    } else {
      open.peek().subsections.add(s);
    }
    open.push(s);
    return s;
  }

  /** A table read from the notes: header cells, and rows of cells with the line each row is on. */
  record Table(int line, List<String> header, List<List<String>> rows, List<Integer> rowLines) {}

  void table(Table table) {
    open.peek().tables.add(table);
  }

  void content(RawItem item) {
    content(List.of(item));
  }

  /**
   * Lines without a single letter or digit ("---", "=>") carry nothing to learn and are dropped.
   */
  void content(List<RawItem> items) {
    for (RawItem item : items) {
      if (item.text.chars().anyMatch(Character::isLetterOrDigit) || item.shape().isEtc()) {
        dropEmptyChildren(item);
        open.peek().content.add(item);
      }
    }
  }

  private static void dropEmptyChildren(RawItem item) {
    item.children.removeIf(
        c -> c.text.chars().noneMatch(Character::isLetterOrDigit) && !c.shape().isEtc());
    item.children.forEach(TreeBuilder::dropEmptyChildren);
  }

  TopicTree build() {
    return new TopicTree(titles, freezeSection(root, List.of()).nodes());
  }

  private record Frozen(List<TopicNode> nodes, boolean open) {}

  private Frozen freezeSection(Section section, List<String> path) {
    SectionClassifier.Section classified =
        SectionClassifier.classify(section.heading, section.content, false);
    List<TopicNode> nodes = new ArrayList<>();
    for (SectionClassifier.Classified c : classified.nodes()) {
      nodes.add(freeze(c, path));
    }
    for (Table table : section.tables) {
      List<TopicNode> rows = new ArrayList<>();
      for (int r = 0; r < table.rows().size(); r++) {
        List<String> cells = table.rows().get(r);
        rows.add(
            new TopicNode(
                NodeKind.TABLE_ROW,
                String.join(" | ", cells),
                table.rowLines().get(r),
                path,
                List.of(),
                null,
                null,
                false,
                cells));
      }
      nodes.add(
          new TopicNode(
              NodeKind.TABLE,
              String.join(" | ", table.header()),
              table.line(),
              path,
              rows,
              null,
              null,
              false,
              table.header()));
    }
    for (Section sub : section.subsections) {
      List<String> subPath = append(path, sub.heading);
      Frozen inner = freezeSection(sub, subPath);
      nodes.add(
          new TopicNode(
              NodeKind.HEADING,
              sub.heading,
              sub.line,
              subPath,
              inner.nodes(),
              null,
              null,
              inner.open()));
    }
    nodes.sort(Comparator.comparingInt(TopicNode::line));
    return new Frozen(nodes, classified.open());
  }

  private TopicNode freeze(SectionClassifier.Classified c, List<String> path) {
    List<String> childPath =
        c.children().isEmpty() ? path : append(path, BulletShape.of(c.text()).core());
    List<TopicNode> children = new ArrayList<>();
    for (SectionClassifier.Classified child : c.children()) {
      children.add(freeze(child, childPath));
    }
    return new TopicNode(
        c.kind(), c.text(), c.line(), path, children, c.definition(), c.cloze(), c.open());
  }

  private static List<String> append(List<String> path, String s) {
    List<String> out = new ArrayList<>(path);
    out.add(s);
    return out;
  }
}
