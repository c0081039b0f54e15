package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;
import org.quizhall.notes.TopicTree;

/** The topic tree seen from the generator: lists, headings and facts with their surroundings. */
final class NotesIndex {

  private static final Pattern ANTI_PATTERN =
      Pattern.compile(
          "(?i)anti[- ]?patterns?|pitfalls?|don'?ts|not recommended|when not to use|misuses?");
  private static final Set<String> QUALIFIERS =
      Set.of("aws", "amazon", "apache", "microsoft", "google", "azure", "the", "a", "an");

  /** A list: the node that introduces it (a lead-in or a heading) and its items. */
  record ListInfo(
      TopicNode parent,
      List<TopicNode> items,
      TopicNode heading,
      boolean open,
      boolean antiPattern) {
    boolean headedByHeading() {
      return parent.isHeading();
    }
  }

  /** A node with the heading it sits under and the parent that gives it context, if any. */
  record Placed(TopicNode node, TopicNode heading, TopicNode parent, boolean antiPattern) {}

  final TopicTree tree;
  final List<TopicNode> headings = new ArrayList<>();
  final Map<TopicNode, TopicNode> parentHeading = new IdentityHashMap<>();
  final List<ListInfo> lists = new ArrayList<>();
  final List<Placed> placed = new ArrayList<>();
  final Map<TopicNode, ListInfo> listOfItem = new IdentityHashMap<>();
  final Map<TopicNode, String> labels = new IdentityHashMap<>();

  /** Each line's parent (a heading or the line it is nested under). */
  final Map<TopicNode, TopicNode> parents = new IdentityHashMap<>();

  /**
   * Lower-case name words of headings, e.g. "lambda" for "AWS Lambda": never lower-cased in
   * prompts.
   */
  final Set<String> nameWords = new HashSet<>();

  private final boolean singleTopLevel;

  /**
   * Whether the notes are in English. The templates that join the notes' own words into an English
   * sentence ("Nucleus stores …", "how many …", "A team using X needs …") are used only then; notes
   * in another language are asked in forms that quote their words as written.
   */
  final boolean english;

  NotesIndex(TopicTree tree) {
    this.tree = tree;
    this.english = english(tree);
    this.singleTopLevel = tree.roots().stream().filter(TopicNode::isHeading).count() == 1;
    walk(tree.roots(), null, null, false);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (TopicNode h : headings) {
      counts.merge(norm(h.text()), 1, Integer::sum);
      String[] words = h.text().split("\\s+");
      for (int i = 0; i < words.length; i++) {
        boolean capitalised = !words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0));
        if (capitalised && (i > 0 || !parentHeading.containsKey(h))) {
          nameWords.add(words[i].toLowerCase(Locale.ROOT));
        }
      }
    }
    for (TopicNode h : headings) {
      TopicNode parent = parentHeading.get(h);
      boolean ambiguous = counts.get(norm(h.text())) > 1 || isAspect(h) && !namesParent(h, parent);
      labels.put(h, ambiguous && parent != null ? parent.text() + " › " + h.text() : h.text());
    }
  }

  /** English function words, none of them common in the other languages notes are written in. */
  private static final Set<String> ENGLISH_WORDS =
      Set.of(
          "the", "of", "and", "to", "is", "are", "for", "with", "that", "this", "it", "from", "can",
          "be", "or", "by", "as", "its", "was", "were", "which", "has", "have");

  /**
   * At least one word in twelve an English function word (English prose has about one in four),
   * counted over the lines of four words or more outside tables; notes with hardly any such prose
   * (a table, a list of names) are taken to be English, the language of the questions around them.
   */
  static boolean english(TopicTree tree) {
    long words = 0;
    long function = 0;
    for (TopicNode n : tree.nodes()) {
      if (n.kind() == NodeKind.TABLE || n.kind() == NodeKind.TABLE_ROW) {
        continue;
      }
      String[] split = n.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
      if (split.length < 4) {
        continue;
      }
      for (String w : split) {
        if (!w.isEmpty()) {
          words++;
          if (ENGLISH_WORDS.contains(w)) {
            function++;
          }
        }
      }
      if (words > 20_000) {
        break;
      }
    }
    return words < 40 || function * 12 >= words;
  }

  private void walk(List<TopicNode> nodes, TopicNode heading, TopicNode parent, boolean anti) {
    List<TopicNode> items = new ArrayList<>();
    for (TopicNode n : nodes) {
      if (n.isHeading()) {
        headings.add(n);
        if (heading != null) {
          parentHeading.put(n, heading);
        }
        walk(n.children(), n, n, anti || ANTI_PATTERN.matcher(n.text()).find());
        continue;
      }
      placed.add(new Placed(n, heading, parent, anti));
      parents.put(n, parent);
      if (n.kind() == NodeKind.LIST_ITEM) {
        items.add(n);
      }
      walk(n.children(), heading, n, anti);
    }
    if (!items.isEmpty() && parent != null) {
      ListInfo list = new ListInfo(parent, items, heading, parent.openList(), anti);
      lists.add(list);
      for (TopicNode item : items) {
        listOfItem.put(item, list);
      }
    }
  }

  private static final Pattern ASPECT =
      Pattern.compile(
          "(?i)anti[- ]?patterns?|promises|limitations|integration|^vs\\.?\\s|usage|security|features|pitfalls");

  /**
   * An aspect of its parent ("Anti-patterns", "AWS Integration") rather than a subject of its own.
   */
  static boolean isAspect(TopicNode heading) {
    return ASPECT.matcher(heading.text()).find();
  }

  /** The aspect word of an aspect heading, e.g. "integration", or "" for a subject heading. */
  static String aspect(TopicNode heading) {
    java.util.regex.Matcher m = ASPECT.matcher(heading.text());
    return m.find() ? m.group().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") : "";
  }

  private static boolean namesParent(TopicNode heading, TopicNode parent) {
    return parent != null && key(parent.text()).stream().anyMatch(w -> mentions(heading.text(), w));
  }

  String label(TopicNode heading) {
    return labels.getOrDefault(heading, heading.text());
  }

  /**
   * The top-level topic a node counts towards; with one top heading, its sub-headings are the
   * topics.
   */
  String topicOf(List<String> path) {
    if (path.isEmpty()) {
      return "General";
    }
    return singleTopLevel && path.size() > 1 ? path.get(1) : path.get(0);
  }

  List<String> topics() {
    if (singleTopLevel) {
      return tree.roots().stream()
          .filter(TopicNode::isHeading)
          .findFirst()
          .orElseThrow()
          .children()
          .stream()
          .filter(TopicNode::isHeading)
          .map(TopicNode::text)
          .toList();
    }
    return tree.topics();
  }

  boolean isAncestorOrSelf(TopicNode maybeAncestor, TopicNode heading) {
    for (TopicNode h = heading; h != null; h = parentHeading.get(h)) {
      if (h == maybeAncestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Distinctive words of a heading ("lambda" for "AWS Lambda", "anti", "patterns" for
   * "Anti-patterns").
   */
  static List<String> key(String heading) {
    List<String> words = new ArrayList<>();
    for (String w : heading.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !QUALIFIERS.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  static String norm(String s) {
    return AnswerMatcher.normalize(s);
  }

  /**
   * {@code s} in lower case letter by letter, as long as {@code s}: an index found in it is an
   * index into {@code s}, which {@code toLowerCase} does not promise ("İ" becomes two chars).
   */
  static String lowerSameLength(String s) {
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(out[i]);
    }
    return new String(out);
  }

  /** Whether {@code text} contains {@code phrase} as whole words, ignoring case and punctuation. */
  static boolean mentions(String text, String phrase) {
    return mentionsIn(words(text), phrase);
  }

  /** As {@link #mentions}, for a text already passed through {@link #words}. */
  static boolean mentionsIn(String wordsOfText, String phrase) {
    String p = words(phrase);
    return p.length() > 2 && wordsOfText.contains(p);
  }

  /**
   * Lower-case words separated and surrounded by single spaces, so whole-word search is a substring
   * search.
   */
  static String words(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '#' || c == '+') {
        out.append(Character.toLowerCase(c));
      } else if (out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
    if (out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
    return out.toString();
  }

  /**
   * Words of the non-item lines directly under each heading, for checking what a section already
   * says.
   */
  List<String> sectionWords(TopicNode heading) {
    if (sectionWords == null) {
      sectionWords = new IdentityHashMap<>();
      for (Placed p : placed) {
        if (p.node().kind() != NodeKind.LIST_ITEM) {
          sectionWords
              .computeIfAbsent(p.heading(), h -> new ArrayList<>())
              .add(words(p.node().text()));
        }
      }
    }
    return sectionWords.getOrDefault(heading, List.of());
  }

  private Map<TopicNode, List<String>> sectionWords;

  /** Words of every non-item line and heading of a top-level topic. */
  List<String> topicWords(String topic) {
    if (topicWords == null) {
      topicWords = new java.util.HashMap<>();
      for (Placed p : placed) {
        if (p.node().kind() != NodeKind.LIST_ITEM) {
          topicWords
              .computeIfAbsent(topicOf(p.node().path()), t -> new ArrayList<>())
              .add(words(p.node().text()));
        }
      }
      for (TopicNode h : headings) {
        topicWords.computeIfAbsent(topicOf(h.path()), t -> new ArrayList<>()).add(words(h.text()));
      }
    }
    return topicWords.getOrDefault(topic, List.of());
  }

  private Map<String, List<String>> topicWords;

  /**
   * All of {@link #topicWords} as one string. Each part starts and ends with a space, so joined
   * parts meet at a double space and a phrase can never match across two lines.
   */
  String topicText(String topic) {
    return topicTexts.computeIfAbsent(topic, t -> String.join("", topicWords(t)));
  }

  String sectionText(TopicNode heading) {
    return sectionTexts.computeIfAbsent(heading, h -> String.join("", sectionWords(h)));
  }

  /**
   * Lower-case words the notes write after "a", "the", "no" and the like: common nouns ("a
   * nucleus").
   */
  private Set<String> commonNouns;

  private final Set<String> capitalisedInside = new HashSet<>();
  private final Set<String> lowercaseInside = new HashSet<>();

  /**
   * Whether the notes write a word in lower case inside a line and never capitalise it there:
   * "photosynthesis" is a concept, where "Lambda" or "Kinesis", capitalised wherever they appear,
   * are names.
   */
  boolean writtenLowercase(String word) {
    readWordCases();
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return lowercaseInside.contains(w) && !capitalisedInside.contains(w);
  }

  /**
   * Whether the notes write a word in lower case inside a line at least once ("Hive metastore").
   */
  boolean everWrittenLowercase(String word) {
    readWordCases();
    return lowercaseInside.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether the notes write a word capitalised inside their lines and never in lower case: "Amazon"
   * or "Spark" is a name, kept as written wherever a question quotes it.
   */
  boolean writtenAsName(String word) {
    readWordCases();
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return capitalisedInside.contains(w) && !lowercaseInside.contains(w);
  }

  /**
   * Whether the notes use {@code word} as a common noun somewhere: "Have a nucleus", "No nucleus".
   */
  boolean isCommonNoun(String word) {
    readWordCases();
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return commonNouns.contains(w) && !capitalisedInside.contains(w);
  }

  /**
   * How the notes write each word inside their lines: after an article, in lower case, capitalised.
   * Once.
   */
  private void readWordCases() {
    if (commonNouns == null) {
      commonNouns = new HashSet<>();
      for (Placed p : placed) {
        String[] words = p.node().text().split("[^\\p{L}\\p{N}'-]+");
        for (int i = 1; i < words.length; i++) {
          String w = words[i];
          if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
            lowercaseInside.add(w);
          }
          if (!w.isEmpty()
              && Character.isLowerCase(w.charAt(0))
              && DETERMINERS.contains(words[i - 1].toLowerCase(java.util.Locale.ROOT))) {
            commonNouns.add(w);
          } else if (!w.isEmpty()
              && Character.isUpperCase(w.charAt(0))
              && !words[i - 1].isEmpty()) {
            // "jobs written for Spark": capitalised inside a line, a name.
            capitalisedInside.add(w.toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
    }
  }

  private static final Set<String> DETERMINERS =
      Set.of("a", "an", "the", "no", "each", "every", "this", "that", "its", "their", "our", "one");

  private final Map<String, String> topicTexts = new java.util.HashMap<>();
  private final Map<TopicNode, String> sectionTexts = new IdentityHashMap<>();

  /** The text to show for a list item: product names lose their trailing remark. */
  static String itemText(TopicNode item) {
    BulletShape shape = shape(item.text());
    return shape.isNameLike() ? shape.core() : item.text();
  }

  private static final Map<String, BulletShape> SHAPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Shapes of option texts, memoised: distractor search asks about the same few texts many times.
   */
  static BulletShape shape(String text) {
    if (SHAPES.size() > 50_000) {
      SHAPES.clear();
    }
    return SHAPES.computeIfAbsent(text, BulletShape::of);
  }
}
