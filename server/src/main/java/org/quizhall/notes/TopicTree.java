package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * Notes as a tree of headings, statements, lists and cards.
 *
 * @param titles text of leading title lines (blog chrome, chapter title), which are not topics
 * @param roots top-level nodes in source order
 * @param numberedLines the lines numbered in the notes ("1. Create a branch"), whose lists have an
 *     order
 */
public record TopicTree(
    List<String> titles, List<TopicNode> roots, java.util.Set<Integer> numberedLines) {

  public TopicTree {
    titles = List.copyOf(titles);
    roots = List.copyOf(roots);
    numberedLines = java.util.Set.copyOf(numberedLines);
  }

  public TopicTree(List<String> titles, List<TopicNode> roots) {
    this(titles, roots, java.util.Set.of());
  }

  /** Every node, depth first in source order. */
  public List<TopicNode> nodes() {
    List<TopicNode> out = new ArrayList<>();
    collect(roots, out);
    return out;
  }

  private static void collect(List<TopicNode> nodes, List<TopicNode> out) {
    for (TopicNode n : nodes) {
      out.add(n);
      collect(n.children(), out);
    }
  }

  public List<TopicNode> headings() {
    return nodes().stream().filter(TopicNode::isHeading).toList();
  }

  /** Top-level headings in order. */
  public List<String> topics() {
    return roots.stream().filter(TopicNode::isHeading).map(TopicNode::text).toList();
  }
}
