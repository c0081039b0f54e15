package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.TopicTree;

/**
 * Generated notes in the shapes students paste: flat outlines, Markdown, cards, with numbers and
 * lists. Each case is one seed, named in the test's display name, so a failure is replayed by
 * running that seed again.
 */
@DisplayName("Properties of any outline")
class OutlinePropertiesTest {

  static LongStream seeds200() {
    return LongStream.rangeClosed(1, 200);
  }

  static LongStream seeds100() {
    return LongStream.rangeClosed(1, 100);
  }

  static LongStream seeds300() {
    return LongStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds200")
  @DisplayName("every question generated from any outline is structurally valid")
  void everyQuestionValid(long seed) {
    TopicTree tree = NotesImporter.parse(notes(new Random(seed)));
    // Strict: a malformed question throws rather than leaving its line out quietly.
    GeneratedDeck deck = DeckGenerator.generate(tree, seed, true);
    assertThat(deck.questions()).extracting(Question::id).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds100")
  @DisplayName("the same notes and seed always give the same deck and the same round")
  void deterministic(long seed) {
    String notes = notes(new Random(seed));
    GeneratedDeck first = DeckGenerator.generate(NotesImporter.parse(notes), seed);
    GeneratedDeck second = DeckGenerator.generate(NotesImporter.parse(notes), seed);
    // The order an ordering's items or a matching's matches are served in is drawn afresh on every
    // import, on
    // purpose (a reader of the notes must not be able to work it out), so it is left out of the
    // comparison.
    assertThat(content(second.questions())).isEqualTo(content(first.questions()));
    assertThat(content(RoundAssembler.assemble(second.questions(), 10, Set.of(), seed)))
        .isEqualTo(content(RoundAssembler.assemble(first.questions(), 10, Set.of(), seed)));
  }

  private static List<Question> content(List<Question> questions) {
    return questions.stream()
        .map(
            q ->
                new Question(
                    q.id(),
                    q.type(),
                    q.kind(),
                    q.prompt(),
                    q.options(),
                    q.correct(),
                    q.accepted(),
                    q.explanation(),
                    q.source(),
                    q.topic(),
                    q.keys(),
                    q.matches()))
        .toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds100")
  @DisplayName("a round never repeats a source line and never exceeds the requested size")
  void rounds(long seed) {
    GeneratedDeck deck = DeckGenerator.generate(NotesImporter.parse(notes(new Random(seed))), seed);
    List<Question> round = RoundAssembler.assemble(deck.questions(), 12, Set.of(), seed);
    assertThat(round.size()).isLessThanOrEqualTo(12);
    assertThat(round)
        .extracting(q -> q.source().line() + ":" + q.source().text())
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  @DisplayName("any text at all imports and generates without an exception")
  void neverThrows(long seed) {
    GeneratedDeck deck =
        DeckGenerator.generate(NotesImporter.parse(anyText(new Random(seed))), seed);
    RoundAssembler.assemble(deck.questions(), 5, Set.of(), seed);
    // Malformed questions are left out, their lines reported: at most one in fifty.
    List<String> defective =
        deck.warnings().stream()
            .filter(w -> w.reason().startsWith(Emitter.MALFORMED))
            .map(w -> w.text() + ": " + w.reason())
            .toList();
    assertThat(defective.size() * 50)
        .as("%s", defective)
        .isLessThanOrEqualTo(deck.questions().size());
  }

  private static final List<String> TOKENS =
      List.of(
          "- ",
          "* ",
          "+ ",
          "1. ",
          "# ",
          "## ",
          "> ",
          "```",
          "---",
          "===",
          "\t",
          "    ",
          "::",
          ":::",
          ";;",
          ">>",
          ": ",
          "{{c1::",
          "}}",
          "{{",
          "==",
          "(",
          ")",
          "etc.",
          "vs.",
          "\n",
          "\r\n",
          "\n\n",
          "Anti-patterns",
          "Lambda",
          "900 seconds",
          "10,000 records",
          "S3",
          "é",
          "€",
          "\u0000");

  /**
   * Up to 60 tokens: markup, separators, words, and random strings of any code points up to 12
   * long.
   */
  static String anyText(Random random) {
    StringBuilder text = new StringBuilder();
    int tokens = random.nextInt(61);
    for (int i = 0; i < tokens; i++) {
      if (random.nextBoolean()) {
        text.append(pick(random, TOKENS));
      } else {
        int length = random.nextInt(13);
        for (int c = 0; c < length; c++) {
          // Mostly ASCII, sometimes any code point of the Basic Multilingual Plane, control
          // characters
          // and surrogate halves included.
          text.append(
              (char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80)));
        }
      }
    }
    return text.toString();
  }

  private static final List<String> HEADINGS =
      List.of(
          "AWS Lambda",
          "Glue Crawler",
          "Anti-patterns",
          "Kafka",
          "Kafka Streams",
          "Redis",
          "Redis Cluster",
          "Vs. Kafka",
          "Cell types",
          "Promises & Limitations",
          "Storage",
          "Organelles");
  private static final List<String> NAMES =
      List.of(
          "S3",
          "Python",
          "Node.js",
          "C#",
          "DynamoDB",
          "Spark SQL",
          "Go",
          "HDFS",
          "Kafka",
          "Redis",
          "etc.",
          "Mitochondria",
          "Ribosomes");
  private static final List<String> PHRASES =
      List.of(
          "Stream processing",
          "Low latency",
          "On demand",
          "High memory instances",
          "Cluster types",
          "Supported languages",
          "Many services can trigger it",
          "Master node:",
          "Long-running applications");
  private static final List<String> STARTS =
      List.of(
          "Max timeout is", "Up to", "Retries", "Soft limit of", "Stores data in", "Can scale to");
  private static final List<String> UNITS =
      List.of("seconds", "MB", "records", "times", "nodes", "S3", "Redis", "GB");
  private static final List<String> CARDS =
      List.of(
          "Latency: time to first byte",
          "Throughput :: work per second",
          "Jitter ::: variation in delay",
          "Port ;; 5432",
          "Who wrote it? >> Someone",
          "The answer is {{c1::forty-two}}",
          "Light is ==fast==",
          "Rome was founded in {{753 BC}}");
  private static final List<String> MARKERS = List.of("- ", "- ", "* ", "1. ", "  - ", "\t- ");

  /**
   * One to six sections, each a heading (plain, # or ##) over up to twelve bullets of names,
   * phrases, numbers, cards.
   */
  static String notes(Random random) {
    List<String> sections = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int s = 0; s < count; s++) {
      String marker = pick(random, List.of("", "# ", "## "));
      StringBuilder section = new StringBuilder(marker).append(pick(random, HEADINGS)).append('\n');
      if (!marker.isEmpty()) {
        section.append('\n');
      }
      int bullets = random.nextInt(13);
      for (int b = 0; b < bullets; b++) {
        section.append(pick(random, MARKERS)).append(line(random)).append('\n');
      }
      sections.add(section.toString());
    }
    String text = String.join(random.nextBoolean() ? "\n" : "\n\n", sections);
    return random.nextBoolean() ? text.replace("\n", "\r\n") : text;
  }

  /**
   * A bullet's text, weighted as students write them: names 4, phrases 3, numbered statements 4,
   * cards 2.
   */
  private static String line(Random random) {
    int roll = random.nextInt(13);
    if (roll < 4) {
      return pick(random, NAMES);
    }
    if (roll < 7) {
      return pick(random, PHRASES);
    }
    if (roll < 11) {
      return pick(random, STARTS) + " " + (1 + random.nextInt(20000)) + " " + pick(random, UNITS);
    }
    return pick(random, CARDS);
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
