package org.quizhall.deck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * numeric: asks for the number in a fact with a unit; distractors are numbers of the same unit from
 * elsewhere in the notes, then multiples and fractions of the answer. Also yields the
 * number-swapped false statements for true/false.
 */
final class NumericQuestions {

  static final String KIND = "numeric";

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  /** Every number in the notes by unit, in order of appearance. */
  private final Map<String, List<NumberMention>> byUnit = new LinkedHashMap<>();

  /**
   * Above this many numbers of one unit, only the values nearest the key are offered from the
   * notes.
   */
  static final int MANY_OF_A_UNIT = 200;

  /**
   * The distinct values of each unit, in order, once a unit has more than {@link #MANY_OF_A_UNIT}
   * numbers.
   */
  private final Map<String, List<BigDecimal>> sortedValues = new java.util.HashMap<>();

  /** Up to 32 distinct values of the unit on either side of the key, nearest first on each side. */
  private List<BigDecimal> nearestValues(String unit, BigDecimal key) {
    List<BigDecimal> values =
        sortedValues.computeIfAbsent(
            unit,
            u ->
                byUnit.get(u).stream()
                    .map(NumberMention::value)
                    .map(BigDecimal::stripTrailingZeros)
                    .distinct()
                    .sorted()
                    .toList());
    int at = java.util.Collections.binarySearch(values, key.stripTrailingZeros());
    int below = at >= 0 ? at - 1 : -at - 2;
    int above = at >= 0 ? at + 1 : -at - 1;
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      if (below - i >= 0) {
        out.add(values.get(below - i));
      }
      if (above + i < values.size()) {
        out.add(values.get(above + i));
      }
    }
    return out;
  }

  NumericQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
    for (NotesIndex.Placed p : index.placed) {
      String text = p.node().text();
      for (NumberMention m : NumberMention.find(text)) {
        byUnit.computeIfAbsent(m.unit(), u -> new ArrayList<>()).add(m);
        int from = rangeStart(text, m);
        BigDecimal low = from >= 0 ? numberBefore(text.substring(0, m.start())) : null;
        // "version 1.2.3 to 10 metres" reads no low end: only a range whose ends are in order is
        // one.
        if (low != null && low.compareTo(m.value()) < 0 && !m.unit().equals("year")) {
          rangesByUnit
              .computeIfAbsent(m.unit(), u -> new ArrayList<>())
              .add(new BigDecimal[] {low, m.value()});
        }
      }
    }
  }

  /**
   * Every range of numbers in the notes ("1 to 10 micrometres") by unit: a range's wrong options
   * are ranges.
   */
  private final Map<String, List<BigDecimal[]>> rangesByUnit = new LinkedHashMap<>();

  /**
   * The distinct ranges of each unit ordered by their low end, sorted once when first asked for.
   */
  private final Map<String, List<BigDecimal[]>> sortedRanges = new java.util.HashMap<>();

  /**
   * How many ranges of the notes on either side of the key's low end are offered as wrong options.
   */
  private static final int NEAR_RANGES = 6;

  /**
   * The ranges of the unit whose low ends lie nearest {@code low}: a deck with thousands of ranges
   * offers each range its neighbours, not every other range, so the work stays linear in the notes.
   */
  private List<BigDecimal[]> nearestRanges(String unit, BigDecimal low) {
    List<BigDecimal[]> sorted =
        sortedRanges.computeIfAbsent(
            unit,
            u -> {
              Map<String, BigDecimal[]> distinct = new java.util.TreeMap<>();
              for (BigDecimal[] r : rangesByUnit.getOrDefault(u, List.of())) {
                BigDecimal[] plain = {r[0].stripTrailingZeros(), r[1].stripTrailingZeros()};
                distinct.putIfAbsent(
                    plain[0].toPlainString() + "/" + plain[1].toPlainString(), plain);
              }
              List<BigDecimal[]> list = new ArrayList<>(distinct.values());
              list.sort(
                  (a, b) ->
                      a[0].compareTo(b[0]) != 0 ? a[0].compareTo(b[0]) : a[1].compareTo(b[1]));
              return list;
            });
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid)[0].compareTo(low) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int at = lo;
    List<BigDecimal[]> out = new ArrayList<>();
    for (int i = 1; i <= NEAR_RANGES; i++) {
      if (at - i >= 0) {
        out.add(sorted.get(at - i));
      }
      if (at + i - 1 < sorted.size()) {
        out.add(sorted.get(at + i - 1));
      }
    }
    return out;
  }

  /**
   * Whether a range is a wrong answer for the key's: not the key's own range however it is spelled
   * ("1.50 to 10" is "1.5 to 10"), and never a range holding the key's ("1 to 100" for "1 to 10"),
   * which a careful reader could defend as true.
   */
  static boolean isWrongRange(BigDecimal[] r, BigDecimal low, BigDecimal high) {
    return !(r[0].compareTo(low) <= 0 && r[1].compareTo(high) >= 0);
  }

  static boolean isFact(TopicNode node) {
    return node.kind() == NodeKind.STATEMENT
        || node.kind() == NodeKind.NOTE
        || node.kind() == NodeKind.LIST_ITEM;
  }

  void generate() {
    for (NotesIndex.Placed p : index.placed) {
      if (!isFact(p.node())) {
        continue;
      }
      String text = p.node().text();
      List<NumberMention> mentions = NumberMention.find(text);
      for (NumberMention m : mentions) {
        numeric(p, m, mentions);
      }
    }
  }

  /**
   * @param mentions every number of the line, found once: a line of many years would otherwise be
   *     read again per year
   */
  private void numeric(NotesIndex.Placed p, NumberMention m, List<NumberMention> mentions) {
    TopicNode node = p.node();
    if (node.text().indexOf('<') >= 0 || node.text().indexOf('>') >= 0) {
      out.skip(
          node,
          "shorthand with < or >, which reads as notation rather than a statement to complete");
      return;
    }
    if (m.value().compareTo(BigDecimal.ONE) == 0 && !Quantity.isMeasure(m.unitRaw())) {
      // "can replicate 1 table or a whole database": one of a thing means "a single", not a count
      // to learn.
      return;
    }
    if (m.unit().equals("year")
        && mentions.stream()
            .anyMatch(
                o ->
                    o.start() != m.start()
                        && o.unit().equals("year")
                        && o.value().subtract(m.value()).abs().compareTo(BigDecimal.ONE) <= 0)) {
      // "abolished in September 1792, and … executed in January ___": the next January is 1793.
      out.skip(node, "another year in the sentence gives this one away");
      return;
    }
    if (!m.unit().equals("year") && rangeStart(node.text(), m) >= 0) {
      // "Typically 1 to 10 micrometres across" is one fact, a range: asking for its upper number
      // alone splits
      // it, so the range is asked whole, against other ranges of the unit.
      range(p, m);
      return;
    }
    String variant = m.raw() + " " + m.unit();
    Random random = factory.random(KIND, variant, node.text());
    List<String> fromNotes = new ArrayList<>();
    List<NumberMention> sameUnit = byUnit.getOrDefault(m.unit(), List.of());
    if (sameUnit.size() <= MANY_OF_A_UNIT) {
      for (NumberMention other : sameUnit) {
        if (other.value().compareTo(m.value()) != 0) {
          fromNotes.add(m.format(other.value()));
        }
      }
    } else {
      // Thousands of "seconds" in one deck: the values nearest the key, not every one for every
      // number.
      for (BigDecimal v : nearestValues(m.unit(), m.value())) {
        fromNotes.add(m.format(v));
      }
    }
    String text = node.text();
    java.util.function.Predicate<BigDecimal> fits = fitsTheLine(text, m, mentions);
    List<String> distractors =
        DistractorPicker.pick(
            m.raw(),
            List.of(
                rangeVariants(text, m),
                fromNotes,
                m.kindredVariants(),
                m.nearVariants(),
                m.neighbourVariants(),
                m.scaledVariants()),
            c ->
                !NotesIndex.mentions(text, c)
                    && plausible(m, c)
                    && value(c) != null
                    && fits.test(value(c))
                    && !(countsMany(text, m) && value(c).compareTo(BigDecimal.ONE) == 0),
            3,
            random);
    if (distractors.size() < 2) {
      out.skip(node, "no plausible wrong numbers");
      return;
    }
    String fact = Prompts.standalone(index, p);
    int offset = fact.length() - node.text().length();
    String blanked =
        fact.substring(0, offset + m.start()) + Prompts.BLANK + fact.substring(offset + m.end());
    String subject = Prompts.subject(index, p, fact);
    boolean unjoined =
        !subject.isEmpty() && Prompts.fuse(subject + blanked).equals(subject + blanked);
    String limit =
        index.english && unjoined
            ? Prompts.limitQuestion(
                subject.isEmpty() ? "" : subject.substring(0, subject.length() - 2), text, m)
            : null;
    if (limit != null) {
      Source source = new Source(node.line(), node.text(), node.path());
      out.add(
          node,
          factory.multipleChoice(
              KIND,
              variant,
              limit,
              m.raw(),
              distractors,
              fact,
              source,
              index.topicOf(node.path())));
      return;
    }
    if (index.english && Prompts.unjoinedFragment(subject + blanked)) {
      // "Amazon ML: Soft limit up to ___ GB training data": a line of notes with its heading in
      // front, which
      // only reads as a question once someone supplies its verb.
      out.skip(
          node,
          "a fragment under its heading, which reads as a sentence only by guessing its verb");
      return;
    }
    String statement = index.english ? Prompts.fuse(subject + blanked) : subject + blanked;
    String prompt = index.english ? howMany(statement, m, index) : null;
    if (prompt == null) {
      // The sentence as written with its number left out, asked the way a cloze is: no question
      // bolted on.
      prompt = (m.unit().equals("year") ? "Fill in the year: " : "Fill in the blank: ") + statement;
    }
    if (NotesIndex.mentions(prompt, m.raw())) {
      out.skip(node, "the number also appears elsewhere in the question");
      return;
    }
    Source source = new Source(node.line(), node.text(), node.path());
    String topic = index.topicOf(node.path());
    out.add(
        node,
        factory.multipleChoice(KIND, variant, prompt, m.raw(), distractors, fact, source, topic));

    // A false statement changes the number within its magnitude: "206 bones" becomes 103 or 412,
    // never 1030.
    // Not a rough one: "typically 10 to 200 micrometres" is not made false by saying 400.
    // The wrong number furthest from the key within its magnitude: "6 minute intervals" for 5 tests
    // a slip, not
    // the fact.
    String wrong =
        distractors.stream()
            .filter(c -> sameMagnitude(m, c))
            .max(java.util.Comparator.comparingDouble(c -> distance(m.value(), value(c))))
            .orElse(null);
    if (wrong == null
        || APPROXIMATE.matcher(text).find()
        || index.english && Prompts.unjoinedFragment(subject + fact)) {
      // "Amazon ML: Soft limit up to 50 GB training data" is a line of notes with a number changed,
      // not a
      // statement to judge.
      return;
    }
    String falsified =
        fact.substring(0, offset + m.start()) + wrong + fact.substring(offset + m.end());
    out.add(
        node,
        factory.trueFalse(
            StatementQuestions.TRUE_FALSE,
            "number:" + variant,
            "True or false? "
                + (index.english ? Prompts.fuse(subject + falsified) : subject + falsified),
            false,
            fact,
            source,
            topic));
  }

  /**
   * What the rest of the line allows: the low end of a range ("from 1793 to 1794", "60 to 100")
   * stays below its high end and the high end above the low one, and a day of a month ("18 Brumaire
   * year VIII", "14 July 1789") stays a day, 1 to 30.
   */
  static java.util.function.Predicate<BigDecimal> fitsTheLine(String text, NumberMention m) {
    return fitsTheLine(text, m, NumberMention.find(text));
  }

  static java.util.function.Predicate<BigDecimal> fitsTheLine(
      String text, NumberMention m, List<NumberMention> mentions) {
    BigDecimal low = numberBefore(text.substring(0, m.start()));
    BigDecimal high = numberAfter(text.substring(m.end()));
    if (m.unit().equals("year")) {
      // "abolished in September 1792, and Louis XVI was executed in January ___": a sentence tells
      // its years
      // in order, so an option before the year told ahead of the blank is ruled out by the sentence
      // itself.
      for (NumberMention other : mentions) {
        if (other.unit().equals("year") && other.start() != m.start()) {
          // Only when the sentence does tell them in order: "signed in ___ and ended the war that
          // had
          // started in 1914" looks back, and bounds nothing.
          if (other.start() < m.start()
              && other.value().compareTo(m.value()) < 0
              && (low == null || other.value().compareTo(low) > 0)) {
            low = other.value();
          } else if (other.start() > m.start()
              && other.value().compareTo(m.value()) > 0
              && (high == null || other.value().compareTo(high) < 0)) {
            high = other.value();
          }
        }
      }
    }
    boolean day = isDayOfMonth(text, m, mentions);
    BigDecimal ceiling =
        low == null || low.compareTo(m.value()) >= 0 || m.unit().equals("year")
            ? null
            : m.value().add(m.value().subtract(low).multiply(BigDecimal.valueOf(2)));
    BigDecimal floor = low;
    BigDecimal top = high;
    return v ->
        (floor == null || v.compareTo(floor) > 0)
            && (top == null || v.compareTo(top) < 0)
            && (ceiling == null || v.compareTo(ceiling) <= 0)
            && (!day
                || v.compareTo(BigDecimal.ONE) >= 0 && v.compareTo(BigDecimal.valueOf(30)) <= 0);
  }

  /**
   * For the high end of a range ("60 to 100 times a minute") numbers a step of the range's width
   * away (80, 120, 140), and a range's high end stays within twice its width above the key: 400
   * beats a minute is no heart rate.
   */
  private static List<String> rangeVariants(String text, NumberMention m) {
    BigDecimal low = numberBefore(text.substring(0, m.start()));
    if (low == null || m.unit().equals("year") || low.compareTo(m.value()) >= 0) {
      return List.of();
    }
    BigDecimal width = m.value().subtract(low);
    BigDecimal half = width.divide(BigDecimal.valueOf(2), java.math.MathContext.DECIMAL64);
    List<String> out = new ArrayList<>();
    for (BigDecimal v :
        List.of(
            m.value().add(half),
            m.value().add(width),
            m.value().subtract(half),
            m.value().add(width.add(half)))) {
      if (v.compareTo(low) > 0
          && v.stripTrailingZeros().scale() <= m.value().stripTrailingZeros().scale()) {
        out.add(m.format(v));
      }
    }
    return out;
  }

  private static final List<String> RANGE_WORDS =
      List.of("to", "-", "–", "and", "through", "until");

  /**
   * "Prokaryotic cells are typically _____ micrometres across" with "1 to 10" against "10 to 100"
   * (another range of the unit in the notes) and the range a tenth or ten times as large.
   */
  private void range(NotesIndex.Placed p, NumberMention m) {
    TopicNode node = p.node();
    String text = node.text();
    int from = rangeStart(text, m);
    BigDecimal low = numberBefore(text.substring(0, m.start()));
    String key = text.substring(from, m.end());
    String joint = text.substring(from, m.start()).replaceFirst("^[0-9.,]+", "");
    if (low == null || low.compareTo(m.value()) >= 0) {
      out.skip(node, "a range whose ends are not in order");
      return;
    }
    List<String> fromNotes = new ArrayList<>();
    for (BigDecimal[] r : nearestRanges(m.unit(), low)) {
      if (isWrongRange(r, low, m.value())) {
        fromNotes.add(m.format(r[0]) + joint + m.format(r[1]));
      }
    }
    // A range over an order of magnitude ("1 to 10 micrometres") is told from a tenth or ten times
    // it; a
    // narrow one ("60 to 100 beats a minute") from the range moved by half its width or its width,
    // since
    // 6,000 to 10,000 beats is ruled out by common sense.
    List<String> scaled = new ArrayList<>();
    BigDecimal ten = BigDecimal.TEN;
    BigDecimal high = m.value();
    List<BigDecimal[]> moved = new ArrayList<>();
    if (low.signum() > 0 && high.compareTo(low.multiply(BigDecimal.valueOf(5))) >= 0) {
      moved.add(new BigDecimal[] {low.multiply(ten), high.multiply(ten)});
      moved.add(new BigDecimal[] {low.divide(ten), high.divide(ten)});
      moved.add(
          new BigDecimal[] {low.multiply(ten).multiply(ten), high.multiply(ten).multiply(ten)});
      moved.add(new BigDecimal[] {low.divide(ten).divide(ten), high.divide(ten).divide(ten)});
    } else {
      BigDecimal width = high.subtract(low);
      BigDecimal half = width.divide(BigDecimal.valueOf(2));
      if (half.stripTrailingZeros().scale() > Math.max(0, low.stripTrailingZeros().scale())) {
        half = width;
      }
      for (BigDecimal shift :
          List.of(half, half.negate(), width, width.negate(), width.add(half))) {
        moved.add(new BigDecimal[] {low.add(shift), high.add(shift)});
      }
    }
    for (BigDecimal[] r : moved) {
      if (r[0].signum() > 0
          && r[0].stripTrailingZeros().scale() <= 2
          && isWrongRange(r, low, high)) {
        scaled.add(m.format(r[0]) + joint + m.format(r[1]));
      }
    }
    String variant = key + " " + m.unit();
    Random random = factory.random(KIND, variant, text);
    List<String> distractors =
        DistractorPicker.pick(
            key,
            List.of(fromNotes, scaled),
            c -> !NotesIndex.norm(c).equals(NotesIndex.norm(key)) && !text.contains(c),
            3,
            random);
    if (distractors.size() < 3) {
      out.skip(node, "no plausible wrong ranges");
      return;
    }
    String fact = Prompts.standalone(index, p);
    int offset = fact.length() - text.length();
    String blanked =
        fact.substring(0, offset + from) + Prompts.BLANK + fact.substring(offset + m.end());
    String subject = Prompts.subject(index, p, fact);
    if (index.english && Prompts.unjoinedFragment(subject + blanked)) {
      out.skip(
          node,
          "a fragment under its heading, which reads as a sentence only by guessing its verb");
      return;
    }
    String statement = index.english ? Prompts.fuse(subject + blanked) : subject + blanked;
    Source source = new Source(node.line(), text, node.path());
    out.add(
        node,
        factory.multipleChoice(
            KIND,
            variant,
            "Fill in the blank: " + statement,
            key,
            distractors,
            fact,
            source,
            index.topicOf(node.path())));
  }

  /**
   * Where the number opening a range that ends at {@code m} starts ("1" of "1 to 10"); -1 when none
   * does.
   */
  private static int rangeStart(String text, NumberMention m) {
    String b = text.substring(0, m.start()).stripTrailing();
    for (String word : RANGE_WORDS) {
      if (b.endsWith(" " + word) || word.length() == 1 && b.endsWith(word)) {
        String rest = b.substring(0, b.length() - word.length()).stripTrailing();
        int i = rest.length();
        while (i > 0
            && (Character.isDigit(rest.charAt(i - 1))
                || rest.charAt(i - 1) == ','
                || rest.charAt(i - 1) == '.')) {
          i--;
        }
        return i < rest.length() && Character.isDigit(rest.charAt(i)) ? i : -1;
      }
    }
    return -1;
  }

  /** The number that opens a range ending here: "60 to " before "100 times". */
  private static BigDecimal numberBefore(String before) {
    String b = before.stripTrailing();
    for (String word : RANGE_WORDS) {
      if (b.endsWith(" " + word) || word.length() == 1 && b.endsWith(word)) {
        String rest = b.substring(0, b.length() - word.length()).stripTrailing();
        int i = rest.length();
        while (i > 0
            && (Character.isDigit(rest.charAt(i - 1))
                || rest.charAt(i - 1) == ','
                || rest.charAt(i - 1) == '.')) {
          i--;
        }
        return i < rest.length() ? value(rest.substring(i)) : null;
      }
    }
    return null;
  }

  /** The number that closes a range opened here: " to 1794" after "1793". */
  private static BigDecimal numberAfter(String after) {
    String a = after.stripLeading();
    for (String word : RANGE_WORDS) {
      if (a.startsWith(word + " ") || word.length() == 1 && a.startsWith(word)) {
        String rest = a.substring(word.length()).stripLeading();
        int i = 0;
        while (i < rest.length()
            && (Character.isDigit(rest.charAt(i))
                || rest.charAt(i) == ','
                || rest.charAt(i) == '.')) {
          i++;
        }
        return i > 0 ? value(rest.substring(0, i)) : null;
      }
    }
    return null;
  }

  /** A whole number up to 31 followed by a capitalised word, in a line that also holds a year. */
  private static boolean isDayOfMonth(String text, NumberMention m, List<NumberMention> mentions) {
    if (m.value().scale() > 0
        || m.value().compareTo(BigDecimal.valueOf(31)) > 0
        || m.value().signum() <= 0) {
      return false;
    }
    String after = text.substring(m.end()).strip();
    boolean capitalised = !after.isEmpty() && Character.isUpperCase(after.charAt(0));
    boolean year = mentions.stream().anyMatch(o -> o.unit().equals("year"));
    return capitalised && year;
  }

  private static final java.util.regex.Pattern APPROXIMATE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:typically|usually|about|around|approximately|roughly|nearly|almost)\\b");

  private static final java.util.Set<String> NOT_BEFORE_HOW_MANY =
      java.util.Set.of(
          "a",
          "an",
          "the",
          "to",
          "up",
          "than",
          "about",
          "around",
          "approximately",
          "roughly",
          "-",
          "–",
          "and",
          "or");

  /**
   * "Human cells contain _____ chromosomes" asked as the question it is, "Human cells contain how
   * many chromosomes?": when a counted plural follows the blank and a verb or preposition comes
   * before it, in a sentence without a heading in front. Otherwise null, and the blank is asked for
   * as written.
   */
  static String howMany(String statement, NumberMention m) {
    return howMany(statement, m, null);
  }

  static String howMany(String statement, NumberMention m, NotesIndex index) {
    int blank = statement.indexOf(Prompts.BLANK);
    if (blank <= 0
        || statement.contains(": ")
        || m.unit().equals("year")
        || m.unit().equals("percent")
        || statement.indexOf(Prompts.BLANK, blank + 1) > 0) {
      return null;
    }
    String[] next = statement.substring(blank + Prompts.BLANK.length()).strip().split("\\s+");
    boolean counted = false;
    for (int i = 0; i < Math.min(3, next.length) && !counted; i++) {
      String w = next[i].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
      counted = w.length() > 2 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("ous");
    }
    if (!counted) {
      return null;
    }
    String before = statement.substring(0, blank).stripTrailing();
    String previous =
        before.substring(before.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
    String[] beforeWords = before.split("\\s+");
    // "typically 1 to ___ micrometres": the high end of a range is asked "1 to how many
    // micrometres".
    boolean rangeEnd =
        previous.equals("to")
            && beforeWords.length >= 2
            && beforeWords[beforeWords.length - 2].matches("[\\d.,]+");
    if (NOT_BEFORE_HOW_MANY.contains(previous) && !rangeEnd
        || !Character.isLetter(previous.isEmpty() ? ' ' : previous.charAt(0))
        || before.contains(",")) {
      return null;
    }
    String after = statement.substring(blank + Prompts.BLANK.length()).strip();
    while (!after.isEmpty() && ".;".indexOf(after.charAt(after.length() - 1)) >= 0) {
      after = after.substring(0, after.length() - 1).strip();
    }
    if (after.contains(",")
        || after.contains(" and ")
        || after.contains("(")
        || after.contains(Prompts.BLANK)) {
      return null;
    }
    String asked = index == null ? null : inverted(before, after, index);
    if (asked != null) {
      return asked;
    }
    if (EVERY.contains(previous)) {
      // "for every how many potassium ions in?" is no question anyone would ask.
      return null;
    }
    return before + " how many " + after + "?";
  }

  private static final java.util.Set<String> EVERY = java.util.Set.of("every", "each", "per");
  private static final java.util.Set<String> MODAL_VERBS =
      java.util.Set.of("can", "could", "will", "would", "may", "might", "must", "should");

  /**
   * Words that end the counted thing and start what is said of it: "sodium ions | out for every 2
   * …".
   */
  private static final java.util.Set<String> AFTER_THE_COUNT =
      java.util.Set.of(
          "out", "in", "into", "for", "of", "to", "from", "at", "on", "with", "by", "per", "each",
          "every", "within", "during", "across", "over", "under", "than", "when", "while", "which",
          "that", "who", "a", "an", "the", "if", "before", "after", "through", "around", "inside",
          "outside", "between", "among", "without", "up", "down", "last", "next", "this", "ago",
          "since", "until", "today", "yearly", "daily");

  /**
   * Past forms that do not end in "ed": "wrote 9 symphonies" is no present verb to turn round with
   * "do".
   */
  private static final java.util.Set<String> PAST =
      java.util.Set.of(
          "wrote", "sent", "won", "made", "took", "had", "built", "gave", "grew", "ran", "sold",
          "lost", "found", "got", "began", "became", "came", "went", "saw", "knew", "held", "kept",
          "left", "led", "met", "paid", "put", "read", "said", "set", "sat", "spent", "stood",
          "told", "thought", "brought", "bought", "caught", "taught", "fought", "drew", "flew",
          "threw", "rose", "fell", "broke", "chose", "spoke", "stole", "wore", "bore", "tore",
          "swore", "froze", "drove", "rode", "shot", "hit", "cut", "let", "beat", "bit", "hid",
          "slid", "struck", "hung", "sang", "rang", "sank", "swam", "drank", "shrank", "spun",
          "dug", "stuck", "fed", "bred", "fled", "sped", "lent", "bent", "meant", "dealt", "felt",
          "slept", "swept", "wept", "crept", "dreamt", "learnt");

  private static final java.util.Set<String> NOT_VERBS =
      java.util.Set.of(
          "is", "are", "was", "were", "be", "been", "as", "this", "its", "their", "his", "her",
          "these", "those", "had");

  /**
   * "Mitosis produces _____ identical daughter cells" as an examiner asks it: "How many identical
   * daughter cells does mitosis produce?"; "Human body cells contain …" takes "do", "A queue can
   * hold …" keeps its "can". Null when the words before the count are not a subject and a
   * present-tense verb.
   */
  static String inverted(String before, String after, NotesIndex index) {
    String[] words = before.strip().split("\\s+");
    if (words.length < 2) {
      return null;
    }
    String verb = words[words.length - 1];
    String lower = verb.toLowerCase(java.util.Locale.ROOT);
    if (!verb.chars().allMatch(Character::isLetter)
        || NOT_VERBS.contains(lower)
        || AFTER_THE_COUNT.contains(lower)
        || MODAL_VERBS.contains(lower)
        || PAST.contains(lower)
        || lower.endsWith("ed")
        || lower.endsWith("ing")
        || lower.endsWith("ly")) {
      return null;
    }
    String[] tail = after.split("\\s+");
    int np = 0;
    while (np < tail.length
        && !AFTER_THE_COUNT.contains(tail[np].toLowerCase(java.util.Locale.ROOT))) {
      np++;
    }
    if (np == 0 || np > 4) {
      return null;
    }
    String counted = String.join(" ", java.util.Arrays.copyOfRange(tail, 0, np));
    String rest =
        np < tail.length
            ? " " + String.join(" ", java.util.Arrays.copyOfRange(tail, np, tail.length))
            : "";
    String auxiliary;
    String base;
    int subjectEnd = words.length - 1;
    String beforeVerb = words[words.length - 2].toLowerCase(java.util.Locale.ROOT);
    if (MODAL_VERBS.contains(beforeVerb)) {
      auxiliary = beforeVerb;
      base = verb;
      subjectEnd--;
    } else if (lower.equals("has")) {
      // "A violin has 4 strings": "How many strings does a violin have?"
      auxiliary = "does";
      base = "have";
    } else if (lower.endsWith("s") && !lower.endsWith("ss")) {
      auxiliary = "does";
      base =
          lower.endsWith("ies")
              ? lower.substring(0, lower.length() - 3) + "y"
              : lower.matches(".*(?:sses|shes|ches|xes|oes|zes)")
                  ? lower.substring(0, lower.length() - 2)
                  : lower.substring(0, lower.length() - 1);
    } else {
      auxiliary = "do";
      base = lower;
    }
    if (subjectEnd < 1) {
      return null;
    }
    String subject = String.join(" ", java.util.Arrays.copyOfRange(words, 0, subjectEnd));
    // A subject that is itself a clause ("What the pump does") or starts with a preposition is no
    // subject.
    String firstWord = words[0].toLowerCase(java.util.Locale.ROOT);
    if (AFTER_THE_COUNT.contains(firstWord) && !DETERMINERS.contains(firstWord)
        || subject.contains(",")
        // "A year has 12 months of varying length": what follows belongs to the count, not after
        // the verb.
        || rest.startsWith(" of ")) {
      return null;
    }
    return "How many "
        + counted
        + " "
        + auxiliary
        + " "
        + inSentence(subject, index)
        + " "
        + base
        + rest
        + "?";
  }

  private static final java.util.Set<String> DETERMINERS =
      java.util.Set.of(
          "the", "a", "an", "each", "every", "this", "that", "these", "those", "its", "their",
          "our", "most", "all", "some");
  private static final java.util.regex.Pattern UNCOUNTED =
      java.util.regex.Pattern.compile("(?:sis|tion|sion|ism|ence|ance|ity)$");

  /**
   * A subject moved into the middle of a question: "The pump" reads "the pump", "Human body cells"
   * "human body cells", "Mitosis" "mitosis"; a name the notes only ever write capitalised
   * ("Beethoven", "Lambda") stays so.
   */
  private static String inSentence(String subject, NotesIndex index) {
    String[] words = subject.split("\\s+", 2);
    String first = words[0].toLowerCase(java.util.Locale.ROOT);
    if (DETERMINERS.contains(first)) {
      return first + subject.substring(words[0].length());
    }
    if (words.length > 1) {
      return Prompts.lowerFirst(subject, index);
    }
    boolean common =
        UNCOUNTED.matcher(first).find()
            || index.writtenLowercase(first)
            || index.isCommonNoun(first);
    return common ? Prompts.lowerFirst(subject, index) : subject;
  }

  /**
   * Within a factor of four of the true value (no 7,120 beside 1,780), and percentages within 0 to
   * 100.
   */
  private static boolean plausible(NumberMention m, String candidate) {
    BigDecimal v = value(candidate);
    if (v == null || m.value().signum() <= 0) {
      return false;
    }
    double ratio = v.doubleValue() / m.value().doubleValue();
    boolean pluralUnit = m.unitRaw() != null && m.unitRaw().endsWith("s");
    return ratio >= 0.25
        && ratio <= 4
        && !(pluralUnit && v.compareTo(BigDecimal.ONE) == 0)
        && (!m.unit().equals("percent") || v.compareTo(BigDecimal.valueOf(100)) <= 0);
  }

  /**
   * "produces 2 identical daughter cells": a plural follows within three words, so 1 would not
   * read.
   */
  private static boolean countsMany(String text, NumberMention m) {
    String[] next = text.substring(m.end()).strip().split("\\s+");
    for (int i = 0; i < Math.min(3, next.length); i++) {
      String w = next[i].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
      if (w.length() > 2 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("ous")) {
        return true;
      }
    }
    return false;
  }

  /**
   * How far apart two numbers are, as the log of their ratio (their difference when one is not
   * positive).
   */
  private static double distance(BigDecimal key, BigDecimal other) {
    double a = key.doubleValue();
    double b = other.doubleValue();
    return a <= 0 || b <= 0 ? Math.abs(a - b) : Math.abs(Math.log(a / b));
  }

  /** Within a factor of two of the true value. */
  private static boolean sameMagnitude(NumberMention m, String candidate) {
    BigDecimal v = value(candidate);
    if (v == null || m.value().signum() <= 0) {
      return false;
    }
    double ratio = v.doubleValue() / m.value().doubleValue();
    return ratio >= 0.5 && ratio <= 2 && ratio != 1;
  }

  private static BigDecimal value(String text) {
    try {
      return new BigDecimal(text.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
