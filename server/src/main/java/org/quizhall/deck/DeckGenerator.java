package org.quizhall.deck;

import java.util.ArrayList;
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
    warnings.sort(java.util.Comparator.comparingInt(GenerationWarning::line));
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (Question q : questions) {
      kinds.merge(q.kind(), 1, Integer::sum);
    }
    return new GeneratedDeck(questions, warnings, index.topics(), kinds);
  }
}
