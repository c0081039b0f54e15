package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * comparison, as a choose-two over parallel lists: sibling bullets that each describe a thing in a
 * few lines of their own ("Prokaryotic cells: no nucleus, typically 1 to 10 micrometres across"
 * beside "Eukaryotic cells: have a nucleus, typically 10 to 100 micrometres across") ask "Which two
 * of these are true of prokaryotic cells?", the wrong options being what the notes say of a
 * sibling. It tests telling the two apart, which recalling one line does not. English notes only:
 * the prompt is an English sentence.
 */
final class GroupComparisons {

  /**
   * A group's lines must read as descriptions, not a list of names: "Diffusion, Osmosis" are
   * members.
   */
  private static final double MIN_MEAN_WORDS = 3;

  private static final int MAX_LINE = 90;

  /**
   * At most this many questions from one set of siblings, so one part of the notes does not fill a
   * round.
   */
  private static final int PER_PARENT = 2;

  private static final java.util.regex.Pattern MASS_ENDINGS =
      java.util.regex.Pattern.compile("(?:sis|tion|sion|ism|ing|ence|ance|ity)$");
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "is", "are",
          "has", "have", "its", "their", "it", "they", "be", "can", "as", "at", "from", "no", "not",
          "never", "without", "cannot", "doesn", "don", "isn", "aren", "t");
  private static final java.util.regex.Pattern VERSUS =
      java.util.regex.Pattern.compile("(?i)\\b(?:vs\\.?|versus)(?:\\s|$)");
  private static final Set<String> CONTINUATIONS =
      Set.of(
          "because", "but", "so", "and", "or", "which", "that", "then", "also", "e.g.", "i.e.",
          "etc", "etc.");
  private static final Set<String> NEGATIONS =
      Set.of(
          "no", "not", "never", "without", "cannot", "doesn", "don", "isn", "aren", "won", "can t",
          "nor");

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  GroupComparisons(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  void generate() {
    if (!index.english) {
      return;
    }
    for (TopicNode parent : index.tree.nodes()) {
      List<TopicNode> groups =
          parent.children().stream().filter(GroupComparisons::isGroup).toList();
      if (groups.size() >= 2 && groups.size() <= 12 && parallel(parent, groups)) {
        int asked = 0;
        for (TopicNode group : groups) {
          if (asked < PER_PARENT && ask(parent, group, groups)) {
            asked++;
          }
        }
      }
      bySubject(parent);
      // "Ribosomes" with one line of its own is still a thing to name, and to be offered among its
      // siblings.
      List<TopicNode> things = parent.children().stream().filter(c -> isGroup(c, 1)).toList();
      if (things.size() >= 3 && things.size() <= 12 && parallel(parent, things)) {
        for (TopicNode thing : things) {
          identify(parent, thing, things);
        }
      }
    }
  }

  /**
   * Whether the bullets name things of one kind, to be told apart: they share a last word ("Master
   * node (leader node)", "Core node"), or are short names under a plural heading ("Organelles").
   * "Distributed processing system" beside "Example use cases" are remarks on Spark.
   */
  private static boolean parallel(TopicNode parent, List<TopicNode> groups) {
    List<String> names =
        groups.stream().map(g -> g.text().replaceAll("\\s*\\([^()]{0,60}\\)", "").strip()).toList();
    if (VERSUS.matcher(parent.text()).find()) {
      // "HBase vs. DynamoDB" is asked side against side already (ScenarioQuestions).
      return false;
    }
    if (MatchingQuestions.alike(parent, names)) {
      return true;
    }
    // "## Biology processes" over "### Photosynthesis", "### Osmosis": sections that each name one
    // thing of the
    // kind the parent heading counts.
    String[] kind = parent.text().strip().toLowerCase(Locale.ROOT).split("\\s+");
    String last = kind[kind.length - 1];
    return parent.isHeading()
        && kind.length <= 3
        && last.length() > 3
        && last.endsWith("s")
        && !last.endsWith("ss")
        && groups.stream()
            .allMatch(
                g ->
                    g.isHeading()
                        && g.text().strip().split("\\s+").length <= 3
                        && !NotesIndex.shape(g.text()).hasVerb()
                        && !category(g.text()));
  }

  /**
   * "Commands", "Ideas": a section that gathers things of a kind, not one thing to tell from its
   * siblings.
   */
  private static boolean category(String heading) {
    String[] words = heading.strip().toLowerCase(Locale.ROOT).split("\\s+");
    String w = words[words.length - 1];
    return w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")
        && !w.endsWith("ics");
  }

  /** A bullet with two to eight lines of its own under it, each a leaf. */
  private static boolean isGroup(TopicNode node) {
    return isGroup(node, 2);
  }

  private static boolean isGroup(TopicNode node, int minLines) {
    // "## Osmosis" over its lines is a group as a bullet over its sub-bullets is.
    if (node.kind() != NodeKind.LIST_LEAD_IN
        && node.kind() != NodeKind.LIST_ITEM
        && node.kind() != NodeKind.NOTE
        && node.kind() != NodeKind.HEADING) {
      return false;
    }
    List<TopicNode> lines = node.children();
    String name = node.text().strip();
    // A thing's name as the notes write it, "Prokaryotic cells" or "HBase": "distributed processing
    // system" or
    // "optimized for OLAP" under a heading describes the heading, and has no siblings to be told
    // apart from.
    if (lines.size() < minLines
        || lines.size() > 8
        || name.length() > 40
        || name.isEmpty()
        || !Character.isUpperCase(name.codePointAt(0))
        || name.endsWith(":")
        || name.endsWith("?")) {
      return false;
    }
    int words = 0;
    for (TopicNode c : lines) {
      // "m4.large if < 50 nodes" is shorthand whose truth for a sibling the notes leave open.
      if (!c.children().isEmpty()
          || c.text().length() > MAX_LINE
          || c.text().indexOf('<') >= 0
          || c.text().indexOf('>') >= 0
          || !(c.kind() == NodeKind.LIST_ITEM
              || c.kind() == NodeKind.STATEMENT
              || c.kind() == NodeKind.NOTE)) {
        return false;
      }
      words += c.text().strip().split("\\s+").length;
      if (node.isHeading() && NotesIndex.shape(c.text()).isItemLike()) {
        // "## Transactions" over "Atomicity", "Consistency": a section listing names, not
        // describing a thing.
        return false;
      }
    }
    return words >= MIN_MEAN_WORDS * lines.size();
  }

  private boolean ask(TopicNode parent, TopicNode group, List<TopicNode> groups) {
    String name = group.text().strip();
    List<String> names = groups.stream().map(g -> g.text().strip()).toList();
    // A line naming its own thing or a sibling ("Lambda is stateless") tells which it belongs to.
    List<String> keys = usable(group, names);
    if (keys.size() < 2) {
      return false;
    }
    List<String> others = new ArrayList<>();
    for (TopicNode g : groups) {
      if (g != group) {
        for (String line : usable(g, names)) {
          // Never a wrong option a careful reader could defend: what a sibling shares with this
          // group.
          if (keys.stream().noneMatch(k -> alike(k, line))
              && others.stream().noneMatch(o -> alike(o, line))) {
            others.add(line);
          }
        }
      }
    }
    if (others.size() < 3) {
      // Two keys against two wrong lines, often each key's opposite ("No nucleus" beside "Have a
      // nucleus"), is two true/false guesses: a choose two offers five, as a certification exam's.
      return false;
    }
    Random random = factory.random(ScenarioQuestions.COMPARISON, "group:" + name, group.text());
    List<String> right = new ArrayList<>(keys);
    Collections.shuffle(right, random);
    right = right.subList(0, 2);
    List<String> wrong = new ArrayList<>(others);
    Collections.shuffle(wrong, random);
    wrong = wrong.subList(0, Math.min(3, wrong.size()));
    // "Cassandra", written capitalised inside the notes' lines, is a name and keeps its capital.
    String said = index.writtenAsName(name.strip().split("\\s+", 2)[0]) ? name : subject(name);
    String prompt = "Which two of these are true of " + said + "? (Choose two.)";
    StringBuilder explanation =
        new StringBuilder(name).append(": ").append(String.join("; ", keys));
    for (TopicNode g : groups) {
      List<String> lines =
          g.children().stream()
              .map(c -> c.text().strip())
              .filter(t -> !t.isEmpty())
              .map(GroupComparisons::capitalised)
              .toList();
      if (g != group && lines.stream().anyMatch(wrong::contains)) {
        explanation
            .append(". ")
            .append(g.text().strip())
            .append(": ")
            .append(String.join("; ", lines));
      }
    }
    // "Stores the genetic material" offered beside "Produce ATP" as true of mitochondria: the verb
    // that does not agree with the subject marks the option as said of something else.
    boolean plural = plural(name, group.children().stream().map(c -> c.text().strip()).toList());
    List<String> rightShown = right.stream().map(l -> agreeing(l, plural)).toList();
    List<String> wrongShown = wrong.stream().map(l -> agreeing(l, plural)).toList();
    out.add(
        group,
        factory.multipleResponse(
            ScenarioQuestions.COMPARISON,
            "group:" + name,
            prompt,
            rightShown,
            wrongShown,
            explanation.toString(),
            new Source(group.line(), group.text(), group.path()),
            index.topicOf(group.path())));
    return true;
  }

  /** At most this many "which organelle …" questions from one thing's lines. */
  private static final int IDENTIFY_PER_GROUP = 2;

  /**
   * "Which organelle produces ATP through cellular respiration?" with Mitochondria against the
   * other organelles: a line that says what one of three or more parallel things does names the
   * thing, its siblings the wrong options. Only lines that start with their verb, which reads as a
   * question about a thing once conjugated, and never one a sibling's lines also say.
   */
  private void identify(TopicNode parent, TopicNode group, List<TopicNode> groups) {
    String name = group.text().strip();
    List<String> names = groups.stream().map(g -> g.text().strip()).toList();
    String kind = kindOf(parent);
    int asked = 0;
    for (String line : usable(group, names)) {
      String predicate = predicate(line);
      if (asked >= IDENTIFY_PER_GROUP || predicate == null || negated(line)) {
        // "Needs no energy from the cell" is as true of diffusion, which the notes never say it of.
        continue;
      }
      List<String> distractors = new ArrayList<>();
      for (TopicNode g : groups) {
        if (g != group && usable(g, names).stream().noneMatch(o -> alike(o, line))) {
          distractors.add(g.text().strip());
        }
      }
      if (distractors.size() < 2) {
        continue;
      }
      Random random = factory.random(TopicQuestions.KIND, "sibling", line);
      Collections.shuffle(distractors, random);
      distractors = distractors.subList(0, Math.min(3, distractors.size()));
      String prompt = "Which " + kind + " " + predicate + "?";
      if (TopicQuestions.givesAway(prompt, name)) {
        continue;
      }
      String explanation = name + ": " + String.join("; ", usable(group, names)) + ".";
      TopicNode node =
          group.children().stream()
              .filter(c -> capitalised(c.text().strip()).equals(line))
              .findFirst()
              .orElse(group);
      out.add(
          node,
          factory.multipleChoice(
              TopicQuestions.KIND,
              "sibling",
              prompt,
              name,
              distractors,
              explanation,
              new Source(node.line(), node.text(), node.path()),
              index.topicOf(node.path())));
      asked++;
    }
  }

  /**
   * "organelle" under "Organelles", "process" under "Biology processes"; "of these" under anything
   * else.
   */
  private static String kindOf(TopicNode parent) {
    String text = parent.text().strip().replaceAll("\\s*\\([^()]{0,60}\\)", "");
    String[] words = text.split("\\s+");
    String last = words[words.length - 1].toLowerCase(Locale.ROOT);
    if (!parent.isHeading()
        || words.length > 3
        || last.length() <= 3
        || !last.endsWith("s")
        || last.endsWith("ss")
        || !text.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-')) {
      return "of these";
    }
    if (words.length == 3) {
      text = words[1] + " " + words[2];
    }
    String phrase =
        text.toLowerCase(Locale.ROOT).equals(text) || words.length == 1
            ? text.toLowerCase(Locale.ROOT)
            : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    return TableQuestions.singular(phrase);
  }

  private static final Set<String> MODALS =
      Set.of("can", "cannot", "may", "must", "will", "should", "could");
  private static final Set<String> PREPOSITIONS =
      Set.of(
          "by", "in", "of", "from", "with", "to", "at", "on", "into", "inside", "within", "for",
          "as");
  private static final Set<String> PARTICIPLES =
      Set.of(
          "found", "made", "built", "known", "held", "kept", "seen", "given", "taken", "written",
          "shown", "bound");

  /** Verbs a line describing a thing starts with, in their plain form. */
  private static final Set<String> VERBS =
      Set.of(
          "produce",
          "build",
          "make",
          "store",
          "release",
          "convert",
          "move",
          "carry",
          "contain",
          "control",
          "transport",
          "protect",
          "package",
          "ship",
          "read",
          "go",
          "take",
          "break",
          "synthesise",
          "synthesize",
          "digest",
          "absorb",
          "pump",
          "regulate",
          "detect",
          "send",
          "form",
          "allow",
          "keep",
          "give",
          "hold",
          "host",
          "run",
          "coordinate",
          "manage",
          "process",
          "provide",
          "support",
          "use",
          "create",
          "generate",
          "filter",
          "split",
          "join",
          "link",
          "connect",
          "copy",
          "scan",
          "query",
          "stream",
          "track",
          "monitor",
          "handle",
          "enable",
          "operate",
          "receive",
          "transmit",
          "supply",
          "remove",
          "add",
          "turn",
          "change",
          "cause",
          "increase",
          "decrease",
          "reduce",
          "raise",
          "lower",
          "trigger",
          "block",
          "bind",
          "attach",
          "divide",
          "replicate",
          "encode",
          "decode",
          "translate",
          "transcribe",
          "require",
          "need",
          "depend",
          "rely",
          "lead",
          "result",
          "occur",
          "happen",
          "appear",
          "live",
          "grow",
          "show",
          "set",
          "download",
          "fetch",
          "merge",
          "point",
          "record",
          "stage",
          "share",
          "list",
          "display",
          "print",
          "delete",
          "rename",
          "undo",
          "revert",
          "reset",
          "apply",
          "push",
          "pull",
          "return",
          "write",
          "load",
          "save",
          "sort",
          "count",
          "compare",
          "check",
          "close",
          "open",
          "start",
          "stop",
          "restart",
          "measure");

  /**
   * A line that starts with its verb, as said of one thing: "Produce ATP …" is "produces ATP …",
   * "Surrounded by a double membrane" is "is surrounded by a double membrane". Null when the line
   * does not start with a verb.
   */
  static String predicate(String line) {
    String p = conjugated(line);
    // "Have their own circular DNA", said of one organelle, "has its own circular DNA".
    return p == null
        ? null
        : p.replaceAll("\\btheir\\b", "its").replaceAll("\\bthemselves\\b", "itself");
  }

  private static String conjugated(String line) {
    String[] words = line.strip().split("\\s+");
    if (words.length < 2) {
      return null;
    }
    String w = words[0].toLowerCase(Locale.ROOT);
    String rest = line.strip().substring(words[0].length());
    String second = words[1].toLowerCase(Locale.ROOT);
    if (w.equals("has") || w.equals("have")) {
      return "has" + rest;
    }
    if (w.equals("is") || w.equals("are")) {
      return "is" + rest;
    }
    if (MODALS.contains(w)) {
      return w + rest;
    }
    if ((w.endsWith("ed") && w.length() > 4 || PARTICIPLES.contains(w))
        && PREPOSITIONS.contains(second)) {
      return "is " + w + rest;
    }
    if (VERBS.contains(w)) {
      // "Host HDFS data and run tasks" is said of one node as "hosts HDFS data and runs tasks".
      StringBuilder out = new StringBuilder(thirdPerson(w));
      String[] tail = rest.split(" ", -1);
      for (int i = 1; i < tail.length; i++) {
        String t = tail[i];
        String before = tail[i - 1].toLowerCase(Locale.ROOT);
        boolean joined = before.equals("and") || before.equals("or") || before.equals("but");
        String said =
            !joined
                ? t
                : t.equals("do") ? "does" : t.equals("have") ? "has" : t.equals("are") ? "is" : t;
        out.append(' ').append(joined && VERBS.contains(t) ? thirdPerson(t) : said);
      }
      return out.toString();
    }
    for (String base :
        List.of(
            w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y" : "",
            w.endsWith("es") ? w.substring(0, w.length() - 2) : "",
            w.endsWith("s") ? w.substring(0, w.length() - 1) : "")) {
      if (VERBS.contains(base) && thirdPerson(base).equals(w)) {
        return w + rest;
      }
    }
    return null;
  }

  private static String thirdPerson(String verb) {
    if (verb.equals("go") || verb.equals("do")) {
      return verb + "es";
    }
    if (verb.endsWith("y")
        && verb.length() > 2
        && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
      return verb.substring(0, verb.length() - 1) + "ies";
    }
    if (verb.endsWith("s")
        || verb.endsWith("sh")
        || verb.endsWith("ch")
        || verb.endsWith("x")
        || verb.endsWith("z")) {
      return verb + "es";
    }
    return verb + "s";
  }

  /** A line led by the thing it is about: "git log" and "shows the history of commits". */
  private record Said(TopicNode line, String subject, String predicate) {}

  /**
   * "Which command shows the history of commits?" from sibling lines that each say what one thing
   * of a kind does ("git status shows which files changed", "git log shows the history of commits",
   * …): the things are the options. The subjects must be alike (sharing a first or last word, as
   * "git status" and "git log" do) and distinct, and at least three.
   */
  private void bySubject(TopicNode parent) {
    List<Said> said = new ArrayList<>();
    for (TopicNode c : parent.children()) {
      if (!c.children().isEmpty()
          || !(c.kind() == NodeKind.LIST_ITEM
              || c.kind() == NodeKind.STATEMENT
              || c.kind() == NodeKind.NOTE)
          || c.text().length() > MAX_LINE) {
        continue;
      }
      Said s = said(c);
      if (s != null) {
        said.add(s);
      }
    }
    if (said.size() < 3 || said.size() > 12) {
      return;
    }
    Set<String> firsts = new HashSet<>();
    Set<String> lasts = new HashSet<>();
    Set<String> subjects = new HashSet<>();
    for (Said s : said) {
      String[] w = s.subject().toLowerCase(Locale.ROOT).split("\\s+");
      firsts.add(w[0]);
      lasts.add(w[w.length - 1]);
      subjects.add(s.subject().toLowerCase(Locale.ROOT));
    }
    if (subjects.size() < said.size() || firsts.size() > 1 && lasts.size() > 1) {
      return;
    }
    String kind = kindOf(parent);
    for (Said s : said) {
      if (negated(s.line().text())) {
        continue;
      }
      List<String> others = new ArrayList<>();
      for (Said o : said) {
        if (o != s
            && !alike(o.predicate(), s.predicate())
            && DistractorPicker.similarLength(s.subject(), o.subject())) {
          others.add(o.subject());
        }
      }
      if (others.size() < 2) {
        continue;
      }
      Random random = factory.random(TopicQuestions.KIND, "subject", s.line().text());
      Collections.shuffle(others, random);
      others = new ArrayList<>(others.subList(0, Math.min(3, others.size())));
      others.add(s.subject());
      if (!DistractorPicker.similarLengths(others)) {
        // "Ribosomes" beside "G": a cut line's name tells itself from the rest by its length.
        continue;
      }
      others.remove(others.size() - 1);
      String prompt = "Which " + kind + " " + s.predicate() + "?";
      if (TopicQuestions.givesAway(prompt, distinctPart(s.subject(), firsts.size() == 1))) {
        continue;
      }
      out.add(
          s.line(),
          factory.multipleChoice(
              TopicQuestions.KIND,
              "subject",
              prompt,
              s.subject(),
              others,
              s.line().text().strip() + ".",
              new Source(s.line().line(), s.line().text(), s.line().path()),
              index.topicOf(s.line().path())));
    }
  }

  /**
   * What tells a subject from its siblings: "log" of "git log" beside "git status", "Core" of "Core
   * node" beside "Task node". A word of the question holding it gives the answer away.
   */
  private static String distinctPart(String subject, boolean sharedFirst) {
    String[] words = subject.strip().split("\\s+");
    if (words.length < 2) {
      return subject;
    }
    return sharedFirst
        ? String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length))
        : String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - 1));
  }

  /**
   * The subject (one to three words) and what is said of it, when a present-tense verb follows the
   * subject.
   */
  private static Said said(TopicNode line) {
    String text = line.text().strip();
    while (!text.isEmpty() && ".;".indexOf(text.charAt(text.length() - 1)) >= 0) {
      text = text.substring(0, text.length() - 1).strip();
    }
    String[] words = text.split("\\s+");
    for (int i = 1; i <= 3 && i < words.length - 1; i++) {
      String w = words[i].toLowerCase(Locale.ROOT);
      if (isThirdPerson(w)) {
        String subject = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
        if (subject.chars().anyMatch(ch -> ch == ',' || ch == '(' || ch == ':')
            || STOP.contains(words[0].toLowerCase(Locale.ROOT))) {
          return null;
        }
        String predicate = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        return new Said(line, subject, predicate);
      }
    }
    return null;
  }

  private static boolean isThirdPerson(String w) {
    for (String base :
        List.of(
            w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y" : "",
            w.endsWith("es") ? w.substring(0, w.length() - 2) : "",
            w.endsWith("s") ? w.substring(0, w.length() - 1) : "")) {
      if (VERBS.contains(base) && thirdPerson(base).equals(w)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> usable(TopicNode group, List<String> names) {
    List<String> lines = new ArrayList<>();
    for (TopicNode c : group.children()) {
      String text = c.text().strip();
      String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      // "Because core nodes store data themselves" goes on from the line before it: no option on
      // its own.
      if (!text.isEmpty()
          && !CONTINUATIONS.contains(first)
          && names.stream().noneMatch(n -> names(text, n))) {
        lines.add(capitalised(text));
      }
    }
    return lines;
  }

  /** A line as an option reads it: "no nucleus" is offered as "No nucleus". */
  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Whether a line names a thing, in the singular or plural: "core nodes" names "Core node". */
  private static boolean names(String text, String name) {
    String bare = name.replaceAll("\\s*\\([^()]{0,60}\\)", "").strip();
    String w = NotesIndex.words(text);
    String n = NotesIndex.words(bare).stripTrailing();
    return NotesIndex.mentions(text, name)
        || w.contains(n + " ")
        || w.contains(n + "s ")
        || w.contains(n + "es ")
        || derivedFrom(w, n);
  }

  /**
   * Whether the words hold one made from a one-word name: "the nuclear envelope" names the nucleus
   * and "mitochondrial DNA" the mitochondria, so neither is offered as said of something else. The
   * name loses a Latin ending ("-us", "-um", "-a", "-on") and takes an adjective's ("-ar", "-al",
   * "-ic"); "Protects organs" is not made from "Protein".
   */
  private static boolean derivedFrom(String words, String name) {
    String n = name.strip();
    if (n.length() < 5 || n.contains(" ")) {
      return false;
    }
    String root = n;
    for (String ending : LATIN_ENDINGS) {
      if (n.endsWith(ending) && n.length() - ending.length() >= 4) {
        root = n.substring(0, n.length() - ending.length());
        break;
      }
    }
    for (String w : words.strip().split(" ")) {
      if (w.startsWith(root) && !w.equals(n)) {
        String rest = w.substring(root.length());
        for (String suffix : ADJECTIVE_ENDINGS) {
          if (rest.equals(suffix) || rest.equals(suffix + "s")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final List<String> LATIN_ENDINGS =
      List.of("ium", "us", "um", "ia", "a", "on", "y");

  private static final List<String> ADJECTIVE_ENDINGS =
      List.of("ar", "al", "ial", "ic", "ical", "ous", "ine", "ian", "ary");

  /**
   * Two lines a reader could take for one fact: the words of one hold all of the other's, with the
   * same numbers and the same "no" or "not". "Have a nucleus" and "No nucleus", or two ranges of
   * micrometres, are the contrast the question asks about; "Managed service" and "Fully managed
   * service" are one claim.
   */
  static boolean alike(String a, String b) {
    if (NotesIndex.norm(a).equals(NotesIndex.norm(b))) {
      return true;
    }
    Set<String> x = content(a);
    Set<String> y = content(b);
    if (x.isEmpty() || y.isEmpty() || negated(a) != negated(b) || !digits(a).equals(digits(b))) {
      return false;
    }
    return x.containsAll(y) || y.containsAll(x);
  }

  private static boolean negated(String text) {
    String w = NotesIndex.words(text);
    return NEGATIONS.stream().anyMatch(n -> w.contains(" " + n + " "));
  }

  private static List<String> digits(String text) {
    List<String> numbers = new ArrayList<>();
    for (String w : NotesIndex.words(text).strip().split(" ")) {
      if (!w.isEmpty() && w.chars().anyMatch(Character::isDigit)) {
        numbers.add(w);
      }
    }
    return numbers;
  }

  private static Set<String> content(String text) {
    Set<String> words = new HashSet<>();
    for (String w : NotesIndex.words(text).strip().split(" ")) {
      if (!w.isEmpty() && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        words.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
      }
    }
    return words;
  }

  /**
   * A line as said of a subject of the given number: "Stores the genetic material of the cell" of
   * mitochondria is "Store the genetic material of the cell", "Produce ATP" of the nucleus is
   * "Produces ATP"; a line that does not start with a verb stays as it is.
   */
  static String agreeing(String line, boolean plural) {
    String text = line.strip();
    String[] words = text.split("\\s+", 2);
    if (words.length < 2) {
      return text;
    }
    String w = words[0].toLowerCase(Locale.ROOT);
    if (nounLed(text)) {
      return text;
    }
    String said;
    if (plural) {
      String base =
          w.equals("has")
              ? "have"
              : w.equals("is")
                  ? "are"
                  : w.equals("does") ? "do" : isThirdPerson(w) ? baseOf(w) : null;
      said = base == null ? null : base + " " + words[1];
    } else {
      said = w.equals("have") || w.equals("are") || VERBS.contains(w) ? conjugated(text) : null;
      if (said != null) {
        said = said.replaceAll("\\btheir\\b", "its");
      }
    }
    return said == null ? text : capitalised(said);
  }

  private static String baseOf(String thirdPerson) {
    for (String base :
        List.of(
            thirdPerson.endsWith("ies")
                ? thirdPerson.substring(0, thirdPerson.length() - 3) + "y"
                : "",
            thirdPerson.endsWith("es") ? thirdPerson.substring(0, thirdPerson.length() - 2) : "",
            thirdPerson.endsWith("s") ? thirdPerson.substring(0, thirdPerson.length() - 1) : "")) {
      if (VERBS.contains(base) && thirdPerson(base).equals(thirdPerson)) {
        return base;
      }
    }
    return null;
  }

  /**
   * "Control center of the cell", "Process manager for jobs": a line led by a noun that can also be
   * a verb, which no change of number may conjugate ("Controls center of the cell").
   */
  private static boolean nounLed(String line) {
    String[] words = line.toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length < 2) {
      return false;
    }
    String second = words[1];
    return NOUN_NEXT.contains(second)
        || (second.length() > 4
            && (second.endsWith("er") || second.endsWith("or"))
            && !second.equals("other")
            && !second.equals("order")
            && !second.equals("over")
            && !second.equals("under"));
  }

  private static final Set<String> NOUN_NEXT =
      Set.of(
          "of", "for", "center", "centre", "unit", "units", "panel", "room", "point", "station",
          "hub", "plane", "loop", "system", "systems");

  /**
   * Whether the group is spoken of as many. Its own lines say so first: "Produce ATP" is said of
   * mitochondria, "Stores data" of Cassandra or Kubernetes, whatever the name ends in; only when
   * the lines have no verb to tell does the name, as a common noun ending in a plural ("Prokaryotic
   * cells").
   */
  static boolean plural(String name, List<String> lines) {
    if (!pluralForm(name)) {
      // "the core node", "the nucleus": one, even where the notes write "Host HDFS data".
      return false;
    }
    int many = 0;
    int one = 0;
    for (String line : lines) {
      String[] words = line.split("\\s+");
      if (words.length < 2 || nounLed(line)) {
        continue;
      }
      String w = words[0].toLowerCase(Locale.ROOT);
      if (w.equals("is") || w.equals("has") || w.equals("does") || isThirdPerson(w)) {
        one++;
      } else if (w.equals("are") || w.equals("have") || w.equals("do") || VERBS.contains(w)) {
        many++;
      }
    }
    if (many != one) {
      return many > one;
    }
    String bare = name.replaceAll("\\s*\\([^()]{0,60}\\)", "").strip();
    int space = bare.lastIndexOf(' ');
    if (space < 0) {
      // One word, which may be a name ("Kafka", "Mars", "Kubernetes"): not plural on its form.
      return false;
    }
    String last = bare.substring(space + 1);
    return !last.isEmpty() && Character.isLowerCase(last.charAt(0));
  }

  /** "Mitochondria", "Prokaryotic cells": a plain name whose last word is a plural noun. */
  private static boolean pluralForm(String name) {
    String subject = subject(name);
    if (subject.startsWith("the ") || subject.equals(name)) {
      return false;
    }
    String bare = subject.replaceAll("\\s*\\([^()]{0,60}\\)", "").strip().toLowerCase(Locale.ROOT);
    String w = bare.substring(bare.lastIndexOf(' ') + 1);
    return !MASS_ENDINGS.matcher(w).find()
        && !w.endsWith("us")
        && !w.endsWith("ss")
        && !w.endsWith("is")
        && (w.endsWith("s") || w.endsWith("a") || w.endsWith("i") || w.endsWith("ae"));
  }

  /**
   * "prokaryotic cells", "mitochondria", "the nucleus", "the core node": a plain capitalised word
   * is lower-cased inside the sentence, and a name ending in a singular noun takes "the"; "HBase"
   * stays as it is.
   */
  private static String subject(String name) {
    String first = name.split("\\s+", 2)[0];
    boolean plain =
        first.length() > 1
            && Character.isUpperCase(first.charAt(0))
            && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
    String s = plain ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    if (plain) {
      String bare = s.replaceAll("\\s*\\([^()]{0,60}\\)", "").strip().toLowerCase(Locale.ROOT);
      String w = bare.substring(bare.lastIndexOf(' ') + 1);
      boolean singular =
          w.endsWith("us")
              || w.endsWith("ss")
              || w.endsWith("is")
              || !(w.endsWith("s") || w.endsWith("a") || w.endsWith("i") || w.endsWith("ae"));
      // "the nucleus", but "osmosis" and "protein synthesis": a process or a quality takes no
      // article.
      boolean uncounted = MASS_ENDINGS.matcher(w).find();
      return singular && !uncounted ? "the " + s : s;
    }
    return s;
  }
}
