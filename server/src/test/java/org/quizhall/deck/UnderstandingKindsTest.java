package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

@DisplayName("Questions that test understanding: order, match, choose two, compare, apply")
class UnderstandingKindsTest {

  private static List<Question> of(String notes, String kind) {
    return DeckGenerator.generate(NotesImporter.parse(notes), 1L, true).questions().stream()
        .filter(q -> q.kind().equals(kind))
        .toList();
  }

  @Test
  @DisplayName(
      "numbered steps that start with a verb are put back in order; a numbered list of kinds is not")
  void ordering() {
    List<Question> steps =
        of(
            """
                # Git
                ## Making a change
                1. Create a branch with git switch
                2. Edit the files
                3. Stage the changes with git add
                4. Record the snapshot with git commit
                ## Transport
                1. Diffusion
                2. Osmosis
                3. Endocytosis
                """,
            "ordering");
    assertThat(steps)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.type()).isEqualTo(QuestionType.ORDERING);
              assertThat(q.options())
                  .containsExactly(
                      "Create a branch with git switch",
                      "Edit the files",
                      "Stage the changes with git add",
                      "Record the snapshot with git commit");
              assertThat(q.prompt())
                  .isEqualTo("Put the steps of making a change in order, first to last.");
            });
  }

  @Test
  @DisplayName("a table column of numbers orders its rows")
  void tableOrdering() {
    List<Question> planets = of(SampleNotes.read("/notes/science-tables.md"), "ordering");
    assertThat(planets)
        .anySatisfy(
            q -> {
              assertThat(q.prompt())
                  .isEqualTo("Put these planets in their order from the Sun, first to last.");
              assertThat(q.options()).startsWith("Mercury", "Venus").doesNotHaveDuplicates();
            });
  }

  @Test
  @DisplayName("glossary entries side by side are matched term to definition")
  void matching() {
    List<Question> pairs = of(SampleNotes.read("/notes/chemistry-glossary.md"), "matching");
    assertThat(pairs)
        .isNotEmpty()
        .allSatisfy(
            q -> {
              assertThat(q.type()).isEqualTo(QuestionType.MATCHING);
              assertThat(q.options()).hasSameSizeAs(q.matches()).hasSizeBetween(3, 4);
              assertThat(QuestionRules.defects(q)).isEmpty();
            });
    Question first = pairs.get(0);
    assertThat(first.options().get(0)).isEqualTo("Atom");
    assertThat(first.matches().get(0)).isEqualTo("The smallest unit of a chemical element");
  }

  @Test
  @DisplayName(
      "lines that each describe a thing of one kind are matched; lines an outline merely nested are not")
  void describedThings() {
    List<Question> nodes =
        of(
            """
                EMR Cluster
                - Master node
                - Coordinate the distribution of data and tasks
                - Core node
                - Host HDFS data and run tasks
                - Task node
                - Run tasks but do not host data
                """,
            "matching");
    assertThat(nodes)
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.answer())
                    .isEqualTo(
                        "Master node → Coordinate the distribution of data and tasks; "
                            + "Core node → Host HDFS data and run tasks; Task node → Run tasks but do not host data"));
  }

  @Test
  @DisplayName(
      "a closed list beside a parallel one asks for two of its members among the other list's")
  void chooseTwo() {
    List<Question> two = of(SampleNotes.read("/notes/cell-biology.md"), ListQuestions.CHOOSE_TWO);
    assertThat(two)
        .anySatisfy(
            q -> {
              assertThat(q.prompt())
                  .isEqualTo("Which two of these are examples of passive transport? (Choose two.)");
              assertThat(q.keys()).hasSize(2);
              assertThat(q.keys().stream().map(q.options()::get))
                  .allMatch(List.of("Diffusion", "Osmosis", "Facilitated diffusion")::contains);
              assertThat(q.options())
                  .filteredOn(o -> !q.keys().contains(q.options().indexOf(o)))
                  .allMatch(
                      List.of("Sodium-potassium pump", "Endocytosis", "Exocytosis")::contains);
            });
  }

  @Test
  @DisplayName(
      "a comparison section asks what is true of one side rather than the other, and turns claims round")
  void comparison() {
    List<Question> compared =
        of(
            """
                # Databases
                ## HBase vs. DynamoDB
                - HBase
                  - Efficient with sparse data
                  - Higher write throughput
                  - More integration with Hadoop
                - DynamoDB
                  - Fully managed and auto-scaling
                  - Tight integration with other AWS services
                """,
            ScenarioQuestions.COMPARISON);
    // DynamoDB's two points against HBase's three: four options one way, three the other, which is
    // not asked.
    assertThat(compared)
        .anySatisfy(
            q -> {
              assertThat(q.prompt())
                  .isEqualTo("Which of these is true of DynamoDB rather than HBase?");
              assertThat(q.options())
                  .hasSize(4)
                  .contains("Efficient with sparse data", "Higher write throughput");
            })
        .noneMatch(q -> q.prompt().equals("Which of these is true of HBase rather than DynamoDB?"));
    List<Question> claims =
        compared.stream().filter(q -> q.type() == QuestionType.TRUE_FALSE).toList();
    assertThat(claims)
        .extracting(Question::prompt)
        .containsAnyOf(
            "True or false? HBase has higher write throughput than DynamoDB.",
            "True or false? DynamoDB has higher write throughput than HBase.");
    assertThat(claims).anyMatch(q -> q.correct() == 0).anyMatch(q -> q.correct() == 1);
    assertThat(claims)
        .allSatisfy(
            q ->
                assertThat(q.explanation())
                    .isIn(
                        "HBase has higher write throughput than DynamoDB.",
                        "HBase has more integration with Hadoop than DynamoDB."));
  }

  @Test
  @DisplayName(
      "a line saying what a thing is used for becomes a need, answered among the thing's siblings")
  void scenario() {
    List<Question> needs =
        of(
            """
                # Spark
                - Example use cases
                  - Machine learning using MLLib
                  - Real-time dashboards using Spark Streaming
                ## Spark Components
                - Spark Streaming
                - Spark SQL
                - MLLib
                - GraphX
                """,
            ScenarioQuestions.SCENARIO);
    assertThat(needs)
        .anySatisfy(
            q -> {
              assertThat(q.prompt())
                  .isEqualTo(
                      "A team using Spark needs real-time dashboards. Which of these should it use?");
              assertThat(q.answer()).isEqualTo("Spark Streaming");
              assertThat(q.options())
                  .containsExactlyInAnyOrder("MLLib", "Spark Streaming", "Spark SQL", "GraphX");
            });
    // "machine learning" gives "MLLib" away by its initials.
    assertThat(needs).noneMatch(q -> q.answer().equals("MLLib"));
  }

  @Test
  @DisplayName("the sample deck holds every kind, each structurally sound")
  void sampleDeckKinds() {
    GeneratedDeck deck = DeckGenerator.generate(SampleNotes.aws(), 1L, true);
    assertThat(deck.kinds().keySet())
        .contains(
            ScenarioQuestions.SCENARIO,
            ScenarioQuestions.COMPARISON,
            ListQuestions.CHOOSE_TWO,
            OrderingQuestions.KIND,
            MatchingQuestions.KIND);
    assertThat(deck.questions())
        .allSatisfy(q -> assertThat(QuestionRules.defects(q)).as(q.prompt()).isEmpty());
  }

  @Test
  @DisplayName(
      "a list that says it has four phases is put in order; three bare steps stay out of a round while more is left")
  void countedPhases() {
    List<Question> phases =
        of(
            """
                # Cells
                + The cell cycle has four phases
                    + G1 phase
                    + S phase
                    + G2 phase
                    + M phase
                + Plants have three parts
                    + Roots
                    + Stem
                    + Leaves
                """,
            "ordering");
    assertThat(phases)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.prompt())
                  .isEqualTo("Put the phases of the cell cycle in order, first to last.");
              assertThat(q.options()).containsExactly("G1 phase", "S phase", "G2 phase", "M phase");
            });
    assertThat(
            of(
                """
                # Cells
                + The cell cycle has five phases
                    + G1 phase
                    + S phase
                    + G2 phase
                    + M phase
                """,
                "ordering"))
        .as("a count that does not match the list")
        .isEmpty();
    assertThat(
            of(
                """
                # Deploying
                + Deployment has several steps
                    + Build
                    + Test
                    + Release
                    + Monitor
                """,
                "ordering"))
        .as("a lead-in that counts nothing, over steps that are verbs")
        .extracting(Question::options)
        .singleElement()
        .asList()
        .containsExactlyInAnyOrder("Build", "Test", "Release", "Monitor");
  }

  @Test
  @DisplayName(
      "sibling bullets that describe things ask which two lines are true of one, the other's lines wrong")
  void groupComparisons() {
    // Two lines a side make two keys beside two wrong lines, each a key's opposite ("No nucleus",
    // "Have a nucleus"): two true/false guesses, not asked.
    assertThat(of(SampleNotes.read("/notes/cell-biology.md"), ScenarioQuestions.COMPARISON))
        .noneMatch(q -> q.prompt().startsWith("Which two of these are true of"));
    List<Question> cells =
        of(
            """
            ## Cell types
            - Prokaryotic cells
              - No nucleus
              - Typically 1 to 10 micrometres across
              - DNA in one circular chromosome
            - Eukaryotic cells
              - Have a nucleus
              - Typically 10 to 100 micrometres across
              - Contain membrane-bound organelles
            """,
            ScenarioQuestions.COMPARISON);
    List<String> prokaryotic =
        List.of(
            "No nucleus", "Typically 1 to 10 micrometres across", "DNA in one circular chromosome");
    List<String> eukaryotic =
        List.of(
            "Have a nucleus",
            "Typically 10 to 100 micrometres across",
            "Contain membrane-bound organelles");
    assertThat(cells)
        .anySatisfy(
            q -> {
              assertThat(q.prompt())
                  .isEqualTo("Which two of these are true of prokaryotic cells? (Choose two.)");
              assertThat(q.type()).isEqualTo(QuestionType.MULTIPLE_RESPONSE);
              assertThat(q.keys().stream().map(q.options()::get))
                  .hasSize(2)
                  .isSubsetOf(prokaryotic);
              assertThat(q.options()).hasSize(5).containsAll(eukaryotic);
            });

    // Remarks that an outline happened to nest ("Distributed processing system" beside "Example use
    // cases") are
    // not things to tell apart, a line shared by both sides is never a wrong option, and a "vs."
    // section is asked
    // side against side elsewhere.
    List<Question> remarks =
        of(
            """
                # Spark
                - Distributed processing system
                    - Uses in memory caching
                    - Optimises queries with directed acyclic graphs
                - Example use cases
                    - Stream processing through Spark Streaming
                    - Interactive SQL using Spark SQL
                # Nodes
                - Core node
                    - Hosts HDFS data and runs tasks
                    - Can be resized but may lose data
                    - Fully managed by the cluster service
                - Task node
                    - Runs tasks but does not host data
                    - A good use of spot instances
                    - Added and removed while the cluster runs
                    - Fully managed by the cluster service
                # Databases
                - HBase vs. DynamoDB
                    - HBase
                        - Efficient with sparse data
                        - More integration with Hadoop
                    - DynamoDB
                        - Fully managed and auto-scaling
                        - More integration with other AWS services
                """,
            ScenarioQuestions.COMPARISON);
    assertThat(remarks)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("processing system") || p.contains("use cases"))
        .noneMatch(p -> p.startsWith("Which two of these are true of HBase"))
        .contains("Which two of these are true of the core node? (Choose two.)");
    assertThat(remarks)
        .filteredOn(q -> q.type() == QuestionType.MULTIPLE_RESPONSE)
        .allSatisfy(
            q -> {
              List<String> wrong = new java.util.ArrayList<>(q.options());
              wrong.removeAll(q.keys().stream().map(q.options()::get).toList());
              assertThat(wrong).doesNotContain("Fully managed by the cluster service");
            });
    // Lines written in lower case are offered capitalised, and the explanation still says whose
    // lines the wrong
    // options are.
    List<Question> lower =
        of(
            """
                # Nodes
                - Core node
                    - hosts hdfs data and runs tasks
                    - can be resized but may lose data
                - Task node
                    - runs tasks but does not host data
                    - a good use of spot instances
                    - added and removed while the cluster runs
                """,
            ScenarioQuestions.COMPARISON);
    assertThat(lower)
        .filteredOn(q -> q.prompt().contains("true of the core node"))
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.explanation())
                    .contains("Task node: Runs tasks but does not host data"));
    assertThat(GroupComparisons.alike("Managed service", "Fully managed service")).isTrue();
    assertThat(GroupComparisons.alike("Have a nucleus", "No nucleus")).isFalse();
    assertThat(
            GroupComparisons.alike(
                "Typically 1 to 10 micrometres across", "Typically 10 to 100 micrometres across"))
        .isFalse();
  }

  @Test
  @DisplayName(
      "a table column whose names are not their initials is matched: Sodium to Na, Iron to Fe, Gold to Au")
  void symbolMatching() {
    List<Question> pairs = of(SampleNotes.read("/notes/science-tables.md"), "matching");
    assertThat(pairs)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.prompt()).isEqualTo("Match each element with its symbol.");
              assertThat(q.options()).contains("Sodium", "Iron", "Gold");
              long byInitials =
                  java.util.stream.IntStream.range(0, q.options().size())
                      .filter(
                          i -> TableQuestions.abbreviates(q.matches().get(i), q.options().get(i)))
                      .count();
              assertThat(byInitials).as("pairs first letters give away").isLessThanOrEqualTo(1);
            });
  }
}
