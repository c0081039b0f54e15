package org.quizhall.deck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quizhall.notes.TopicNode;
import org.quizhall.notes.TopicTree;

/**
 * The facts of a notes file: each line with the lines under it, which is what a question made from
 * that line rests on (a list question on its lead-in and items, a definition on its line). A
 * re-import keeps an owner's edit while its fact is still in the notes word for word, and otherwise
 * finds the line it became, if any.
 */
final class NotesFacts {

  /**
   * Lines under a fact written out in full; past them a digest stands for the rest, so any change
   * still shows.
   */
  private static final int SHOWN_LINES = 40;

  /** A word in more lines than this says nothing about which line an old one became. */
  private static final int COMMON_WORD = 200;

  /**
   * How alike (Dice over words, rare ones weighing more) a line must be to count as the old one
   * rewritten rather than a new one.
   */
  private static final double REWRITTEN = 0.6;

  /** What being under the same headings adds to how alike two lines are. */
  private static final double SAME_PLACE = 0.15;

  private final Map<Integer, TopicNode> byLine = new HashMap<>();
  private final Map<Integer, String> facts = new HashMap<>();
  private final Map<String, List<TopicNode>> byText = new HashMap<>();
  private final Map<String, Integer> byFact = new HashMap<>();
  private final Map<String, List<Integer>> postings = new HashMap<>();
  private final List<TopicNode> nodes;

  NotesFacts(TopicTree tree) {
    nodes = tree.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      TopicNode node = nodes.get(i);
      byLine.putIfAbsent(node.line(), node);
      String fact = factOf(node);
      facts.putIfAbsent(node.line(), fact);
      byFact.putIfAbsent(fact, i);
      byText.computeIfAbsent(node.text(), t -> new ArrayList<>()).add(node);
      for (String word : words(node.text())) {
        postings.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
      }
    }
  }

  /** The fact of the question from {@code line}; null when no node sits on it. */
  String factAt(int line) {
    return facts.get(line);
  }

  /** The node whose fact is {@code fact} word for word, or null. */
  TopicNode unchanged(String fact) {
    Integer at = byFact.get(fact);
    return at == null ? null : nodes.get(at);
  }

  /**
   * The line an old fact became: the same first line with other lines under it, or else the most
   * alike line when it is alike enough to be the old one rewritten; null when the fact is gone.
   */
  TopicNode rewritten(String fact, List<String> path) {
    String first = fact.lines().findFirst().orElse("");
    List<TopicNode> same = byText.get(first);
    if (same != null && !same.isEmpty()) {
      return same.get(0);
    }
    Set<String> old = words(first);
    if (old.isEmpty()) {
      return null;
    }
    Map<Integer, Double> shared = new HashMap<>();
    for (String word : old) {
      List<Integer> in = postings.get(word);
      if (in != null && in.size() <= COMMON_WORD) {
        double weight = weight(word);
        in.forEach(i -> shared.merge(i, weight, Double::sum));
      }
    }
    double oldWeight = old.stream().mapToDouble(this::weight).sum();
    TopicNode best = null;
    double bestScore = REWRITTEN;
    for (Map.Entry<Integer, Double> e : shared.entrySet()) {
      TopicNode node = nodes.get(e.getKey());
      double nodeWeight = words(node.text()).stream().mapToDouble(this::weight).sum();
      // Rare words weigh more than "the" or "in", and a line under the same headings is the
      // likelier successor.
      double score =
          2 * e.getValue() / (oldWeight + nodeWeight) + (node.path().equals(path) ? SAME_PLACE : 0);
      if (score > bestScore || score == bestScore && best != null && node.line() < best.line()) {
        best = node;
        bestScore = score;
      }
    }
    return best;
  }

  /** How much a word says about which line it is in: the rarer in these notes, the more. */
  private double weight(String word) {
    List<Integer> in = postings.get(word);
    return Math.log(1 + (double) nodes.size() / (in == null ? 1 : in.size()));
  }

  String factOf(TopicNode node) {
    StringBuilder out = new StringBuilder(node.text());
    List<String> under = new ArrayList<>();
    collect(node.children(), under);
    for (int i = 0; i < Math.min(SHOWN_LINES, under.size()); i++) {
      out.append('\n').append(under.get(i));
    }
    if (under.size() > SHOWN_LINES) {
      List<String> rest = under.subList(SHOWN_LINES, under.size());
      out.append("\n… ")
          .append(rest.size())
          .append(" more lines (")
          .append(digest(rest))
          .append(')');
    }
    return out.toString();
  }

  private static void collect(List<TopicNode> children, List<String> out) {
    for (TopicNode child : children) {
      out.add(child.text());
      collect(child.children(), out);
    }
  }

  private static String digest(List<String> lines) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else {
        if (word.length() > 1) {
          out.add(word.toString());
        }
        word.setLength(0);
      }
    }
    return out;
  }
}
