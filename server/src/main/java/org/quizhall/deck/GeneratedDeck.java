package org.quizhall.deck;

import java.util.List;
import java.util.Map;

/**
 * @param topics top-level headings in order
 * @param kinds number of questions per kind, in first-seen order
 */
public record GeneratedDeck(
    List<Question> questions,
    List<GenerationWarning> warnings,
    List<String> topics,
    Map<String, Integer> kinds) {
  public GeneratedDeck {
    questions = List.copyOf(questions);
    warnings = List.copyOf(warnings);
    topics = List.copyOf(topics);
    kinds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kinds));
  }
}
