package org.quizhall.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * topic_of: which topic a fact is true of ("Max timeout is 900 seconds": AWS Lambda). Only
 * top-level topics are asked and offered, so options are peers (services with services), never
 * parts of the notes' layout such as "EMR Storage" against "EMR Cluster"; never the answer's own
 * parents or sub-headings, which would also be right.
 */
final class TopicQuestions {

  static final String KIND = "topic_of";

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  TopicQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  void generate() {
    indexWords();
    java.util.Set<String> topicLabels = new java.util.HashSet<>();
    for (TopicNode h : index.headings) {
      if (isTopic(h)) {
        topicLabels.add(index.label(h));
      }
    }
    for (NotesIndex.Placed p : index.placed) {
      TopicNode node = p.node();
      if (node.kind() != NodeKind.STATEMENT && node.kind() != NodeKind.NOTE
          || p.heading() == null) {
        continue;
      }
      if (Prompts.isRemark(node.text())) {
        out.skip(node, "a remark about the notes, not a fact");
        continue;
      }
      BulletShape shape = NotesIndex.shape(node.text());
      if (node.kind() == NodeKind.NOTE
          && !node.children().isEmpty()
          && !shape.hasVerb()
          && shape.wordCount() <= 4) {
        // "Example use cases" introduces the lines below it: it describes nothing.
        out.skip(node, "introduces the lines below it rather than stating a fact");
        continue;
      }
      if (shape.wordCount() < 3) {
        out.skip(node, "too short to tell which topic it belongs to");
        continue;
      }
      if (node.kind() == NodeKind.NOTE && shape.isCommaList()) {
        out.skip(
            node, "a bare list of names, which belongs to the line above it rather than a topic");
        continue;
      }
      if (p.parent() != p.heading() && p.parent() != null) {
        String parent = p.parent().text().strip();
        String headingLabel = index.label(p.heading());
        boolean properName =
            parent.split("\\s+").length >= 2
                && java.util.Arrays.stream(parent.split("\\s+"))
                    .allMatch(
                        w -> Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)));
        if (properName && !namesTheHeading(parent, headingLabel)) {
          // "AWS Glue Data Catalog" › "Can be used by Redshift, Athena" under Hive is true of the
          // catalog,
          // not of Hive, which the question would have to ask for.
          out.skip(node, "it describes the item above it, not its heading");
          continue;
        }
      }
      if (NEGATIVE.matcher(node.text()).find()) {
        // "Can not do real time job like OLTP" is true of most of the options too.
        out.skip(node, "a thing it cannot do is true of other topics as well");
        continue;
      }
      String fact = Prompts.standalone(index, p);
      TopicNode answer = p.heading();
      if (!isTopic(answer)) {
        out.skip(node, "its heading is a part of a topic, not a subject to tell apart from others");
        continue;
      }
      String label = index.label(answer);
      if (namesItsTopic(fact, label)) {
        out.skip(node, "the fact names its own topic");
        continue;
      }
      if (spellsOut(fact, label)) {
        out.skip(
            node, "the fact spells out the topic's name (an expansion of it), which gives it away");
        continue;
      }
      String impersonal = impersonal(fact);
      if (impersonal == null) {
        // "a tool to stream data into your cluster": whose cluster is the heading's to say, and a
        // question
        // asking which heading it is under cannot say it.
        out.skip(
            node, "it speaks to the reader, so it leans on its heading to say what it is about");
        continue;
      }
      Random random = factory.random(KIND, "heading", node.text());
      List<String> numbers =
          NumberMention.find(fact).stream().map(m -> m.value().toPlainString()).toList();
      List<List<String>> tiers = tiers(answer, numbers);
      java.util.Set<String> factWords = rare(fact);
      List<String> distractors =
          DistractorPicker.pick(
              label,
              withContrasts(answer, tiers, factWords, numbers),
              c ->
                  topicLabels.contains(c)
                      && !namesItsTopic(fact, c)
                      && (ruledOut(byLabel.get(c), factWords)
                          || !sharesRareWord(byLabel.get(c), factWords))
                      && !holds(c, label)
                      && nameLike(c) == nameLike(label),
              3,
              random);
      if (distractors.size() < 2) {
        out.skip(node, "not enough other headings to choose from");
        continue;
      }
      String asked = impersonal;
      int colon = impersonal.indexOf(": ");
      if (colon > 0 && namesTheHeading(impersonal.substring(0, colon), label)) {
        // "Elastic MapReduce: Managed Hadoop framework on EC2 instances": the name written out
        // gives the
        // answer away, and what follows it describes the thing.
        asked = impersonal.substring(colon + 2);
      }
      String prompt =
          index.english
              ? prompt(asked)
              : "Which of these fits the description “" + fact.strip() + "”?";
      // The player's words, not the template's ("Which of these", "fits the description").
      String shown =
          prompt.replaceFirst("^Which of these (fits the description “)?", "").replace("”?", "");
      if (kindTell(answer, kindWords(shown), kindWords(node.text()), distractors)) {
        out.skip(
            node,
            "its words are those of its topic's other lines and of no other topic offered, so the"
                + " kind of thing it describes gives the answer away");
        continue;
      }
      if (index.english && worksWith(node.text()) && namesOthers(node.text(), label) >= 2) {
        // "Can use DynamoDB or S3 to store stateful data", "Can be used through JDBC, CLI, Tableau
        // interfaces": what a topic works with is what many of its peers work with too (Spark keeps
        // state in S3 as well), so another option could be defended. Reviewers judged every such
        // item weak or unfair.
        out.skip(
            node,
            "it names other things the topic works with, which other topics may work with as well");
        continue;
      }
      if (givesAway(prompt, label)) {
        out.skip(node, "a word of the question is part of the answer's name");
        continue;
      }
      if (index.english && prompt.startsWith(QUOTED)) {
        // "Which of these fits the description “Metastore is stored in MySQL …”?" asks which
        // heading a
        // line sits under; an exam would not ask it so.
        out.skip(node, "reads as neither a thing's description nor what it does");
        continue;
      }
      String explanation = "\"" + fact + "\" is noted under " + Prompts.where(index, answer) + ".";
      out.add(
          node,
          factory.multipleChoice(
              KIND,
              "heading",
              prompt,
              label,
              distractors,
              explanation,
              new Source(node.line(), node.text(), node.path()),
              index.topicOf(node.path())));
    }
    if (index.english) {
      poorFits();
      identities();
    }
  }

  /**
   * "What is Zeppelin?": a topic whose section opens by saying what kind of thing it is
   * ("Notebook", "Distributed processing system", "A framework for building and accelerating neural
   * networks") is asked so, the other options being what the other topics' sections open by saying
   * they are. Nothing in the prompt points to the key's kind, so it is answered by knowing the
   * topic, which a question asking which topic does one thing cannot always be.
   */
  private void identities() {
    List<TopicNode> topics = new ArrayList<>();
    Map<TopicNode, NotesIndex.Placed> lines = new java.util.IdentityHashMap<>();
    Map<TopicNode, String> kinds = new java.util.IdentityHashMap<>();
    Map<TopicNode, Integer> seen = new java.util.IdentityHashMap<>();
    for (NotesIndex.Placed p : index.placed) {
      TopicNode h = p.heading();
      TopicNode node = p.node();
      if (h == null
          || p.antiPattern()
          || p.parent() != null && p.parent() != h
          || node.kind() != NodeKind.STATEMENT && node.kind() != NodeKind.NOTE
          || kinds.containsKey(h)
          || seen.merge(h, 1, Integer::sum) > 2
          || !isTopic(h)) {
        // Only a section's first two lines: the first may spell out the name ("Elastic
        // MapReduce").
        continue;
      }
      String kind = identity(node.text(), index.label(h));
      if (kind != null) {
        topics.add(h);
        lines.put(h, p);
        kinds.put(h, kind);
      }
    }
    if (topics.size() < 2) {
      return;
    }
    // What the notes say other things of the topics' kind are ("Mahout (machine learning
    // library)", "Sqoop (relational database connector)") are wrong options too.
    List<Kind> described = new ArrayList<>();
    java.util.Set<String> seenKinds = new java.util.HashSet<>();
    for (NotesIndex.Placed p : index.placed) {
      org.quizhall.notes.Definition d = p.node().definition();
      if (d != null && described.size() < NEARBY_OPTIONS && namesAKind(d.definition())) {
        String kind = identity(d.definition(), d.term());
        if (kind != null && seenKinds.add(kind.toLowerCase(java.util.Locale.ROOT))) {
          described.add(new Kind(kind, d.term(), null));
        }
      }
    }
    List<Kind> own = new ArrayList<>();
    for (TopicNode t : topics) {
      own.add(new Kind(kinds.get(t), index.label(t), t));
    }
    for (int i = 0; i < topics.size(); i++) {
      TopicNode h = topics.get(i);
      String label = index.label(h);
      Kind key = own.get(i);
      if (nameSpellsKind(label, key.text())) {
        out.skip(
            lines.get(h).node(),
            "the topic's name spells part of what it is, which gives the answer away");
        continue;
      }
      // Only the topics written nearest, in notes with thousands: options of its kind are likelier
      // there, and every topic against every other would outlast the import's deadline.
      List<Kind> candidates =
          new ArrayList<>(
              own.subList(
                  Math.max(0, i - NEARBY_OPTIONS / 2),
                  Math.min(own.size(), i + NEARBY_OPTIONS / 2)));
      candidates.addAll(described);
      java.util.Set<String> others = new java.util.LinkedHashSet<>();
      String norm = NotesIndex.norm(label);
      for (Kind option : candidates) {
        if (option == key
            || option.group().equals(key.group())
            || option.text().equalsIgnoreCase(key.text())
            || option.norm().equals(norm)
            || option.topic() != null
                && (index.isAncestorOrSelf(option.topic(), h)
                    || index.isAncestorOrSelf(h, option.topic()))
            || namesItsTopicIn(option.words(), label)
            || saysOfItself(h, option.rare())) {
          // "A NoSQL database" beside HBase's "A non-relational, petabyte-scale database" may be
          // as true, as may "A tool for copying data between S3 and HDFS" of a topic whose
          // section speaks of HDFS, or "An accelerator for Spark" of Tachyon, the card's own
          // term: none is offered as what the topic is not.
          continue;
        }
        others.add(option.text());
      }
      NotesIndex.Placed p = lines.get(h);
      List<String> wrong =
          DistractorPicker.pick(
              key.text(),
              List.of(List.copyOf(others)),
              c -> true,
              3,
              factory.random(DefinitionQuestions.KIND, "identity", p.node().text()));
      if (wrong.size() < 3) {
        continue;
      }
      out.add(
          p.node(),
          factory.multipleChoice(
              DefinitionQuestions.KIND,
              "identity",
              "What is " + label + "?",
              key.text(),
              wrong,
              label + ": " + p.node().text().strip(),
              new Source(p.node().line(), p.node().text(), p.node().path()),
              index.topicOf(p.node().path())));
    }
  }

  /**
   * Whether the topic's own lines (not those of the things noted under it, such as S3DistCP's
   * "Mahout (machine learning library)") share a distinctive word with an option.
   */
  private boolean saysOfItself(TopicNode topic, java.util.Set<String> optionWords) {
    java.util.Set<String> own = ownWords().getOrDefault(topic, java.util.Set.of());
    return optionWords.stream().anyMatch(own::contains);
  }

  /** How many options each "What is X?" looks at: the nearest topics and the first cards. */
  private static final int NEARBY_OPTIONS = 200;

  /**
   * What a topic or a card says a thing is, with what it is said of, its words and rare words, and
   * the group of its kind's noun ("database" and "store" are one), each computed once.
   */
  private final class Kind {
    private final String text;
    private final String of;
    private final String norm;
    private final TopicNode topic;
    private final String words;
    private final java.util.Set<String> rare;
    private final String group;

    Kind(String text, String of, TopicNode topic) {
      this.text = text;
      this.of = of;
      this.norm = NotesIndex.norm(of);
      this.topic = topic;
      this.words = NotesIndex.words(text);
      this.rare = TopicQuestions.this.rare(text);
      String noun = kindNoun(text);
      this.group = noun == null ? "" : NOUN_GROUPS.getOrDefault(noun, noun);
    }

    String text() {
      return text;
    }

    String of() {
      return of;
    }

    /** What it is said of, as {@link NotesIndex#norm} reads it. */
    String norm() {
      return norm;
    }

    TopicNode topic() {
      return topic;
    }

    String words() {
      return words;
    }

    java.util.Set<String> rare() {
      return rare;
    }

    String group() {
      return group;
    }
  }

  /**
   * Nouns for kinds of thing that one thing can be at once: a key-value store is a database, a
   * library may be a framework, a system an engine or a platform.
   */
  private static final Map<String, String> NOUN_GROUPS =
      Map.ofEntries(
          Map.entry("store", "database"),
          Map.entry("repository", "database"),
          Map.entry("catalog", "database"),
          Map.entry("cache", "database"),
          Map.entry("library", "framework"),
          Map.entry("runtime", "framework"),
          Map.entry("engine", "system"),
          Map.entry("platform", "system"),
          Map.entry("service", "system"),
          Map.entry("manager", "tool"),
          Map.entry("utility", "tool"));

  /** Words saying what a topic works with: "can use", "used through", "using", "stores in". */
  private static final java.util.regex.Pattern WORKS_WITH =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:use|uses|using|used (?:by|with|through|via|in)|through|via|integrat\\w*"
              + "|connect\\w*|store[sd]? in)\\b");

  /** Whether a fact says what its topic works with ("can use", "used through", "using"). */
  static boolean worksWith(String fact) {
    return WORKS_WITH.matcher(fact).find();
  }

  /**
   * How many names other than the topic's own a fact holds, words written with a capital
   * ("DynamoDB", "S3", "JDBC", "Tableau"): not a sentence's first word, which has its capital
   * anyway.
   */
  static int namesOthers(String fact, String label) {
    java.util.Set<String> own = new java.util.HashSet<>();
    for (String w : label.split("[^\\p{L}\\p{N}]+")) {
      own.add(w.toLowerCase(java.util.Locale.ROOT));
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String sentence : fact.split("[.:;!?]\\s+")) {
      boolean first = true;
      for (String w : sentence.split("[^\\p{L}\\p{N}]+")) {
        if (w.isEmpty()) {
          continue;
        }
        if (!first
            && !w.equals(w.toLowerCase(java.util.Locale.ROOT))
            && !own.contains(w.toLowerCase(java.util.Locale.ROOT))) {
          names.add(w);
        }
        first = false;
      }
    }
    return names.size();
  }

  /** {@link #namesItsTopic} of a text already split into words by {@link NotesIndex#words}. */
  private static boolean namesItsTopicIn(String words, String label) {
    for (String w : NotesIndex.key(label)) {
      if (w.length() >= 3
          && !w.equals("anti")
          && !w.equals("patterns")
          && NotesIndex.mentionsIn(words, w)) {
        return true;
      }
    }
    return NotesIndex.mentionsIn(words, label);
  }

  /**
   * "Distributed processing system", "Operational tool used to visualize EMR data", "A framework
   * for building neural networks": words without a verb up to the first that links what follows,
   * the last of them a noun for a kind of thing, in the singular.
   */
  private static boolean namesAKind(String line) {
    return kindNoun(line) != null;
  }

  /** The noun of {@link #namesAKind}'s kind ("system", "database"), or null. */
  private static String kindNoun(String line) {
    String[] words = line.toLowerCase(java.util.Locale.ROOT).split("[\\s,]+");
    int end = 0;
    while (end < words.length && !KIND_LINKS.contains(words[end])) {
      end++;
    }
    if (end == 0 || end > 5) {
      return null;
    }
    for (int i = 0; i < end; i++) {
      String w = words[i];
      if (AUXILIARIES.containsKey(w)
          || VERBS_THIRD_PERSON.contains(w)
          || i == 0 && (BASE_VERBS.contains(w) || OrderingQuestions.isStepVerb(w))) {
        return null;
      }
    }
    String noun = words[end - 1].replaceAll("[^a-z-]", "");
    return HEAD_NOUNS.contains(noun) ? noun : null;
  }

  private static final java.util.regex.Pattern FINITE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:is|are|was|were|has|have|had|can|will|does|do|did)\\b");

  /** "Wide-column database that has no fixed schema": a verb after these describes the kind. */
  private static final java.util.regex.Pattern RELATIVE_BEFORE =
      java.util.regex.Pattern.compile("(?i)\\b(?:that|which|who|whose)\\b");

  /** Words that end a kind's name and go on to say what it is for or does. */
  private static final java.util.Set<String> KIND_LINKS =
      java.util.Set.of(
          "for",
          "to",
          "of",
          "used",
          "that",
          "which",
          "in",
          "on",
          "with",
          "built",
          "based",
          "from",
          "by",
          "where",
          "designed",
          "made",
          "written");

  /**
   * Whether a part of a name ("Base" of HBase, "S3" of S3DistCP, "Net" of MXNet), a vendor's name
   * aside, is inside a word of what the name is said to be ("database", "between S3 and HDFS",
   * "neural networks"): "What is HBase?" is then answered by spelling.
   */
  static boolean nameSpellsKind(String name, String kind) {
    String lowerKind = kind.toLowerCase(java.util.Locale.ROOT);
    for (String part :
        name.split(
            "[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{N})(?=\\p{L})")) {
      String p = part.toLowerCase(java.util.Locale.ROOT);
      if (p.length() < 2 || VENDORS.contains(p)) {
        continue;
      }
      for (String w : lowerKind.split("[^\\p{L}\\p{N}]+")) {
        if (w.length() >= p.length() && w.contains(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What kind of thing a topic's line says the topic is, with its article, or null: "Distributed
   * processing system" is "A distributed processing system", "Notebook" "A notebook"; a line that
   * does something, speaks to the reader, names the topic or is a name itself is none.
   */
  private String identity(String text, String label) {
    String line = text.strip();
    if (line.isEmpty() || line.endsWith(":") || namesItsTopic(line, label)) {
      return null;
    }
    java.util.regex.Matcher finite = FINITE.matcher(line);
    if (!namesAKind(line)
        || finite.find() && !RELATIVE_BEFORE.matcher(line.substring(0, finite.start())).find()) {
      // "Tool for launching a local cluster is spark-shell" says which tool, not what it is.
      return null;
    }
    String phrase = impersonal(line);
    if (phrase == null || phrase.contains("(") || phrase.contains(":")) {
      return null;
    }
    String first = phrase.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    if (first.equals("a") || first.equals("an")) {
      phrase = phrase.substring(first.length()).strip();
    }
    String head = phrase.split("[\\s,]+", 2)[0];
    if (head.length() < 2
        || head.substring(1).equals(head.substring(1).toLowerCase(java.util.Locale.ROOT))) {
      // "NoSQL database": a name or an abbreviation keeps its capitals.
      phrase = Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
    }
    String article =
        DefinitionQuestions.article(phrase.split("[\\s,]+", 2)[0]).equals("an") ? "An " : "A ";
    return article + phrase;
  }

  /**
   * scenario, poor fit: an anti-pattern the notes give a topic ("Streaming data" under AWS Glue's
   * Anti-patterns) asks which of several topics is a poor fit for it, the wrong options being
   * topics whose own lines say they do it (Spark's "Stream processing through Spark Streaming",
   * Flume's "A tool to stream data into your cluster"). Without two such topics the question is not
   * asked: a topic the notes say nothing of might be as poor a fit, and the key would not be the
   * only defensible answer.
   */
  private void poorFits() {
    List<TopicNode> topics = new ArrayList<>();
    for (TopicNode h : index.headings) {
      if (isTopic(h)) {
        topics.add(h);
      }
    }
    for (NotesIndex.Placed p : index.placed) {
      TopicNode node = p.node();
      if (!p.antiPattern() || p.heading() == null || node.kind() == NodeKind.HEADING) {
        continue;
      }
      String need = node.text().strip();
      BulletShape shape = NotesIndex.shape(need);
      if (advice(need)
          || shape.hasVerb()
          || shape.wordCount() > 5
          || !need.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-')
          || RELATIVE.stream()
              .anyMatch(
                  w ->
                      (" " + need.toLowerCase(java.util.Locale.ROOT) + " ")
                          .contains(" " + w + " "))) {
        continue;
      }
      TopicNode key = null;
      for (TopicNode h = p.heading(); h != null; h = index.parentHeading.get(h)) {
        if (isTopic(h)) {
          key = h;
          break;
        }
      }
      java.util.Set<String> words = rare(need);
      if (key == null || words.isEmpty()) {
        continue;
      }
      String keyLabel = index.label(key);
      if (statedWords.getOrDefault(key, java.util.Set.of()).containsAll(words)) {
        // The notes say elsewhere that the topic does it after all.
        continue;
      }
      List<String> fits = new ArrayList<>();
      for (TopicNode h : saying(words, topics)) {
        if (fits.size() == SAMPLE && index.headings.size() > SCAN) {
          // Three wrong options need no more to choose from, in notes of thousands of topics.
          break;
        }
        String label = index.label(h);
        if (index.isAncestorOrSelf(h, key)
            || index.isAncestorOrSelf(key, h)
            || nameLike(label) != nameLike(keyLabel)
            || NotesIndex.mentions(need, label)) {
          continue;
        }
        java.util.Set<String> denied = deniedWords.getOrDefault(h, java.util.Set.of());
        if (ownWords().getOrDefault(h, java.util.Set.of()).containsAll(words)
            && words.stream().noneMatch(denied::contains)) {
          fits.add(label);
        }
      }
      String first = need.split(" ", 2)[0];
      String asked =
          first.length() > 1
                  && first
                      .substring(1)
                      .equals(first.substring(1).toLowerCase(java.util.Locale.ROOT))
                  && !index.writtenAsName(first)
              ? Character.toLowerCase(need.charAt(0)) + need.substring(1)
              : need;
      String prompt = "Which of these is a poor fit for " + asked + "?";
      List<String> wrong =
          DistractorPicker.pick(
              keyLabel,
              List.of(fits),
              c -> !NotesIndex.mentions(prompt, c),
              3,
              factory.random(ScenarioQuestions.SCENARIO, "poor_fit", node.text()));
      if (wrong.size() < 3) {
        // Two topics that surely fit leave three options, one of them a guess by elimination.
        continue;
      }
      StringBuilder why =
          new StringBuilder(String.join(" › ", node.path())).append(": ").append(need);
      List<String> reasons = node.children().stream().map(c -> c.text().strip()).toList();
      if (!reasons.isEmpty()) {
        why.append(" (").append(String.join("; ", reasons)).append(')');
      }
      out.add(
          node,
          factory.multipleChoice(
              ScenarioQuestions.SCENARIO,
              "poor_fit",
              prompt,
              keyLabel,
              wrong,
              why.toString(),
              new Source(node.line(), node.text(), node.path()),
              index.topicOf(node.path())));
    }
  }

  /**
   * Distinctive words of the lines that describe each heading's topic itself, not another thing
   * noted under it: "Kinesis Connector (access Kinesis streams in your scripts)" under S3DistCP
   * says nothing of what S3DistCP does.
   */
  private java.util.Map<TopicNode, java.util.Set<String>> ownWords() {
    if (ownWords == null) {
      ownWords = new java.util.IdentityHashMap<>();
      for (NotesIndex.Placed p : index.placed) {
        String text = p.node().text().strip();
        int bracket = text.indexOf(" (");
        if (p.antiPattern()
            || bracket > 0 && BulletShape.of(text.substring(0, bracket)).isNameLike()) {
          continue;
        }
        java.util.Set<String> rare = rare(text);
        for (TopicNode h = p.heading(); h != null; h = index.parentHeading.get(h)) {
          ownWords.computeIfAbsent(h, x -> new java.util.HashSet<>()).addAll(rare);
        }
      }
    }
    return ownWords;
  }

  private java.util.Map<TopicNode, java.util.Set<String>> ownWords;

  /**
   * The topics whose own lines use every one of the words, in the notes' order: looked up through
   * the topics each word is under, since notes of thousands of topics and anti-patterns would
   * otherwise compare every line with every topic.
   */
  private List<TopicNode> saying(java.util.Set<String> words, List<TopicNode> topics) {
    if (topicsSaying == null) {
      topicsSaying = new java.util.HashMap<>();
      for (TopicNode h : topics) {
        for (String w : ownWords().getOrDefault(h, java.util.Set.of())) {
          topicsSaying.computeIfAbsent(w, x -> new ArrayList<>()).add(h);
        }
      }
    }
    List<TopicNode> fewest = null;
    for (String w : words) {
      List<TopicNode> using = topicsSaying.getOrDefault(w, List.of());
      if (fewest == null || using.size() < fewest.size()) {
        fewest = using;
      }
    }
    List<TopicNode> out = new ArrayList<>();
    for (TopicNode h : fewest == null ? List.<TopicNode>of() : fewest) {
      if (ownWords().get(h).containsAll(words)) {
        out.add(h);
      }
    }
    return out;
  }

  private Map<String, List<TopicNode>> topicsSaying;

  /**
   * "Using other ETL engines than Spark", "Unsupported learning tasks", "Too much queries": what
   * such a line rules out is said relative to the topic, so another topic cannot be said to fit it.
   */
  private static final java.util.Set<String> RELATIVE =
      java.util.Set.of("other", "than", "unsupported", "too", "more", "less", "not", "no");

  /**
   * "Amazon Machine Learning" under "Amazon ML", "Elastic MapReduce" under "Amazon EMR": the item
   * is the heading's own name written out, so what is said of it is said of the heading.
   */
  static boolean namesTheHeading(String item, String heading) {
    java.util.Set<String> headingWords =
        new java.util.HashSet<>(
            java.util.Arrays.asList(
                heading.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    StringBuilder initials = new StringBuilder();
    for (String w : item.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (headingWords.contains(w)) {
        return true;
      }
      initials.append(w.charAt(0));
    }
    String[] words = heading.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    String last = words.length == 0 ? "" : words[words.length - 1];
    return initials.length() >= 2 && last.startsWith(initials.toString())
        || spellsOut(item, heading);
  }

  private static final java.util.regex.Pattern NEGATIVE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:not|cannot|can't|no|never|doesn't|don't|isn't|aren't|without)\\b");

  /**
   * In a fixed order, stripped until none is left in front: "Microsoft Azure Functions" is
   * "functions".
   */
  private static final List<String> VENDORS =
      List.of("amazon", "aws", "apache", "google", "microsoft", "azure");

  /**
   * "copy in a distributed manner" and "S3DistCP", "SQL code (HiveQL)" and "Hive": the answer's
   * name holds the first four letters of a word of the question, so the name is found by spelling,
   * not by knowing.
   */
  static boolean givesAway(String prompt, String answer) {
    String name = answer.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    for (boolean stripped = true; stripped; ) {
      stripped = false;
      for (String v : VENDORS) {
        if (name.startsWith(v) && name.length() > v.length() + 2) {
          name = name.substring(v.length());
          stripped = true;
        }
      }
    }
    for (String w : prompt.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4
          && !STOP_WORDS.contains(w)
          && !w.equals("which")
          && !w.equals("these")
          && name.contains(w.substring(0, 4))) {
        return true;
      }
    }
    return false;
  }

  private final java.util.Map<String, Boolean> holds = new java.util.HashMap<>();

  /**
   * Whether a heading's section names the answer ("Hadoop" lists Presto): it holds it, so it could
   * be meant too.
   */
  private boolean holds(String heading, String answer) {
    if (topicLines == null) {
      java.util.Map<String, StringBuilder> texts = new java.util.HashMap<>();
      for (NotesIndex.Placed p : index.placed) {
        texts
            .computeIfAbsent(index.topicOf(p.node().path()), t -> new StringBuilder())
            .append(NotesIndex.words(p.node().text()));
      }
      topicLines = new java.util.HashMap<>();
      texts.forEach((t, b) -> topicLines.put(t, b.toString()));
    }
    String text = topicLines.get(heading);
    return text != null
        && holds.computeIfAbsent(
            heading + "\u0000" + answer, k -> NotesIndex.mentionsIn(text, answer));
  }

  /** The words of every line of each top-level topic, list items included. */
  private java.util.Map<String, String> topicLines;

  /**
   * "Hadoop User Experience" for Hue, "Elastic MapReduce" for EMR: the first letters or syllables
   * of the name.
   */
  static boolean spellsOut(String fact, String label) {
    StringBuilder initials = new StringBuilder();
    StringBuilder starts = new StringBuilder();
    for (String w : fact.split("[\\s/-]+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        initials.append(Character.toLowerCase(w.charAt(0)));
        starts.append(w, 0, Math.min(2, w.length()));
      }
    }
    String name = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String[] labelWords = label.split("\\s+");
    String core =
        labelWords[labelWords.length - 1]
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]", "");
    String i = initials.toString();
    return i.length() >= 2
        && (i.equals(name)
            || i.equals(core)
            || i.startsWith(core) && core.length() >= 2
            || starts.toString().toLowerCase(java.util.Locale.ROOT).startsWith(core)
                && core.length() >= 3);
  }

  /**
   * A top-level topic that names a thing (a service, a tool, a person): the peers a fact can be
   * told apart by. Sections such as "Cell division" or "Organelles" are parts of the notes, and
   * asking which one a line sits in tests the layout, not the subject.
   */
  private boolean isTopic(TopicNode heading) {
    String text = heading.text();
    boolean commonPlural =
        !text.contains(" ")
            && text.endsWith("s")
            && text.substring(1).equals(text.substring(1).toLowerCase(java.util.Locale.ROOT));
    return index.topicOf(heading.path()).equals(text)
        && BulletShape.of(text).isNameLike()
        && !commonPlural;
  }

  private static final java.util.Map<String, String> AUXILIARIES =
      java.util.Map.ofEntries(
          java.util.Map.entry("can", "can"),
          java.util.Map.entry("cannot", "cannot"),
          java.util.Map.entry("could", "could"),
          java.util.Map.entry("will", "will"),
          java.util.Map.entry("may", "may"),
          java.util.Map.entry("must", "must"),
          java.util.Map.entry("should", "should"),
          java.util.Map.entry("is", "is"),
          java.util.Map.entry("are", "is"),
          java.util.Map.entry("has", "has"),
          java.util.Map.entry("have", "has"),
          java.util.Map.entry("does", "does"),
          java.util.Map.entry("do", "does"),
          java.util.Map.entry("supports", "supports"),
          java.util.Map.entry("support", "supports"),
          java.util.Map.entry("uses", "uses"),
          java.util.Map.entry("use", "uses"),
          java.util.Map.entry("provides", "provides"),
          java.util.Map.entry("provide", "provides"),
          java.util.Map.entry("offers", "offers"),
          java.util.Map.entry("allows", "allows"),
          java.util.Map.entry("runs", "runs"));

  /**
   * A line that starts with its verb ("Can use DynamoDB or S3 to store stateful data") is asked in
   * its own words, "Which of these can use DynamoDB or S3 to store stateful data?"; any other line
   * is quoted.
   */
  static String prompt(String fact) {
    String f = fact.strip();
    while (!f.isEmpty() && ".;:".indexOf(f.charAt(f.length() - 1)) >= 0) {
      f = f.substring(0, f.length() - 1).strip();
    }
    int colon = f.indexOf(": ");
    if (colon > 0 && colon < f.length() - 2 && startsWithVerb(f.substring(colon + 2))) {
      // "Notebook: Can share notebooks with others": the lead-in only repeats what the options are.
      f = f.substring(colon + 2).strip();
    }
    int space = f.indexOf(' ');
    if (space > 0 && !f.contains(": ")) {
      String first = f.substring(0, space).toLowerCase(java.util.Locale.ROOT);
      String verb = AUXILIARIES.get(first);
      String next = f.substring(space + 1).split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
      if (MODALS.contains(first) && next.length() > 5 && next.endsWith("ing")) {
        // "Can scaling effectively unlimited" has lost its verb: no question can be read from it.
        return QUOTED + f + "”?";
      }
      if (verb != null) {
        return "Which of these " + verb + f.substring(space) + "?";
      }
      if (VERBS_THIRD_PERSON.contains(first) || sibilantVerb(first, next)) {
        return "Which of these " + first + f.substring(space) + "?";
      }
      if (OrderingQuestions.isStepVerb(first) || BASE_VERBS.contains(first)) {
        if (next.endsWith("ly") || HOW.contains(next)) {
          // "Operate largely in memory across the entire cluster" says how the thing works, not
          // what it is used for: "Which of these operates largely in memory …?".
          return "Which of these " + Prompts.thirdPerson(first) + f.substring(space) + "?";
        }
        return "Which of these is used to " + first + f.substring(space) + "?";
      }
      if ((first.equals("a") || first.equals("an")) && Character.isLowerCase(f.charAt(space + 1))) {
        return "Which of these is " + first + f.substring(space) + "?";
      }
    }
    if (!f.contains(": ") && (isSingularNounPhrase(f) || describesAThing(f))) {
      String phrase = Character.toLowerCase(f.charAt(0)) + f.substring(1);
      String article = DefinitionQuestions.article(phrase.split("[\\s,]+", 2)[0]) + " ";
      return "Which of these is " + article + phrase + "?";
    }
    return QUOTED + f + "”?";
  }

  /**
   * "Compresses files after a week", "Pushes images to a registry", "Fetches rows in batches": a
   * line that opens with a verb's -es form (after s, sh, ch, x or z) and goes on with a word in
   * lower case does something; it is not a thing to call "a compresses files".
   */
  private static boolean sibilantVerb(String first, String next) {
    if (next.isEmpty() || !next.equals(next.toLowerCase(java.util.Locale.ROOT))) {
      return false;
    }
    for (String ending : List.of("sses", "shes", "ches", "xes", "zes")) {
      if (first.length() > ending.length() + 1 && first.endsWith(ending)) {
        return !ARTICLES_AND_LINKS.contains(next);
      }
    }
    return false;
  }

  /** Words that after a plural noun show it is one ("Batches of jobs", "Classes are…"). */
  private static final java.util.Set<String> ARTICLES_AND_LINKS =
      java.util.Set.of(
          "of", "are", "were", "is", "and", "or", "with", "in", "for", "that", "which");

  private static final java.util.regex.Pattern SECOND_PERSON =
      java.util.regex.Pattern.compile("(?i)\\b(?:you|your|yours|yourself)\\b");

  /**
   * The fact without its reader: "applications on your EMR cluster" reads "on an EMR cluster",
   * since the name says whose; null when a "you" or "your" is left that no name qualifies ("into
   * your cluster").
   */
  static String impersonal(String fact) {
    if (!SECOND_PERSON.matcher(fact).find()) {
      return fact;
    }
    String[] words = fact.split(" ", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.equalsIgnoreCase("your")
          && i + 1 < words.length
          && nameLike(words[i + 1])
          && !words[i + 1].equals(words[i + 1].toLowerCase(java.util.Locale.ROOT))) {
        String next = words[i + 1];
        boolean vowelSound =
            "AEFHILMNORSX".indexOf(next.charAt(0)) >= 0
                    && next.length() > 1
                    && Character.isUpperCase(next.charAt(1))
                || "AEIOU".indexOf(next.charAt(0)) >= 0;
        w = vowelSound ? "an" : "a";
      }
      out.append(i == 0 ? "" : " ").append(w);
    }
    String result = out.toString();
    return SECOND_PERSON.matcher(result).find() ? null : result;
  }

  /**
   * Whether a heading reads as the name of a product or tool ("HBase", "Amazon EMR", "Spark",
   * "S3DistCP") rather than of a concept ("Confusion Matrix"): options must all be one or all the
   * other, or the odd one is the key.
   */
  static boolean nameLike(String label) {
    String[] words = label.strip().split("\\s+");
    if (words.length == 1) {
      return true;
    }
    for (String w : words) {
      if (VENDORS.contains(w.toLowerCase(java.util.Locale.ROOT))
          || w.chars().anyMatch(Character::isDigit)) {
        return true;
      }
      long upper = w.chars().filter(Character::isUpperCase).count();
      if (upper >= 2) {
        return true;
      }
    }
    return false;
  }

  private static final String QUOTED = "Which of these fits the description “";
  private static final java.util.Set<String> MODALS =
      java.util.Set.of("can", "cannot", "could", "will", "may", "must", "should");

  private static boolean startsWithVerb(String text) {
    String first = text.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    return AUXILIARIES.containsKey(first) || VERBS_THIRD_PERSON.contains(first);
  }

  /**
   * Verbs a line about a thing often starts with, its subject left out: "Provides visualization
   * tools".
   */
  private static final java.util.Set<String> VERBS_THIRD_PERSON =
      java.util.Set.of(
          "scans",
          "stores",
          "processes",
          "operates",
          "visualizes",
          "visualises",
          "handles",
          "manages",
          "enables",
          "creates",
          "builds",
          "tracks",
          "monitors",
          "copies",
          "moves",
          "loads",
          "converts",
          "queries",
          "executes",
          "integrates",
          "hosts",
          "coordinates",
          "infers",
          "issues",
          "connects",
          "contains",
          "holds",
          "produces",
          "makes",
          "lets",
          "gives",
          "helps",
          "includes",
          "keeps",
          "reads",
          "writes",
          "sends",
          "receives",
          "transforms",
          "carries");

  /**
   * Verbs in the form that starts an instruction or a use: "Visualize the accuracy of …", "Run SQL
   * code".
   */
  private static final java.util.Set<String> BASE_VERBS =
      java.util.Set.of(
          "visualize",
          "visualise",
          "query",
          "run",
          "coordinate",
          "host",
          "scan",
          "infer",
          "issue",
          "connect",
          "copy",
          "move",
          "convert",
          "manage",
          "track",
          "handle",
          "enable",
          "operate",
          "process",
          "provision",
          "schedule",
          "stream",
          "send",
          "receive");

  /** Words after a verb that say how or where it works rather than on what. */
  private static final java.util.Set<String> HOW =
      java.util.Set.of("in", "on", "at", "across", "within", "without", "through", "over", "under");

  private static final java.util.Set<String> PREPOSITIONS =
      java.util.Set.of(
          "with", "on", "of", "for", "in", "to", "by", "from", "at", "into", "via", "and", "or",
          "/");

  /**
   * "Graphical front-end for applications on your EMR cluster", "Operational tool used to visualize
   * EMR data": a description of one thing, its head noun first and then what it is for, which takes
   * "a" in front.
   */
  private static boolean describesAThing(String phrase) {
    String[] words = phrase.split("\\s+");
    if (words.length < 3 || words.length > 14 || !Character.isUpperCase(phrase.charAt(0))) {
      return false;
    }
    for (int i = 0; i < Math.min(3, words.length); i++) {
      String w = words[i].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z-]", "");
      if (HEAD_NOUNS.contains(w)) {
        return true;
      }
      if (w.endsWith("ly")
          || i > 0 && w.endsWith("ing") && !words[i - 1].endsWith(",")
          || AUXILIARIES.containsKey(w)
          || VERBS_THIRD_PERSON.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /** Nouns that name what kind of thing a description is about. */
  static final java.util.Set<String> HEAD_NOUNS =
      java.util.Set.of(
          "tool",
          "framework",
          "system",
          "database",
          "service",
          "library",
          "engine",
          "platform",
          "language",
          "format",
          "repository",
          "front-end",
          "interface",
          "store",
          "manager",
          "connector",
          "accelerator",
          "protocol",
          "device",
          "component",
          "notebook",
          "scheduler",
          "catalog",
          "editor",
          "runtime",
          "compiler",
          "server",
          "client",
          "queue",
          "cache",
          "organelle",
          "molecule",
          "enzyme",
          "organ",
          "hormone",
          "gland",
          "cell",
          "process");

  /** "Distributed processing system": no verb, no name, one thing (so "a" fits before it). */
  private static boolean isSingularNounPhrase(String phrase) {
    BulletShape shape = BulletShape.of(phrase);
    if (shape.hasVerb() || shape.isNameLike() || shape.wordCount() < 2 || shape.wordCount() > 7) {
      return false;
    }
    String[] words = phrase.toLowerCase(java.util.Locale.ROOT).split("\\s+");
    for (String w : words) {
      if (PREPOSITIONS.contains(w) || w.endsWith("ing") || w.contains("(")) {
        return false;
      }
    }
    String last = words[words.length - 1];
    // Common words only: a capital inside ("issue SQL style query", "AWS Glue Data Catalog") may be
    // a verb
    // before a name, or a name itself.
    String rest = phrase.substring(1);
    return !last.endsWith("s")
        && Character.isLetter(phrase.charAt(0))
        && rest.equals(rest.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether the fact contains a distinctive word of the heading, which would give the answer away.
   */
  private static boolean namesItsTopic(String fact, String label) {
    return namesItsTopicIn(NotesIndex.words(fact), label);
  }

  /**
   * The wrong options for a fact under this heading, closest first: the sibling topics most like
   * it, its other siblings, headings at the same depth, then the rest. An aspect heading
   * ("Anti-patterns", "Promises &amp; Limitations") and its siblings both describe the same
   * subject, so they never face each other; nor does a heading whose section states the same number
   * as the fact: it could be meant too.
   */
  private List<List<String>> tiers(TopicNode answer, List<String> numbers) {
    Pool pool = poolOf(answer);
    java.util.Set<TopicNode> stating = stating(numbers);
    if (stating.isEmpty()) {
      return pool.tiers();
    }
    List<String> otherSiblings = labels(pool.siblings(), stating);
    List<String> alike = new ArrayList<>();
    for (TopicNode h : otherSiblings.size() <= 3 ? List.<TopicNode>of() : pool.ranked()) {
      if (alike.size() == ALIKE) {
        break;
      }
      if (!stating.contains(h)) {
        alike.add(index.label(h));
      }
    }
    otherSiblings.removeAll(alike);
    return List.of(
        alike, otherSiblings, labels(pool.sameDepth(), stating), labels(pool.rest(), stating));
  }

  private List<String> labels(List<TopicNode> headings, java.util.Set<TopicNode> leftOut) {
    List<String> out = new ArrayList<>(headings.size());
    for (TopicNode h : headings) {
      if (!leftOut.contains(h)) {
        out.add(index.label(h));
      }
    }
    return out;
  }

  /**
   * The topics a heading's facts may be told apart from, found once per heading: its siblings most
   * like it by score, then its siblings, the topics at its depth and the rest in the notes' order.
   * In notes of thousands of topics each group is a sample, and the scan is over the sample: three
   * wrong options never need more, and every heading against every other would outlast the import's
   * deadline.
   */
  private record Pool(
      TopicNode answer,
      List<TopicNode> ranked,
      List<TopicNode> siblings,
      List<TopicNode> sameDepth,
      List<TopicNode> rest,
      List<List<String>> tiers) {}

  /**
   * Pools of the last headings whose facts were asked, first in first out: a heading's facts come
   * together. Kept by identity, since a node's own hash code reads its whole subtree.
   */
  private final java.util.Deque<Pool> pools = new java.util.ArrayDeque<>();

  private Pool poolOf(TopicNode answer) {
    for (Pool p : pools) {
      if (p.answer() == answer) {
        return p;
      }
    }
    Pool p = pool(answer);
    pools.addFirst(p);
    if (pools.size() > 8) {
      pools.removeLast();
    }
    return p;
  }

  /** Up to this many headings are each compared with every other; past it, samples are. */
  private static final int SCAN = 400;

  /**
   * How many siblings, and how many headings of any depth, are drawn for a heading's pool in notes
   * of more than {@link #SCAN}: the picker looks at no more than a hundred of a tier.
   */
  private static final int SAMPLE = 128;

  private Pool pool(TopicNode answer) {
    TopicNode parent = index.parentHeading.get(answer);
    int depth = depth(answer);
    List<TopicNode> scan;
    if (index.headings.size() <= SCAN) {
      scan = index.headings;
    } else {
      Random random = factory.random(KIND, "pool", index.label(answer));
      java.util.BitSet picked = new java.util.BitSet(index.headings.size());
      List<TopicNode> siblings = childrenOf(parent);
      for (int i = 0; i < SAMPLE; i++) {
        picked.set(position(siblings.get(random.nextInt(siblings.size()))));
        picked.set(random.nextInt(index.headings.size()));
      }
      scan = new ArrayList<>(picked.cardinality());
      for (int i = picked.nextSetBit(0); i >= 0; i = picked.nextSetBit(i + 1)) {
        scan.add(index.headings.get(i));
      }
    }
    List<TopicNode> siblings = new ArrayList<>();
    List<TopicNode> sameDepth = new ArrayList<>();
    List<TopicNode> rest = new ArrayList<>();
    for (TopicNode h : scan) {
      if (!offerable(answer, h)) {
        continue;
      }
      if (index.parentHeading.get(h) == parent) {
        siblings.add(h);
      } else if (depth(h) == depth) {
        sameDepth.add(h);
      } else {
        rest.add(h);
      }
    }
    List<TopicNode> ranked = siblings.size() <= 3 ? List.of() : ranked(answer, parent);
    List<String> alike = ranked.stream().limit(ALIKE).map(index::label).toList();
    java.util.Set<TopicNode> none = java.util.Set.of();
    List<String> otherSiblings = labels(siblings, none);
    otherSiblings.removeAll(alike);
    return new Pool(
        answer,
        ranked,
        siblings,
        sameDepth,
        rest,
        List.of(alike, otherSiblings, labels(sameDepth, none), labels(rest, none)));
  }

  /**
   * Whether a heading may be offered against the answer's at all: not the answer's parent or part,
   * not its continuation ("- 2"), not an aspect of the same kind ("EMR Storage" against "Redshift
   * Storage" is the notes' layout).
   */
  private boolean offerable(TopicNode answer, TopicNode h) {
    if (index.isAncestorOrSelf(h, answer) || index.isAncestorOrSelf(answer, h)) {
      return false;
    }
    if (continues(h, answer)) {
      return false;
    }
    TopicNode parent = index.parentHeading.get(answer);
    boolean answerIsAspect = isAspect(answer);
    if (index.parentHeading.get(h) == parent && parent != null && (answerIsAspect || isAspect(h))) {
      return false;
    }
    String label = index.label(h);
    byLabel.putIfAbsent(label, h);
    return !(answerIsAspect
        && headingFacts(answer).aspect().equals(headingFacts(h).aspect())
        && !(label.contains(" › ") && index.label(answer).contains(" › ")));
  }

  private List<TopicNode> childrenOf(TopicNode parent) {
    if (children == null) {
      children = new java.util.IdentityHashMap<>();
      for (TopicNode h : index.headings) {
        children.computeIfAbsent(index.parentHeading.get(h), x -> new ArrayList<>()).add(h);
      }
    }
    return children.getOrDefault(parent, List.of());
  }

  private Map<TopicNode, List<TopicNode>> children;

  /** Where a heading is in the notes, counted among the headings. */
  private int position(TopicNode h) {
    if (positions == null) {
      positions = new java.util.IdentityHashMap<>();
      for (int i = 0; i < index.headings.size(); i++) {
        positions.put(index.headings.get(i), i);
      }
    }
    return positions.get(h);
  }

  private Map<TopicNode, Integer> positions;

  /** How many of the sibling topics most like the answer's are offered first. */
  private static final int ALIKE = 6;

  /**
   * The sibling topics whose sections share distinctive words with the answer's, most first
   * ("model", "training" for Amazon ML and SageMaker): an ML evaluation concept is then offered
   * among ML topics, not among data pipelines. Found through the headings each word is under, so
   * only the siblings sharing a word are scored.
   */
  private List<TopicNode> ranked(TopicNode answer, TopicNode parent) {
    java.util.Set<String> own = rareWords.getOrDefault(answer, java.util.Set.of());
    if (own.isEmpty()) {
      return List.of();
    }
    // Identity maps: a node's own hash code reads its whole subtree.
    Map<TopicNode, Integer> shared = new java.util.IdentityHashMap<>();
    List<TopicNode> sharing = new ArrayList<>();
    List<String> words = new ArrayList<>(own);
    boolean sampled = index.headings.size() > SCAN;
    if (sampled) {
      // In notes of thousands of topics, the rarest words first and only so many, and only so
      // many topics scored: a word hundreds of topics use tells none of them apart.
      words.sort(
          java.util.Comparator.<String>comparingInt(
                  w -> headingsWith.getOrDefault(w, List.of()).size())
              .thenComparing(w -> w));
    }
    int visited = 0;
    for (String w : words) {
      List<TopicNode> using = headingsWith.getOrDefault(w, List.of());
      if (sampled && (using.size() > SCAN || visited > SCAN * 4)) {
        break;
      }
      visited += using.size();
      for (TopicNode h : using) {
        if (index.parentHeading.get(h) != parent
            || sampled && sharing.size() >= SAMPLE && !shared.containsKey(h)) {
          continue;
        }
        if (shared.merge(h, 1, Integer::sum) == 1) {
          sharing.add(h);
        }
      }
    }
    List<Map.Entry<TopicNode, Double>> scored = new ArrayList<>();
    for (TopicNode h : sharing) {
      if (offerable(answer, h)) {
        int n = shared.get(h);
        int other = rareWords.get(h).size();
        scored.add(Map.entry(h, n / (double) (own.size() + other - n)));
      }
    }
    scored.sort(
        Map.Entry.<TopicNode, Double>comparingByValue()
            .reversed()
            .thenComparing(e -> index.label(e.getKey())));
    return scored.stream().map(Map.Entry::getKey).toList();
  }

  /** For each distinctive word, the headings whose sections use it. */
  private Map<String, List<TopicNode>> headingsWith;

  /** The headings whose sections state one of these numbers. */
  private java.util.Set<TopicNode> stating(List<String> numbers) {
    if (numbers.isEmpty()) {
      return java.util.Set.of();
    }
    if (headingsStating == null) {
      headingsStating = new java.util.HashMap<>();
      for (NotesIndex.Placed p : index.placed) {
        if (p.heading() == null) {
          continue;
        }
        for (NumberMention m : NumberMention.find(p.node().text())) {
          headingsStating
              .computeIfAbsent(
                  m.value().toPlainString(),
                  n -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))
              .add(p.heading());
        }
      }
    }
    java.util.Set<TopicNode> out =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (String n : numbers) {
      out.addAll(headingsStating.getOrDefault(n, java.util.Set.of()));
    }
    return out;
  }

  private Map<String, java.util.Set<TopicNode>> headingsStating;

  private static final java.util.regex.Pattern PART_NUMBER =
      java.util.regex.Pattern.compile(
          "(?i)\\s*(?:[-–:(]\\s*)?(?:part\\s*)?(?:\\d+|[ivx]+|cont(?:inued|'d|\\.)?)\\)?\\s*$");

  /**
   * "Choosing EMR Instance Types - 1" and "- 2" are one topic split in two, so neither is wrong for
   * the other.
   */
  private boolean continues(TopicNode a, TopicNode b) {
    String baseA = headingFacts(a).base();
    return !baseA.equals(a.text()) && baseA.equalsIgnoreCase(headingFacts(b).base());
  }

  private boolean isAspect(TopicNode heading) {
    return headingFacts(heading).aspect() != null;
  }

  /**
   * Per-heading text facts, computed once: distractor tiers compare every heading with every other.
   */
  private record HeadingFacts(String base, String aspect) {}

  private final java.util.Map<TopicNode, HeadingFacts> headingFacts =
      new java.util.IdentityHashMap<>();

  private HeadingFacts headingFacts(TopicNode h) {
    return headingFacts.computeIfAbsent(
        h,
        x ->
            new HeadingFacts(
                PART_NUMBER.matcher(x.text()).replaceFirst(""),
                NotesIndex.isAspect(x) ? NotesIndex.aspect(x) : null));
  }

  /**
   * Distinctive words (found on few lines) of each heading's lines, sub-headings included: a
   * heading whose section shares one with the fact ("memory" for an HBase fact and Spark's "in
   * memory caching") could also be meant, so it is not offered.
   */
  private java.util.Map<TopicNode, java.util.Set<String>> rareWords;

  private java.util.Set<String> common;

  private java.util.Set<String> rare(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : NotesIndex.words(text).strip().split(" ")) {
      if (w.length() >= 4 && !common.contains(stem(w))) {
        out.add(stem(w));
      }
    }
    return out;
  }

  private void indexWords() {
    java.util.Map<String, Integer> lines = new java.util.HashMap<>();
    for (NotesIndex.Placed p : index.placed) {
      java.util.Set<String> stems = new java.util.HashSet<>();
      for (String w : NotesIndex.words(p.node().text()).strip().split(" ")) {
        stems.add(stem(w));
      }
      stems.forEach(w -> lines.merge(w, 1, Integer::sum));
    }
    int limit = Math.max(3, index.placed.size() / 25);
    common = new java.util.HashSet<>();
    lines.forEach(
        (w, n) -> {
          if (n > limit) {
            common.add(w);
          }
        });
    STOP_WORDS.forEach(w -> common.add(stem(w)));
    rareWords = new java.util.IdentityHashMap<>();
    deniedWords = new java.util.IdentityHashMap<>();
    statedWords = new java.util.IdentityHashMap<>();
    sectionWords = new java.util.IdentityHashMap<>();
    sectionLines = new java.util.IdentityHashMap<>();
    headingsWith = new java.util.HashMap<>();
    for (NotesIndex.Placed p : index.placed) {
      java.util.Set<String> rare = rare(p.node().text());
      java.util.Set<String> kinds = kindWords(p.node().text());
      for (TopicNode h = p.heading(); h != null; h = index.parentHeading.get(h)) {
        rareWords.computeIfAbsent(h, x -> new java.util.HashSet<>()).addAll(rare);
        if (!p.antiPattern()) {
          // What a topic is not for says nothing of what kind of thing it is.
          Map<String, Integer> counts =
              sectionWords.computeIfAbsent(h, x -> new java.util.TreeMap<>());
          kinds.forEach(w -> counts.merge(w, 1, Integer::sum));
          sectionLines.merge(h, 1, Integer::sum);
        }
        if (!p.antiPattern()) {
          statedWords.computeIfAbsent(h, x -> new java.util.HashSet<>()).addAll(rare);
        } else if (!advice(p.node().text())) {
          deniedWords.computeIfAbsent(h, x -> new java.util.HashSet<>()).addAll(rare);
        }
      }
    }
    // In the notes' order, so that ties are broken the same way on every run.
    deniedUnder = new java.util.HashMap<>();
    for (TopicNode h : index.headings) {
      for (String w : rareWords.getOrDefault(h, java.util.Set.of())) {
        headingsWith.computeIfAbsent(w, x -> new ArrayList<>()).add(h);
      }
      for (String w : deniedWords.getOrDefault(h, java.util.Set.of())) {
        deniedUnder.computeIfAbsent(w, x -> new ArrayList<>()).add(h);
      }
    }
  }

  /** A crude stem, enough to match "visualize" with "visualized" and "stream" with "streaming". */
  private static String stem(String w) {
    // "models" with "model", "notebooks" with "notebook".
    String s =
        w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    return s.length() > 6 ? s.substring(0, 6) : s;
  }

  private static final java.util.Set<String> STOP_WORDS =
      java.util.Set.of(
          "with", "from", "that", "this", "into", "your", "have", "will", "when", "which", "than",
          "they", "them", "their", "there", "also", "only", "more", "most", "such", "used", "uses",
          "using", "other", "each", "many", "some", "over", "under", "between", "about", "data");

  /**
   * The tiers with, first, the topics whose notes say they do not do what the fact says: "Deep
   * learning" among Amazon ML's anti-patterns makes Amazon ML the wrong option an exam writer would
   * offer for SageMaker's "Can do GPU accelerated deep learning", a tool of the same kind that the
   * notes rule out.
   */
  private List<List<String>> withContrasts(
      TopicNode answer,
      List<List<String>> tiers,
      java.util.Set<String> factWords,
      List<String> numbers) {
    // Only a topic whose anti-patterns share two of the fact's words can be ruled out for it.
    Map<TopicNode, Integer> denying = new java.util.IdentityHashMap<>();
    List<TopicNode> denied = new ArrayList<>();
    java.util.Set<String> candidates = new java.util.HashSet<>();
    for (String w : factWords) {
      for (TopicNode h : deniedUnder.getOrDefault(w, List.of())) {
        if (denying.merge(h, 1, Integer::sum) == 2) {
          candidates.add(index.label(h));
          denied.add(h);
        }
      }
    }
    if (candidates.isEmpty()) {
      return tiers;
    }
    List<String> contrasts = new ArrayList<>();
    if (index.headings.size() > SCAN) {
      // The tiers are samples there, and would hold few of the topics the notes rule out: those
      // are looked up, in the notes' order.
      java.util.Set<TopicNode> stating = stating(numbers);
      denied.sort(java.util.Comparator.comparingInt(this::position));
      for (TopicNode h : denied) {
        if (!stating.contains(h) && offerable(answer, h) && ruledOut(h, factWords)) {
          contrasts.add(index.label(h));
        }
      }
    } else {
      for (List<String> tier : tiers) {
        for (String c : tier) {
          if (candidates.contains(c) && ruledOut(byLabel.get(c), factWords)) {
            contrasts.add(c);
          }
        }
      }
    }
    if (contrasts.isEmpty()) {
      return tiers;
    }
    List<List<String>> out = new ArrayList<>();
    out.add(contrasts);
    for (List<String> tier : tiers) {
      List<String> rest = new ArrayList<>(tier);
      rest.removeAll(contrasts);
      out.add(rest);
    }
    return out;
  }

  /**
   * Distinctive words of each heading's anti-pattern lines ("Deep learning" under Amazon ML's
   * Anti-Patterns): what the notes say the topic is not for, so never a reason to think it could
   * also be meant.
   */
  private java.util.Map<TopicNode, java.util.Set<String>> deniedWords;

  /** For each distinctive word, the headings whose anti-patterns use it. */
  private Map<String, List<TopicNode>> deniedUnder;

  /** Distinctive words of each heading's other lines. */
  private java.util.Map<TopicNode, java.util.Set<String>> statedWords;

  /**
   * Whether the notes rule the topic out for the fact more than they say anything like it: Amazon
   * ML's anti-patterns name "deep learning", and only one word of its other lines ("Learning rate")
   * is the fact's; "train models and vend predictions" it also says of itself, so there it is not
   * ruled out.
   */
  private boolean ruledOut(TopicNode heading, java.util.Set<String> factWords) {
    java.util.Set<String> denied = deniedWords.getOrDefault(heading, java.util.Set.of());
    java.util.Set<String> stated = statedWords.getOrDefault(heading, java.util.Set.of());
    long no = factWords.stream().filter(denied::contains).count();
    long yes = factWords.stream().filter(stated::contains).count();
    // Two words at least: "scale" alone (Amazon ML's "Terabyte-scale data") does not rule a topic
    // out of "interactive queries at petabyte scale".
    return no >= 2 && no > yes;
  }

  /**
   * "Use Kinesis and store data in S3", "Max running time is 900s, use other services like Elastic
   * Beanstalk": an anti-pattern section's advice, which names what to use, not what the topic is
   * not for.
   */
  private static boolean advice(String line) {
    String t = line.strip().toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("use ")
        || t.contains(", use ")
        || t.contains(" instead")
        || t.contains("alternative")
        || t.contains(" is implemented ")
        || t.contains(" is ");
  }

  /**
   * Whether a distinctive word of the fact is one the answer's section uses on other lines too, and
   * none of the offered topics' sections uses: "Can share notebooks with others on the cluster"
   * under Zeppelin, whose section says "Notebook", against Spark, Presto and Hive asks which of
   * these is a notebook; "Can train data from S3" under Amazon ML, whose other lines speak of
   * models and training data, asks which is the machine-learning service. The words only the fact's
   * own line uses ("directed acyclic graphs" under Spark) say what the topic does, not what kind of
   * thing it is.
   */
  private boolean kindTell(
      TopicNode answer,
      java.util.Set<String> factWords,
      java.util.Set<String> ownLine,
      List<String> distractors) {
    java.util.NavigableMap<String, Integer> section =
        sectionWords.getOrDefault(answer, EMPTY_SECTION);
    if (sectionLines.getOrDefault(answer, 0) < THEMED) {
      // "Keeps old files cheaply" beside "Compresses files after a week": two lines that share a
      // word are not yet a theme that tells what kind of thing the topic is.
      return false;
    }
    for (String w : factWords) {
      // Lines other than the fact's own: "train" and "training" on that one line are not two.
      long own = ownLine.stream().filter(o -> o.startsWith(w) || w.startsWith(o)).count();
      if (lines(section, w) - own < 1) {
        continue;
      }
      boolean offered = false;
      for (String d : distractors) {
        TopicNode h = byLabel.get(d);
        if (h != null && lines(sectionWords.getOrDefault(h, EMPTY_SECTION), w) > 0) {
          offered = true;
          break;
        }
      }
      if (!offered) {
        return true;
      }
    }
    return false;
  }

  /**
   * On how many lines of a section a word is, or a word it begins or that begins it ("train" and
   * "training", "note" and "notebook").
   */
  private static int lines(java.util.NavigableMap<String, Integer> section, String word) {
    int n = 0;
    // The words it begins, "notebook" for "note", sit together in the sorted map...
    for (int c : section.subMap(word, true, word + Character.MAX_VALUE, false).values()) {
      n += c;
    }
    // ...and the words that begin it are its own first letters, "train" of "training".
    for (int end = 4; end < word.length(); end++) {
      n += section.getOrDefault(word.substring(0, end), 0);
    }
    return n;
  }

  private static final java.util.NavigableMap<String, Integer> EMPTY_SECTION =
      java.util.Collections.emptyNavigableMap();

  /**
   * The rare words of a text as written, only a plural's ending undone: "notebooks" is "notebook",
   * but "execution" is not "executors", as a stem of six letters would have it. Words ending in
   * "ly" say how, not what kind of thing; a word with a capital inside is a name.
   */
  private java.util.Set<String> kindWords(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String written : text.split("[^\\p{L}\\p{N}#+]+")) {
      String w = written.toLowerCase(java.util.Locale.ROOT);
      if (w.length() < 4
          || common.contains(stem(w))
          || w.endsWith("ly")
          || !written.substring(1).equals(w.substring(1))) {
        // "GraphX", "HiveQL": a name, not a word for a kind of thing.
        continue;
      }
      if (w.endsWith("ies") && w.length() > 5) {
        w = w.substring(0, w.length() - 3) + "y";
      } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 4) {
        w = w.substring(0, w.length() - 1);
      }
      out.add(w);
    }
    return out;
  }

  /** For each heading, how many lines its section has, sub-headings and anti-patterns left out. */
  private java.util.Map<TopicNode, Integer> sectionLines;

  /** A section of at least this many lines has a theme its words can give away. */
  private static final int THEMED = 4;

  /** For each heading, on how many lines of its section (sub-headings too) each kind word is. */
  private java.util.Map<TopicNode, java.util.NavigableMap<String, Integer>> sectionWords;

  private boolean sharesRareWord(TopicNode heading, java.util.Set<String> factWords) {
    java.util.Set<String> words = rareWords.getOrDefault(heading, java.util.Set.of());
    for (String w : factWords) {
      if (words.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private final java.util.Map<String, TopicNode> byLabel = new java.util.HashMap<>();

  private int depth(TopicNode heading) {
    int d = 0;
    for (TopicNode h = index.parentHeading.get(heading);
        h != null;
        h = index.parentHeading.get(h)) {
      d++;
    }
    return d;
  }
}
