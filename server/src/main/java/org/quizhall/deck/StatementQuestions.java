package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * true_false statements as written, and typed cloze questions that blank a key term or number of a
 * statement. False statements come from {@link NumericQuestions} and {@link ListQuestions}, where
 * the swap is known to be false.
 */
final class StatementQuestions {

  static final String TRUE_FALSE = "true_false";
  static final String CLOZE = "cloze";

  private static final Pattern NAME =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:[A-Z][\\p{L}\\p{N}.#+-]*[\\p{L}\\p{N}#+]|[A-Z]{2,}|[A-Z]\\d+)"
              + "(?:\\s+(?:[A-Z][\\p{L}\\p{N}.#+-]*[\\p{L}\\p{N}#+]|[A-Z]{2,}))*");
  private static final Set<String> NOT_TERMS =
      Set.of(
          "I", "The", "A", "An", "It", "This", "That", "You", "Your", "Can", "Use", "Not", "No",
          "Yes", "And", "Or", "But", "If", "When", "In", "On", "At", "For", "To", "By", "Up", "Max",
          "Min", "More", "Less", "Also", "Only", "Just", "Very", "Easier", "Faster", "Good", "OK");

  private static final Set<String> QUALIFIERS =
      Set.of("aws", "amazon", "apache", "microsoft", "google", "azure");

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  /**
   * How many lines mention each term: a term found on several lines is a key term worth asking for.
   */
  private final Map<String, Integer> termLines = new HashMap<>();

  StatementQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
    for (NotesIndex.Placed p : index.placed) {
      for (String t : terms(p.node().text())) {
        termLines.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    for (TopicNode h : index.headings) {
      for (String t : terms(h.text())) {
        termLines.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
  }

  void generate() {
    for (NotesIndex.Placed p : index.placed) {
      TopicNode node = p.node();
      BulletShape shape = BulletShape.of(node.text());
      boolean statement =
          node.kind() == NodeKind.STATEMENT
              || node.kind() == NodeKind.LIST_ITEM && shape.isStatement();
      if (!statement) {
        continue;
      }
      if (Prompts.isRemark(node.text())) {
        out.skip(node, "a remark about the notes, not a fact");
        continue;
      }
      String first = node.text().strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (PRONOUNS.contains(first)) {
        // "It takes place mainly in the chloroplasts": what "it" is lies in another sentence.
        out.skip(node, "starts with “" + first + "”, whose subject is in another sentence");
        continue;
      }
      if (unnamedParent(p)) {
        // "- S phase" over "- The DNA is copied": what the sentence says happens in S phase is not
        // in it, and "True or false? The DNA is copied." asks nothing. A matching asks such lines.
        out.skip(node, "says something of “" + p.parent().text().strip() + "” without naming it");
        continue;
      }
      String fact = Prompts.standalone(index, p);
      Source source = new Source(node.line(), node.text(), node.path());
      String topic = index.topicOf(node.path());
      String where = Prompts.subject(index, p, fact);
      if (index.english && Prompts.unjoinedFragment(where + fact)) {
        out.skip(
            node,
            "a fragment under its heading, which reads as a sentence only by guessing its verb");
        continue;
      }
      if (shape.makesClaim() && !advice(node.text())) {
        String swapped = swapped(p);
        // Where a parallel line gives a wrong subject the line is asked false; the deck-wide
        // balance then
        // keeps as many true ones beside them as it may.
        if (swapped != null) {
          out.add(
              node,
              factory.trueFalse(
                  TRUE_FALSE,
                  "swapped",
                  "True or false? " + fused(where + swapped),
                  false,
                  fact,
                  source,
                  topic));
        } else {
          out.add(
              node,
              factory.trueFalse(
                  TRUE_FALSE,
                  "as-written",
                  "True or false? " + fused(where + fact),
                  true,
                  fact,
                  source,
                  topic));
        }
      }
      cloze(p, fact, where, source, topic);
    }
  }

  /**
   * Whether the line is a sentence of its own ("The DNA is copied") under a named point ("S phase")
   * that it does not name: what it says is true of that point, which the sentence leaves out.
   */
  private boolean unnamedParent(NotesIndex.Placed p) {
    TopicNode parent = p.parent();
    if (!index.english
        || parent == null
        || !java.util.EnumSet.of(NodeKind.NOTE, NodeKind.LIST_ITEM, NodeKind.LIST_LEAD_IN)
            .contains(parent.kind())
        || parent.text().strip().split("\\s+").length > 4) {
      return false;
    }
    String text = p.node().text().strip();
    String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (!first.equals("the") && !first.equals("a") && !first.equals("an")) {
      return false;
    }
    String name = parent.text().strip();
    // A name among names ("G1 phase", "S phase", …, each with lines of its own), not a lead-in
    // ("Key facts", "Remember:") over sentences that stand alone.
    TopicNode above = index.parents.get(parent);
    if (name.endsWith(":") || NotesIndex.shape(name).hasVerb() || above == null) {
      return false;
    }
    long named =
        above.children().stream()
            .filter(c -> c.kind() == parent.kind() && !c.children().isEmpty())
            .count();
    if (named < 3) {
      return false;
    }
    return !NotesIndex.mentions(text, name)
        && !NotesIndex.mentions(text, TableQuestions.singular(name.toLowerCase(Locale.ROOT)));
  }

  /** The statement as a sentence, its subject joined to it; in notes not in English, as written. */
  private String fused(String text) {
    if (!index.english) {
      return text;
    }
    Matcher m = WITHIN.matcher(text);
    if (m.matches()
        && m.group(1).split("\\s+").length <= 4
        && Prompts.joinableSubject(m.group(1))
        && !NOT_PARTS.contains(m.group(2).toLowerCase(Locale.ROOT))
        && index.everWrittenLowercase(m.group(2))) {
      // "Hive: Metastore is stored in MySQL": the line is a whole sentence about a part of its
      // subject, which the notes write in lower case elsewhere ("a Hive metastore"), so "In Hive,
      // the metastore is stored in MySQL".
      return "In "
          + Prompts.lowerFirst(m.group(1), index)
          + ", the "
          + m.group(2).toLowerCase(Locale.ROOT)
          + text.substring(m.end(2));
    }
    return Prompts.fuse(text);
  }

  /** Words that start a sentence without naming a part of anything: "There is", "Everything is". */
  private static final Set<String> NOT_PARTS =
      Set.of(
          "there",
          "here",
          "everything",
          "nothing",
          "something",
          "anything",
          "each",
          "every",
          "some",
          "all",
          "none",
          "this",
          "that",
          "these",
          "those",
          "it",
          "they",
          "one",
          "both",
          "most",
          "many",
          "few",
          "other",
          "another",
          "such",
          "which",
          "what",
          "who");

  /** "Subject: Noun is …": a sentence of its own after its subject and a colon. */
  private static final Pattern WITHIN =
      Pattern.compile(
          "([A-Z][^:]{0,40}): ([A-Z][a-z]{2,}) (?:is|are|was|were|can|has|have|will|may|must) .*");

  private static final Set<String> NOT_VERBS =
      Set.of(
          "the", "a", "an", "of", "in", "on", "to", "and", "or", "for", "with", "by", "at", "from",
          "as", "its", "their", "his", "her", "most", "many", "some", "all", "each");

  private static final Set<String> PRONOUNS =
      Set.of(
          "it", "this", "that", "they", "these", "those", "he", "she", "its", "their", "his", "her",
          "such", "both");

  /**
   * Copulas and auxiliaries: "Photosynthesis is the process" and "Oxygen is released" are not
   * parallel.
   */
  private static final Set<String> COPULAS =
      Set.of(
          "is", "are", "was", "were", "be", "has", "have", "had", "can", "will", "may", "must",
          "should", "does", "do");

  /**
   * Statements per heading, split into words once: swapping compares every line with its
   * neighbours.
   */
  private Map<TopicNode, List<String[]>> statementsByHeading;

  /**
   * The statement with its subject taken from a parallel line under the same heading, which makes
   * it false: "Arteries carry blood away from the heart" beside "Veins carry blood back to the
   * heart" gives "Veins carry blood away from the heart". Lines are parallel when the same verb
   * follows their subjects; a swap that says what another line says, or names its new subject
   * twice, is not used.
   */
  private String swapped(NotesIndex.Placed p) {
    if (statementsByHeading == null) {
      statementsByHeading = new java.util.IdentityHashMap<>();
      for (NotesIndex.Placed q : index.placed) {
        if (q.node().kind() == NodeKind.STATEMENT && q.parent() == q.heading()) {
          statementsByHeading
              .computeIfAbsent(q.heading(), h -> new ArrayList<>())
              .add(q.node().text().strip().split("\\s+"));
        }
      }
    }
    if (p.node().kind() != NodeKind.STATEMENT || p.parent() != p.heading()) {
      return null;
    }
    String[] words = p.node().text().strip().split("\\s+");
    List<String[]> siblings = statementsByHeading.getOrDefault(p.heading(), List.of());
    if (siblings.size() > 200) {
      return null;
    }
    Set<String> said = new java.util.HashSet<>();
    siblings.forEach(w -> said.add(NotesIndex.norm(String.join(" ", w))));
    // The verb stands at the same place in both lines, after a subject of one or two words.
    for (int k = 1; k <= Math.min(2, words.length - 2); k++) {
      String verb = words[k].toLowerCase(Locale.ROOT);
      if (NOT_VERBS.contains(verb) || !Character.isLowerCase(words[k].charAt(0))) {
        continue;
      }
      for (String[] other : siblings) {
        int j = k;
        {
          if (other.length < j + 2 || !other[j].equalsIgnoreCase(words[k])) {
            continue;
          }
          if (COPULAS.contains(verb) && !other[j + 1].equalsIgnoreCase(words[k + 1])) {
            // After "is", the next word says which claim it is: "is the process" against "is
            // released".
            continue;
          }
          String subject = String.join(" ", java.util.Arrays.copyOfRange(other, 0, j));
          String own = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
          String rest = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
          String candidate = subject + " " + rest;
          if (NotesIndex.norm(subject).equals(NotesIndex.norm(own))
              || NotesIndex.mentions(rest, subject)
              || !namesSomething(subject)
              || !namesSomething(own)
              || shareAWord(subject, own)
              || said.contains(NotesIndex.norm(candidate))) {
            continue;
          }
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * "git status" and "git diff", "First normal form" and "Second normal form" are related things
   * whose truths overlap (2NF includes 1NF): swapping them does not make a plainly false statement.
   */
  private static boolean shareAWord(String a, String b) {
    Set<String> words = new java.util.HashSet<>();
    for (String w : a.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!NOT_VERBS.contains(w)) {
        words.add(w);
      }
    }
    for (String w : b.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (words.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Advice in the imperative ("Organize the data by query priority") is neither true nor false. */
  private static final Set<String> IMPERATIVES =
      Set.of(
          "use",
          "organize",
          "organise",
          "avoid",
          "provision",
          "install",
          "create",
          "edit",
          "stage",
          "record",
          "share",
          "make",
          "keep",
          "choose",
          "consider",
          "try",
          "run",
          "set",
          "add",
          "remove",
          "check",
          "ensure",
          "prefer",
          "start",
          "stop",
          "don't",
          "do",
          "never");

  /** Verbs that after "just" or "always" give an instruction: "Just store the data definition". */
  private static final Set<String> AFTER_ADVERB =
      Set.of(
          "store",
          "save",
          "delete",
          "move",
          "copy",
          "load",
          "write",
          "read",
          "put",
          "call",
          "send",
          "enable",
          "disable",
          "turn",
          "apply",
          "select",
          "pick",
          "leave",
          "remember",
          "think",
          "ask",
          "go",
          "be");

  private static final Set<String> LEADING_ADVERBS =
      Set.of("just", "always", "only", "never", "simply", "then", "also", "first");

  /**
   * Advice rather than a claim: an imperative ("Use DynamoDB to …", "Just store the data definition
   * …") or a claim that turns into one ("Lambda is stateless, use DynamoDB to store stateful
   * data").
   */
  static boolean advice(String text) {
    String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
    int i = 0;
    while (i < words.length - 1 && LEADING_ADVERBS.contains(words[i])) {
      i++;
    }
    if (IMPERATIVES.contains(words[i]) || i > 0 && AFTER_ADVERB.contains(words[i])) {
      return true;
    }
    String lower = " " + String.join(" ", words);
    return lower.contains(", use ")
        || lower.contains("; use ")
        || lower.contains(", avoid ")
        || lower.contains(" or use ");
  }

  /** A subject with a word of its own, not only "The" or "An adult"'s article. */
  private static boolean namesSomething(String subject) {
    for (String w : subject.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!NOT_VERBS.contains(w) && !w.equals("this") && !w.equals("these") && !w.equals("it")) {
        return true;
      }
    }
    return false;
  }

  private void cloze(NotesIndex.Placed p, String fact, String where, Source source, String topic) {
    TopicNode node = p.node();
    int offset = fact.length() - node.text().length();
    String text = node.text();
    int start = -1;
    int end = -1;
    List<String> accepted = new ArrayList<>();
    List<NumberMention> numbers = NumberMention.find(text);
    if (!numbers.isEmpty()
        && numbers.get(0).value().compareTo(java.math.BigDecimal.ONE) == 0
        && !Quantity.isMeasure(numbers.get(0).unitRaw())) {
      // "can replicate 1 table or a whole database": the 1 means "a single", which is as right in
      // the blank.
      out.skip(node, "the number is 1, which the sentence means as “a single”");
      return;
    }
    if (!numbers.isEmpty()
        && numbers.get(0).unit().equals("year")
        && numbers.stream()
            .anyMatch(
                o ->
                    o != numbers.get(0)
                        && o.unit().equals("year")
                        && o.value()
                                .subtract(numbers.get(0).value())
                                .abs()
                                .compareTo(java.math.BigDecimal.ONE)
                            <= 0
                        && !text.substring(
                                Math.min(o.end(), numbers.get(0).end()),
                                Math.max(o.start(), numbers.get(0).start()))
                            .matches(".*(\\bto\\b|–|-|\\buntil\\b).*"))) {
      // "abolished in September ___, and … executed in January 1793": the year beside it gives it
      // away.
      out.skip(node, "another year in the sentence gives this one away");
      return;
    }
    if (!numbers.isEmpty()) {
      NumberMention m = numbers.get(0);
      start = m.start();
      end = m.end();
      accepted.add(m.raw());
      if (Quantity.isMeasure(m.unitRaw())) {
        // The unit makes "15 minutes" right for 900 seconds; a counted word ("records") needs no
        // entry.
        accepted.add(m.raw() + " " + m.unitRaw());
      }
    } else {
      String best = null;
      int bestStart = -1;
      Matcher matcher = NAME.matcher(text);
      while (matcher.find()) {
        String term = matcher.group();
        if (matcher.start() == 0
            || NOT_TERMS.contains(term)
            || term.length() < 2
            || QUALIFIERS.contains(term.toLowerCase(Locale.ROOT))
            || termLines.getOrDefault(term.toLowerCase(Locale.ROOT), 0)
                < (productName(term) && !misspelt(term) ? 1 : 2)
            || inEnumeration(text, matcher.start(), matcher.end())
            || openSlot(text, matcher.start(), matcher.end())) {
          continue;
        }
        if (best == null || term.length() > best.length()) {
          best = term;
          bestStart = matcher.start();
        }
      }
      if (best != null) {
        start = bestStart;
        end = bestStart + best.length();
        accepted.add(best);
        accepted.addAll(otherNames(text, start, end));
      }
    }
    if (start < 0) {
      out.skip(node, "no key term or number to blank");
      return;
    }
    String answer = accepted.get(0);
    String blanked =
        fact.substring(0, offset + start) + Prompts.BLANK + fact.substring(offset + end);
    if (where.isEmpty() && fact.equals(text)) {
      // "Scans data in S3 and populate ___" under Glue Crawler: the "Glue" that made the line look
      // as if it
      // named its subject is the answer, so the heading is its subject after all.
      where =
          Prompts.subjectOf(index, p, blanked.replace(Prompts.BLANK, "").replaceAll("\\s+", " "));
    }
    if (modifiesAGeneralWord(text.substring(end))) {
      out.skip(
          node,
          "the blank only qualifies a word as general as “data”, which many other names fit as"
              + " well");
      return;
    }
    if (numbers.isEmpty() && afterModifier(text.substring(0, start))) {
      // "batches or low-latency ___": API, but what is low in latency could be requests, endpoints
      // or predictions as well; a typed blank there has no one answer.
      out.skip(
          node,
          "the blank ends a phrase after a describing word like “low-latency”, which many words"
              + " complete");
      return;
    }
    if (Prompts.oneOfMany(text.substring(end))) {
      out.skip(
          node,
          "the sentence says the blank is one of several, so a typed answer cannot be the only"
              + " right one");
      return;
    }
    if (completedOtherwise(index.topicText(topic), text.substring(0, start), answer)) {
      out.skip(
          node,
          "elsewhere the notes end the same words with something else, which would also be right");
      return;
    }
    String rival =
        numbers.isEmpty() && !modifiesNextWord(text.substring(end))
            ? rivalInTopic(answer, topic, text)
            : null;
    if (rival != null) {
      // "Hive loads data from ___ with table partitions": S3, but the notes list HDFS beside S3 and
      // say Hive's data lives on HDFS too, so "HDFS" would be as right; the sentence does not say
      // which.
      out.skip(
          node,
          "the notes list "
              + rival
              + " beside the answer and name it in this topic too, so it would fit the blank as"
              + " well");
      return;
    }
    if (NotesIndex.mentions(blanked, answer)
        || NotesIndex.mentions(where, answer)
        || answer.length() >= 3
            && blanked.toLowerCase(Locale.ROOT).contains(answer.toLowerCase(Locale.ROOT))) {
      out.skip(node, "the blanked term appears elsewhere in the sentence");
      return;
    }
    if (where.isBlank()
        && !NotesIndex.shape(fact).hasVerb()
        && node.path().stream()
            .anyMatch(h -> NotesIndex.mentions(h, answer) || NotesIndex.mentions(answer, h))) {
      // "Stream processing through ___" under "Spark": the heading would give the answer away, so
      // it is not
      // shown, and without it other products fit the blank as well as the notes' one.
      out.skip(node, "the heading that gives the sentence its subject names the answer");
      return;
    }
    if (p.antiPattern()
        && p.parent() != null
        && p.parent() != p.heading()
        && NotesIndex.mentions(p.parent().text(), answer)) {
      // Anti-patterns › "NoSQL databases" › "Schema makes no sense for ___ databases": the
      // anti-pattern the
      // line explains is the answer, shown or not.
      out.skip(node, "the blank is the name of the point the line explains");
      return;
    }
    if (spellsTopic(answer, topic)) {
      // "Hive runs SQL code (___)": HiveQL, which the topic's own name spells half of.
      out.skip(node, "the answer's name holds its topic's name, which gives it away");
      return;
    }
    if (!node.path().isEmpty()
        && NotesIndex.mentions(node.path().get(0), answer)
        && !NotesIndex.mentions(answer, node.path().get(0))) {
      // "By the 1780s the ___ crown was in debt" under "French Revolution": the blank is a word of
      // the topic's
      // own name, so no heading can be shown, and without them the sentence loses what it is about.
      out.skip(node, "the blank is a word of the topic's name");
      return;
    }
    if (index.english && Prompts.unjoinedFragment(where + blanked)) {
      out.skip(
          node,
          "a fragment under its heading, which reads as a sentence only by guessing its verb");
      return;
    }
    out.add(
        node,
        factory.typed(
            CLOZE,
            "blank:" + answer,
            "Fill in the blank: " + fused(where + blanked),
            accepted,
            fact,
            source,
            topic));
  }

  /**
   * The other name the line itself gives the term: the abbreviation after it ("Data Processing
   * Units (DPU)") or, for an abbreviation in brackets, the words before it whose initials spell it.
   * Either is right in the blank.
   */
  static List<String> otherNames(String text, int start, int end) {
    List<String> out = new ArrayList<>();
    String after = text.substring(end);
    int open = after.indexOf('(');
    if (open >= 0 && after.substring(0, open).isBlank()) {
      int close = after.indexOf(')', open);
      String inner =
          close > open + 1 && close - open <= 12 ? after.substring(open + 1, close).strip() : "";
      // An abbreviation only ("DPU", "KCL"): a remark in brackets is no other name for the term.
      if (inner.matches("[A-Za-z0-9]{2,10}")
          && inner.chars().filter(Character::isUpperCase).count() >= 2) {
        out.add(inner);
      }
    }
    String term = text.substring(start, end);
    String before = text.substring(0, start).stripTrailing();
    if (term.length() >= 2
        && term.equals(term.toUpperCase(Locale.ROOT))
        && before.endsWith("(")
        && text.substring(end).startsWith(")")) {
      String[] words = before.substring(0, before.length() - 1).strip().split("\\s+");
      int letters = term.replaceAll("[^A-Za-z]", "").length();
      if (letters >= 2 && words.length >= letters) {
        StringBuilder initials = new StringBuilder();
        for (int i = words.length - letters; i < words.length; i++) {
          initials.append(words[i].isEmpty() ? ' ' : Character.toUpperCase(words[i].charAt(0)));
        }
        if (initials.toString().equals(term.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT))) {
          out.add(
              String.join(
                  " ", java.util.Arrays.copyOfRange(words, words.length - letters, words.length)));
        }
      }
    }
    return out;
  }

  /**
   * A name the notes list beside {@code answer} (items of one list, or of one item's "A / B / C")
   * that the answer's topic also names on a line other than {@code line}: a thing of the answer's
   * kind the topic works with too, which the sentence with its blank does not rule out.
   */
  private String rivalInTopic(String answer, String topic, String line) {
    String key = NotesIndex.norm(answer);
    List<String> named =
        rivalsNamed.computeIfAbsent(key + "\u0000" + topic, k -> rivalsNamed(key, topic));
    String lineWords = NotesIndex.words(line);
    for (String s : named) {
      if (!NotesIndex.mentionsIn(lineWords, s)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The names listed beside {@code key} that {@code topic} names, once per name and topic: a name
   * in a long list is checked against a few hundred of its siblings at most, each by its words
   * first, and a topic's whole text is searched only for names whose every word it has.
   */
  private List<String> rivalsNamed(String key, String topic) {
    List<List<String>> lists = listedBeside().getOrDefault(key, List.of());
    if (lists.isEmpty()) {
      return List.of();
    }
    Set<String> words =
        topicWordSets.computeIfAbsent(
            topic,
            t -> new java.util.HashSet<>(java.util.Arrays.asList(index.topicText(t).split(" "))));
    List<String> out = new ArrayList<>();
    for (List<String> names : lists.subList(0, Math.min(lists.size(), 20))) {
      for (String s : names.subList(0, Math.min(names.size(), 300))) {
        if (NotesIndex.norm(s).equals(key) || out.contains(s)) {
          continue;
        }
        String[] own = NotesIndex.words(s).strip().split(" ");
        if (java.util.Arrays.stream(own).allMatch(words::contains)
            && NotesIndex.mentionsIn(index.topicText(topic), s)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private final Map<String, List<String>> rivalsNamed = new HashMap<>();

  private final Map<String, Set<String>> topicWordSets = new HashMap<>();

  /**
   * Whether the blank stands before a common noun it qualifies ("import a ___ metastore"), which
   * narrows it to things that have one, rather than before a preposition or the end of the line.
   */
  private static boolean modifiesNextWord(String after) {
    String[] words = after.strip().split("\\s+", 2);
    String next = words[0];
    return !next.isEmpty()
        && next.chars().allMatch(Character::isLowerCase)
        && !next.endsWith("ly")
        && !PREPOSITIONS_AFTER.contains(next)
        && !COPULAS.contains(next);
  }

  private static final Set<String> PREPOSITIONS_AFTER =
      Set.of(
          "with", "in", "on", "at", "to", "for", "from", "into", "by", "via", "through", "under",
          "over", "and", "or", "as", "when", "if", "using", "across", "within", "without");

  /**
   * "MySQL", "DynamoDB": one word with capitals inside and lower case too, a product's name, which
   * is a key term of the line that names it even when no other line does; "API" or "Hive" on one
   * line may be any line's word.
   */
  private static boolean productName(String term) {
    if (term.contains(" ") || term.length() < 4) {
      return false;
    }
    String rest = term.substring(1);
    return !rest.equals(rest.toLowerCase(Locale.ROOT))
        && !rest.equals(rest.toUpperCase(Locale.ROOT));
  }

  /** Whether the word before a blank is a lower-case compound that describes it ("low-latency"). */
  private static boolean afterModifier(String before) {
    String[] words = before.strip().split("\\s+");
    String last = words[words.length - 1];
    int dash = last.indexOf('-');
    return dash > 0
        && dash < last.length() - 1
        && last.chars().allMatch(c -> Character.isLowerCase(c) || c == '-');
  }

  /** Whether a one-word answer is longer than a word of the topic's name it starts or ends with. */
  private static boolean spellsTopic(String answer, String topic) {
    String a = answer.toLowerCase(Locale.ROOT);
    if (a.contains(" ")) {
      return false;
    }
    for (String w : NotesIndex.key(topic)) {
      if (w.length() >= 3 && a.length() > w.length() && (a.startsWith(w) || a.endsWith(w))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a name the notes write once is, but for two letters swapped or one left out, a name
   * they write more often: "DynamoBD" beside "DynamoDB" is a slip, not another product.
   */
  private boolean misspelt(String term) {
    String t = term.toLowerCase(Locale.ROOT);
    if (frequentWithoutALetter().contains(t)) {
      // "DynamDB" is "DynamoDB" with a letter left out.
      return true;
    }
    for (int i = 0; i < t.length(); i++) {
      if (termLines.getOrDefault(t.substring(0, i) + t.substring(i + 1), 0) >= 2) {
        return true;
      }
      if (i + 1 < t.length()) {
        String swapped = t.substring(0, i) + t.charAt(i + 1) + t.charAt(i) + t.substring(i + 2);
        if (!swapped.equals(t) && termLines.getOrDefault(swapped, 0) >= 2) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Every term the notes write on two lines or more with one of its letters left out, once per
   * deck: a term written once that is one of these is that term misspelt.
   */
  private Set<String> frequentWithoutALetter() {
    if (frequentWithoutALetter == null) {
      frequentWithoutALetter = new java.util.HashSet<>();
      termLines.forEach(
          (t, n) -> {
            if (n >= 2 && t.length() >= 5 && t.length() <= 40) {
              // Not the last letter: "DataFrame" beside "DataFrames" is its singular, no slip.
              for (int i = 0; i < t.length() - 1; i++) {
                frequentWithoutALetter.add(t.substring(0, i) + t.substring(i + 1));
              }
            }
          });
    }
    return frequentWithoutALetter;
  }

  private Set<String> frequentWithoutALetter;

  /** For each name the notes list, the lists of names it is listed in, once per deck. */
  private java.util.Map<String, List<List<String>>> listedBeside() {
    if (listedBeside == null) {
      listedBeside = new java.util.HashMap<>();
      for (NotesIndex.ListInfo list : index.lists) {
        List<String> names = new ArrayList<>();
        for (TopicNode item : list.items()) {
          for (String part : item.text().split(" / ")) {
            BulletShape shape = NotesIndex.shape(part.strip());
            if (shape.isNameLike()) {
              names.add(shape.core());
            }
          }
        }
        if (names.size() < 3) {
          continue;
        }
        for (String n : new java.util.LinkedHashSet<>(names)) {
          listedBeside.computeIfAbsent(NotesIndex.norm(n), k -> new ArrayList<>()).add(names);
        }
      }
    }
    return listedBeside;
  }

  private java.util.Map<String, List<List<String>>> listedBeside;

  /** Words too common to tie two lines together: "in the ___" is followed by everything. */
  private static final java.util.Set<String> FRAME_WORDS =
      java.util.Set.of(
          "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from",
          "into", "by", "is", "are", "was", "be", "can", "has", "have", "that", "this", "its",
          "your", "our", "their", "as", "it");

  /**
   * "On the top of ___" is HDFS here but EMRFS two lines down: when the topic has the two words
   * before the blank followed by another name, that name would be a right answer too. Each blank
   * looks at no more than 50 places in its topic, and a topic of more than 200,000 characters is
   * not searched.
   */
  static boolean completedOtherwise(String topicWords, String before, String answer) {
    String[] words = NotesIndex.words(before).strip().split(" ");
    if (words.length < 2 || topicWords.length() > 200_000) {
      return false;
    }
    String first = words[words.length - 2];
    String second = words[words.length - 1];
    if (FRAME_WORDS.contains(first) && FRAME_WORDS.contains(second)
        || first.length() < 3 && second.length() < 3) {
      return false;
    }
    String frame = " " + first + " " + second + " ";
    String key = NotesIndex.words(answer);
    int seen = 0;
    for (int at = topicWords.indexOf(frame);
        at >= 0 && seen < 50;
        at = topicWords.indexOf(frame, at + 1)) {
      int after = at + frame.length() - 1;
      seen++;
      if (!topicWords.startsWith(key, after)
          && after + 1 < topicWords.length()
          && topicWords.charAt(after + 1) != ' ') {
        return true;
      }
    }
    return false;
  }

  /**
   * Words after which a name is one of many that would fit, unless the rest of the line narrows it
   * down.
   */
  private static final java.util.Set<String> OPEN_SLOT_WORDS =
      java.util.Set.of(
          "use", "uses", "using", "used", "run", "runs", "with", "via", "through", "from", "to",
          "into", "by", "like");

  /**
   * "AWS EMR uses ___", "Interactive SQL using ___", "Zeppelin can run ___ code": after such a word
   * many names fit a short line (Hadoop, HDFS and EC2 are all used by EMR), and the notes' one is
   * not the only defensible answer. "Athena uses ___ under the hood" says enough after the blank to
   * be kept.
   */
  static boolean openSlot(String text, int start, int end) {
    String before = text.substring(0, start).strip();
    int space = before.lastIndexOf(' ');
    String previous = (space < 0 ? before : before.substring(space + 1)).toLowerCase(Locale.ROOT);
    if (!OPEN_SLOT_WORDS.contains(previous)) {
      return false;
    }
    String after = text.substring(end).strip();
    return after.isEmpty() || after.split("\\s+").length < 3;
  }

  private static final Set<String> GENERAL_WORDS =
      Set.of("data", "files", "file", "objects", "records", "information", "content", "traffic");

  /**
   * "based on how ___ data is organized": a name that only qualifies "data" leaves the blank open
   * to every other place data is kept ("the", "your", "HDFS"); "a ___ metastore" names a thing of
   * its own and stays.
   */
  static boolean modifiesAGeneralWord(String afterBlank) {
    String after = afterBlank.stripLeading();
    int space = after.indexOf(' ');
    String next = (space < 0 ? after : after.substring(0, space)).toLowerCase(Locale.ROOT);
    return GENERAL_WORDS.contains(next.replaceAll("[^a-z]", ""));
  }

  /** "Athena, Redshift, EMR" or "DynamoDB or S3": any of the alternatives would fit the blank. */
  private static boolean inEnumeration(String text, int start, int end) {
    String before = text.substring(0, start).stripTrailing().toLowerCase(Locale.ROOT);
    String after = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
    return before.endsWith(",")
        || before.endsWith("/")
        || before.endsWith(" or")
        || before.endsWith(" and")
        || before.endsWith("like")
        || before.endsWith("such as")
        || before.endsWith("e.g.")
        || after.startsWith(",")
        || after.startsWith("/")
        || after.startsWith("or ")
        || after.startsWith("and ")
        || after.startsWith("&");
  }

  private static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
