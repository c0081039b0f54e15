package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.SampleNotes;

@DisplayName("Assembling a round")
class RoundAssemblerTest {

  private static GeneratedDeck deck;

  @BeforeAll
  static void generate() {
    deck = DeckGenerator.generate(SampleNotes.aws(), 3L);
  }

  @Test
  @DisplayName("gives N questions, each from a different source line, without repeats")
  void distinct() {
    List<Question> round = RoundAssembler.assemble(deck.questions(), 20, Set.of(), 11L);
    assertThat(round).hasSize(20);
    assertThat(round).extracting(Question::id).doesNotHaveDuplicates();
    assertThat(round).extracting(q -> q.source().line()).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("spreads questions over topics and kinds")
  void balanced() {
    long topics = deck.questions().stream().map(Question::topic).distinct().count();
    // Splunk's lines are no longer asked (a key far longer than its options, what it works with).
    assertThat(topics).isGreaterThanOrEqualTo(14);
    List<Question> round = RoundAssembler.assemble(deck.questions(), (int) topics, Set.of(), 5L);
    Map<String, Long> perTopic =
        round.stream().collect(Collectors.groupingBy(Question::topic, Collectors.counting()));
    assertThat(perTopic).as("one question from every topic").hasSize((int) topics);
    Map<String, Long> perKind =
        round.stream().collect(Collectors.groupingBy(Question::kind, Collectors.counting()));
    assertThat(perKind.keySet()).hasSizeGreaterThanOrEqualTo(5);
    // One question from each topic comes first, and some topics offer a single kind: two in five,
    // give or take one.
    assertThat(perKind.values())
        .as("no kind takes more than two questions in five")
        .allMatch(count -> (count - 1) * 5 <= round.size() * 2);
  }

  @Test
  @DisplayName(
      "with quotas (an exam's blueprint) takes exactly each topic's share, and a topic short of questions gives its share to the others")
  void quotas() {
    Map<String, Long> available =
        deck.questions().stream()
            .collect(Collectors.groupingBy(Question::topic, Collectors.counting()));
    List<String> big =
        available.entrySet().stream()
            .filter(e -> e.getValue() >= 8)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    assertThat(big).hasSizeGreaterThanOrEqualTo(2);
    // AWS Lambda states its 900-second timeout on three lines, one question a round: 5 of its
    // facts, not 6, can share a round.
    Map<String, Integer> quotas = Map.of(big.get(0), 5, big.get(1), 3);
    for (long seed = 1; seed <= 5; seed++) {
      List<Question> round = RoundAssembler.assemble(deck.questions(), 8, Set.of(), seed, quotas);
      Map<String, Long> perTopic =
          round.stream().collect(Collectors.groupingBy(Question::topic, Collectors.counting()));
      assertThat(perTopic).as("seed %d", seed).isEqualTo(Map.of(big.get(0), 5L, big.get(1), 3L));
      assertThat(round)
          .extracting(q -> q.source().line() + q.source().text())
          .doesNotHaveDuplicates();
    }
    // A quota above what a topic has: the round still has its count, from the other topics.
    String small =
        available.entrySet().stream()
            .filter(e -> e.getValue() <= 2)
            .map(Map.Entry::getKey)
            .sorted()
            .findFirst()
            .orElseThrow();
    List<Question> round =
        RoundAssembler.assemble(deck.questions(), 10, Set.of(), 7L, Map.of(small, 10));
    assertThat(round).hasSize(10);
    assertThat(round.stream().filter(q -> q.topic().equals(small)).count())
        .isEqualTo(available.get(small));
  }

  /**
   * Notes state far more true facts than false ones can be made of: 20 true statements and 6 false
   * ones.
   */
  private static List<Question> trueFalsePool() {
    List<Question> pool = new java.util.ArrayList<>();
    for (int i = 0; i < 26; i++) {
      boolean truth = i < 20;
      pool.add(
          new Question(
              "tf" + i,
              QuestionType.TRUE_FALSE,
              "true_false",
              "True or false? Statement " + i,
              List.of("True", "False"),
              truth ? 0 : 1,
              List.of(),
              "Statement " + i,
              new Source(i + 1, "Statement " + i, List.of("Topic " + i % 3)),
              "Topic " + i % 3));
    }
    return pool;
  }

  @Test
  @DisplayName(
      "true/false rounds are not mostly 'True', although the notes hold mostly true statements")
  void trueFalseBalance() {
    List<Question> round = RoundAssembler.assemble(trueFalsePool(), 12, Set.of("true_false"), 4L);
    long roundTrues = round.stream().filter(q -> q.correct() == 0).count();
    assertThat(round).hasSize(12);
    assertThat(roundTrues).as("all 6 false statements and as many true ones").isEqualTo(6);
  }

  @Test
  @DisplayName(
      "a mixed round holds at most one true/false in six, and a true/false round is still all true/false")
  void fewTrueFalse() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Question> round = RoundAssembler.assemble(deck.questions(), 24, Set.of(), seed);
      assertThat(round).hasSize(24);
      assertThat(round.stream().filter(q -> q.type() == QuestionType.TRUE_FALSE).count())
          .isBetween(1L, 4L);
    }
    List<Question> mixed = new java.util.ArrayList<>(trueFalsePool());
    List<Question> only = RoundAssembler.assemble(mixed, 10, Set.of("true_false"), 1L);
    assertThat(only).hasSize(10).allMatch(q -> q.type() == QuestionType.TRUE_FALSE);
  }

  @Test
  @DisplayName("draws only the requested kinds")
  void kindsFilter() {
    List<Question> round =
        RoundAssembler.assemble(deck.questions(), 10, Set.of("numeric", "cloze"), 2L);
    assertThat(round)
        .hasSize(10)
        .allMatch(q -> q.kind().equals("numeric") || q.kind().equals("cloze"));
    assertThat(round).extracting(Question::kind).contains("numeric", "cloze");
  }

  @Test
  @DisplayName("returns what there is when the pool runs out, and nothing for n = 0")
  void smallPools() {
    List<Question> numeric = RoundAssembler.assemble(deck.questions(), 1000, Set.of("numeric"), 2L);
    assertThat(numeric).isNotEmpty();
    assertThat(numeric).extracting(q -> q.source().line()).doesNotHaveDuplicates();
    // Every numeric question left out is left out for one the round asks: same line, or the same
    // measure of the same topic.
    for (Question q : deck.questions()) {
      if (q.kind().equals("numeric") && !numeric.contains(q)) {
        assertThat(numeric)
            .as(q.prompt())
            .anyMatch(r -> r.source().line() == q.source().line() || RoundAssembler.overlaps(r, q));
      }
    }
    assertThat(RoundAssembler.assemble(deck.questions(), 0, Set.of(), 2L)).isEmpty();
    assertThat(RoundAssembler.assemble(List.of(), 5, Set.of(), 2L)).isEmpty();
  }

  @Test
  @DisplayName("the same seed gives the same round, another seed another round")
  void seeded() {
    List<Question> a = RoundAssembler.assemble(deck.questions(), 15, Set.of(), 9L);
    assertThat(RoundAssembler.assemble(deck.questions(), 15, Set.of(), 9L)).isEqualTo(a);
    assertThat(RoundAssembler.assemble(deck.questions(), 15, Set.of(), 10L)).isNotEqualTo(a);
  }

  @Test
  @DisplayName(
      "questions over one table's columns share a round (a comparison beside an ordering, a choose two or a matching); an ordering and a comparison never")
  void tableColumnsShareARound() {
    GeneratedDeck tables =
        DeckGenerator.generate(
            org.quizhall.notes.NotesImporter.parse(SampleNotes.read("/notes/science-tables.md")),
            5L);
    List<Question> round = RoundAssembler.assemble(tables.questions(), 20, Set.of(), 11L);
    assertThat(round)
        .extracting(Question::kind)
        .contains("comparison")
        .containsAnyOf("ordering", "list_members", "matching");
    boolean ordered =
        round.stream()
            .anyMatch(q -> q.type() == QuestionType.ORDERING && q.topic().equals("Elements"));
    boolean compared =
        round.stream().anyMatch(q -> q.kind().equals("comparison") && q.topic().equals("Elements"));
    assertThat(ordered && compared)
        .as("an ordering by atomic number gives the highest atomic number away")
        .isFalse();
  }

  @Test
  @DisplayName(
      "a choose two over a table's rows never shares a round with a question about one of those rows")
  void chooseTwoAndItsRows() {
    GeneratedDeck tables =
        DeckGenerator.generate(
            org.quizhall.notes.NotesImporter.parse(SampleNotes.read("/notes/science-tables.md")),
            5L);
    for (long seed = 1; seed <= 30; seed++) {
      List<Question> round = RoundAssembler.assemble(tables.questions(), 20, Set.of(), seed);
      for (Question two :
          round.stream().filter(q -> q.type() == QuestionType.MULTIPLE_RESPONSE).toList()) {
        assertThat(round)
            .filteredOn(q -> q.kind().equals("table_cell"))
            .noneMatch(q -> two.options().contains(q.source().text().split(" \\| ")[0].strip()));
      }
    }
  }

  @Test
  @DisplayName(
      "a matching of statements never shares a round with a true/false on one of its lines")
  void statementMatchingAndItsLines() {
    GeneratedDeck mixed =
        DeckGenerator.generate(
            org.quizhall.notes.NotesImporter.parse(SampleNotes.read("/notes/mixed.md")), 5L);
    for (long seed = 1; seed <= 30; seed++) {
      List<Question> round = RoundAssembler.assemble(mixed.questions(), 10, Set.of(), seed);
      boolean normalForms =
          round.stream()
              .anyMatch(
                  q ->
                      q.type() == QuestionType.MATCHING
                          && q.options().contains("First normal form"));
      if (normalForms) {
        assertThat(round)
            .filteredOn(q -> q.type() == QuestionType.TRUE_FALSE)
            .noneMatch(q -> q.prompt().contains("normal form"));
      }
    }
  }

  @Test
  @DisplayName(
      "while other questions remain a round asks at most two about one table column; numbers are offered near the key")
  void tableColumns() {
    GeneratedDeck tables =
        DeckGenerator.generate(
            org.quizhall.notes.NotesImporter.parse(
                org.quizhall.notes.SampleNotes.read("/notes/science-tables.md")),
            5L);
    for (long seed = 1; seed <= 5; seed++) {
      // Eight of the tables' 39 questions: other columns and kinds fill it, so the cap holds
      // throughout. (Questions over a whole table — a choose two, "the same type as Earth" — rule
      // out those about the rows they show, and a question and its reverse ask one fact, so a round
      // of ten can run out of other questions.)
      List<Question> round = RoundAssembler.assemble(tables.questions(), 8, Set.of(), seed);
      java.util.Map<String, Long> perColumn =
          round.stream()
              .filter(
                  q -> q.prompt().contains("from the Sun") && q.kind().equals(TableQuestions.KIND))
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      q -> "order", java.util.stream.Collectors.counting()));
      assertThat(perColumn.getOrDefault("order", 0L)).as("seed %d", seed).isLessThanOrEqualTo(2);
    }
    // A place in an order is asked in words: "Saturn is the sixth planet from the Sun", near places
    // offered.
    Question saturn =
        tables.questions().stream()
            .filter(
                q ->
                    q.prompt()
                        .equals("Fill in the blank: Saturn is the _____ planet from the Sun."))
            .findFirst()
            .orElseThrow();
    assertThat(saturn.answer()).isEqualTo("sixth");
    List<String> ordinals =
        List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");
    assertThat(saturn.options())
        .allMatch(o -> ordinals.contains(o) && Math.abs(ordinals.indexOf(o) - 5) <= 3);
    // Options are a run of neighbouring numbers holding the key anywhere in it. Were an inner key
    // always an
    // inner option, "never the smallest or largest" would score without studying.
    StringBuilder table =
        new StringBuilder("# Stations\n\n| Station | Platforms |\n| --- | --- |\n");
    for (int i = 1; i <= 40; i++) {
      table
          .append("| Station ")
          .append((char) ('A' + i % 26))
          .append(i)
          .append(" | ")
          .append(i * 2)
          .append(" |\n");
    }
    int[] places = new int[4];
    for (Question q :
        DeckGenerator.generate(org.quizhall.notes.NotesImporter.parse(table.toString()), 5L)
            .questions()) {
      if (q.prompt().matches("How many platforms does Station .* have\\?")
          && q.options().size() == 4) {
        int key = Integer.parseInt(q.answer());
        if (key > 6 && key < 74) {
          places[q.options().stream().map(Integer::parseInt).sorted().toList().indexOf(key)]++;
        }
      }
    }
    assertThat(java.util.Arrays.stream(places).sum()).isGreaterThan(20);
    assertThat(java.util.Arrays.stream(places).boxed().toList())
        .as("how often an inner key is the smallest, second, third and largest option")
        .allMatch(n -> n >= 3);
    // The Lyric has 3 floors and 3 lifts: a question on either counts against its own column.
    QuestionFactory factory = new QuestionFactory(5L);
    Source lyric = new Source(6, "The Lyric | 3 | 3", List.of("Buildings"));
    Question floors =
        factory.multipleChoice(
            TableQuestions.KIND,
            "cell:1",
            "How many floors does The Lyric have?",
            "3",
            List.of("5", "7", "12"),
            "The Lyric: Floors 3; Lifts 3",
            lyric,
            "Buildings");
    Question lifts =
        factory.multipleChoice(
            TableQuestions.KIND,
            "cell:2",
            "How many lifts does The Lyric have?",
            "3",
            List.of("1", "2", "4"),
            "The Lyric: Floors 3; Lifts 3",
            lyric,
            "Buildings");
    assertThat(RoundAssembler.tableColumn(floors))
        .isNotNull()
        .isNotEqualTo(RoundAssembler.tableColumn(lifts));
    Question eighth =
        tables.questions().stream()
            .filter(q -> q.prompt().equals("Which planet is eighth from the Sun?"))
            .findFirst()
            .orElseThrow();
    assertThat(eighth.options()).doesNotContain("Mercury", "Venus", "Earth");
  }

  @Test
  @DisplayName(
      "a round asks about one list once: a choose two of Data Pipeline's destinations shows what a 'which is one of them' would ask")
  void oneQuestionPerList() {
    Set<String> lists = Set.of(ListQuestions.MEMBER, ListQuestions.CHOOSE_TWO, ListQuestions.ODD);
    int rounds = 0;
    for (long deckSeed = 1; deckSeed <= 6; deckSeed++) {
      List<Question> pool = DeckGenerator.generate(SampleNotes.aws(), deckSeed).questions();
      for (long seed = 1; seed <= 15; seed++) {
        List<Question> round = RoundAssembler.assemble(pool, 20, Set.of(), seed);
        List<List<String>> asked =
            round.stream()
                .filter(q -> lists.contains(q.kind()))
                .map(RoundAssembler::listOf)
                .toList();
        assertThat(asked).as("deck %d, round %d", deckSeed, seed).doesNotHaveDuplicates();
        rounds += asked.isEmpty() ? 0 : 1;
      }
    }
    assertThat(rounds).as("rounds with a list question").isPositive();
  }

  @Test
  @DisplayName(
      "a round asks a measure one topic's lines state twice once (\"Max timeout can be set is 900"
          + " seconds\", \"Lambda has a 900 seconds timeout limit\")")
  void oneQuestionPerMeasure() {
    int rounds = 0;
    for (long deckSeed = 1; deckSeed <= 6; deckSeed++) {
      List<Question> pool = DeckGenerator.generate(SampleNotes.aws(), deckSeed).questions();
      for (long seed = 1; seed <= 20; seed++) {
        // Rounds of 40: with both questions in most rounds unless the rule keeps one out.
        List<Question> round = RoundAssembler.assemble(pool, 40, Set.of(), seed);
        List<Question> timeouts =
            round.stream()
                .filter(
                    q ->
                        q.topic().equals("AWS Lambda")
                            && q.source().text().matches(".*\\b900 ?s(econds)?\\b.*"))
                .toList();
        assertThat(timeouts).as("deck %d, round %d", deckSeed, seed).hasSizeLessThanOrEqualTo(1);
        rounds += timeouts.isEmpty() ? 0 : 1;
      }
    }
    assertThat(rounds).as("rounds asking Lambda's timeout").isPositive();
    assertThat(
            DeckGenerator.generate(SampleNotes.aws(), 1L).questions().stream()
                .filter(
                    q ->
                        q.topic().equals("AWS Lambda")
                            && q.source().text().matches(".*\\b900 ?s(econds)?\\b.*"))
                .map(q -> q.source().line())
                .distinct()
                .count())
        .as("lines of the deck stating the timeout")
        .isGreaterThan(1);
  }

  @Test
  @DisplayName("an ordering of three steps is held back while other questions remain")
  void fewSteps() {
    List<Question> round = RoundAssembler.assemble(deck.questions(), 20, Set.of(), 11L);
    assertThat(round).noneMatch(q -> q.type() == QuestionType.ORDERING && q.options().size() < 4);
    List<Question> orderings =
        RoundAssembler.assemble(deck.questions(), 20, Set.of("ordering"), 11L);
    assertThat(orderings).as("an ordering round still has them").isNotEmpty();
  }

  @Test
  @DisplayName(
      "a deck that is mostly one table still fills its round, and a broken range does not stop an import")
  void tableDecks() {
    StringBuilder words = new StringBuilder("# Words\n\n| English | Spanish |\n| --- | --- |\n");
    String[][] pairs = {
      {"house", "casa"},
      {"dog", "perro"},
      {"cat", "gato"},
      {"water", "agua"},
      {"bread", "pan"},
      {"book", "libro"},
      {"tree", "árbol"},
      {"sun", "sol"},
      {"moon", "luna"},
      {"city", "ciudad"},
      {"road", "camino"},
      {"door", "puerta"},
      {"window", "ventana"},
      {"table", "mesa"},
      {"chair", "silla"}
    };
    for (String[] p : pairs) {
      words.append("| ").append(p[0]).append(" | ").append(p[1]).append(" |\n");
    }
    GeneratedDeck table =
        DeckGenerator.generate(org.quizhall.notes.NotesImporter.parse(words.toString()), 3L);
    assertThat(RoundAssembler.assemble(table.questions(), 15, Set.of(), 4L)).hasSize(15);
    GeneratedDeck ranges =
        DeckGenerator.generate(
            org.quizhall.notes.NotesImporter.parse(
                """
                # Masts
                - The old mast is version 1.2.3 to 10 metres long.
                - The tower is 5 to 50 metres tall.
                """),
            3L);
    assertThat(ranges.questions()).isNotNull();
  }

  @Test
  @DisplayName(
      "a round of the sample deck gives at least a quarter of its questions to the kinds that test understanding")
  void understandingFirst() {
    for (long seed = 1; seed <= 4; seed++) {
      List<Question> round = RoundAssembler.assemble(deck.questions(), 20, Set.of(), seed);
      assertThat(round.stream().filter(q -> RoundAssembler.UNDERSTANDING.contains(q.kind())))
          .as("seed %d: %s", seed, round.stream().map(Question::kind).toList())
          .hasSizeGreaterThanOrEqualTo(5);
    }
  }
}
