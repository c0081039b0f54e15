package org.quizhall.deck;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;
import org.quizhall.notes.TopicTree;

/**
 * Turns a topic tree into every fair question it supports, with a warning for each line that yields
 * none.
 */
public final class DeckGenerator {

  private static final Set<NodeKind> ASKABLE =
      Set.of(
          NodeKind.STATEMENT,
          NodeKind.NOTE,
          NodeKind.LIST_ITEM,
          NodeKind.LIST_LEAD_IN,
          NodeKind.DEFINITION,
          NodeKind.CLOZE,
          NodeKind.TABLE_ROW);

  private DeckGenerator() {}

  public static GeneratedDeck generate(TopicTree tree, long seed) {
    return generate(tree, seed, false);
  }

  /**
   * @param strict whether a malformed question throws rather than leaving its line out, so that
   *     tests see what users are spared
   */
  static GeneratedDeck generate(TopicTree tree, long seed, boolean strict) {
    List<GenerationWarning> repeats = new ArrayList<>();
    tree =
        new TopicTree(tree.titles(), withoutRepeats(tree.roots(), repeats), tree.numberedLines());
    NotesIndex index = new NotesIndex(tree);
    QuestionFactory factory = new QuestionFactory(seed);
    Emitter out = new Emitter(strict);
    new ListQuestions(index, factory, out).generate();
    new TopicQuestions(index, factory, out).generate();
    new NumericQuestions(index, factory, out).generate();
    new StatementQuestions(index, factory, out).generate();
    new PlaceQuestions(index, factory, out).generate();
    new DefinitionQuestions(index, factory, out).generate();
    new TableQuestions(index, factory, out).generate();
    new TableComparisons(index, factory, out).generate();
    new GroupComparisons(index, factory, out).generate();
    new MatchingQuestions(index, factory, out).generate();
    new OrderingQuestions(index, factory, out).generate();
    new ScenarioQuestions(index, factory, out).generate();

    FactLimits.Kept kept = FactLimits.keep(out.questions);
    List<Question> questions = kept.questions();
    // A line whose every question the deck-wide rules left out is reported like one that gave none.
    java.util.Set<Integer> keptLines = new java.util.HashSet<>();
    questions.forEach(q -> keptLines.add(q.source().line()));
    Map<String, String> whyLeftOut = new java.util.HashMap<>();
    for (Question q : out.questions) {
      String why = kept.leftOut().get(q);
      if (why != null) {
        whyLeftOut.putIfAbsent(FactLimits.fact(q), why);
      }
    }

    List<GenerationWarning> warnings = new ArrayList<>();
    for (NotesIndex.Placed p : index.placed) {
      TopicNode node = p.node();
      String fact = node.line() + "\u0000" + node.text();
      if (ASKABLE.contains(node.kind())
          && out.covered.contains(node)
          && !keptLines.contains(node.line())
          && whyLeftOut.containsKey(fact)) {
        warnings.add(new GenerationWarning(node.line(), node.text(), whyLeftOut.get(fact)));
      } else if (ASKABLE.contains(node.kind()) && !out.covered.contains(node)) {
        String reason =
            out.skipped.getOrDefault(
                node,
                node.kind() == NodeKind.LIST_LEAD_IN
                    ? "list could not be asked about"
                    : "too short or vague to ask about on its own");
        warnings.add(new GenerationWarning(node.line(), node.text(), reason));
      }
    }
    warnings.addAll(repeats);
    warnings.sort(java.util.Comparator.comparingInt(GenerationWarning::line));
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (Question q : questions) {
      kinds.merge(q.kind(), 1, Integer::sum);
    }
    return new GeneratedDeck(questions, warnings, index.topics(), kinds);
  }

  /**
   * A table's rows without those that name nothing in their first cell ("---", "?"), a row copied
   * word for word, or, in a table whose first column names its rows, two rows naming one thing with
   * different values ("Sodium | Na" and "Sodium | S"): which is right the notes do not say, and
   * both would be offered reading the same. A first column of categories ("Monday" on several rows)
   * names no row, and its rows stay.
   */
  private static List<TopicNode> rowsNamedOnce(
      List<TopicNode> rows, List<GenerationWarning> repeats) {
    Map<String, Integer> firstOf = new java.util.HashMap<>();
    Map<String, Integer> count = new java.util.HashMap<>();
    Map<List<String>, Integer> written = new java.util.HashMap<>();
    java.util.Set<TopicNode> copies = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    int named = 0;
    for (TopicNode row : rows) {
      if (row.kind() != NodeKind.TABLE_ROW || row.cells().isEmpty()) {
        continue;
      }
      String name = row.cells().get(0).strip();
      if (AnswerMatcher.normalize(name).isEmpty()) {
        continue;
      }
      if (written.putIfAbsent(row.cells().stream().map(String::strip).toList(), row.line())
          != null) {
        copies.add(row);
        continue;
      }
      named++;
      firstOf.putIfAbsent(name, row.line());
      count.merge(name, 1, Integer::sum);
    }
    long repeated = count.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
    // A column naming its rows repeats a name by slip; one of categories repeats most of them.
    // One pair of rows naming one thing is a slip even in a small table.
    boolean keyed = repeated == 2 || repeated * 3 <= named;
    List<TopicNode> out = new ArrayList<>(rows.size());
    for (TopicNode row : rows) {
      if (row.kind() == NodeKind.TABLE_ROW && !row.cells().isEmpty()) {
        String name = row.cells().get(0).strip();
        String why = null;
        if (AnswerMatcher.normalize(name).isEmpty()) {
          why = "its first cell names nothing, so the row is about nothing to ask of";
        } else if (copies.contains(row)) {
          why =
              "repeats the row on line "
                  + written.get(row.cells().stream().map(String::strip).toList())
                  + " word for word";
        } else if (keyed && count.get(name) > 1) {
          int first = firstOf.get(name);
          why =
              first == row.line()
                  ? "another row names " + name + " with other values, so neither is asked"
                  : "names "
                      + name
                      + " as the row on line "
                      + first
                      + " does, with other values,"
                      + " so neither is asked";
        }
        if (why != null) {
          repeats.add(new GenerationWarning(row.line(), row.text(), why));
          continue;
        }
      }
      out.add(row);
    }
    return out.size() == rows.size() ? rows : out;
  }

  /**
   * The nodes without a line that repeats an earlier sibling word for word (a bullet pasted twice,
   * a table row copied): one fact, asked once, and never two options reading the same. Headings and
   * lines with lines under them stay, since what is under them may differ.
   */
  private static List<TopicNode> withoutRepeats(
      List<TopicNode> nodes, List<GenerationWarning> repeats) {
    List<TopicNode> out = new ArrayList<>(nodes.size());
    Map<String, Integer> seen = new java.util.HashMap<>();
    boolean changed = false;
    for (TopicNode n : nodes) {
      if (!n.isHeading() && n.children().isEmpty()) {
        String key = n.kind() + "\u0000" + n.text().strip() + "\u0000" + n.cells();
        Integer first = seen.putIfAbsent(key, n.line());
        if (first != null) {
          repeats.add(
              new GenerationWarning(
                  n.line(),
                  n.text(),
                  "repeats line " + first + " word for word, so it is asked once"));
          changed = true;
          continue;
        }
      }
      List<TopicNode> children =
          n.kind() == NodeKind.TABLE
              ? rowsNamedOnce(n.children(), repeats)
              : withoutRepeats(n.children(), repeats);
      if (children != n.children()) {
        changed = true;
        n =
            new TopicNode(
                n.kind(),
                n.text(),
                n.line(),
                n.path(),
                children,
                n.definition(),
                n.cloze(),
                n.openList(),
                n.cells());
      }
      out.add(n);
    }
    return changed ? out : nodes;
  }
}
