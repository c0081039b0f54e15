package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.TopicTree;

/** Generated notes in the shapes students paste: flat outlines, Markdown, cards, with numbers and lists. */
class OutlineProperties {

    @Property(tries = 200)
    @Label("every question generated from any outline is structurally valid")
    void everyQuestionValid(@ForAll("notes") String notes, @ForAll long seed) {
        TopicTree tree = NotesImporter.parse(notes);
        GeneratedDeck deck = DeckGenerator.generate(tree, seed);
        for (Question q : deck.questions()) {
            assertThat(QuestionRules.defects(q)).as(q.prompt()).isEmpty();
        }
        assertThat(deck.questions()).extracting(Question::id).doesNotHaveDuplicates();
    }

    @Property(tries = 100)
    @Label("the same notes and seed always give the same deck and the same round")
    void deterministic(@ForAll("notes") String notes, @ForAll long seed) {
        GeneratedDeck first = DeckGenerator.generate(NotesImporter.parse(notes), seed);
        GeneratedDeck second = DeckGenerator.generate(NotesImporter.parse(notes), seed);
        // The order an ordering's items or a matching's matches are served in is drawn afresh on every import, on
        // purpose (a reader of the notes must not be able to work it out), so it is left out of the comparison.
        assertThat(content(second.questions())).isEqualTo(content(first.questions()));
        assertThat(content(RoundAssembler.assemble(second.questions(), 10, java.util.Set.of(), seed)))
                .isEqualTo(content(RoundAssembler.assemble(first.questions(), 10, java.util.Set.of(), seed)));
    }

    private static List<Question> content(List<Question> questions) {
        return questions.stream().map(q -> new Question(q.id(), q.type(), q.kind(), q.prompt(), q.options(),
                q.correct(), q.accepted(), q.explanation(), q.source(), q.topic(), q.keys(), q.matches())).toList();
    }

    @Property(tries = 100)
    @Label("a round never repeats a source line and never exceeds the requested size")
    void rounds(@ForAll("notes") String notes, @ForAll long seed) {
        GeneratedDeck deck = DeckGenerator.generate(NotesImporter.parse(notes), seed);
        List<Question> round = RoundAssembler.assemble(deck.questions(), 12, java.util.Set.of(), seed);
        assertThat(round.size()).isLessThanOrEqualTo(12);
        assertThat(round).extracting(q -> q.source().line() + ":" + q.source().text()).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    @Label("any text at all imports and generates without an exception")
    void neverThrows(@ForAll("anyText") String text, @ForAll long seed) {
        GeneratedDeck deck = DeckGenerator.generate(NotesImporter.parse(text), seed);
        RoundAssembler.assemble(deck.questions(), 5, java.util.Set.of(), seed);
        List<String> defective = deck.questions().stream().filter(q -> !QuestionRules.defects(q).isEmpty())
                .map(q -> q.prompt() + " " + q.options() + " " + QuestionRules.defects(q)).toList();
        assertThat(defective.size() * 50).as("%s", defective).isLessThanOrEqualTo(deck.questions().size());
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("- ", "* ", "+ ", "1. ", "# ", "## ", "> ", "```", "---", "===", "\t", "    ", "::",
                        ":::", ";;", ">>", ": ", "{{c1::", "}}", "{{", "==", "(", ")", "etc.", "vs.", "\n", "\r\n",
                        "\n\n", "Anti-patterns", "Lambda", "900 seconds", "10,000 records", "S3", "é", "€", "\u0000"));
        return token.list().ofMaxSize(60).map(ts -> String.join("", ts));
    }

    @Provide
    Arbitrary<String> notes() {
        Arbitrary<String> section = Combinators.combine(heading(), bullets(), Arbitraries.of("", "# ", "## "))
                .as((h, b, marker) -> marker + h + "\n" + (marker.isEmpty() ? "" : "\n") + b);
        return section.list().ofMinSize(1).ofMaxSize(6).map(s -> String.join(
                Arbitraries.of("\n", "\n\n").sample(), s))
                .flatMap(text -> Arbitraries.of("\n", "\r\n").map(eol -> text.replace("\n", eol)));
    }

    private Arbitrary<String> heading() {
        return Arbitraries.of("AWS Lambda", "Glue Crawler", "Anti-patterns", "Kafka", "Kafka Streams", "Redis",
                "Redis Cluster", "Vs. Kafka", "Cell types", "Promises & Limitations", "Storage", "Organelles");
    }

    private Arbitrary<String> bullets() {
        Arbitrary<String> name = Arbitraries.of("S3", "Python", "Node.js", "C#", "DynamoDB", "Spark SQL", "Go",
                "HDFS", "Kafka", "Redis", "etc.", "Mitochondria", "Ribosomes");
        Arbitrary<String> phrase = Arbitraries.of("Stream processing", "Low latency", "On demand",
                "High memory instances", "Cluster types", "Supported languages", "Many services can trigger it",
                "Master node:", "Long-running applications");
        Arbitrary<String> statement = Combinators.combine(Arbitraries.of("Max timeout is", "Up to",
                        "Retries", "Soft limit of", "Stores data in", "Can scale to"),
                Arbitraries.integers().between(1, 20000), Arbitraries.of("seconds", "MB", "records", "times",
                        "nodes", "S3", "Redis", "GB"))
                .as((a, n, u) -> a + " " + n + " " + u);
        Arbitrary<String> card = Arbitraries.of("Latency: time to first byte", "Throughput :: work per second",
                "Jitter ::: variation in delay", "Port ;; 5432", "Who wrote it? >> Someone",
                "The answer is {{c1::forty-two}}", "Light is ==fast==", "Rome was founded in {{753 BC}}");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, name), net.jqwik.api.Tuple.of(3, phrase),
                net.jqwik.api.Tuple.of(4, statement), net.jqwik.api.Tuple.of(2, card));
        Arbitrary<String> marker = Arbitraries.of("- ", "- ", "* ", "1. ", "  - ", "\t- ");
        return Combinators.combine(marker, line).as((m, l) -> m + l).list().ofMinSize(0).ofMaxSize(12)
                .map(ls -> ls.isEmpty() ? "" : String.join("\n", ls) + "\n");
    }
}
