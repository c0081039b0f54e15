package org.quizhall.deck;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * Shared wording: where a fact sits, and the fact with enough of its surroundings to stand alone.
 */
final class Prompts {

  static final String BLANK = "_____";
  private static final Set<String> DEPENDENT_STARTS =
      Set.of(
          "can", "cannot", "will", "would", "may", "must", "should", "is", "are", "was", "were",
          "has", "have", "does", "do", "not", "no", "only", "also", "but", "because", "and", "or",
          "which", "then", "so");

  private static final Set<String> DETERMINERS =
      Set.of("a", "an", "the", "every", "each", "all", "most", "some", "many", "few");

  private Prompts() {}

  private static final java.util.regex.Pattern REMARK =
      java.util.regex.Pattern.compile(
          "(?i)^(?:note|notes|tip|todo|see|see also|edit|nb|ps|warning|important|source|ref)\\s*[:\\-–]");

  /**
   * "Note: this list is not complete": a remark about the notes themselves, not a fact to be asked.
   */
  static boolean isRemark(String text) {
    return REMARK.matcher(text.strip()).find();
  }

  /** "AWS Lambda › Anti-patterns": the heading and the heading above it. */
  static String where(NotesIndex index, TopicNode heading) {
    if (heading == null) {
      return "";
    }
    TopicNode parent = index.parentHeading.get(heading);
    return parent == null ? heading.text() : parent.text() + " › " + heading.text();
  }

  /**
   * The fact as it can be read on its own: list items and dependent clauses ("Can only be added
   * when launching") get the line that introduces them ("EBS: ...").
   */
  static String standalone(NotesIndex index, NotesIndex.Placed p) {
    String text = p.node().text();
    TopicNode parent = p.parent();
    if (parent == null || parent.isHeading()) {
      return text;
    }
    String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    // "Stores the genetic material of the cell" under "Nucleus" is the nucleus's: a line that
    // starts with its
    // verb, or with "Surrounded by", "Typically", has its subject in the line above.
    boolean dependent =
        p.node().kind() == NodeKind.LIST_ITEM
            || DEPENDENT_STARTS.contains(first)
            || Character.isLowerCase(text.charAt(0))
            || JOINING_VERBS.contains(first)
            || LINKING_STARTS.contains(first);
    BulletShape parentShape = NotesIndex.shape(parent.text());
    boolean subject =
        parentShape.wordCount() <= 3
            || parentShape.wordCount() <= 5
                && java.util.Arrays.stream(parentShape.core().split("\\s+"))
                    .allMatch(w -> !w.isEmpty() && !Character.isLowerCase(w.charAt(0)));
    return dependent && subject ? withArticle(index, parentShape.core()) + ": " + text : text;
  }

  /**
   * "Nucleus" over "Stores the genetic material" in notes that say "a nucleus" elsewhere is a
   * common noun, which as a sentence's subject takes its article: "The nucleus stores …". Names
   * ("Spark", "HBase") stay as they are.
   */
  static String withArticle(NotesIndex index, String subject) {
    if (index.english
        && !subject.contains(" ")
        && subject.length() > 2
        && Character.isUpperCase(subject.charAt(0))
        && subject.substring(1).equals(subject.substring(1).toLowerCase(Locale.ROOT))
        && !looksPlural(subject)
        && index.isCommonNoun(subject)) {
      return "The " + subject.toLowerCase(Locale.ROOT);
    }
    return subject;
  }

  /**
   * The statement's subject, when the statement does not name it: "AWS Lambda: " before "Max
   * timeout is 900 seconds". A line whose parent bullet was already attached, or that names its
   * heading, needs none.
   */
  static String subject(NotesIndex index, NotesIndex.Placed p, String fact) {
    if (p.heading() == null || !fact.equals(p.node().text())) {
      return "";
    }
    return subjectOf(index, p, fact);
  }

  /**
   * {@link #subject} for a line as it is asked, a blank in it: a name inside the blank is no
   * subject.
   */
  static String subjectOf(NotesIndex index, NotesIndex.Placed p, String fact) {
    TopicNode heading = p.heading();
    if (heading == null) {
      return "";
    }
    String label = index.label(heading);
    // "AWS Lambda › Anti-patterns" is an aspect of AWS Lambda: the subject is AWS Lambda.
    int aspect = label.indexOf(" › ");
    if (aspect > 0) {
      label = label.substring(0, aspect);
    }
    // "Hive - AWS Integration" is an aspect of Hive, written on one line.
    int dash = label.indexOf(" - ");
    if (dash > 0 && ASPECT_WORDS.matcher(label.substring(dash)).find()) {
      label = label.substring(0, dash).strip();
    }
    if (NotesIndex.mentions(fact, label) || NotesIndex.mentions(fact, heading.text())) {
      return "";
    }
    // "Every living organism is made of one or more cells." is a sentence with a subject of its
    // own; the
    // heading above it is shown as its context.
    String first = fact.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    boolean sentence = fact.strip().endsWith(".") || DETERMINERS.contains(first);
    if (sentence
        && Character.isUpperCase(fact.strip().charAt(0))
        && !DEPENDENT_STARTS.contains(first)
        && NotesIndex.shape(fact).hasVerb()
        && NotesIndex.shape(fact).wordCount() >= 4) {
      return "";
    }
    // Notes in another language: a full sentence carries its own subject, as far as can be told
    // without its
    // grammar.
    if (!index.english && fact.strip().endsWith(".") && NotesIndex.shape(fact).wordCount() >= 4) {
      return "";
    }
    // "Mitosis produces two cells", "The heart pumps blood": a subject, then its verb.
    String[] words = fact.strip().split("\\s+");
    for (int i = 1; i < Math.min(4, words.length); i++) {
      String w = words[i].toLowerCase(Locale.ROOT);
      if (JOINING_VERBS.contains(w)
          && !AUXILIARY_VERBS.contains(w)
          && Character.isUpperCase(words[0].charAt(0))
          && !JOINING_VERBS.contains(first)
          && !LINKING_STARTS.contains(first)
          && !ADVERBS.contains(first)) {
        return "";
      }
    }
    // "Commands", "Ideas", "Causes": a heading that names a kind of line, not the subject of one.
    if (!label.contains(" ")
        && looksPlural(label)
        && label.length() > 1
        && label.substring(1).equals(label.substring(1).toLowerCase(Locale.ROOT))) {
      return "";
    }
    // "Glue is batch oriented" under "AWS Glue" names its subject already.
    for (String word : NotesIndex.key(label)) {
      if (word.length() >= 3
          && Character.isUpperCase(firstLetterOf(label, word))
          && NotesIndex.mentions(fact, word)) {
        return "";
      }
    }
    return withArticle(index, label) + ": ";
  }

  /**
   * "Mitochondria: Have their own circular DNA" as the sentence it stands for, "Mitochondria have
   * their own circular DNA"; "Eukaryotic cells: Typically 10 to 200 micrometres across" as
   * "Eukaryotic cells are typically 10 to 200 micrometres across". A subject before a fragment that
   * starts with a verb is joined to it; before one that starts with an adverb, a participle or a
   * preposition, with "is" or "are". Anything else keeps its colon: "Amazon ML: Soft limit up to
   * 100 GB" could only be joined by guessing the verb.
   */
  /**
   * Whether a lead-in before a colon can be the subject of the sentence after it: no section of a
   * topic ("Hive - AWS Integration", "EMR Security"), no list of things ("A + B").
   */
  static boolean joinableSubject(String subject) {
    return !subject.contains(" - ")
        && !subject.contains("+")
        && !subject.contains("›")
        && !ASPECT_WORDS.matcher(subject).find();
  }

  static String fuse(String text) {
    int colon = text.indexOf(": ");
    if (colon <= 0 || colon > 60 || text.substring(0, colon).contains(".")) {
      return text;
    }
    String subject = text.substring(0, colon).strip();
    String fragment = text.substring(colon + 2).strip();
    if (fragment.isEmpty()
        || subject.split("\\s+").length > 5
        || fragment.startsWith(BLANK)
        || subject.contains(" - ")
        || subject.contains("+")
        || !joinableSubject(subject)) {
      // "Hive - AWS Integration: Load data from S3" is not something Hive's integration does.
      return text;
    }
    String first = fragment.split("\\s+", 2)[0];
    String word = first.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (!Character.isUpperCase(first.charAt(0)) || word.isEmpty()) {
      return text;
    }
    String rest = Character.toLowerCase(fragment.charAt(0)) + fragment.substring(1);
    if (JOINING_VERBS.contains(word) || OrderingQuestions.isStepVerb(word)) {
      String verb = first.toLowerCase(Locale.ROOT);
      boolean base = !verb.endsWith("s") && !AUXILIARY_VERBS.contains(verb) || verb.equals("have");
      if (base && !plural(subject)) {
        // "Hive: Load data from S3" is "Hive loads data from S3".
        rest = thirdPerson(verb) + rest.substring(verb.length());
      }
      return subject + " " + rest;
    }
    if (LINKING_STARTS.contains(word)) {
      String[] words = rest.split("\\s+");
      String second = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
      if (word.endsWith("ed")
          && !second.isEmpty()
          && !second.endsWith("ly")
          && Character.isLetter(second.charAt(0))
          && !NOUN_PHRASE_ENDS.contains(second)) {
        // "Elastic MapReduce: Managed Hadoop framework on EC2 instances": "managed" qualifies the
        // framework, a noun for a kind of thing, so the line names one, "a managed Hadoop
        // framework"; said of things, it could only be joined by guessing whether they are one
        // or many.
        String head = words[words.length - 1];
        for (int i = 1; i < words.length; i++) {
          if (NOUN_PHRASE_ENDS.contains(words[i].toLowerCase(Locale.ROOT))
              || words[i].startsWith("(")) {
            head = words[i - 1];
            break;
          }
        }
        String noun = head.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}-]", "");
        if (TopicQuestions.HEAD_NOUNS.contains(noun)) {
          return plural(subject)
              ? text
              : subject + " is " + DefinitionQuestions.article(first) + " " + rest;
        }
        if (noun.length() > 3 && looksPlural(noun)) {
          // "EMR: Managed Hadoop clusters": one thing or many, only a guess joins it.
          return text;
        }
      }
      return subject + (plural(subject) ? " are " : " is ") + rest;
    }
    return text;
  }

  /**
   * Words after a past participle that make it a verb ("Managed by YARN", "Stored in MySQL"), or
   * that end the noun phrase it qualifies ("Managed Hadoop framework on EC2 instances").
   */
  private static final Set<String> NOUN_PHRASE_ENDS =
      Set.of(
          "around",
          "without",
          "alongside",
          "like",
          "upon",
          "before",
          "after",
          "between",
          "per",
          "near",
          "the",
          "a",
          "an",
          "by",
          "of",
          "in",
          "on",
          "at",
          "to",
          "for",
          "with",
          "from",
          "into",
          "as",
          "through",
          "via",
          "using",
          "across",
          "within",
          "inside",
          "under",
          "over",
          "and",
          "or",
          "when",
          "if",
          "that",
          "which",
          "but",
          "so",
          "than",
          "automatically",
          "directly",
          "separately");

  private static final Set<String> FINITE =
      Set.of(
          "is", "are", "was", "were", "be", "been", "can", "cannot", "could", "will", "would",
          "should", "must", "may", "might", "has", "have", "had", "does", "do", "did", "isn't",
          "aren't", "doesn't", "don't", "can't", "won't");

  private static final Set<String> PRONOUNS =
      Set.of(
          "it", "they", "we", "you", "he", "she", "this", "these", "each", "every", "all", "most",
          "some");

  /** "T2, T3, M4, M5" as "T2, T3, M4 and M5", the way a question lists them. */
  static String joinedWithAnd(String commaList) {
    String list = commaList.strip();
    int last = list.lastIndexOf(", ");
    return last < 0 || list.contains(" and ") || list.contains(" or ")
        ? list
        : list.substring(0, last) + " and " + list.substring(last + 2);
  }

  private static final Set<String> HEADING_VERBS =
      Set.of(
          "choosing",
          "selecting",
          "picking",
          "using",
          "understanding",
          "comparing",
          "configuring",
          "sizing",
          "about");

  /**
   * What a heading says its lines are, as a plural noun phrase to put in a question: "EMR instance
   * types" of "Choosing EMR Instance Types - 2"; null when the heading does not name a kind of
   * things ("Promises &amp; Limitations", "Amazon EMR", "Data Analysis", "Types of Cells", "Amazon
   * Web Services"). A word the notes write as a name ({@code name}) keeps its capital.
   */
  static String kindOfThings(String heading, java.util.function.Predicate<String> name) {
    String[] words = withoutPartMark(heading).strip().split("\\s+");
    int from = 0;
    int to = words.length;
    if (to > 0 && HEADING_VERBS.contains(words[0].toLowerCase(Locale.ROOT))) {
      from = 1;
    }
    if (to - from < 2 || to - from > 5) {
      return null;
    }
    String lead = words[from].toLowerCase(Locale.ROOT);
    if (KIND_WORDS.contains(lead) && words[from + 1].equalsIgnoreCase("of")) {
      // "Types of Cells" names no kind by its head: "types of cells" is not a kind of thing.
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      String w = words[i];
      if (!w.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
        return null;
      }
      boolean titleCase =
          Character.isUpperCase(w.charAt(0))
              && w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT));
      boolean lower = titleCase && !name.test(w);
      out.append(i == from ? "" : " ").append(lower ? w.toLowerCase(Locale.ROOT) : w);
    }
    String head = words[to - 1];
    String last = head.toLowerCase(Locale.ROOT);
    boolean pluralNoun =
        last.endsWith("s")
            && !last.endsWith("ss")
            && !last.endsWith("is")
            && !last.endsWith("us")
            && !last.endsWith("ics");
    return pluralNoun && !name.test(head) ? out.toString() : null;
  }

  private static final Set<String> KIND_WORDS =
      Set.of("types", "kinds", "sorts", "classes", "categories", "forms", "examples", "list");

  /**
   * "Choosing EMR Instance Types - 2" as "Choosing EMR Instance Types": the numbering of a section
   * split in two ("- 2", "(2)", "(cont.)", "Part 2", "2/3") is the notes' layout, not something
   * shown with a question. A number that is part of the name stays: "World War II", "Python 3",
   * "Windows 10".
   */
  static String withoutPartMark(String heading) {
    String[] words = heading.strip().split("\\s+");
    int cut = partMarkStart(words);
    return cut <= 0 ? heading : String.join(" ", java.util.Arrays.asList(words).subList(0, cut));
  }

  /** Where the heading's part mark starts among its words, or -1 when it has none. */
  private static int partMarkStart(String[] words) {
    int n = words.length;
    if (n < 2) {
      return -1;
    }
    String last = words[n - 1].toLowerCase(Locale.ROOT);
    String before = words[n - 2].toLowerCase(Locale.ROOT);
    if (last.startsWith("(") && last.endsWith(")")) {
      // "(2)", "(cont.)", "(2/3)"
      return partNumber(last.substring(1, last.length() - 1), true) ? n - 1 : -1;
    }
    if (last.endsWith(")")) {
      // "(part 2)", "(2 of 3)"
      for (int i = n - 2; i >= Math.max(1, n - 4); i--) {
        if (words[i].startsWith("(")) {
          String inside =
              String.join(" ", java.util.Arrays.asList(words).subList(i, n))
                  .toLowerCase(Locale.ROOT);
          inside = inside.substring(1, inside.length() - 1);
          String[] parts = inside.split(" ");
          boolean part =
              parts.length == 2 && parts[0].equals("part") && partNumber(parts[1], false);
          boolean ofTotal =
              parts.length == 3 && parts[1].equals("of") && digits(parts[0]) && digits(parts[2]);
          return part || ofTotal ? i : -1;
        }
      }
      return -1;
    }
    if (last.startsWith("-") && last.length() > 1 && digits(last.substring(1))) {
      return n - 1; // "Types -2"
    }
    if (DASHES.contains(before) && partNumber(last, true)) {
      return n - 2; // "- 2", "– cont."
    }
    if (n >= 3
        && DASHES.contains(words[n - 3])
        && before.equals("part")
        && partNumber(last, false)) {
      return n - 3; // "- Part 2"
    }
    if (before.equals("part") && partNumber(last, false) && n >= 3) {
      return n - 2; // "Part 2"
    }
    if (last.equals("cont.") || last.equals("continued") || fraction(last)) {
      return n - 1; // "cont.", "2/3"
    }
    return -1;
  }

  private static final Set<String> DASHES = Set.of("-", "–", "—");

  private static boolean partNumber(String w, boolean orContinued) {
    return digits(w) && w.length() <= 3
        || Set.of("i", "ii", "iii", "iv", "v", "one", "two", "three").contains(w)
        || orContinued && (w.equals("cont.") || w.equals("cont") || w.equals("continued"))
        || fraction(w);
  }

  private static boolean fraction(String w) {
    int slash = w.indexOf('/');
    return slash > 0 && digits(w.substring(0, slash)) && digits(w.substring(slash + 1));
  }

  private static boolean digits(String w) {
    return !w.isEmpty() && w.length() <= 3 && w.chars().allMatch(Character::isDigit);
  }

  private static final List<String> ONE_OF_MANY =
      List.of(
          "is one of ",
          "was one of ",
          "are some of ",
          "were some of ",
          "is among ",
          "was among ",
          "are among ",
          "were among ",
          "is an example of ",
          "is a kind of ",
          "is a type of ",
          "is a form of ");

  /**
   * The words after a blank say the answer is one of several ("The ___ is one of the oldest written
   * legal codes"): whatever else is one of them is as right in the blank, so no typed answer can be
   * the only one.
   */
  static boolean oneOfMany(String afterBlank) {
    String after = afterBlank.stripLeading().toLowerCase(java.util.Locale.ROOT);
    for (String words : ONE_OF_MANY) {
      if (after.startsWith(words)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a statement is still "Subject: fragment" after {@link #fuse}, its fragment without a
   * verb: "Amazon ML: Soft limit up to 100 GB training data" is a line of notes, not a sentence an
   * exam would print.
   */
  static boolean unjoinedFragment(String text) {
    int colon = text.indexOf(": ");
    if (colon <= 0 || colon > 60 || !fuse(text).equals(text)) {
      return false;
    }
    String fragment = text.substring(colon + 2).replace(BLANK, "x").strip();
    // "An adult heart beats about 60 to 100 times a minute" starts with its subject: a sentence
    // whose verb the
    // word list does not know.
    String first = fragment.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (DETERMINERS.contains(first) || PRONOUNS.contains(first)) {
      return false;
    }
    // A verb, not merely a clause word: "Easier and faster than writing MapReduce" has "than" and
    // no verb.
    String[] words = fragment.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    for (int i = 0; i < words.length; i++) {
      if (FINITE.contains(words[i]) || i >= 1 && i < 5 && JOINING_VERBS.contains(words[i])) {
        // "Human body cells contain 46 chromosomes": a subject, then a verb the notes' kind of line
        // uses.
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern SOFT_LIMIT =
      java.util.regex.Pattern.compile("(?i)(soft|hard) limit(?: of)?(?: up to)?");
  private static final java.util.regex.Pattern NAMED_VALUE =
      java.util.regex.Pattern.compile("(?i)([\\p{L}][\\p{L}() -]{2,40}?) (?:can be set )?is");
  private static final Set<String> UP_TO = Set.of("up to", "max", "maximum", "at most");
  private static final Set<String> DATA_UNITS =
      Set.of("b", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "bytes");
  private static final Set<String> TIME_UNITS =
      Set.of("second", "minute", "hour", "day", "millisecond");

  private static final java.util.regex.Pattern SIZE_WORDS =
      java.util.regex.Pattern.compile(
          "(?i)\\b(size|block|chunk|storage|memory|disk|file|ram|volume|object)s?\\b");

  /**
   * "128 Mb" said of a block size is 128 MB: notes write the bit's small b for the byte, and a
   * question that asks "in Mb" asks for megabits. A rate ("Mbps") or a line that names no size
   * keeps its unit as written.
   */
  static String sizeUnit(String unit, String line) {
    return sizeUnit(unit, line, 0, line.length());
  }

  /**
   * As {@link #sizeUnit(String, String)} for the number at {@code start}–{@code end} of the line:
   * the size word must be near it ("block size is 128 Mb"), and a rate after it ("100 Mb per
   * second", "100 Mb/s") keeps its bits, whatever else the line says.
   */
  static String sizeUnit(String unit, String line, int start, int end) {
    boolean smallB =
        unit.length() == 2
            && "KMGTP".indexOf(Character.toUpperCase(unit.charAt(0))) >= 0
            && unit.charAt(1) == 'b';
    if (!smallB) {
      return unit;
    }
    int from = Math.max(0, Math.min(start, line.length()) - 40);
    int to = Math.min(line.length(), Math.max(end, 0) + 24);
    String after = line.substring(Math.min(Math.max(end, 0), line.length()), to);
    String rest = after.strip();
    if (rest.startsWith(unit)) {
      rest = rest.substring(unit.length()).strip();
    }
    boolean rate = rest.startsWith("/") || rest.toLowerCase(Locale.ROOT).startsWith("per ");
    return !rate && SIZE_WORDS.matcher(line.substring(from, to)).find()
        ? Character.toUpperCase(unit.charAt(0)) + "B"
        : unit;
  }

  /**
   * A limit noted as a fragment under its subject, asked as the question it stands for: "Amazon ML:
   * Soft limit up to 5 simultaneous jobs" as "What is the soft limit on the number of simultaneous
   * jobs for Amazon ML?", "Up to 10,000 records in a batch" as "What is the maximum number of
   * records in a batch for …?", "Max timeout can be set is 900 seconds" as "What is the maximum
   * timeout for AWS Lambda, in seconds?". Null for any other shape.
   */
  static String limitQuestion(String subject, String text, NumberMention m) {
    if (subject.isBlank()
        || ASPECT_WORDS.matcher(subject).find()
        || m.unitRaw() == null
        || m.unitRaw().isBlank()
        || subject.length() > 60) {
      return null;
    }
    String before = text.substring(0, m.start()).strip();
    String after = text.substring(m.end()).strip();
    if (!after.toLowerCase(Locale.ROOT).startsWith(m.unitRaw().toLowerCase(Locale.ROOT))) {
      return null;
    }
    String rest = after.substring(m.unitRaw().length());
    int cut = indexOfAny(rest, ",;(");
    rest = (cut >= 0 ? rest.substring(0, cut) : rest).strip();
    if (rest.chars().anyMatch(Character::isDigit)
        || !rest.isEmpty() && !Character.isLetter(rest.charAt(0))
        || rest.split("\\s+").length > 6) {
      return null;
    }
    String unit = m.unitRaw().toLowerCase(Locale.ROOT);
    boolean data = DATA_UNITS.contains(unit);
    boolean time = TIME_UNITS.contains(m.unit());
    boolean counted =
        !Quantity.isMeasure(m.unitRaw())
            && !data
            && Character.isLetter(m.unitRaw().charAt(0))
            && m.unitRaw().length() > 2;
    String in = time ? m.unit() + "s" : sizeUnit(m.unitRaw(), text, m.start(), m.end());
    String lower = before.toLowerCase(Locale.ROOT);
    if (UP_TO.contains(lower)) {
      if (counted) {
        return "What is the maximum number of "
            + m.unitRaw()
            + (rest.isEmpty() ? "" : " " + rest)
            + forSubject(subject)
            + "?";
      }
      if ((data || time) && rest.startsWith("in ") && rest.length() > 3) {
        return "What is the maximum "
            + (data ? "size" : "duration")
            + " of "
            + rest.substring(3)
            + forSubject(subject)
            + ", in "
            + in
            + "?";
      }
      return null;
    }
    java.util.regex.Matcher soft = SOFT_LIMIT.matcher(before);
    if (soft.matches() && !rest.isEmpty()) {
      String limit = "the " + soft.group(1).toLowerCase(Locale.ROOT) + " limit on ";
      if (counted) {
        return "What is "
            + limit
            + "the number of "
            + m.unitRaw()
            + " "
            + rest
            + forSubject(subject)
            + "?";
      }
      return data || time
          ? "What is " + limit + rest + forSubject(subject) + ", in " + in + "?"
          : null;
    }
    java.util.regex.Matcher named = NAMED_VALUE.matcher(before);
    if (named.matches() && rest.isEmpty() && (data || time)) {
      String what = named.group(1).strip().replaceFirst("(?i)^max ", "maximum ");
      return "What is the "
          + Character.toLowerCase(what.charAt(0))
          + what.substring(1)
          + forSubject(subject)
          + ", in "
          + in
          + "?";
    }
    return null;
  }

  /**
   * " for AWS Lambda"; a heading joining two things, "Kinesis Data Streams + Lambda", is the one
   * used with the other: " when Kinesis Data Streams is used with Lambda".
   */
  static String forSubject(String subject) {
    int plus = subject.indexOf(" + ");
    if (plus > 0 && subject.indexOf(" + ", plus + 3) < 0) {
      String first = subject.substring(0, plus).strip();
      String second = subject.substring(plus + 3).strip();
      if (BulletShape.of(first).isNameLike() && BulletShape.of(second).isNameLike()) {
        return " when " + first + " is used with " + second;
      }
    }
    return " for " + subject;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static final java.util.regex.Pattern ASPECT_WORDS =
      java.util.regex.Pattern.compile(
          "(?i)integration|features|patterns|usage|security|promises|limitations|considerations|options|types");

  /** Verbs a fragment under its subject starts with: "Have", "Can", "Stores", "Produce". */
  private static final Set<String> JOINING_VERBS =
      Set.of(
          "can",
          "cannot",
          "will",
          "may",
          "must",
          "should",
          "has",
          "have",
          "is",
          "are",
          "does",
          "do",
          "stores",
          "store",
          "produces",
          "produce",
          "contains",
          "contain",
          "carries",
          "carry",
          "moves",
          "move",
          "makes",
          "make",
          "breaks",
          "break",
          "helps",
          "help",
          "controls",
          "control",
          "protects",
          "protect",
          "filters",
          "filter",
          "pumps",
          "pump",
          "packages",
          "builds",
          "supports",
          "support",
          "uses",
          "provides",
          "provide",
          "runs",
          "allows",
          "allow",
          "holds",
          "hold",
          "shows",
          "show",
          "gives",
          "give",
          "takes",
          "take",
          "keeps",
          "keep",
          "needs",
          "need",
          "requires",
          "require",
          "includes",
          "include",
          "lets",
          "let",
          "happens",
          "happen",
          "occurs",
          "occur",
          "transports",
          "transport",
          "converts",
          "convert",
          "absorbs",
          "absorb",
          "digests",
          "digest",
          "sends",
          "send",
          "receives",
          "receive",
          "lacks",
          "lack",
          "beats",
          "beat",
          "exchange",
          "exchanges",
          "contracts",
          "contract",
          "downloads",
          "fetches",
          "merges",
          "declared",
          "stormed",
          "called",
          "seized",
          "crowned",
          "abolished",
          "executed");

  private static final Set<String> ADVERBS =
      Set.of("just", "even", "still", "then", "now", "here", "there", "up", "down", "max", "min");

  private static final Set<String> AUXILIARY_VERBS =
      Set.of(
          "can", "cannot", "will", "may", "must", "should", "has", "have", "is", "are", "does",
          "do");

  /** Words that start a description of the subject rather than an action of it. */
  private static final Set<String> LINKING_STARTS =
      Set.of(
          "typically",
          "usually",
          "often",
          "always",
          "never",
          "mostly",
          "generally",
          "mainly",
          "only",
          "also",
          "sometimes",
          "rarely",
          "found",
          "made",
          "located",
          "known",
          "responsible",
          "part",
          "on",
          "in",
          "inside",
          "outside",
          "between",
          "within",
          "about",
          "around",
          "roughly",
          "approximately",
          "not",
          "able",
          "unable",
          "similar",
          "different",
          "surrounded",
          "composed",
          "stored",
          "based",
          "built",
          "controlled",
          "encrypted",
          "hosted",
          "managed",
          "implemented",
          "optimized",
          "optimised",
          "designed",
          "used",
          "covered",
          "connected",
          "attached",
          "filled",
          "lined");

  static String thirdPerson(String verb) {
    if (verb.equals("have")) {
      return "has";
    }
    if (verb.endsWith("y")
        && verb.length() > 2
        && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
      return verb.substring(0, verb.length() - 1) + "ies";
    }
    return verb.endsWith("s")
            || verb.endsWith("sh")
            || verb.endsWith("ch")
            || verb.endsWith("x")
            || verb.endsWith("o")
        ? verb + "es"
        : verb + "s";
  }

  private static boolean plural(String subject) {
    String last = subject.substring(subject.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    if (Set.of(
            "mitochondria",
            "bacteria",
            "data",
            "criteria",
            "media",
            "phenomena",
            "people",
            "children")
        .contains(last)) {
      return true;
    }
    return last.endsWith("s")
        && !last.endsWith("ss")
        && !last.endsWith("us")
        && !last.endsWith("is");
  }

  /** The first letter of {@code word} as it is written in {@code text} (case kept). */
  private static char firstLetterOf(String text, String word) {
    int at = NotesIndex.lowerSameLength(text).indexOf(word);
    return at < 0 ? 'a' : text.charAt(at);
  }

  static String lowerFirst(String s, NotesIndex index) {
    String first = s.split("\\s+", 2)[0];
    if (first.length() > 1
        && Character.isUpperCase(first.charAt(0))
        && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT))
        && (!index.nameWords.contains(first.toLowerCase(Locale.ROOT))
            || index.writtenLowercase(first))) {
      // A heading's word the lines write in lower case ("Cluster types" beside "a long-running
      // cluster") is a common noun.
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }

  /**
   * "Causes", "Ideas": a plural; "Photosynthesis", "Nucleus", "Process" end in s and are one thing.
   */
  static boolean looksPlural(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("is") && !w.endsWith("us");
  }
}
