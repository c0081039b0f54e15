package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;
import org.quizhall.notes.TopicNode;
import org.quizhall.notes.TopicTree;

/**
 * Items worded as an exam writer would word them, from the shapes of notes that used to come out as
 * fragments.
 */
@DisplayName("Exam wording")
class ExamWordingTest {

  private static List<Question> deck(String notes) {
    return DeckGenerator.generate(NotesImporter.parse(notes), 1L).questions();
  }

  private static List<Question> sample() {
    return DeckGenerator.generate(SampleNotes.aws(), 1L).questions();
  }

  @Test
  @DisplayName(
      "a limit noted as a fragment under its heading is asked as the question it stands for")
  void limits() {
    List<Question> questions =
        deck(
            """
                Amazon ML
                - Soft limit up to 100 GB training data
                - Soft limit up to 5 simultaneous jobs
                - Soft limit of 20 models
                Kinesis Data Streams + Lambda
                - Up to 10,000 records in a batch
                - Up to 6 MB in a function call
                AWS Lambda
                - Max timeout can be set is 900 seconds
                - Supports 5 languages
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .contains(
            "What is the soft limit on training data for Amazon ML, in GB?",
            "What is the soft limit on the number of simultaneous jobs for Amazon ML?",
            "What is the maximum number of records in a batch when Kinesis Data Streams is used"
                + " with Lambda?",
            "What is the maximum size of a function call when Kinesis Data Streams is used with"
                + " Lambda, in MB?",
            "What is the maximum timeout for AWS Lambda, in seconds?");
    // A number changed in a fragment is no statement to judge true or false.
    assertThat(questions)
        .filteredOn(q -> q.type() == QuestionType.TRUE_FALSE)
        .noneMatch(q -> q.prompt().contains("Soft limit") || q.prompt().contains("Up to"));
  }

  @Test
  @DisplayName(
      "imported cards that say what kind of thing they are are not offered among cards of another kind")
  void cardKinds() {
    String[][] raw = {
      {"Latency", "the time a packet takes to arrive"},
      {"Bandwidth", "the most data a link carries"},
      {"Jitter", "variation in packet delay"},
      {"Throughput", "the data actually delivered"},
      {"Router", "a device that forwards packets between networks"},
      {"Switch", "a device that connects hosts"},
      {"Firewall", "a device that filters traffic"}
    };
    java.util.List<CardQuestions.Card> cards = new java.util.ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      cards.add(new CardQuestions.Card(i + 1, raw[i][0], raw[i][1]));
    }
    java.util.List<io.vertx.core.json.JsonObject> asked =
        CardQuestions.questions(cards).stream().map(QuestionRow::question).toList();
    for (int metric = 0; metric < 4; metric++) {
      assertThat(asked.get(metric).getJsonArray("options").getList())
          .as("options for %s", raw[metric][0])
          .doesNotContain("Router", "Switch", "Firewall");
    }
    assertThat(asked.get(4).getJsonArray("options").getList()).contains("Switch", "Firewall");
  }

  @Test
  @DisplayName(
      "an imported card whose answer is of a sort no other card has is typed, not offered among another sort")
  void cardOfItsOwnSort() {
    String[][] raw = {
      {"Mitochondrion", "releases energy from food"},
      {"Ribosome", "builds proteins"},
      {"Nucleus", "holds the genetic material"},
      {"Vacuole", "stores water"},
      {"1789", "The storming of the Bastille"}
    };
    java.util.List<CardQuestions.Card> cards = new java.util.ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      cards.add(new CardQuestions.Card(i + 1, raw[i][0], raw[i][1]));
    }
    java.util.List<io.vertx.core.json.JsonObject> asked =
        CardQuestions.questions(cards).stream().map(QuestionRow::question).toList();
    io.vertx.core.json.JsonObject year = asked.get(4);
    assertThat(year.getString("type")).as("no year among organelles").isEqualTo("typed");
    assertThat(year.getJsonArray("accepted").getList()).containsExactly("1789");
    assertThat(asked.get(0).getString("type")).isEqualTo("multiple_choice");
    assertThat(asked.get(0).getJsonArray("options").getList()).doesNotContain("1789");
  }

  @Test
  @DisplayName(
      "a statement under a one-word heading ending in s keeps its subject unless the heading is a plural")
  void singularHeadingsEndingInS() {
    List<Question> questions =
        deck(
            """
                # Photosynthesis
                - Takes place in the chloroplasts
                - Needs light, water and carbon dioxide
                - Produces glucose and oxygen

                # Causes
                - Takes place when the treaty failed
                - Needs a spark to start
                - Produces a long war
                """);
    assertThat(questions)
        .filteredOn(q -> q.type() == QuestionType.TRUE_FALSE || q.type() == QuestionType.TYPED)
        .extracting(Question::prompt)
        .filteredOn(p -> p.contains("chloroplasts") || p.contains("light, water"))
        .isNotEmpty()
        .allMatch(p -> p.contains("Photosynthesis"), "names its subject, Photosynthesis");
    assertThat(questions)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("Causes takes") || p.contains("Causes: "));
  }

  @Test
  @DisplayName("a metric's options are other metrics, not the devices defined beside them")
  void sameKindDefinitions() {
    List<Question> questions = deck(SampleNotes.read("/notes/glossary.txt"));
    Question jitter =
        questions.stream().filter(q -> q.answer().equals("Jitter")).findFirst().orElseThrow();
    assertThat(jitter.options())
        .containsExactlyInAnyOrder("Jitter", "Latency", "Throughput", "Bandwidth");
    Question router =
        questions.stream()
            .filter(q -> q.prompt().equals("What does “Router” mean?"))
            .findFirst()
            .orElseThrow();
    assertThat(router.options())
        .filteredOn(o -> !o.equals(router.answer()))
        .anyMatch(o -> o.startsWith("A device"));
  }

  @Test
  @DisplayName(
      "a glossed name is asked what it is, without the product heading it is merely listed under")
  void glossedNames() {
    List<Question> questions = sample();
    Question tachyon =
        questions.stream()
            .filter(q -> q.prompt().equals("Which of these is an accelerator for Spark?"))
            .findFirst()
            .orElseThrow();
    assertThat(tachyon.answer()).isEqualTo("Tachyon");
    assertThat(tachyon.context()).doesNotContain("S3DistCP");
    assertThat(questions)
        .extracting(Question::prompt)
        .contains("What is Accumulo?")
        .doesNotContain("What does “Accumulo” mean?");
    assertThat(questions)
        .extracting(Question::prompt)
        .contains("Which EMR instance types are classed as General Purpose?");
  }

  @Test
  @DisplayName(
      "which-topic questions offer no umbrella topic that lists the key, and no key its name spells out")
  void topicOptions() {
    List<Question> topics =
        sample().stream().filter(q -> q.kind().equals(TopicQuestions.KIND)).toList();
    Question presto =
        topics.stream()
            .filter(q -> q.prompt().contains("connect to different big data databases"))
            .findFirst()
            .orElseThrow();
    assertThat(presto.answer()).isEqualTo("Presto");
    assertThat(presto.options()).as("Hadoop's section lists Presto").doesNotContain("Hadoop");
    assertThat(topics)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("copy in a distributed manner"))
        .noneMatch(p -> p.contains("fits the description"))
        .noneMatch(p -> p.contains("can be used by Redshift, Athena"));
  }

  @Test
  @DisplayName(
      "the last of a run of single items, or a point named by an activity, takes no statements as its own")
  void flatOutlineNesting() {
    TopicTree tree =
        NotesImporter.parse(
            """
                Transactions
                - ACID properties
                - Atomicity
                - Consistency
                - Isolation
                - Durability
                - PostgreSQL default isolation level is Read Committed
                Anti-patterns
                - Streaming data
                - Glue is batch oriented, has minimum 5 minute intervals
                - Using other ETL engines than Spark
                - Glue ETL is implemented in Spark
                """);
    TopicNode isolation =
        tree.nodes().stream()
            .filter(n -> n.text().startsWith("PostgreSQL default"))
            .findFirst()
            .orElseThrow();
    assertThat(isolation.path()).containsExactly("Transactions");
    TopicNode spark =
        tree.nodes().stream()
            .filter(n -> n.text().startsWith("Glue ETL is implemented"))
            .findFirst()
            .orElseThrow();
    assertThat(spark.path()).endsWith("Anti-patterns", "Using other ETL engines than Spark");
  }

  @Test
  @DisplayName(
      "no true/false from a verbless fragment or from advice, and no blank whose subject had to be hidden")
  void noFragments() {
    List<Question> questions =
        deck(
            """
                Spark
                - Stream processing through Spark Streaming (from Amazon Kinesis / Apache Kafka)
                - Spark uses in-memory caching
                AWS Lambda
                - Lambda is stateless, use DynamoDB to store stateful data
                - Just store the state elsewhere and do not keep it in the function
                - Smaller batch size or longer timeout
                - Lambda can receive an event with a batch of stream records
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("Stream processing through _____"))
        .noneMatch(p -> p.contains("use DynamoDB to store"))
        .noneMatch(p -> p.contains("Just store"))
        .noneMatch(p -> p.contains("Smaller batch size"));
  }

  @Test
  @DisplayName(
      "a table asks across its rows: two that share a category, and the highest of four numbers")
  void tableComparisons() {
    String notes = SampleNotes.read("/notes/science-tables.md");
    java.util.Map<String, String[]> rows = new java.util.HashMap<>();
    notes
        .lines()
        .filter(l -> l.startsWith("| ") && !l.contains("---"))
        .forEach(
            l -> {
              String[] cells =
                  java.util.Arrays.stream(l.split("\\|"))
                      .map(String::strip)
                      .filter(c -> !c.isEmpty())
                      .toArray(String[]::new);
              rows.put(cells[0], cells);
            });
    List<Question> questions = deck(notes);
    Question chooseTwo =
        questions.stream()
            .filter(
                q ->
                    q.type() == QuestionType.MULTIPLE_RESPONSE
                        && q.prompt().startsWith("Which two of these planets are "))
            .findFirst()
            .orElseThrow();
    String type =
        chooseTwo
            .prompt()
            .substring("Which two of these planets are ".length(), chooseTwo.prompt().indexOf('?'));
    for (int i = 0; i < chooseTwo.options().size(); i++) {
      boolean ofType = type.startsWith(rows.get(chooseTwo.options().get(i))[1]);
      assertThat(chooseTwo.keys().contains(i)).as(chooseTwo.options().get(i)).isEqualTo(ofType);
    }
    Question highest =
        questions.stream()
            .filter(
                q -> q.prompt().equals("Which of these elements has the highest atomic number?"))
            .findFirst()
            .orElseThrow();
    String max =
        highest.options().stream()
            .max(java.util.Comparator.comparingInt(o -> Integer.parseInt(rows.get(o)[2])))
            .orElseThrow();
    assertThat(highest.answer()).isEqualTo(max);
  }

  @Test
  @DisplayName(
      "parallel statements are matched subject to claim: each git command with what it does")
  void statementMatching() {
    Question matching =
        deck(SampleNotes.read("/notes/git-workflow.md")).stream()
            .filter(q -> q.type() == QuestionType.MATCHING && q.options().contains("git status"))
            .findFirst()
            .orElseThrow();
    assertThat(matching.prompt()).isEqualTo("Match each of these with what it does.");
    assertThat(matching.matches().get(matching.options().indexOf("git status")))
        .isEqualTo("Shows which files changed");
  }

  @Test
  @DisplayName(
      "a year is offered in the order the sentence tells its years, and not asked when a year beside it gives it away")
  void yearsInOrder() {
    List<Question> questions = deck(SampleNotes.read("/notes/french-revolution.md"));
    Question coup =
        questions.stream()
            .filter(q -> q.prompt().contains("in November _____"))
            .findFirst()
            .orElseThrow();
    assertThat(coup.options()).allMatch(o -> Integer.parseInt(o) < 1804);
    // "abolished in September 1792, and … executed in January ___": the next January is 1793.
    assertThat(questions)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("executed in January _____"));
  }

  @Test
  @DisplayName(
      "flashcards set off by a blank line after a bare-line heading's bullets are not under that heading")
  void cardsAfterAFlatSection() {
    TopicTree tree = NotesImporter.parse(SampleNotes.read("/notes/mixed.md"));
    TopicNode primaryKey =
        tree.nodes().stream()
            .filter(n -> n.text().startsWith("Primary key ::"))
            .findFirst()
            .orElseThrow();
    assertThat(primaryKey.path()).containsExactly("Databases");
    TopicNode backup =
        tree.nodes().stream()
            .filter(n -> n.text().equals("Using replication as a backup"))
            .findFirst()
            .orElseThrow();
    assertThat(backup.path()).endsWith("Replication", "Anti-patterns");
  }

  private static final String PROSE =
      """
            Photosynthesis

            Photosynthesis is the process by which green plants turn light energy into chemical energy. It takes place
            mainly in the chloroplasts of leaf cells, which contain the green pigment chlorophyll. The light-dependent
            reactions happen in the thylakoid membranes and produce ATP and NADPH. The Calvin cycle happens in the
            stroma and uses that ATP and NADPH to fix carbon dioxide into sugar. Oxygen is released as a by-product
            when water molecules are split.
            """;

  @Test
  @DisplayName(
      "prose: where things happen is asked among the other places the notes name, never of 'it'")
  void proseWhere() {
    List<Question> questions = deck(PROSE);
    Question thylakoid =
        questions.stream()
            .filter(
                q ->
                    q.prompt()
                        .equals(
                            "Fill in the blank: The light-dependent reactions happen in the _____ and produce ATP and NADPH."))
            .findFirst()
            .orElseThrow();
    assertThat(thylakoid.answer()).isEqualTo("thylakoid membranes");
    assertThat(thylakoid.options())
        .containsExactlyInAnyOrder("thylakoid membranes", "stroma", "chloroplasts");
    assertThat(questions).extracting(Question::prompt).noneMatch(p -> p.contains("It takes place"));
  }

  @Test
  @DisplayName(
      "a false statement swaps subjects only between lines that say the same sort of thing of them")
  void parallelSwapsOnly() {
    // "Photosynthesis is the process …" and "Oxygen is released …" share only "is".
    assertThat(deck(PROSE))
        .extracting(Question::prompt)
        .noneMatch(
            p -> p.contains("Oxygen is the process") || p.contains("Photosynthesis is released"));
  }

  @Test
  @DisplayName(
      "a number is asked 'how many' where the sentence allows, else as a fill-in, never with a question bolted on")
  void numbersAsQuestions() {
    List<Question> cells = deck(SampleNotes.read("/notes/cell-biology.md"));
    assertThat(cells)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("fills the blank?"))
        .noneMatch(p -> p.contains("1 to how many"))
        // Asked as an examiner asks, the verb after its subject: not "Mitosis produces how many
        // …?".
        .contains(
            "How many identical daughter cells does mitosis produce?",
            "How many sodium ions does the sodium-potassium pump move out for every 2 potassium ions in?")
        .noneMatch(p -> p.contains("for every how many"))
        .satisfies(
            prompts ->
                assertThat(
                        deck(
                            """
                        # Facts with counts
                        - Beethoven wrote 9 symphonies in his life
                        - The team won 5 trophies last year
                        - A violin has 4 strings
                        - The Apollo program sent 12 astronauts to the Moon
                        - This enzyme contains 4 subunits
                        - A year has 12 months of varying length
                        """))
                    .extracting(Question::prompt)
                    // A past verb is not turned round with "do"; a name keeps its capital, an
                    // article loses it.
                    .noneMatch(
                        p ->
                            p.contains(" do beethoven")
                                || p.contains(" do the team")
                                || p.contains("do the Apollo program sent"))
                    .contains(
                        "How many strings does a violin have?",
                        "How many subunits does this enzyme contain?")
                    .noneMatch(p -> p.contains("have of varying length")))
        // A statement asked true or false, or with a blank, ends as a sentence does.
        .filteredOn(p -> p.startsWith("True or false? ") || p.startsWith("Fill in the blank: "))
        .isNotEmpty()
        .allMatch(p -> p.endsWith("."));
    // A range is one fact: asked whole, against ranges, none of which holds the key's ("1 to 100").
    Question size =
        cells.stream()
            .filter(
                q ->
                    q.prompt()
                        .startsWith(
                            "Fill in the blank: Prokaryotic cells are "
                                + "typically _____ micrometres across"))
            .findFirst()
            .orElseThrow();
    assertThat(size.answer()).isEqualTo("1 to 10");
    assertThat(size.options())
        .hasSize(4)
        .allMatch(o -> o.matches("[0-9.,]+ to [0-9.,]+"))
        .doesNotContain("1 to 100", "0.1 to 10");
    // A narrow range is told from ranges moved along, not from 6,000 to 10,000 beats a minute.
    Question heart =
        deck(SampleNotes.read("/notes/human-body.txt")).stream()
            .filter(q -> q.prompt().contains("heart beats about _____"))
            .findFirst()
            .orElseThrow();
    assertThat(heart.options())
        .contains("60 to 100")
        .allSatisfy(
            o -> {
              String[] ends = o.split(" to ");
              assertThat(Integer.parseInt(ends[0])).isBetween(10, 200);
              assertThat(Integer.parseInt(ends[1])).isBetween(20, 300);
            });
    Question chromosomes =
        cells.stream()
            .filter(q -> q.prompt().equals("How many chromosomes do human body cells contain?"))
            .findFirst()
            .orElseThrow();
    // Near numbers of the key's parity: an even count among odd ones is picked without knowing it.
    assertThat(chromosomes.options()).allMatch(o -> Integer.parseInt(o) % 2 == 0);
    assertThat(deck(SampleNotes.read("/notes/french-revolution.md")))
        .extracting(Question::prompt)
        .anyMatch(p -> p.startsWith("Fill in the year: "));
  }

  @Test
  @DisplayName(
      "a line saying what one of several parallel things does asks which of them, its siblings the options")
  void whichOfTheSiblings() {
    List<Question> cells = deck(SampleNotes.read("/notes/cell-biology.md"));
    List<String> organelles = List.of("Nucleus", "Mitochondria", "Ribosomes", "Golgi apparatus");
    Question atp =
        cells.stream()
            .filter(
                q ->
                    q.prompt().equals("Which organelle produces ATP through cellular respiration?"))
            .findFirst()
            .orElseThrow();
    assertThat(atp.answer()).isEqualTo("Mitochondria");
    assertThat(atp.options()).hasSize(4).allMatch(organelles::contains);
    // Said of one organelle, "Have their own circular DNA" agrees: "has its own".
    assertThat(cells)
        .extracting(Question::prompt)
        .contains("Which organelle has its own circular DNA?")
        .noneMatch(p -> p.contains("has their"));
    // Sections of one heading, each naming a process, are things to tell apart too; a line saying
    // what a process
    // does not do is as true of its siblings, and is not asked.
    List<Question> processes = deck(SampleNotes.read("/notes/life-processes.md"));
    Question light =
        processes.stream()
            .filter(
                q ->
                    q.prompt()
                        .equals(
                            "Which life process converts light energy into chemical energy inside chloroplasts?"))
            .findFirst()
            .orElseThrow();
    assertThat(light.answer()).isEqualTo("Photosynthesis");
    assertThat(light.options())
        .hasSize(4)
        .doesNotHaveDuplicates()
        .allMatch(
            o ->
                List.of(
                        "Photosynthesis",
                        "Cellular respiration",
                        "Protein synthesis",
                        "Osmosis",
                        "Diffusion")
                    .contains(o));
    assertThat(processes)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("needs no energy"))
        .contains("Which two of these are true of photosynthesis? (Choose two.)")
        .noneMatch(
            p -> p.contains("true of the photosynthesis") || p.contains("true of the cellular"));
    // A verb joined to the first is said of one thing too.
    assertThat(
            deck(
                """
                # Cluster
                - Primary node
                    - Coordinate the distribution of data and tasks
                - Core node
                    - Host HDFS data and run tasks
                - Task node
                    - Run tasks on spare capacity
                """))
        .extracting(Question::prompt)
        .contains("Which of these hosts HDFS data and runs tasks?");
    // Sibling lines led by the thing they describe ("git log shows the history of commits") ask
    // which thing.
    Question log =
        deck(SampleNotes.read("/notes/git-workflow.md")).stream()
            .filter(q -> q.prompt().equals("Which command shows the history of commits?"))
            .findFirst()
            .orElseThrow();
    assertThat(log.answer()).isEqualTo("git log");
    assertThat(log.options()).hasSize(4).allMatch(o -> o.startsWith("git "));
    // A choose-two offers five options where the notes have them, as certification exams do.
    assertThat(deck(SampleNotes.read("/notes/science-tables.md")))
        .filteredOn(
            q -> q.prompt().equals("Which two of these planets are terrestrial? (Choose two.)"))
        .singleElement()
        .satisfies(q -> assertThat(q.options()).hasSize(5));
    // Definitions offered as answers to "What is …?" begin as sentences do.
    assertThat(deck(SampleNotes.read(SampleNotes.AWS)))
        .filteredOn(q -> q.prompt().equals("What is Sqoop?"))
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.options())
                    .allMatch(
                        o -> Character.isUpperCase(o.charAt(0)) || Character.isDigit(o.charAt(0))));
    assertThat(deck(SampleNotes.read("/notes/glossary.txt")))
        .filteredOn(q -> q.prompt().startsWith("What does "))
        .isNotEmpty()
        .allSatisfy(q -> assertThat(q.options()).allMatch(o -> Character.isUpperCase(o.charAt(0))));
    // Sections that gather things ("Commands", "Ideas") or list names ("Atomicity") are not things
    // to name.
    assertThat(
            deck(
                """
                # Git essentials
                ## Commands
                - Git fetch downloads commits without merging them
                - Git status shows which files changed
                ## Ideas
                - A commit is identified by a hash of 40 characters
                - HEAD points at the commit that is checked out
                ## Transactions
                - Atomicity
                - Consistency
                """))
        .extracting(Question::prompt)
        .noneMatch(p -> p.startsWith("Which two of these are true of"));
  }

  @Test
  @DisplayName("a table column that counts things is asked 'how many', and its owner 'which has'")
  void countingColumns() {
    List<Question> questions =
        deck(
            """
                # Buildings

                | Building | Floors | Number of lifts | Height (m) |
                | --- | --- | --- | --- |
                | The Lyric | 3 | 3 | 14 |
                | The Forum | 12 | 4 | 48 |
                | The Arcade | 7 | 2 | 30 |
                | The Mill | 5 | 1 | 21 |
                | The Tower | 20 | 6 | 80 |
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .noneMatch(
            p ->
                p.contains("’s floors")
                    || p.contains("’s number of lifts")
                    || p.contains("floors is"))
        .anyMatch(p -> p.matches("How many (floors|lifts) does The [A-Z][a-z]+ have\\?"))
        .anyMatch(p -> p.matches("Which building has [0-9]+ (floors|lifts?)\\?"))
        .noneMatch(p -> p.contains("has 1 lifts"))
        .noneMatch(p -> p.startsWith("How many height"))
        // A heading's unit reads as one: "height, in m", never "height (m)".
        .noneMatch(p -> p.contains("(m)"))
        .anyMatch(
            p ->
                p.matches(
                    "What is The [A-Z][a-z]+’s height, in m\\?|Which building’s height is [0-9]+ m\\?"));
  }

  @Test
  @DisplayName(
      "a range's wrong options are never the key spelled another way, nor a range holding it")
  void rangeOptionsAreWrongRanges() {
    List<Question> questions =
        deck(
            """
                Building materials
                - Copper pipes are typically 1.50 to 10 metres long
                - Steel cables are usually 1.5 to 10 metres long
                - Timber rods are usually 1 to 20 metres long
                - Concrete beams are usually 2 to 8 metres long
                - Glass panes are usually 3 to 6 metres long
                - Bamboo poles are usually 4 to 12 metres long
                """);
    Question pipes =
        questions.stream()
            .filter(q -> q.prompt().contains("Copper pipes are typically _____"))
            .findFirst()
            .orElseThrow();
    assertThat(pipes.options()).hasSize(4);
    for (String option : pipes.options()) {
      if (option.equals(pipes.answer())) {
        continue;
      }
      String[] ends = option.split(" to ");
      double low = Double.parseDouble(ends[0]);
      double high = Double.parseDouble(ends[1]);
      assertThat(low <= 1.5 && high >= 10).as("%s holds or is the key's range", option).isFalse();
    }
  }

  @Test
  @DisplayName(
      "unusual cards import: a dotted capital I in a Q&A line, a number too long for a long")
  void unusualCards() {
    assertThat(
            deck(
                """
                Geography
                Q: What is İstanbul's old name? A: Constantinople
                Q: What was Ankara called? A: Angora
                Q: What is Izmir's old name? A: Smyrna
                """))
        .extracting(Question::answer)
        .contains("Constantinople");
    assertThat(
            deck(
                """
                Ports
                Port A :: 99999999999999999999
                Port B :: 22
                Port C :: 53
                """))
        .isNotNull();
  }

  @Test
  @DisplayName("a year the sentence looks back to bounds nothing; a gap in a table is no category")
  void yearsLookingBackAndTableGaps() {
    Question treaty =
        deck(
                """
                The Great War
                - The Treaty of Versailles was signed in 1919 and ended the war that had started in 1914.
                - The armistice was signed in 1918.
                - The Lusitania was sunk in 1915.
                """)
            .stream()
            .filter(q -> q.prompt().contains("signed in _____ and ended"))
            .findFirst()
            .orElseThrow();
    assertThat(treaty.options())
        .filteredOn(o -> !o.equals("1919"))
        .allMatch(o -> Integer.parseInt(o) > 1914);
    assertThat(
            deck(
                """
                # Elements

                | Element | Symbol | Group |
                | --- | --- | --- |
                | Hydrogen | H | - |
                | Helium | He | - |
                | Lithium | Li | 1 |
                | Sodium | Na | 1 |
                | Iron | Fe | 8 |
                """))
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("group -"));
  }

  @Test
  @DisplayName(
      "a common noun the notes write as \"a nucleus\" takes its article as a subject; a name does not")
  void articles() {
    assertThat(deck(SampleNotes.read("/notes/cell-biology.md")))
        .extracting(Question::prompt)
        .contains(
            "True or false? The nucleus is surrounded by a double membrane called the nuclear envelope.")
        .noneMatch(p -> p.startsWith("True or false? Nucleus"));
    assertThat(
            deck(
                """
                # Tools
                - Spark
                    - Runs jobs in memory across a cluster
                    - Jobs written for Spark can read HDFS files
                    - A spark of an idea starts each job
                """))
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("The spark "));
  }

  @Test
  @DisplayName(
      "a table's type column asks what type of thing a row is, or, with only three types, which row"
          + " is of one")
  void typeColumns() {
    List<Question> questions =
        deck(
            """
            # Animals

            | Animal | Class |
            | --- | --- |
            | Frog | amphibian |
            | Eagle | bird |
            | Salmon | fish |
            | Whale | mammal |
            | Newt | amphibian |
            """);
    assertThat(questions)
        .extracting(Question::prompt)
        .contains("What class of animal is Frog?")
        .noneMatch(p -> p.endsWith("’s class?"));
    // The planets have three types: "What type of planet is Earth?" would offer three.
    List<Question> planets = deck(SampleNotes.read("/notes/science-tables.md"));
    assertThat(planets).noneMatch(q -> q.prompt().startsWith("What type of planet is"));
    Question iceGiant =
        planets.stream()
            .filter(q -> q.prompt().equals("Which of these planets is an ice giant?"))
            .findFirst()
            .orElseThrow();
    assertThat(iceGiant.options()).hasSize(4).contains("Uranus").doesNotContain("Neptune");
    assertThat(iceGiant.answer()).isEqualTo("Uranus");
    assertThat(planets)
        .extracting(Question::prompt)
        .contains(
            "Which of these planets is terrestrial?", "Which of these planets is a gas giant?")
        .doesNotHaveDuplicates();
    // "fish" ends like an adjective but is a noun; a first column headed "Name" names no kind.
    String animals =
        """
        # Animals

        | Animal | Class |
        | --- | --- |
        | Frog | amphibian |
        | Newt | amphibian |
        | Salmon | fish |
        | Trout | fish |
        | Eagle | bird |
        | Owl | bird |
        """;
    assertThat(deck(animals))
        .extracting(Question::prompt)
        .contains(
            "Which of these animals is a fish?",
            "Which of these animals is an amphibian?",
            "Which of these animals is a bird?");
    assertThat(deck(animals.replace("| Animal |", "| Name |")))
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("names is"));
  }

  @Test
  @DisplayName(
      "classes listed under a heading say what they classify, and a section's part number is not shown")
  void classesNameTheirKind() {
    List<Question> questions =
        deck(
            """
                Amazon EMR
                Choosing EMR Instance Types - 2
                - General Purpose: T2, T3, M4, M5
                - Compute Optimized: C4, C5
                - Memory Optimized: R4, R5, X1, Z1d
                - Storage Optimized: H1, I3, D2
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .contains(
            "Which class of EMR instance types do T2, T3, M4 and M5 belong to?",
            "Which EMR instance types are classed as Compute Optimized?",
            "Match each class of EMR instance types with its members.")
        .noneMatch(p -> p.contains("How are") || p.equals("Match each class with its members."));
    assertThat(questions)
        .flatExtracting(Question::context)
        .contains("Choosing EMR Instance Types")
        .doesNotContain("Choosing EMR Instance Types - 2");
  }

  @Test
  @DisplayName(
      "a definition that says what a thing does is asked what it is used for, among other uses")
  void actionDefinitions() {
    List<Question> questions =
        deck(
            """
                Glossary
                - Ganglia: monitoring system for clusters
                - Sqoop: relational database connector
                - HCatalog: table and storage management for Hive metastore
                - Ranger: data security manager for Hadoop
                - Kinesis Connector: access Kinesis streams in your scripts
                - SageMaker Neo: deploy trained models to any edge device
                - SageMaker Search: search training runs by their metrics
                """);
    Question neo =
        questions.stream()
            .filter(q -> q.prompt().equals("What is SageMaker Neo used for?"))
            .findFirst()
            .orElseThrow();
    assertThat(neo.answer()).isEqualTo("To deploy trained models to any edge device");
    assertThat(neo.options()).allMatch(o -> o.startsWith("To "));
    Question hcatalog =
        questions.stream()
            .filter(q -> q.prompt().equals("What is HCatalog?"))
            .findFirst()
            .orElseThrow();
    assertThat(hcatalog.options())
        .as("a verb among noun phrases stands out as not the key")
        .noneMatch(o -> o.startsWith("Access") || o.startsWith("Deploy") || o.startsWith("Search"));
    assertThat(questions)
        .extracting(Question::prompt)
        .contains("Which of these is used to deploy trained models to any edge device?");
  }

  @Test
  @DisplayName(
      "a number chosen by a rule gets wrong values of its kind: powers of two, steps of a round number")
  void kindredNumbers() {
    List<Question> questions =
        deck(
            """
                Storage
                - The default block size of HDFS is 128 MB
                AWS Lambda
                - Max timeout can be set is 900 seconds
                """);
    Question block =
        questions.stream()
            .filter(q -> q.type() == QuestionType.MULTIPLE_CHOICE && q.answer().equals("128"))
            .findFirst()
            .orElseThrow();
    assertThat(block.options())
        .allMatch(o -> Long.bitCount(Long.parseLong(o.replace(",", ""))) == 1, "a power of two");
    Question timeout =
        questions.stream()
            .filter(q -> q.type() == QuestionType.MULTIPLE_CHOICE && q.answer().equals("900"))
            .findFirst()
            .orElseThrow();
    assertThat(timeout.options())
        .allMatch(o -> Long.parseLong(o.replace(",", "")) % 100 == 0, "in steps of a hundred")
        .doesNotContain("225", "450");
  }

  @Test
  @DisplayName(
      "a small measure gets its neighbours as wrong values, not half, double and one more that all point back to it")
  void smallMeasures() {
    for (long seed = 1; seed <= 10; seed++) {
      Question limit =
          DeckGenerator.generate(
                  NotesImporter.parse(
                      """
                      AWS Lambda
                      - Up to 6 MB in a function call
                      - Max timeout can be set is 900 seconds
                      """),
                  seed)
              .questions()
              .stream()
              .filter(q -> q.type() == QuestionType.MULTIPLE_CHOICE && q.answer().equals("6"))
              .findFirst()
              .orElseThrow();
      assertThat(limit.options())
          .as("seed %d", seed)
          .allMatch(o -> Math.abs(Long.parseLong(o) - 6) <= 3, "within three of 6")
          .doesNotContain("3", "12");
    }
  }

  @Test
  @DisplayName("a point with a remark of its own in brackets is not the subject of the next line")
  void remarksInBrackets() {
    List<Question> questions =
        deck(
            """
                AWS Lambda
                - Can use DynamoDB or S3 to store stateful data
                - Unlimited scalability (soft limit of 1000 concurrent)
                - Max timeout can be set is 900 seconds
                """);
    Question timeout =
        questions.stream().filter(q -> q.prompt().contains("timeout")).findFirst().orElseThrow();
    assertThat(timeout.context()).containsExactly("AWS Lambda");
  }

  @Test
  @DisplayName(
      "a blank the sentence calls one of several is not asked as a typed answer, and the warnings say why")
  void oneOfSeveral() {
    GeneratedDeck generated =
        DeckGenerator.generate(
            NotesImporter.parse(
                """
                # World History
                - The {{Code of Hammurabi}} is one of the oldest written legal codes.
                - Alexander the Great was tutored by ==Aristotle==.
                """),
            1L);
    assertThat(generated.questions())
        .filteredOn(q -> q.type() == QuestionType.TYPED)
        .extracting(Question::answer)
        .contains("Aristotle")
        .doesNotContain("Code of Hammurabi");
    assertThat(generated.warnings())
        .anyMatch(w -> w.line() == 2 && w.reason().contains("one of several"));
  }

  @Test
  @DisplayName("every option of a choose-two agrees in number with the thing it asks about")
  void optionsAgreeWithTheirSubject() {
    List<Question> chooseTwo =
        deck(
                """
                # Cell Biology
                ## Organelles
                - Nucleus
                  - Stores the genetic material of the cell
                  - Controls which genes are expressed
                  - Usually the largest organelle in the cell
                - Mitochondria
                  - Produce ATP through cellular respiration
                  - Have their own circular DNA
                  - Often called the powerhouse of the cell
                """)
            .stream()
            .filter(q -> q.type() == QuestionType.MULTIPLE_RESPONSE)
            .toList();
    Question mitochondria =
        chooseTwo.stream()
            .filter(q -> q.prompt().contains("true of mitochondria"))
            .findFirst()
            .orElseThrow();
    assertThat(mitochondria.options())
        .contains("Store the genetic material of the cell")
        .noneMatch(o -> o.startsWith("Stores") || o.startsWith("Has "));
    Question nucleus =
        chooseTwo.stream()
            .filter(q -> q.prompt().contains("true of the nucleus"))
            .findFirst()
            .orElseThrow();
    assertThat(nucleus.options())
        .contains("Produces ATP through cellular respiration")
        .noneMatch(o -> o.startsWith("Produce ") || o.startsWith("Have "));
  }

  @Test
  @DisplayName(
      "no option across the corpus is the only one, or one of a few, to end with a remark in brackets")
  void optionsAlikeInForm() {
    for (String resource : DeckQualityTest.corpus()) {
      for (Question q :
          DeckGenerator.generate(NotesImporter.parse(SampleNotes.read(resource)), 1L).questions()) {
        if (q.type() != QuestionType.MULTIPLE_CHOICE
            && q.type() != QuestionType.MULTIPLE_RESPONSE) {
          continue;
        }
        long remarks =
            q.options().stream().filter(o -> o.strip().matches(".* \\([^()]*\\)")).count();
        assertThat(remarks == 0 || remarks * 2 > q.options().size())
            .as("%s in %s: %s", q.prompt(), resource, q.options())
            .isTrue();
      }
    }
    assertThat(
            QuestionFactory.evenForm(
                List.of(
                    "Cron job (use time as trigger)",
                    "Long-running applications",
                    "Dynamic websites",
                    "Stateful applications")))
        .containsExactly(
            "Cron job", "Long-running applications", "Dynamic websites", "Stateful applications");
    // Most options with a remark: the remark is the options' form, kept.
    List<String> most = List.of("Pig (old)", "MapReduce (old)", "Tez (new)", "Spark");
    assertThat(QuestionFactory.evenForm(most)).isEqualTo(most);
    // "Kinesis" twice once the remarks are gone: kept as written.
    List<String> twice = List.of("Kinesis (streams)", "Kinesis", "S3", "SQS");
    assertThat(QuestionFactory.evenForm(twice)).isEqualTo(twice);
    // A letter in brackets is the option's own text.
    List<String> letters = List.of("Both (a) and (b)", "Neither", "Only one", "All of them");
    assertThat(QuestionFactory.evenForm(letters)).isEqualTo(letters);
  }

  @Test
  @DisplayName(
      "glossary terms whose definitions name different kinds of thing are asked what they do, so the"
          + " noun gives no key away")
  void askedWhatItDoes() {
    List<Question> glossary = deck(SampleNotes.read("/notes/glossary.txt"));
    Question dhcp =
        glossary.stream()
            .filter(q -> q.prompt().equals("What does DHCP do?"))
            .findFirst()
            .orElseThrow();
    assertThat(dhcp.options().get(dhcp.correct())).isEqualTo("Assigns IP addresses automatically");
    assertThat(dhcp.options())
        .hasSize(4)
        .noneMatch(o -> o.startsWith("A ") || o.startsWith("The ") || o.startsWith("An "))
        .contains("Translates domain names into IP addresses");
    assertThat(glossary).anyMatch(q -> q.prompt().equals("What does a switch do?"));
    // Definitions that all name one kind of thing keep their nouns: the noun tells nothing apart.
    assertThat(
            deck(
                """
                Shapes
                Square: a shape that has four equal sides
                Triangle: a shape that has three sides
                Pentagon: a shape that has five sides
                Hexagon: a shape that has six sides
                """))
        .noneMatch(q -> q.prompt().endsWith(" do?"));
  }

  @Test
  @DisplayName(
      "a choose-two never offers a line that names the other thing by a word made from its name")
  void noOptionNamesTheOtherSide() {
    List<Question> chooseTwo =
        deck(
                """
                # Cell Biology
                ## Organelles
                - Nucleus
                  - Stores the genetic material of the cell
                  - Surrounded by a double membrane called the nuclear envelope
                  - Controls which genes are expressed
                - Mitochondria
                  - Produce ATP through cellular respiration
                  - Have their own circular DNA
                - Ribosomes
                  - Build proteins from amino acids
                  - Found free in the cytoplasm
                """)
            .stream()
            .filter(q -> q.type() == QuestionType.MULTIPLE_RESPONSE)
            .toList();
    assertThat(chooseTwo)
        .anySatisfy(q -> assertThat(q.prompt()).contains("true of mitochondria"))
        .allSatisfy(q -> assertThat(q.options()).noneMatch(o -> o.contains("nuclear")));
    // "Protects organs" is not a word made from "Protein": the line is offered.
    assertThat(
            deck(
                """
                # Nutrients
                ## Macronutrients
                - Protein
                  - Builds and repairs muscle
                  - Made of amino acids
                  - Found in meat and beans
                - Lipid
                  - Protects organs and insulates the body
                  - Stores energy for the long term
                  - Made of fatty acids and glycerol
                """))
        .filteredOn(q -> q.prompt().startsWith("Which two of these are true of the protein"))
        .singleElement()
        .satisfies(q -> assertThat(q.options()).contains("Protects organs and insulates the body"));
  }

  @Test
  @DisplayName(
      "a sentence under a named point that does not name it (\"The DNA is copied\" under S phase) is"
          + " not stated alone")
  void sentencesThatLeaveTheirPointOut() {
    GeneratedDeck generated =
        DeckGenerator.generate(
            NotesImporter.parse(
                """
                # Cell Biology
                ## The cell cycle
                - G1 phase
                  - The cell grows and makes proteins
                - S phase
                  - The DNA is copied
                - G2 phase
                  - The cell prepares to divide
                - M phase
                  - The nucleus and cytoplasm divide
                """),
            1L);
    assertThat(generated.questions())
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("The DNA is copied") || p.contains("The cell grows"));
    // The lines are still asked, each beside the phase it belongs to.
    assertThat(generated.questions())
        .filteredOn(q -> q.type() == QuestionType.MATCHING)
        .singleElement()
        .satisfies(q -> assertThat(q.matches()).contains("The DNA is copied"));
    // Under a lead-in ("Key facts"), not a name among names, a sentence stands alone.
    assertThat(
            deck(
                """
                # Heart
                - Key facts
                  - The heart has four chambers.
                  - The aorta is the largest artery in the body.
                """))
        .anyMatch(q -> q.prompt().contains("The heart has four chambers"));
  }

  @Test
  @DisplayName("a matching under a heading that names a kind says what is matched")
  void matchingNamesWhatIsMatched() {
    String organelles =
        """
        # Cell Biology
        ## Organelles
        - Nucleus
          - Stores the genetic material of the cell
        - Mitochondria
          - Produce ATP through cellular respiration
        - Ribosomes
          - Build proteins from amino acids
        - Golgi apparatus
          - Packages and ships proteins
        """;
    assertThat(deck(organelles))
        .filteredOn(q -> q.type() == QuestionType.MATCHING)
        .singleElement()
        .satisfies(
            q -> assertThat(q.prompt()).isEqualTo("Match each organelle with its description."));
    // "The cell cycle" names no kind of thing: the prompt does not make one up.
    assertThat(
            deck(
                """
                # Cell Biology
                ## The cell cycle
                - G1 phase
                  - The cell grows and makes proteins
                - S phase
                  - The DNA is copied
                - G2 phase
                  - The cell prepares to divide
                - M phase
                  - The nucleus and cytoplasm divide
                """))
        .filteredOn(q -> q.type() == QuestionType.MATCHING)
        .singleElement()
        .satisfies(
            q -> assertThat(q.prompt()).isEqualTo("Match each of these with its description."));
    assertThat(MatchingQuestions.oneOf("Processes")).isEqualTo("process");
    assertThat(MatchingQuestions.oneOf("Enzymes")).isEqualTo("enzyme");
    // "Viruses" or "Phases": the singular cannot be told from the word, so the prompt names none.
    assertThat(MatchingQuestions.oneOf("Viruses")).isNull();
    assertThat(MatchingQuestions.oneOf("Types of nodes")).isNull();
  }

  @Test
  @DisplayName("a list headed by its topic's name and a kind is stated as the kind of the topic")
  void kindOfTheTopic() {
    assertThat(
            deck(
                """
                Spark
                - Runs jobs in memory across the whole cluster
                Spark Components
                - Spark Streaming
                - Spark SQL
                - MLLib
                - GraphX
                Hive
                - Runs SQL code on data in Hadoop
                """))
        .extracting(Question::prompt)
        .anyMatch(
            p ->
                p.startsWith("True or false? ")
                    && p.endsWith(" is one of the components of Spark."))
        .noneMatch(p -> p.contains("the Spark Components"));
  }

  @Test
  @DisplayName("a size the notes give in Mb is asked in MB, and a rate keeps its bits")
  void sizesInBytes() {
    assertThat(Prompts.sizeUnit("Mb", "Data block (chunk) size is 128 Mb")).isEqualTo("MB");
    assertThat(Prompts.sizeUnit("Mb", "Uplink of 100 Mb per second")).isEqualTo("Mb");
    assertThat(Prompts.sizeUnit("GB", "Soft limit up to 100 GB training data")).isEqualTo("GB");
    List<Question> questions =
        deck(
            """
                Amazon EMR
                EMR Storage
                - HDFS is distributed across the cluster
                - Data block (chunk) size is 128 Mb
                - Stored on the core nodes
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .anyMatch(p -> p.endsWith(", in MB?"))
        .noneMatch(p -> p.contains("in Mb"));
  }

  @Test
  @DisplayName("notes titled with a field name the field of their lists in a true or false")
  void fieldOfTheNotes() {
    assertThat(deck(SampleNotes.read("/notes/mixed.md")))
        .extracting(Question::prompt)
        .anyMatch(p -> p.matches("True or false\\? .+ is one of the database index types\\."))
        .noneMatch(p -> p.endsWith(" is one of the index types."));
  }

  @Test
  @DisplayName("no typed blank for a name that only qualifies a word as general as data")
  void blanksThatQualifyData() {
    assertThat(StatementQuestions.modifiesAGeneralWord(" data is organized")).isTrue();
    assertThat(StatementQuestions.modifiesAGeneralWord(" metastore into Glue")).isFalse();
    assertThat(sample())
        .filteredOn(q -> q.type() == QuestionType.TYPED)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("_____ data"));
  }

  @Test
  @DisplayName(
      "a name with its abbreviation in brackets is still the subject of the lines under it")
  void abbreviationInBrackets() {
    List<Question> questions =
        deck(
            """
                AWS Compute
                - Elastic Compute Cloud (EC2)
                  - Provides resizable virtual servers in the cloud
                - Amazon Simple Storage Service (S3)
                  - Stores objects in buckets
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .anyMatch(p -> p.contains("Elastic Compute Cloud provides resizable virtual servers"))
        .anyMatch(p -> p.contains("Amazon Simple Storage Service stores objects in buckets"));
  }

  @Test
  @DisplayName(
      "only a definition led by a verb is a use; a noun phrase that starts like one is not")
  void usesAreVerbLed() {
    assertThat(DefinitionQuestions.isAction("deploy trained models to any edge")).isTrue();
    assertThat(DefinitionQuestions.isAction("access Kinesis streams in your scripts")).isTrue();
    assertThat(DefinitionQuestions.isAction("package manager for Node.js")).isFalse();
    assertThat(DefinitionQuestions.isAction("build automation tool for the JVM")).isFalse();
    assertThat(DefinitionQuestions.isAction("process of turning source into machine code"))
        .isFalse();
    assertThat(DefinitionQuestions.isAction("load balancer in front of the web servers")).isFalse();
    List<Question> questions =
        deck(
            """
                Tools
                - npm: package manager for Node.js
                - Gradle: build automation tool for the JVM
                - Compilation: process of turning source into machine code
                """);
    assertThat(questions)
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("used for") || p.contains("used to"));
  }

  @Test
  @DisplayName(
      "whether a group is one or many is read from its own lines, not from its name's ending")
  void numberFromTheLines() {
    assertThat(
            GroupComparisons.plural(
                "Cassandra", List.of("Stores rows across many nodes", "Has tunable consistency")))
        .isFalse();
    assertThat(GroupComparisons.plural("Kubernetes", List.of("Schedules containers onto nodes")))
        .isFalse();
    assertThat(GroupComparisons.plural("Mars", List.of("Fourth planet from the Sun"))).isFalse();
    assertThat(
            GroupComparisons.plural(
                "Mitochondria", List.of("Produce ATP through respiration", "Have their own DNA")))
        .isTrue();
    assertThat(GroupComparisons.plural("Prokaryotic cells", List.of("No nucleus"))).isTrue();
    assertThat(GroupComparisons.agreeing("Control center of the cell", false))
        .isEqualTo("Control center of the cell");
    assertThat(GroupComparisons.agreeing("Produce ATP through respiration", false))
        .isEqualTo("Produces ATP through respiration");
  }

  @Test
  @DisplayName(
      "a heading names a kind of things only as a plural common noun, names kept as written")
  void kindsFromHeadings() {
    java.util.function.Predicate<String> names = w -> w.equals("Amazon") || w.equals("Web");
    assertThat(Prompts.kindOfThings("Choosing EMR Instance Types - 2", w -> false))
        .isEqualTo("EMR instance types");
    assertThat(Prompts.kindOfThings("Amazon Storage Classes", names))
        .isEqualTo("Amazon storage classes");
    assertThat(
            Prompts.kindOfThings(
                "Amazon Web Services", w -> Set.of("Amazon", "Web", "Services").contains(w)))
        .isNull();
    assertThat(Prompts.kindOfThings("Data Analysis", w -> false)).isNull();
    assertThat(Prompts.kindOfThings("Cloud Basics", w -> false)).isNull();
    assertThat(Prompts.kindOfThings("Membrane Status", w -> false)).isNull();
    assertThat(Prompts.kindOfThings("Types of Cells", w -> false)).isNull();
  }

  @Test
  @DisplayName("a heading loses only the number of its part, never a number of its name")
  void partMarks() {
    assertThat(Prompts.withoutPartMark("Choosing EMR Instance Types - 2"))
        .isEqualTo("Choosing EMR Instance Types");
    assertThat(Prompts.withoutPartMark("Storage (2)")).isEqualTo("Storage");
    assertThat(Prompts.withoutPartMark("Storage (cont.)")).isEqualTo("Storage");
    assertThat(Prompts.withoutPartMark("Storage Part 2")).isEqualTo("Storage");
    assertThat(Prompts.withoutPartMark("Storage (2 of 3)")).isEqualTo("Storage");
    assertThat(Prompts.withoutPartMark("World War II")).isEqualTo("World War II");
    assertThat(Prompts.withoutPartMark("Python 3")).isEqualTo("Python 3");
    assertThat(Prompts.withoutPartMark("Windows 10")).isEqualTo("Windows 10");
    assertThat(Prompts.withoutPartMark("Part 2")).isEqualTo("Part 2");
  }

  @Test
  @DisplayName("a list's lead is a kind of its subject only when the rest of it names things")
  void componentsOnlyOfThings() {
    assertThat(
            deck(
                """
                Spark
                - Runs jobs in memory across the whole cluster
                Spark Streaming
                - DStreams
                - Structured Streaming
                - Receivers
                Hive
                - Runs SQL code on data in Hadoop
                """))
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("one of the DStreams"))
        .noneMatch(p -> p.contains("the streaming of Spark"));
  }

  @Test
  @DisplayName("notes titled with a field say whose kinds their lists are, in the right number")
  void fieldSingular() {
    assertThat(ListQuestions.singularNoun("Technologies")).isEqualTo("technology");
    assertThat(ListQuestions.singularNoun("Databases")).isEqualTo("database");
    assertThat(ListQuestions.singularNoun("Processes")).isEqualTo("process");
    assertThat(
            deck(
                """
                # Diabetes
                ## Types
                - Type 1
                - Type 2
                - Gestational
                """))
        .extracting(Question::prompt)
        .anyMatch(p -> p.endsWith(" is one of the types of Diabetes."))
        .noneMatch(p -> p.contains("diabete "));
  }

  @Test
  @DisplayName(
      "a size is asked in MB only when the size word is near its number, and a rate keeps bits")
  void sizeWordNearTheNumber() {
    assertThat(Prompts.sizeUnit("Mb", "Block size is 128 Mb, uplink 100 Mb per second", 14, 17))
        .isEqualTo("MB");
    assertThat(Prompts.sizeUnit("Mb", "Block size is 128 Mb, uplink 100 Mb per second", 29, 32))
        .isEqualTo("Mb");
    String far = "Uplink of 100 Mb on the management network, kept apart from the storage network";
    assertThat(Prompts.sizeUnit("Mb", far, 10, 13)).isEqualTo("Mb");
  }

  @Test
  @DisplayName("a topic the notes rule out for what the fact says is offered as a wrong option")
  void ruledOutTopicsAsDistractors() {
    Question gpu =
        sample().stream()
            .filter(q -> q.prompt().equals("Which of these can do GPU accelerated deep learning?"))
            .findFirst()
            .orElseThrow();
    assertThat(gpu.options().get(gpu.correct())).isEqualTo("Amazon SageMaker");
    assertThat(gpu.options()).contains("Amazon ML");
  }

  @Test
  @DisplayName(
      "a definition's wrong options define the same kind of thing when the notes have them")
  void definitionsOfTheKeysKind() {
    Question catalyst =
        deck(SampleNotes.read("/notes/chemistry-glossary.md")).stream()
            .filter(q -> q.prompt().equals("What does “Catalyst” mean?"))
            .findFirst()
            .orElseThrow();
    String key = catalyst.options().get(catalyst.correct());
    assertThat(key).startsWith("A substance that");
    assertThat(catalyst.options())
        .filteredOn(o -> !o.equals(key))
        .filteredOn(o -> o.matches("(A|The) substance .*"))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName(
      "an anti-pattern asks which topic is a poor fit for it, beside topics the notes say do it")
  void poorFitFromAntiPatterns() {
    Question streaming =
        sample().stream()
            .filter(q -> q.prompt().equals("Which of these is a poor fit for streaming data?"))
            .findFirst()
            .orElseThrow();
    assertThat(streaming.kind()).isEqualTo(ScenarioQuestions.SCENARIO);
    assertThat(streaming.options().get(streaming.correct())).isEqualTo("AWS Glue");
    // Spark's notes say "Stream processing through Spark Streaming"; Hive's and Presto's say
    // nothing of streams, so they might be as poor a fit and are never offered as wrong.
    assertThat(streaming.options()).contains("Spark").doesNotContain("Hive", "Presto", "HBase");
    // "Kinesis Connector (access Kinesis streams in your scripts)" sits under S3DistCP's heading
    // but describes the connector: S3DistCP, a copy tool, is as poor a fit as Glue.
    for (long seed = 1; seed <= 8; seed++) {
      assertThat(
              DeckGenerator.generate(SampleNotes.aws(), seed).questions().stream()
                  .filter(q -> q.prompt().equals(streaming.prompt()))
                  .flatMap(q -> q.options().stream()))
          .as("seed %d", seed)
          .doesNotContain("S3DistCP");
    }
    assertThat(streaming.context()).doesNotContain("AWS Glue");
  }

  @Test
  @DisplayName("an anti-pattern no other topic is said to do is not asked as a poor fit")
  void poorFitNeedsTopicsThatDoIt() {
    String notes =
        """
        # Data tools

        ## Streamer
        - Handles streaming events from sensors
        - Scales to thousands of producers

        ## Batcher
        - Runs nightly batch jobs
        - Writes reports to storage

        ### Anti-patterns
        - Streaming events
        - Interactive dashboards

        ## Indexer
        - Indexes streaming events for search
        - Keeps an index per day

        ## Archiver
        - Keeps old files cheaply
        - Compresses files after a week
        """;
    // Two topics that stream events leave three options: not asked.
    assertThat(deck(notes)).noneMatch(q -> q.prompt().contains("poor fit"));
    // In the sample notes, Flume, Spark and AWS Lambda each say they process streams.
    assertThat(sample())
        .filteredOn(q -> q.prompt().equals("Which of these is a poor fit for streaming data?"))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.options().get(q.correct())).isEqualTo("AWS Glue");
              assertThat(q.options()).containsOnly("AWS Glue", "Flume", "Spark", "AWS Lambda");
            });
  }

  @Test
  @DisplayName(
      "a line that opens with a verb's -es form is asked as what a topic does, not as \"a compresses"
          + " files\"")
  void sibilantVerbsAskWhatATopicDoes() {
    String notes =
        """
        # Data tools

        ## Batcher
        - Runs nightly batch jobs
        - Writes reports to storage

        ## Archiver
        - Keeps old files cheaply
        - Compresses files after a week

        ## Indexer
        - Keeps an index per day
        - Classes of documents are kept apart
        """;
    List<String> prompts = deck(notes).stream().map(Question::prompt).toList();
    assertThat(prompts).contains("Which of these compresses files after a week?");
    assertThat(prompts)
        .noneMatch(p -> p.contains("is a compresses") || p.startsWith("Which of these classes of"));
  }

  @Test
  @DisplayName(
      "a table's category column asks which row shares another's category, the wrong rows in others")
  void sameCategoryAsAnotherRow() {
    String notes =
        """
        # Metals and gases

        | Element | Symbol | Group |
        | --- | --- | --- |
        | Lithium | Li | 1 |
        | Sodium | Na | 1 |
        | Potassium | K | 1 |
        | Fluorine | F | 17 |
        | Chlorine | Cl | 17 |
        | Neon | Ne | 18 |
        | Argon | Ar | 18 |
        """;
    Map<String, String> group =
        Map.of(
            "Lithium",
            "1",
            "Sodium",
            "1",
            "Potassium",
            "1",
            "Fluorine",
            "17",
            "Chlorine",
            "17",
            "Neon",
            "18",
            "Argon",
            "18");
    List<Question> same =
        deck(notes).stream().filter(q -> q.prompt().contains("in the same group as")).toList();
    assertThat(same).isNotEmpty();
    for (Question q : same) {
      String anchor = q.prompt().replaceAll(".* as (\\w+)\\?$", "$1");
      assertThat(q.prompt()).startsWith("Which of these elements is in the same group as ");
      assertThat(group.get(q.options().get(q.correct()))).isEqualTo(group.get(anchor));
      assertThat(q.options()).doesNotContain(anchor).hasSize(4);
      for (int i = 0; i < q.options().size(); i++) {
        if (i != q.correct()) {
          assertThat(group.get(q.options().get(i))).isNotEqualTo(group.get(anchor));
        }
      }
    }
  }

  @Test
  @DisplayName(
      "a table naming one thing twice never asks which is in the same group as itself, and still"
          + " asks about the other rows")
  void sameCategoryNotAgainstItself() {
    String table =
        """
        # Metals and gases

        | Element | Symbol | Group |
        | --- | --- | --- |
        | Sodium | Na | 1 |
        | Sodium | Na | 1 |
        | Fluorine | F | 17 |
        | Neon | Ne | 18 |
        | Calcium | Ca | 2 |
        """;
    // Only the row named twice has a partner in its group: nothing to ask.
    assertThat(deck(table)).noneMatch(q -> q.prompt().contains("the same group as"));
    // With Potassium and Lithium, group 1 has partners: the row written twice is one row, so no
    // option is the element the question names, and Sodium is offered once at most.
    List<Question> same =
        deck(table + "| Potassium | K | 1 |\n| Lithium | Li | 1 |\n").stream()
            .filter(q -> q.prompt().contains("the same group as"))
            .toList();
    assertThat(same).isNotEmpty();
    for (Question q : same) {
      String anchor = q.prompt().replaceAll(".* as (\\w+)\\?$", "$1");
      assertThat(q.options()).as(q.prompt()).doesNotContain(anchor);
      assertThat(q.options().stream().filter("Sodium"::equals).count()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "a round never holds a \"same group as\" question beside a choose two over its table")
  void sameCategoryAndChooseTwoApart() {
    GeneratedDeck tables =
        DeckGenerator.generate(
            NotesImporter.parse(SampleNotes.read("/notes/science-tables.md")), 5L);
    int withSame = 0;
    int withTwo = 0;
    for (long seed = 1; seed <= 30; seed++) {
      List<Question> round = RoundAssembler.assemble(tables.questions(), 20, Set.of(), seed);
      for (String table : List.of("Elements", "Planets")) {
        boolean same =
            round.stream()
                .anyMatch(q -> q.topic().equals(table) && q.prompt().contains(" the same "));
        boolean two =
            round.stream()
                .anyMatch(
                    q -> q.topic().equals(table) && q.type() == QuestionType.MULTIPLE_RESPONSE);
        assertThat(same && two).as("round %d, %s", seed, table).isFalse();
        withSame += same ? 1 : 0;
        withTwo += two ? 1 : 0;
      }
    }
    assertThat(withSame).isPositive();
    assertThat(withTwo).isPositive();
  }

  @Test
  @DisplayName(
      "a heading's word that the lines write in lower case is a common noun in a prompt: 'the cluster types'")
  void headingWordsTheLinesWriteInLowerCase() {
    // "EMR Cluster" capitalises "Cluster" in a heading, but the lines say "Long-running cluster".
    assertThat(sample())
        .extracting(Question::prompt)
        .noneMatch(p -> p.contains("the Cluster types"))
        .anyMatch(p -> p.contains("the cluster types of Amazon EMR"));
  }

  @Test
  @DisplayName(
      "a participle that qualifies a noun makes a thing of the line: 'Elastic MapReduce is a managed Hadoop framework'")
  void participleBeforeANoun() {
    assertThat(Prompts.fuse("Elastic MapReduce: Managed Hadoop framework on EC2 instances"))
        .isEqualTo("Elastic MapReduce is a managed Hadoop framework on EC2 instances");
    assertThat(Prompts.fuse("Metastore: Stored in MySQL on the master node"))
        .isEqualTo("Metastore is stored in MySQL on the master node");
    assertThat(Prompts.fuse("Membrane: Composed of lipids"))
        .isEqualTo("Membrane is composed of lipids");
    // A participle before an adverb or a preposition is the verb: "is stored redundantly".
    assertThat(Prompts.fuse("S3: Stored redundantly across three AZs"))
        .isEqualTo("S3 is stored redundantly across three AZs");
    assertThat(Prompts.fuse("Ribosome: Located near the nucleus"))
        .isEqualTo("Ribosome is located near the nucleus");
    assertThat(Prompts.fuse("EMR: Managed Hadoop clusters (EC2)"))
        .isEqualTo("EMR: Managed Hadoop clusters (EC2)");
    assertThat(Prompts.fuse("Lambda: Managed without a server"))
        .isEqualTo("Lambda is managed without a server");
    assertThat(Prompts.fuse("Hive: Designed around the batch engine"))
        .isEqualTo("Hive is designed around the batch engine");
    // One thing or many, "managed fleets of servers" could only be joined by guessing.
    assertThat(Prompts.fuse("Spot: Managed fleets of servers"))
        .isEqualTo("Spot: Managed fleets of servers");
  }

  @Test
  @DisplayName(
      "a line that says how a thing works is asked what does it, not what it is used for: 'operates largely in memory'")
  void verbThatSaysHow() {
    assertThat(TopicQuestions.prompt("Operate largely in memory across the entire cluster"))
        .isEqualTo("Which of these operates largely in memory across the entire cluster?");
    assertThat(TopicQuestions.prompt("Copy data between buckets"))
        .isEqualTo("Which of these is used to copy data between buckets?");
  }

  @Test
  @DisplayName(
      "a list's member that is a kind of thing takes its article in a statement: 'A transient cluster is one of …'")
  void memberWithItsArticle() {
    List<String> claims =
        deck(
                """
                Amazon EMR
                - Managed Hadoop framework on EC2 instances
                - Can provision or shut down clusters directly
                EMR Usage
                - Cluster types
                - Transient cluster
                - Long-running cluster
                - Connect directly to the master node to run jobs
                """)
            .stream()
            .filter(q -> q.type() == QuestionType.TRUE_FALSE)
            .map(Question::prompt)
            .filter(p -> p.contains("one of the cluster types"))
            .toList();
    assertThat(claims)
        .isNotEmpty()
        .allMatch(
            p ->
                p.startsWith("True or false? A transient cluster ")
                    || p.startsWith("True or false? A long-running cluster "));
  }

  @Test
  @DisplayName(
      "'a' or 'an' goes by the sound: an HTTP server, an OLAP engine, a unified engine, a one-stop shop, an hour")
  void articlesBySound() {
    Map<String, String> expected =
        Map.of(
            "unified",
            "a",
            "user",
            "a",
            "European",
            "a",
            "one-stop",
            "a",
            "OLAP",
            "an",
            "ETL",
            "an",
            "HTTP",
            "an",
            "hour-based",
            "an",
            "accelerator",
            "an",
            "NoSQL",
            "a");
    expected = new java.util.HashMap<>(expected);
    expected.putAll(
        Map.of(
            "HTTP-based",
            "an",
            "S3-compatible",
            "an",
            "8GB",
            "an",
            "11-node",
            "an",
            "10",
            "a",
            "X",
            "an",
            "U",
            "a"));
    expected.forEach(
        (word, article) ->
            assertThat(DefinitionQuestions.article(word)).as(word).isEqualTo(article));
  }

  @Test
  @DisplayName(
      "a mass noun takes no article ('Standard storage is one of …'), and 'There is' is no part of a topic")
  void noArticleForAMassNounNorAPartForThere() {
    List<String> prompts =
        deck(
                """
                Amazon S3
                - Object storage service
                - Keeps objects in buckets
                Storage classes
                - Standard storage
                - Cold storage
                - Archive storage
                Hive
                - Metastore is stored in MySQL on the master node
                - There is a web console for queries
                Presto
                - Connects to many stores at once
                - Workers keep data there for a day
                - You can import a Hive metastore into Glue
                """)
            .stream()
            .map(Question::prompt)
            .toList();
    assertThat(prompts)
        .anyMatch(p -> p.matches("True or false\\? (Standard|Cold|Archive) storage is one of .*"))
        .anyMatch(p -> p.startsWith("True or false? In Hive, the metastore is stored in MySQL"))
        .noneMatch(p -> p.matches("(?i).*\\ban? (standard|cold|archive) storage.*"))
        .noneMatch(p -> p.contains("the there"));
  }

  @Test
  @DisplayName(
      "an activity is one lower-case word in -ing that names no thing: monitoring, not string or Beijing")
  void activities() {
    assertThat(DefinitionQuestions.activity("monitoring")).isTrue();
    assertThat(DefinitionQuestions.activity("caching")).isTrue();
    assertThat(DefinitionQuestions.activity("string")).isFalse();
    assertThat(DefinitionQuestions.activity("Beijing")).isFalse();
    assertThat(DefinitionQuestions.activity("building")).isFalse();
  }

  @Test
  @DisplayName(
      "neighbours are wrong values for a small measure, not for a power of two (8 GB keeps 4 and 16)")
  void neighboursNotForPowersOfTwo() {
    assertThat(NumberMention.find("Up to 6 MB in a function call").get(0).neighbourVariants())
        .contains("5", "7");
    assertThat(NumberMention.find("Up to 8 GB per file").get(0).neighbourVariants()).isEmpty();
    assertThat(NumberMention.find("Meiosis produces 4 gametes").get(0).neighbourVariants())
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a line pasted twice is one fact, asked once and reported, and two table rows naming one"
          + " thing with other values are left out")
  void repeatedLinesAskedOnce() {
    String notes =
        """
        # Organelles

        ## Nucleus
        - Stores the genetic material of the cell
        - Stores the genetic material of the cell
        - Surrounded by a double membrane

        ## Ribosome
        - Builds proteins from amino acids

        ## Mitochondrion
        - Produces ATP through cellular respiration
        - Has its own circular DNA

        ## Golgi apparatus
        - Packages and ships proteins

        # Elements

        | Element | Symbol | Group |
        | --- | --- | --- |
        | Sodium | Na | 1 |
        | Fluorine | F | 17 |
        | Neon | Ne | 18 |
        | Calcium | Ca | 2 |
        | Sodium | S | 16 |
        | Neon | Ne | 18 |
        | Potassium | K | 1 |
        | Argon | Ar | 18 |
        """;
    GeneratedDeck deck = DeckGenerator.generate(NotesImporter.parse(notes), 1L, true);
    assertThat(deck.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.line()).isEqualTo(5);
              assertThat(w.reason()).contains("repeats line 4");
            })
        .anySatisfy(
            w -> {
              assertThat(w.line()).isEqualTo(26);
              assertThat(w.reason()).contains("row on line 22");
            })
        .anySatisfy(
            w -> {
              assertThat(w.line()).isEqualTo(27);
              assertThat(w.reason()).contains("word for word");
            });
    // Which symbol Sodium has the notes leave open: neither row is asked or offered.
    assertThat(deck.questions())
        .noneMatch(
            q ->
                List.of(5, 22, 26, 27).contains(q.source().line())
                    || q.options().contains("Sodium"));
    assertThat(deck.questions()).anyMatch(q -> q.source().line() == 4);
    assertThat(deck.questions()).anyMatch(q -> q.source().line() == 24);
    // Units whose names differ only in case are different rows.
    String units =
        """
        # Units

        | Unit | Bytes |
        | --- | --- |
        | KB | 1000 |
        | Kb | 125 |
        | MB | 1000000 |
        | GB | 1000000000 |
        | TB | 1000000000000 |
        | PB | 1000000000000000 |
        """;
    // (Not strict: options "KB" and "Kb" read the same to a player typing, so some are left out.)
    GeneratedDeck unitDeck = DeckGenerator.generate(NotesImporter.parse(units), 1L);
    assertThat(unitDeck.warnings()).noneMatch(w -> w.reason().contains("neither is asked"));
    assertThat(unitDeck.questions()).anyMatch(q -> q.source().line() == 6);
    // A first column of categories names no row: its repeats stay.
    String timetable =
        """
        # Timetable

        | Day | Subject | Room |
        | --- | --- | --- |
        | Monday | Mathematics | 101 |
        | Monday | Physics | 204 |
        | Tuesday | Chemistry | 105 |
        | Tuesday | Biology | 110 |
        | Wednesday | History | 301 |
        """;
    // (Not strict: questions naming the same day twice are left out as malformed.)
    GeneratedDeck days = DeckGenerator.generate(NotesImporter.parse(timetable), 1L);
    assertThat(days.warnings()).noneMatch(w -> w.reason().contains("neither is asked"));
    // Monday's subject has two right answers: only the day of a subject is asked.
    assertThat(days.questions()).noneMatch(q -> q.prompt().contains("Monday’s"));
    assertThat(days.questions()).anyMatch(q -> q.prompt().contains("Wednesday"));
  }

  @Test
  @DisplayName(
      "a cell of words in a column of numbers is neither asked nor offered, and a number's wrong"
          + " answers are numbers")
  void numbersAmongNumbers() {
    String table =
        """
        # Elements

        | Element | Atomic number | Group |
        | --- | --- | --- |
        | Hydrogen | 1 | 1 |
        | Carbon | 6 | 14 |
        | Oxygen | about 8 | 16 |
        | Sodium | 11 | 1 |
        | Iron | 26 | 8 |
        | Gold | 79 | 11 |
        """;
    List<Question> questions =
        DeckGenerator.generate(NotesImporter.parse(table), 1L, true).questions();
    assertThat(questions).noneMatch(q -> q.options().contains("about 8"));
    assertThat(questions).noneMatch(q -> q.prompt().contains("about 8"));
    assertThat(questions)
        .anyMatch(q -> q.prompt().contains("atomic number") && q.options().contains("26"));
    String cram =
        """
        Networking cram sheet

        Q: Which port does HTTPS use by default? A: 443
        Q: Which port does SSH use by default? A: 22
        Q: Which port does DNS use by default? A: 53
        Q: Which share of packets may a link lose? A: 100%
        Q: What does DHCP hand out to clients? A: IP addresses
        """;
    List<Question> ports =
        DeckGenerator.generate(NotesImporter.parse(cram), 1L, true).questions().stream()
            .filter(q -> q.prompt().startsWith("Which port") && !q.options().isEmpty())
            .toList();
    assertThat(ports).isNotEmpty();
    assertThat(ports).allSatisfy(q -> assertThat(q.options()).allMatch(o -> o.matches("\\d+")));
  }

  @Test
  @DisplayName(
      "a limit under a heading joining two things is asked of the one used with the other, not"
          + " \"for Kinesis Data Streams + Lambda\"")
  void joinedHeadingAsSubject() {
    List<Question> questions =
        sample().stream().filter(q -> q.source().text().contains("records in a batch")).toList();
    assertThat(questions)
        .extracting(Question::prompt)
        .contains(
            "What is the maximum number of records in a batch when Kinesis Data Streams is used"
                + " with Lambda?");
    assertThat(sample()).noneMatch(q -> q.prompt().contains(" + "));
  }

  @Test
  @DisplayName("a description far longer than every wrong option is not offered as the key")
  void longestOptionIsNoGiveAway() {
    // Splunk's notes open with "Operational tool used to visualize EMR and S3 data using your EMR
    // Hadoop cluster"; the other topics' kinds are a few words ("Notebook", "Distributed
    // processing system").
    List<Question> deck = DeckGenerator.generate(SampleNotes.aws(), 1L, true).questions();
    assertThat(deck).noneMatch(q -> q.prompt().equals("What is Splunk?"));
    assertThat(deck).anyMatch(q -> q.prompt().equals("What is Zeppelin?"));
  }
}
