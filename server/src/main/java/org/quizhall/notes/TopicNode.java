package org.quizhall.notes;

import java.util.List;

/**
 * One line of notes in the topic tree.
 *
 * @param line 1-based line number in the original text
 * @param path headings and lead-ins above this node; a heading's path ends with the heading itself
 * @param definition set for {@link NodeKind#DEFINITION}
 * @param cloze set for {@link NodeKind#CLOZE}
 * @param openList for a lead-in or list heading: the list ended with "etc.", so it is not
 *     exhaustive
 * @param cells for a {@link NodeKind#TABLE} its header cells, for a {@link NodeKind#TABLE_ROW} its
 *     cells
 */
public record TopicNode(
    NodeKind kind,
    String text,
    int line,
    List<String> path,
    List<TopicNode> children,
    Definition definition,
    Cloze cloze,
    boolean openList,
    List<String> cells) {

  public TopicNode {
    path = List.copyOf(path);
    children = List.copyOf(children);
    cells = List.copyOf(cells);
  }

  public TopicNode(
      NodeKind kind,
      String text,
      int line,
      List<String> path,
      List<TopicNode> children,
      Definition definition,
      Cloze cloze,
      boolean openList) {
    this(kind, text, line, path, children, definition, cloze, openList, List.of());
  }

  public boolean isHeading() {
    return kind == NodeKind.HEADING;
  }

  public List<TopicNode> listItems() {
    return children.stream().filter(c -> c.kind() == NodeKind.LIST_ITEM).toList();
  }
}
