package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;
import org.quizhall.notes.TopicNode;
import org.quizhall.notes.TopicTree;

@DisplayName("The deck generated from the shipped sample notes")
class SampleDeckTest {

  private static TopicTree tree;
  private static GeneratedDeck deck;

  @BeforeAll
  static void generate() {
    tree = SampleNotes.aws();
    deck = DeckGenerator.generate(tree, 7L, true);
  }

  @Test
  @DisplayName("has at least 70 distinct questions of at least 5 kinds")
  void size() {
    Set<String> prompts = new HashSet<>();
    for (Question q : deck.questions()) {
      prompts.add(
          q.prompt() + "\u0000" + String.join("\u0000", q.options().stream().sorted().toList()));
    }
    // Fewer than the 85 of before: which-topic questions whose words give the key's kind away or
    // that name what the topic works with ("DynamoDB or S3"), blanks another listed name fits,
    // "What is X?" where the name spells the key, and keys far longer than their options, are not
    // asked.
    assertThat(prompts.size()).isGreaterThanOrEqualTo(70);
    assertThat(deck.questions()).extracting(Question::id).doesNotHaveDuplicates();
    assertThat(deck.kinds().keySet())
        .hasSizeGreaterThanOrEqualTo(5)
        .contains(
            "list_member",
            "odd_one_out",
            "topic_of",
            "numeric",
            "true_false",
            "definition",
            "cloze");
    assertThat(deck.kinds().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(deck.questions().size());
  }

  @Test
  @DisplayName(
      "at least 29 of the sample's 53 headings are the source of a question; the rest are in the warnings")
  void everyHeadingCovered() {
    List<String> uncovered = new ArrayList<>();
    for (TopicNode heading : tree.headings()) {
      boolean covered =
          deck.questions().stream().anyMatch(q -> q.source().path().containsAll(heading.path()));
      if (!covered) {
        uncovered.add(String.join(" › ", heading.path()));
      }
    }
    assertThat(tree.headings().size()).isGreaterThanOrEqualTo(50);
    // Lists whose kind the notes name nothing else of (Amazon ML's hyperparameters, Presto's data
    // sources) give no
    // choice question, since any wrong option would be of another kind; their lines are in the
    // warnings.
    // Sections noted only in fragments ("EMR Notebook: More AWS integration than Zeppelin") give no
    // question
    // rather than a weak one; nor do lines that lean on their heading to say whose thing they mean
    // ("A tool to
    // stream data into your cluster"), or a concept's heading ("Confusion Matrix") that only
    // product names
    // could be offered against.
    // Fewer than four in seven since which-topic questions that give the key's kind away, and
    // "What is X?" where the name spells what it is ("Pig Latin", a language; "S3DistCP", copying
    // between S3 and HDFS), are left out: Apache Pig and S3DistCP have no other question.
    // Splunk's lines say what it works with ("EMR and S3 data using your EMR Hadoop cluster"),
    // which other tools may do too, and its kind is far longer than the others': it has none.
    assertThat(tree.headings().size() - uncovered.size())
        .as("uncovered: %s", uncovered)
        .isGreaterThanOrEqualTo(28);
  }

  @Test
  @DisplayName("no question has a structural defect")
  void noDefects() {
    Map<String, List<String>> defects =
        deck.questions().stream()
            .filter(q -> !QuestionRules.defects(q).isEmpty())
            .collect(Collectors.toMap(Question::prompt, QuestionRules::defects, (a, b) -> a));
    assertThat(defects).isEmpty();
  }

  @Test
  @DisplayName("anti-pattern items are only ever asked about as anti-patterns")
  void antiPatterns() {
    Set<String> antiItems =
        Set.of(
            "Long-running applications",
            "Dynamic websites",
            "Stateful applications",
            "Streaming data",
            "NoSQL databases",
            "Terabyte-scale data");
    for (Question q : deck.questions()) {
      if (q.type() == QuestionType.MULTIPLE_CHOICE && antiItems.contains(q.answer())) {
        assertThat(q.prompt()).as(q.prompt()).containsIgnoringCase("anti-pattern");
      }
      if (q.kind().equals("list_member") || q.kind().equals("odd_one_out")) {
        boolean antiOption = q.options().stream().anyMatch(antiItems::contains);
        if (antiOption) {
          assertThat(q.prompt()).as(q.prompt()).containsIgnoringCase("anti-pattern");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "a list is asked as a choice only with wrong options of its own kind; else the warnings say why")
  void listMembers() {
    Set<String> members = Set.of("Node.js", "Python", "Java", "C#", "Go", "Powershell", "Ruby");
    // The notes name no other programming languages, so nothing of the same kind could be a wrong
    // option:
    // "Which of these is a supported language?" offering SQS or Redshift is guessed without
    // studying.
    assertThat(deck.questions())
        .filteredOn(q -> q.prompt().contains("supported languages"))
        .allMatch(q -> q.type() == QuestionType.TRUE_FALSE);
    assertThat(deck.warnings())
        .filteredOn(w -> members.contains(w.text()))
        .isNotEmpty()
        .allMatch(w -> w.reason().contains("same kind"));
    List<Question> triggers =
        deck.questions().stream()
            .filter(
                q ->
                    q.kind().startsWith("list_member")
                        && q.explanation().contains("can trigger Lambda"))
            .toList();
    for (Question q : triggers) {
      List<String> wrong = new ArrayList<>(q.options());
      q.keys().forEach(k -> wrong.remove(q.options().get(k)));
      if (q.correct() >= 0) {
        wrong.remove(q.correct());
      }
      assertThat(wrong)
          .as("services offered for services: %s", q.prompt())
          .noneMatch(members::contains);
    }
  }

  @Test
  @DisplayName(
      "open lists (ending in 'etc.') get no odd-one-out question, since their members are not all listed")
  void openLists() {
    assertThat(deck.questions())
        .filteredOn(q -> q.kind().equals("odd_one_out"))
        .noneMatch(
            q -> q.source().line() == 17 || q.source().line() == 25 || q.source().line() == 93);
  }

  @Test
  @DisplayName(
      "numeric questions offer only numbers, and 900 seconds is asked with other second values")
  void numeric() {
    Question timeout =
        deck.questions().stream()
            .filter(q -> q.kind().equals("numeric") && q.source().line() == 32)
            .findFirst()
            .orElseThrow();
    assertThat(timeout.answer()).isEqualTo("900");
    // "AWS Lambda: Max timeout can be set is 900 seconds" is asked as the question it stands for.
    assertThat(timeout.prompt())
        .isEqualTo("What is the maximum timeout for AWS Lambda, in seconds?");
    assertThat(timeout.options()).allMatch(o -> o.matches("[\\d,.]+")).doesNotHaveDuplicates();
    assertThat(timeout.explanation()).isEqualTo("Max timeout can be set is 900 seconds");
  }

  @Test
  @DisplayName("falsified statements differ from the notes in exactly the swapped number")
  void falseStatements() {
    List<Question> falses =
        deck.questions().stream()
            .filter(
                q ->
                    q.type() == QuestionType.TRUE_FALSE
                        && q.correct() == 1
                        && q.explanation().matches(".*\\d.*")
                        && !q.prompt().contains(" one of the "))
            .toList();
    assertThat(falses).isNotEmpty();
    for (Question q : falses) {
      String stated = q.prompt().substring("True or false? ".length()).replaceAll("\\.$", "");
      assertThat(stated).as(q.prompt()).doesNotEndWith(q.explanation());
      assertThat(stated.replaceAll("[\\d,]+", "#"))
          .endsWith(q.explanation().replaceAll("[\\d,]+", "#"));
    }
  }

  @Test
  @DisplayName(
      "the correct option is spread evenly over the positions, and stays where it is when other lines change")
  void correctPositions() {
    // Decks get random seeds: over twenty of them no position holds the key more often than a fair
    // shuffle's
    // count allows (three standard deviations, binomial with p = 1/4), so no pattern is there to
    // learn.
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(2024);
    Map<Integer, Long> positions = new java.util.HashMap<>();
    for (int d = 0; d < 20; d++) {
      DeckGenerator.generate(tree, seeds.nextLong()).questions().stream()
          .filter(q -> q.type() == QuestionType.MULTIPLE_CHOICE && q.options().size() == 4)
          .forEach(q -> positions.merge(q.correct(), 1L, Long::sum));
    }
    long total = positions.values().stream().mapToLong(Long::longValue).sum();
    double spread = 3 * Math.sqrt(total * 3.0 / 16);
    for (int i = 0; i < 4; i++) {
      assertThat((double) positions.getOrDefault(i, 0L))
          .as("position %d of %d", i, total)
          .isBetween(total / 4.0 - spread, total / 4.0 + spread);
    }
    // A question's options are its own: a table added above it leaves their order, and its
    // statistics, alone.
    String cells = org.quizhall.notes.SampleNotes.read("/notes/cell-biology.md");
    Map<String, List<String>> before =
        DeckGenerator.generate(NotesImporter.parse(cells), 7L).questions().stream()
            .filter(q -> q.type() == QuestionType.MULTIPLE_CHOICE)
            .collect(Collectors.toMap(Question::id, Question::options));
    List<Question> after =
        DeckGenerator.generate(
                NotesImporter.parse(
                    """
                # Planets

                | Planet | Moons |
                | --- | --- |
                | Mars | 2 |
                | Jupiter | 95 |
                | Saturn | 146 |

                """
                        + cells),
                7L)
            .questions();
    assertThat(after)
        .filteredOn(q -> before.containsKey(q.id()))
        .hasSizeGreaterThan(5)
        .allSatisfy(q -> assertThat(q.options()).as(q.prompt()).isEqualTo(before.get(q.id())));
  }

  @Test
  @DisplayName("every question explains itself with its source line and heading path")
  void sources() {
    List<String> lines = SampleNotes.read(SampleNotes.AWS).lines().toList();
    for (Question q : deck.questions()) {
      assertThat(lines.get(q.source().line() - 1))
          .as(q.prompt())
          .contains(q.source().text().split(",")[0]);
      // Headings of the line, from the top: a glossed name merely listed under a product's heading
      // shows
      // fewer of them, never another section's.
      TopicNode line =
          tree.nodes().stream()
              .filter(n -> n.line() == q.source().line())
              .findFirst()
              .orElseThrow();
      assertThat(line.path().size())
          .as(q.prompt())
          .isGreaterThanOrEqualTo(q.source().path().size());
      assertThat(line.path().subList(0, q.source().path().size()))
          .as(q.prompt())
          .isEqualTo(q.source().path());
      assertThat(deck.topics()).contains(q.topic());
    }
    assertThat(deck.topics()).isEqualTo(tree.topics());
  }

  @Test
  @DisplayName("the same notes and seed give the same deck")
  void deterministic() {
    GeneratedDeck again = DeckGenerator.generate(SampleNotes.aws(), 7L);
    assertThat(withoutShuffles(again)).isEqualTo(withoutShuffles(deck));
  }

  /**
   * The deck as its content: the order players are served items in is drawn afresh on every import,
   * on purpose.
   */
  private static GeneratedDeck withoutShuffles(GeneratedDeck d) {
    List<Question> questions =
        d.questions().stream()
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
    return new GeneratedDeck(questions, d.warnings(), d.topics(), d.kinds());
  }

  @Test
  @DisplayName(
      "ids of unchanged lines survive an edit elsewhere; another seed keeps most ids but reshuffles")
  void stableIds() {
    String notes =
        SampleNotes.read(SampleNotes.AWS)
            .replace(
                "- Max timeout can be set is 900 seconds", "- Max timeout can be set is 15 minutes")
            .replace("Processing\nAWS Lambda\n", "Processing\nAWS Lambda\n- Pay per request\n");
    GeneratedDeck edited = DeckGenerator.generate(NotesImporter.parse(notes), 7L);
    Map<String, Question> byId =
        edited.questions().stream().collect(Collectors.toMap(Question::id, Function.identity()));
    long kept =
        deck.questions().stream()
            .filter(q -> q.source().line() > 40)
            .filter(q -> byId.containsKey(q.id()))
            .count();
    long later = deck.questions().stream().filter(q -> q.source().line() > 40).count();
    assertThat(kept).isEqualTo(later);
    assertThat(deck.questions())
        .filteredOn(q -> q.source().text().contains("900 seconds") && q.source().line() == 32)
        .noneMatch(
            q ->
                byId.containsKey(q.id())
                    && byId.get(q.id()).source().text().contains("900 seconds"));
    Question sameLine = byId.get(deck.questions().get(0).id());
    assertThat(sameLine.source().line()).isEqualTo(deck.questions().get(0).source().line() + 1);

    GeneratedDeck reseeded = DeckGenerator.generate(tree, 8L);
    Set<String> reseededIds =
        reseeded.questions().stream().map(Question::id).collect(Collectors.toSet());
    long shared = deck.questions().stream().filter(q -> reseededIds.contains(q.id())).count();
    assertThat(shared).isGreaterThan(deck.questions().size() * 9L / 10);
    assertThat(reseeded.questions()).isNotEqualTo(deck.questions());
  }

  @Test
  @DisplayName("lines that yield no question are reported with a reason")
  void warnings() {
    assertThat(deck.warnings()).isNotEmpty();
    assertThat(deck.warnings())
        .allSatisfy(
            w -> {
              assertThat(w.line()).isPositive();
              assertThat(w.reason()).isNotBlank();
            });
    Set<Integer> questionLines =
        deck.questions().stream().map(q -> q.source().line()).collect(Collectors.toSet());
    assertThat(deck.warnings()).noneMatch(w -> questionLines.contains(w.line()));
  }
}
