package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizhall.notes.TopicNode;

/** Collects questions and remembers, per line, whether it yielded one or why not. */
final class Emitter {
  final List<Question> questions = new ArrayList<>();
  final Set<TopicNode> covered = Collections.newSetFromMap(new IdentityHashMap<>());
  final Map<TopicNode, String> skipped = new IdentityHashMap<>();

  void add(TopicNode node, Question q) {
    questions.add(q);
    covered.add(node);
  }

  void cover(TopicNode node) {
    covered.add(node);
  }

  void skip(TopicNode node, String reason) {
    skipped.putIfAbsent(node, reason);
  }
}
