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

  /** Other tools, each with what it is in brackets, noted under S3DistCP as in the sample notes. */
  private static final String OTHER_TOOLS =
      """
      S3DistCP
      - Tool for copying large amounts of data between S3 and HDFS
      - Ganglia (monitoring)
      - Mahout (machine learning library)
      - Accumulo (NoSQL database)
      - Sqoop (relational database connector)
      - Tachyon (accelerator for Spark)
      - Ranger (data security manager for Hadoop)
      """;

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

  @Test
  @DisplayName(
      "a word only the fact's own line and the template have is no tell: 'these' and 'train … training' on one line")
  void ownLineAndTemplateAreNoTheme() {
    String notes =
        TOOLS.replace(
                "- Can share notebooks with others on the cluster\n",
                "- Can share notebooks with others on the cluster\n"
                    + "- Supports multi-user mode with Shiro authentication\n"
                    + "- Keeps these results for a week\n"
                    + "- Shows these charts to every reader\n")
            + """
            Amazon ML
            - Can train models using training data stored in S3
            - Provides wizards for beginners
            - Evaluates predictions against labels
            - Scales to large batches
            """;
    assertThat(deck(notes))
        .filteredOn(q -> q.kind().equals(TopicQuestions.KIND))
        .extracting(Question::prompt)
        .anyMatch(p -> p.contains("multi-user mode with Shiro authentication"))
        .anyMatch(p -> p.contains("train models using training data"));
  }

  @Test
  @DisplayName(
      "a blank another listed name fits as well is not asked: Hive loads data from S3, and from HDFS")
  void blankAnotherListedNameFits() {
    String storage =
        """
        EMR Storage
        - HDFS
        - EBS
        - EMRFS
        - S3
        Hive
        - Load data from S3 with table partitions
        - Load scripts from S3
        """;
    List<Question> without = deck(storage);
    assertThat(without)
        .filteredOn(q -> q.kind().equals(StatementQuestions.CLOZE))
        .extracting(Question::prompt)
        .anyMatch(p -> p.contains("loads data from _____ with table partitions"));
    // Once Hive's own lines name HDFS, the blank is no longer S3's alone.
    List<Question> with = deck(storage + "- Structure definition on data stored on HDFS\n");
    assertThat(with)
        .filteredOn(q -> q.kind().equals(StatementQuestions.CLOZE))
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("loads data from _____"));
  }

  @Test
  @DisplayName(
      "a one-word activity ('monitoring') is asked as which tool is used for it, never 'What is Ganglia?'")
  void activityIsNoDefinition() {
    List<Question> questions = deck(TOOLS + OTHER_TOOLS);
    assertThat(questions)
        .extracting(Question::prompt)
        .doesNotContain("What is Ganglia?")
        .contains("What is Accumulo?", "Which of these is used for monitoring?");
    assertThat(questions)
        .filteredOn(q -> q.prompt().startsWith("What is "))
        .allSatisfy(q -> assertThat(q.options()).doesNotContain("Monitoring"));
  }

  @Test
  @DisplayName(
      "a topic whose section opens with what it is is asked 'What is Zeppelin?', never beside a thing of its own kind, nor when its name spells it")
  void whatATopicIs() {
    String notes =
        TOOLS
            + """
            Cassandra
            - Wide-column database
            - Replicates data across many nodes
            HBase
            - Non-relational, petabyte-scale database
            - On the top of HDFS
            Tachyon
            - Memory-centric storage system
            - Keeps files in memory across the cluster
            - Serves jobs from memory
            DynamoDB
            - Key-value store
            - Scales on demand without servers
            - Replicates across three zones
            """
            + OTHER_TOOLS;
    for (long seed = 1; seed <= 20; seed++) {
      List<Question> questions =
          DeckGenerator.generate(NotesImporter.parse(notes), seed).questions();
      Question zeppelin = asked(questions, "What is Zeppelin?");
      assertThat(zeppelin.options().get(zeppelin.correct())).isEqualTo("A notebook");
      Question cassandra = asked(questions, "What is Cassandra?");
      assertThat(cassandra.options().get(cassandra.correct())).isEqualTo("A wide-column database");
      // Accumulo's "NoSQL database" may be as true of Cassandra.
      assertThat(cassandra.options()).as("seed %d", seed).doesNotContain("A NoSQL database");
      // "An accelerator for Spark" names Spark, which it is not.
      assertThat(asked(questions, "What is Spark?").options())
          .as("seed %d", seed)
          .noneMatch(o -> o.contains("Spark"));
      // The notes' own card for Tachyon says what Tachyon is, so it is no wrong answer for it.
      assertThat(asked(questions, "What is Tachyon?").options())
          .as("seed %d", seed)
          .doesNotContain("An accelerator for Spark");
      // A key-value store is a database: "A NoSQL database" could be as true of DynamoDB.
      assertThat(asked(questions, "What is DynamoDB?").options())
          .as("seed %d", seed)
          .doesNotContain("A NoSQL database", "A wide-column database");
      // "HBase" spells the "base" of "database".
      assertThat(questions).extracting(Question::prompt).doesNotContain("What is HBase?");
    }
  }

  private static Question asked(List<Question> questions, String prompt) {
    return questions.stream().filter(q -> q.prompt().equals(prompt)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName(
      "a product the notes name once is a blank of its own, unless it is a slip for another or spells its topic's name")
  void productsNamedOnce() {
    List<Question> questions =
        deck(
            """
            Hive
            - Metastore is stored in MySQL on the master node by default
            - Run SQL code (HiveQL) on unstructured data
            - You can import a Hive metastore into Glue
            AWS Lambda
            - Can use DynamoDB or S3 to store stateful data
            - Lambda is stateless, use DynamoBD to store stateful data
            - DynamoDB can trigger Lambda
            Kinesis
            - Records are kept in DynamDB by default
            Spark
            - DataFrames hold rows
            - DataFrames are immutable
            - DataFrames are lazy
            - Query results are kept in a DataFrame by default
            """);
    List<Question> blanks = questions.stream().filter(q -> q.type() == QuestionType.TYPED).toList();
    assertThat(blanks)
        .filteredOn(q -> q.accepted().contains("MySQL"))
        .extracting(Question::prompt)
        .containsExactly(
            "Fill in the blank: In Hive, the metastore is stored in _____ on the master node by"
                + " default.");
    assertThat(blanks)
        .flatExtracting(Question::accepted)
        .doesNotContain("HiveQL", "DynamoBD", "DynamDB")
        // The singular of a name the notes write in the plural is no slip.
        .contains("DataFrame");
  }

  @Test
  @DisplayName(
      "a blank after a describing word ('low-latency ___') is not asked: many words complete it")
  void blankAfterADescribingWord() {
    String notes =
        """
        Amazon ML
        - Can serve predictions through a %s API
        - The API is reached over HTTPS
        - Can train models on data in S3
        AWS Lambda
        - Calls the API for each event
        """;
    assertThat(deck(notes.formatted("low-latency")))
        .filteredOn(q -> q.type() == QuestionType.TYPED)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("_____"));
    // With a word that does not describe what is served, the same line is a blank.
    assertThat(deck(notes.formatted("public")))
        .filteredOn(q -> q.type() == QuestionType.TYPED)
        .extracting(Question::prompt)
        .contains("Fill in the blank: Amazon ML can serve predictions through a public _____.");
  }

  @Test
  @DisplayName(
      "notes whose lower case is longer than they are ('İ') or a definition of only commas import without an error")
  void oddLettersAndEmptyDefinitions() {
    // "İ" lower-cased is two chars, so an index found in the lower-case line fell off the line.
    String notes = "- from \u0130 HTTP-based\u0130 with I\n- ManagedStored ( Metastore is\n";
    assertThat(deck(notes)).allSatisfy(q -> assertThat(q.prompt()).isNotBlank());
    assertThat(DefinitionQuestions.isAction(",;")).isFalse();
  }

  @Test
  @DisplayName(
      "which topic works with two named things is not asked (others may as well); one name is no"
          + " such line")
  void worksWithOthersIsNotAsked() {
    String notes =
        TOOLS
            + """
            AWS Lambda
            - Can use DynamoDB or S3 to store stateful data
            - Runs code without servers
            - Can use Shiro for authentication
            """;
    List<String> prompts =
        deck(notes).stream()
            .filter(q -> q.kind().equals(TopicQuestions.KIND))
            .map(Question::prompt)
            .toList();
    assertThat(prompts).noneMatch(p -> p.contains("DynamoDB or S3"));
    assertThat(prompts).anyMatch(p -> p.contains("Shiro for authentication"));
  }
}
