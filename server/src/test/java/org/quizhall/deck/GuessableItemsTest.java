package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.NotesImporter;

/**
 * Items a player could answer without having studied, or that a second answer would fit as well,
 * are not asked; what is left of the same notes still is.
 */
@DisplayName("Items not guessable and with one answer")
class GuessableItemsTest {

  private static List<Question> deck(String notes) {
    return DeckGenerator.generate(NotesImporter.parse(notes), 1L).questions();
  }

  private static final String TOOLS =
      """
      Zeppelin
      - Notebook
      - Can interactively run code against data
      - Can interleave code with nicely formatted notes
      - Can share notebooks with others on the cluster
      Spark
      - Distributed processing system
      - Use directed acyclic graphs to optimize query execution
      Presto
      - Issue SQL style query
      - Optimized for OLAP
      Hive
      - Run SQL code (HiveQL) on unstructured data
      - Highly extensible
      Flume
      - A tool to stream data into your cluster
      MXNet
      - A framework for building and accelerating neural networks
      """;

  @Test
  @DisplayName(
      "which tool shares notebooks, among tools that are no notebooks, is not asked; what only one line says is")
  void kindOfThingGivesTheAnswerAway() {
    List<Question> topicOf =
        deck(TOOLS).stream().filter(q -> q.kind().equals(TopicQuestions.KIND)).toList();
    assertThat(topicOf)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("share notebooks"))
        .anyMatch(p -> p.contains("directed acyclic graphs"));
  }
}
