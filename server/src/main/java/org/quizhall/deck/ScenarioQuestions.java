package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * Questions that ask the reader to apply the notes rather than recall a line.
 *
 * <p>scenario: a line that says what a thing is used for ("Machine learning using MLLib", "Use
 * DynamoDB to track consistency", "Can execute SQL queries using SparkSQL") becomes a need ("A team
 * using Spark needs machine learning. Which of these should it use?"), the thing the key, and the
 * other members of a list the thing belongs to (the other Spark components) the wrong options:
 * things of the same kind that do something else.
 *
 * <p>comparison: a "HBase vs. DynamoDB" section with a list for each side asks what is true of one
 * rather than the other, the other side's points being the wrong options.
 */
final class ScenarioQuestions {

  static final String SCENARIO = "scenario";
  static final String COMPARISON = "comparison";

  private static final List<String> LINKS = List.of(" using ", " through ", " via ", " with ");
  private static final Set<String> MODALS = Set.of("can", "could", "may", "will");

  /** A lead-in whose items are uses: "Example use cases", "Used for". */
  private static final java.util.regex.Pattern USE_CASES =
      java.util.regex.Pattern.compile("(?i)\\buse ?cases?\\b|\\bused for\\b|\\buses\\b");

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  /** The lists each name-like item belongs to, by its normalised text. */
  private final Map<String, List<NotesIndex.ListInfo>> listsOf = new HashMap<>();

  ScenarioQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
    for (NotesIndex.ListInfo list : index.lists) {
      if (list.antiPattern()) {
        continue;
      }
      for (TopicNode item : list.items()) {
        listsOf
            .computeIfAbsent(NotesIndex.norm(NotesIndex.itemText(item)), k -> new ArrayList<>())
            .add(list);
      }
    }
  }

  void generate() {
    if (!index.english) {
      // A need ("A team using Spark needs …") and a comparative ("… scales better than …") are
      // English
      // sentences built around the notes' words; other languages get neither.
      return;
    }
    for (NotesIndex.Placed p : index.placed) {
      TopicNode node = p.node();
      if ((node.kind() == NodeKind.STATEMENT
              || node.kind() == NodeKind.LIST_ITEM
              || node.kind() == NodeKind.NOTE)
          && !p.antiPattern()) {
        scenario(node, p.parent(), p.heading() == null ? node.path() : p.heading().path());
      }
    }
    index.headings.forEach(this::comparison);
  }

  private record Need(String need, String name) {}

  private void scenario(TopicNode node, TopicNode parent, List<String> headings) {
    boolean useCases = parent != null && USE_CASES.matcher(parent.text()).find();
    Need need = need(node.text().strip(), useCases);
    if (need == null) {
      return;
    }
    List<String> options = siblingsOf(need.name());
    if (options.size() < 2) {
      return;
    }
    String topic = index.topicOf(node.path());
    String thing = index.topicOf(headings);
    String subject =
        thing.equals("General")
                || NotesIndex.mentions(need.need(), thing)
                || NotesIndex.norm(thing).equals(NotesIndex.norm(need.name()))
            ? "A team"
            : "A team using " + thing;
    String prompt = subject + " needs " + need.need() + ". Which of these should it use?";
    if (NotesIndex.mentions(prompt, need.name())
        || sharesAWord(need.need(), need.name())
        || abbreviates(need.need(), need.name())) {
      // "needs interactive SQL … Spark SQL": the key would be the option that repeats the need's
      // words.
      return;
    }
    Random random = factory.random(SCENARIO, need.name(), node.text());
    List<String> wrong =
        DistractorPicker.pick(
            need.name(),
            List.of(options),
            o -> !NotesIndex.mentions(prompt, o) && !NotesIndex.mentions(node.text(), o),
            3,
            random);
    if (wrong.size() < 2) {
      return;
    }
    String explanation = String.join(" › ", node.path()) + ": " + node.text();
    out.add(
        node,
        factory.multipleChoice(
            SCENARIO,
            need.name(),
            prompt,
            need.name(),
            wrong,
            explanation,
            new Source(node.line(), node.text(), node.path()),
            topic));
  }

  /**
   * "Machine learning using MLLib", "Can execute SQL queries using SparkSQL", "Use DynamoDB to
   * track consistency".
   */
  static Need need(String text, boolean useCases) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (t.length() > 120) {
      return null;
    }
    String lower = NotesIndex.lowerSameLength(t);
    if (lower.startsWith("use ")) {
      for (String link : List.of(" to ", " for ")) {
        int at = lower.indexOf(link);
        if (at > 4) {
          String name = t.substring(4, at).strip();
          String rest = t.substring(at + link.length()).strip();
          // "Use DynamoDB to track consistency" is too vague a need to choose by: track whose
          // consistency?
          return usableName(name) && words(rest) >= 3 && words(rest) <= 7
              ? new Need((link.equals(" to ") ? "to " : "") + rest, name)
              : null;
        }
      }
      return null;
    }
    for (String link : LINKS) {
      int at = lower.indexOf(link);
      if (at <= 0) {
        continue;
      }
      String task = t.substring(0, at).strip();
      String name = withoutAside(t.substring(at + link.length()).strip());
      if (!usableName(name)) {
        return null;
      }
      String[] words = task.split("\\s+");
      String first = words[0].toLowerCase(Locale.ROOT);
      if (MODALS.contains(first) && words.length >= 3 && words.length <= 7) {
        return new Need("to " + task.substring(task.indexOf(' ') + 1), name);
      }
      // "Query data interactively using Python" says how, not what to use: the notes' answer there
      // is the
      // notebook the line sits under, so a line that starts with its own verb is not made a need.
      String last = words[words.length - 1].toLowerCase(Locale.ROOT);
      boolean activity = useCases || last.endsWith("ing");
      if (activity
          && words.length >= 2
          && words.length <= 4
          && !MODALS.contains(first)
          && !NotesIndex.shape(task).hasVerb()) {
        return new Need(lowerFirst(task), name);
      }
      return null;
    }
    return null;
  }

  /**
   * "machine learning" and "MLLib": the key's name starts with the initials of two or more words of
   * the need, so the option that spells the need's abbreviation is the guess.
   */
  static boolean abbreviates(String need, String name) {
    String[] words = need.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].length() < 3 || words[i + 1].length() < 3) {
        continue;
      }
      String initials = "" + words[i].charAt(0) + words[i + 1].charAt(0);
      if (key.startsWith(initials) || key.endsWith(initials)) {
        return true;
      }
    }
    return false;
  }

  /** The other members of the name-like lists that hold {@code name}. */
  private final Map<String, List<String>> siblings = new HashMap<>();

  private List<String> siblingsOf(String name) {
    return siblings.computeIfAbsent(NotesIndex.norm(name), k -> computeSiblings(name));
  }

  private List<String> computeSiblings(String name) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (NotesIndex.ListInfo list : listsOf.getOrDefault(NotesIndex.norm(name), List.of())) {
      List<String> texts = list.items().stream().map(NotesIndex::itemText).toList();
      if (texts.size() < 3 || !texts.stream().allMatch(ScenarioQuestions::usableName)) {
        continue;
      }
      for (String t : texts) {
        if (!NotesIndex.norm(t).equals(NotesIndex.norm(name))) {
          out.add(t);
        }
      }
    }
    return List.copyOf(out);
  }

  private void comparison(TopicNode heading) {
    String text = heading.text().strip();
    String lower = NotesIndex.lowerSameLength(text);
    int at = -1;
    int skip = 0;
    for (String sep : List.of(" vs. ", " vs ", " versus ")) {
      at = lower.indexOf(sep);
      if (at > 0) {
        skip = sep.length();
        break;
      }
    }
    if (at <= 0) {
      if (lower.startsWith("vs. ") || lower.startsWith("vs ") || lower.startsWith("versus ")) {
        TopicNode above = index.parentHeading.get(heading);
        String other = text.substring(text.indexOf(' ') + 1).strip();
        if (above != null && !other.isEmpty()) {
          comparatives(heading, index.label(above), other, heading.children());
        }
      }
      return;
    }
    String left = text.substring(0, at).strip();
    String right = text.substring(at + skip).strip();
    TopicNode a = side(heading, left);
    TopicNode b = side(heading, right);
    if (a == null || b == null) {
      return;
    }
    compare(heading, a, b);
    compare(heading, b, a);
    comparatives(heading, a.text().strip(), b.text().strip(), points(a));
    comparatives(heading, b.text().strip(), a.text().strip(), points(b));
  }

  private static final Set<String> COMPARATIVES =
      Set.of(
          "more",
          "less",
          "fewer",
          "higher",
          "lower",
          "better",
          "worse",
          "faster",
          "slower",
          "cheaper",
          "larger",
          "smaller",
          "greater",
          "easier",
          "harder",
          "stronger",
          "weaker");

  /**
   * The points of a comparison as statements about both sides: "Scales better" under "Vs. Amazon
   * ML" in Amazon SageMaker's section is true as "Amazon SageMaker scales better than Amazon ML"
   * and false the other way round.
   */
  private void comparatives(
      TopicNode heading, String subject, String other, List<TopicNode> points) {
    // True and false in turn, starting either way: half the statements are the notes' and half
    // turned round.
    boolean truth = factory.random(COMPARISON, "claims", heading.text() + subject).nextBoolean();
    for (TopicNode point : points) {
      String claim = comparative(point.text().strip());
      if (claim == null
          || NotesIndex.mentions(claim, subject)
          || NotesIndex.mentions(claim, other)) {
        continue;
      }
      truth = !truth;
      String statement =
          (truth ? subject : other) + " " + claim + " than " + (truth ? other : subject) + ".";
      String fact = subject + " " + claim + " than " + other + ".";
      out.add(
          point,
          factory.trueFalse(
              COMPARISON,
              "claim",
              "True or false? " + statement,
              truth,
              fact,
              new Source(point.line(), point.text(), heading.path()),
              index.topicOf(point.path())));
    }
  }

  /**
   * "Scales better" → "scales better"; "More flexibility" → "has more flexibility"; anything else →
   * null.
   */
  static String comparative(String point) {
    String[] words = point.split("\\s+");
    if (words.length < 2 || words.length > 8 || point.contains(",") || point.contains("(")) {
      return null;
    }
    String first = words[0].toLowerCase(Locale.ROOT);
    String second = words[1].toLowerCase(Locale.ROOT);
    String rest = point.substring(point.indexOf(' ') + 1);
    if (COMPARATIVES.contains(first)) {
      return "has " + first + " " + rest;
    }
    boolean verb = first.endsWith("s") && !first.endsWith("ss") && first.length() > 3;
    if (verb && COMPARATIVES.contains(second)) {
      return first + " " + rest;
    }
    return null;
  }

  private static TopicNode side(TopicNode heading, String name) {
    for (TopicNode c : heading.children()) {
      if (NotesIndex.norm(c.text()).equals(NotesIndex.norm(name)) && !points(c).isEmpty()) {
        return c;
      }
    }
    return null;
  }

  private void compare(TopicNode heading, TopicNode side, TopicNode other) {
    List<String> others = points(other).stream().map(NotesIndex::itemText).toList();
    String prompt =
        "Which of these is true of "
            + side.text().strip()
            + " rather than "
            + other.text().strip()
            + "?";
    int asked = 0;
    for (TopicNode item : points(side)) {
      if (asked == 2) {
        break;
      }
      String key = NotesIndex.itemText(item);
      Random random = factory.random(COMPARISON, key, item.text());
      List<String> wrong =
          DistractorPicker.pick(
              key, List.of(others), o -> !NotesIndex.mentions(o, side.text().strip()), 3, random);
      if (wrong.size() < 3 || NotesIndex.mentions(key, other.text().strip())) {
        continue;
      }
      String explanation =
          heading.text()
              + ": "
              + side.text()
              + ": "
              + String.join("; ", points(side).stream().map(TopicNode::text).toList())
              + ". "
              + other.text()
              + ": "
              + String.join("; ", others);
      out.add(
          item,
          factory.multipleChoice(
              COMPARISON,
              key,
              prompt,
              key,
              wrong,
              explanation,
              new Source(item.line(), item.text(), heading.path()),
              index.topicOf(item.path())));
      asked++;
    }
  }

  /**
   * The points made about one side of a comparison: the lines under it that have none of their own.
   */
  private static List<TopicNode> points(TopicNode side) {
    return side.children().stream()
        .filter(
            c ->
                (c.kind() == NodeKind.LIST_ITEM
                        || c.kind() == NodeKind.NOTE
                        || c.kind() == NodeKind.STATEMENT)
                    && c.children().isEmpty())
        .toList();
  }

  /**
   * Whether the thing's name repeats a word of the need ("stream processing", "Spark Streaming").
   */
  static boolean sharesAWord(String need, String name) {
    java.util.Set<String> needWords = new java.util.HashSet<>();
    for (String w : need.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3) {
        needWords.add(stem(w));
      }
    }
    for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+|(?<=[a-z])(?=sql)")) {
      if (w.length() >= 3 && needWords.contains(stem(w))) {
        return true;
      }
    }
    return false;
  }

  private static String stem(String word) {
    for (String end : List.of("ing", "ed", "es", "s")) {
      if (word.endsWith(end) && word.length() - end.length() >= 3) {
        return word.substring(0, word.length() - end.length());
      }
    }
    return word;
  }

  private static boolean usableName(String name) {
    BulletShape shape = NotesIndex.shape(name);
    return !name.isEmpty() && name.length() <= 40 && shape.wordCount() <= 4 && shape.isNameLike();
  }

  private static String withoutAside(String text) {
    int open = text.indexOf(" (");
    return open > 0 ? text.substring(0, open).strip() : text;
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  private static String lowerFirst(String text) {
    String first = text.split("\\s+", 2)[0];
    boolean name = first.chars().skip(1).anyMatch(Character::isUpperCase) || first.length() <= 1;
    return name ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
