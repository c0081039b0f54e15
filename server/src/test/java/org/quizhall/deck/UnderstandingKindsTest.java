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
        return DeckGenerator.generate(NotesImporter.parse(notes), 1L).questions().stream()
                .filter(q -> q.kind().equals(kind)).toList();
    }

    @Test
    @DisplayName("numbered steps that start with a verb are put back in order; a numbered list of kinds is not")
    void ordering() {
        List<Question> steps = of("""
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
                """, "ordering");
        assertThat(steps).singleElement().satisfies(q -> {
            assertThat(q.type()).isEqualTo(QuestionType.ORDERING);
            assertThat(q.options()).containsExactly("Create a branch with git switch", "Edit the files",
                    "Stage the changes with git add", "Record the snapshot with git commit");
            assertThat(q.prompt()).isEqualTo("Put the steps of making a change in order, first to last.");
        });
    }

    @Test
    @DisplayName("a table column of numbers orders its rows")
    void tableOrdering() {
        List<Question> planets = of(SampleNotes.read("/notes/science-tables.md"), "ordering");
        assertThat(planets).anySatisfy(q -> {
            assertThat(q.prompt()).isEqualTo("Put these planets in their order from the Sun, first to last.");
            assertThat(q.options()).startsWith("Mercury", "Venus").doesNotHaveDuplicates();
        });
    }

    @Test
    @DisplayName("glossary entries side by side are matched term to definition")
    void matching() {
        List<Question> pairs = of(SampleNotes.read("/notes/chemistry-glossary.md"), "matching");
        assertThat(pairs).isNotEmpty().allSatisfy(q -> {
            assertThat(q.type()).isEqualTo(QuestionType.MATCHING);
            assertThat(q.options()).hasSameSizeAs(q.matches()).hasSizeBetween(3, 4);
            assertThat(QuestionRules.defects(q)).isEmpty();
        });
        Question first = pairs.get(0);
        assertThat(first.options().get(0)).isEqualTo("Atom");
        assertThat(first.matches().get(0)).isEqualTo("The smallest unit of a chemical element");
    }

    @Test
    @DisplayName("lines that each describe a thing of one kind are matched; lines an outline merely nested are not")
    void describedThings() {
        List<Question> nodes = of("""
                EMR Cluster
                - Master node
                - Coordinate the distribution of data and tasks
                - Core node
                - Host HDFS data and run tasks
                - Task node
                - Run tasks but do not host data
                """, "matching");
        assertThat(nodes).singleElement().satisfies(q ->
                assertThat(q.answer()).isEqualTo("Master node → Coordinate the distribution of data and tasks; "
                        + "Core node → Host HDFS data and run tasks; Task node → Run tasks but do not host data"));
    }

    @Test
    @DisplayName("a closed list beside a parallel one asks for two of its members among the other list's")
    void chooseTwo() {
        List<Question> two = of(SampleNotes.read("/notes/cell-biology.md"), ListQuestions.CHOOSE_TWO);
        assertThat(two).anySatisfy(q -> {
            assertThat(q.prompt()).isEqualTo("Which two of these are examples of passive transport? (Choose two.)");
            assertThat(q.keys()).hasSize(2);
            assertThat(q.keys().stream().map(q.options()::get))
                    .allMatch(List.of("Diffusion", "Osmosis", "Facilitated diffusion")::contains);
            assertThat(q.options()).filteredOn(o -> !q.keys().contains(q.options().indexOf(o)))
                    .allMatch(List.of("Sodium-potassium pump", "Endocytosis", "Exocytosis")::contains);
        });
    }

    @Test
    @DisplayName("a comparison section asks what is true of one side rather than the other, and turns claims round")
    void comparison() {
        List<Question> compared = of("""
                # Databases
                ## HBase vs. DynamoDB
                - HBase
                  - Efficient with sparse data
                  - Higher write throughput
                  - More integration with Hadoop
                - DynamoDB
                  - Fully managed and auto-scaling
                  - Tight integration with other AWS services
                """, ScenarioQuestions.COMPARISON);
        assertThat(compared).anySatisfy(q -> {
            assertThat(q.prompt()).isEqualTo("Which of these is true of HBase rather than DynamoDB?");
            assertThat(q.options()).contains("Fully managed and auto-scaling");
        });
        List<Question> claims = compared.stream().filter(q -> q.type() == QuestionType.TRUE_FALSE).toList();
        assertThat(claims).extracting(Question::prompt).containsAnyOf(
                "True or false? HBase has higher write throughput than DynamoDB.",
                "True or false? DynamoDB has higher write throughput than HBase.");
        assertThat(claims).anyMatch(q -> q.correct() == 0).anyMatch(q -> q.correct() == 1);
        assertThat(claims).allSatisfy(q -> assertThat(q.explanation()).isIn(
                "HBase has higher write throughput than DynamoDB.", "HBase has more integration with Hadoop than DynamoDB."));
    }

    @Test
    @DisplayName("a line saying what a thing is used for becomes a need, answered among the thing's siblings")
    void scenario() {
        List<Question> needs = of("""
                # Spark
                - Example use cases
                  - Machine learning using MLLib
                  - Real-time dashboards using Spark Streaming
                ## Spark Components
                - Spark Streaming
                - Spark SQL
                - MLLib
                - GraphX
                """, ScenarioQuestions.SCENARIO);
        assertThat(needs).anySatisfy(q -> {
            assertThat(q.prompt()).isEqualTo("A team using Spark needs real-time dashboards. Which of these should it use?");
            assertThat(q.answer()).isEqualTo("Spark Streaming");
            assertThat(q.options()).containsExactlyInAnyOrder("MLLib", "Spark Streaming", "Spark SQL", "GraphX");
        });
        // "machine learning" gives "MLLib" away by its initials.
        assertThat(needs).noneMatch(q -> q.answer().equals("MLLib"));
    }

    @Test
    @DisplayName("the sample deck holds every kind, each structurally sound")
    void sampleDeckKinds() {
        GeneratedDeck deck = DeckGenerator.generate(SampleNotes.aws(), 1L);
        assertThat(deck.kinds().keySet()).contains(ScenarioQuestions.SCENARIO, ScenarioQuestions.COMPARISON,
                ListQuestions.CHOOSE_TWO, OrderingQuestions.KIND, MatchingQuestions.KIND);
        assertThat(deck.questions()).allSatisfy(q -> assertThat(QuestionRules.defects(q)).as(q.prompt()).isEmpty());
    }
}
