package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * table_cell: a table's rows are things (the first column) and its other columns their attributes,
 * so every cell is a fact, and the cells of one column are the same kind of thing: the wrong
 * options of "What is Sodium’s symbol?" are other symbols from the same column, and those of "Which
 * element’s symbol is Na?" other elements. Columns are taken in turn from row to row, so the deck
 * asks about every column rather than the first twice.
 */
final class TableQuestions {

  static final String KIND = "table_cell";
  static final int MIN_ROWS = 3;

  /**
   * Columns longer than this offer numbers as other columns do, not the nearest: the search is per
   * row.
   */
  static final int NEAREST_LIMIT = 60;

  /** First-column headings that say nothing of what a row is: "Which of these names is …". */
  private static final java.util.Set<String> GENERIC_THINGS =
      java.util.Set.of("name", "item", "thing", "term", "entry", "row", "value", "title");

  private static final java.util.Set<String> KIND_HEADERS =
      java.util.Set.of("type", "kind", "category", "class");

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  /** The rows {@link #firstOfType} last looked at, and what it found in each of their columns. */
  private List<TopicNode> firstRows;

  private final Map<Integer, Map<String, TopicNode>> firsts = new HashMap<>();

  TableQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  void generate() {
    for (NotesIndex.Placed p : index.placed) {
      if (p.node().kind() == NodeKind.TABLE) {
        table(p.node());
      }
    }
  }

  private void table(TopicNode table) {
    List<String> header = table.cells();
    List<TopicNode> rows =
        table.children().stream()
            .filter(
                r ->
                    r.kind() == NodeKind.TABLE_ROW
                        && r.cells().size() >= 2
                        && !blank(r.cells().get(0)))
            .toList();
    out.cover(table);
    if (header.size() < 2 || rows.size() < MIN_ROWS) {
      table
          .children()
          .forEach(
              r -> out.skip(r, "a table needs two columns and " + MIN_ROWS + " rows to ask about"));
      return;
    }
    String topic = index.topicOf(table.path());
    // Each column's cells and how often each value occurs, once per table: per cell it would be
    // quadratic.
    List<List<String>> columns = new ArrayList<>();
    List<Map<TopicNode, Integer>> positions = new ArrayList<>();
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      Map<TopicNode, Integer> at = new java.util.IdentityHashMap<>();
      columns.add(column(rows, c, at));
      positions.add(at);
      Map<String, Integer> count = new HashMap<>();
      for (String v : columns.get(c)) {
        count.merge(NotesIndex.norm(v), 1, Integer::sum);
      }
      counts.add(count);
    }
    for (int r = 0; r < rows.size(); r++) {
      TopicNode row = rows.get(r);
      boolean asked = false;
      for (int k = 0; k < header.size() - 1; k++) {
        int column = 1 + (r + k) % (header.size() - 1);
        if (column >= row.cells().size()
            || blank(row.cells().get(column))
            || blank(header.get(column))) {
          continue;
        }
        if (positions.get(column).get(row) == null) {
          // A cell of words in a column of numbers, or the other way round.
          continue;
        }
        // "What is Monday's subject?" where Monday is on two rows has two right answers among
        // the column's values: a first column of categories is asked about the other way only.
        boolean named = counts.get(0).getOrDefault(NotesIndex.norm(row.cells().get(0)), 0) <= 1;
        asked |=
            named
                && attribute(
                    header,
                    without(columns.get(column), positions.get(column).get(row)),
                    row,
                    column,
                    topic);
        asked |=
            owner(
                header,
                without(columns.get(0), positions.get(0).get(row)),
                counts.get(column),
                row,
                column,
                topic,
                rows);
      }
      if (!asked) {
        out.skip(row, "no other values in its columns to offer as wrong answers");
      }
    }
  }

  /** "What is Sodium’s symbol?": the row's cell, against other cells of the same column. */
  private boolean attribute(
      List<String> header, List<String> others, TopicNode row, int column, String topic) {
    String thing = row.cells().get(0);
    String key = row.cells().get(column);
    Random random = factory.random(KIND, "cell:" + column, row.text());
    boolean initials = abbreviates(key, thing);
    List<String> nearest = nearest(key, others, java.util.function.Function.identity(), random);
    List<String> distractors =
        nearest != null
            ? nearest
            : DistractorPicker.pick(
                key,
                List.of(others),
                c ->
                    !NotesIndex.norm(c).equals(NotesIndex.norm(key))
                        && (!initials || abbreviates(c, thing)),
                3,
                random);
    if (distractors.size() < 2
        || distractors.size() < 3 && KIND_HEADERS.contains(attributeName(header.get(column)))) {
      // "What type of planet is Earth?" among the only three types: a guess between two once one is
      // ruled out. Which planet is of a type is asked instead (member below).
      return false;
    }
    String attribute = attributeName(header.get(column));
    String kindOf = thingName(header.get(0));
    // "What type of planet is Earth?", not "What is Earth’s type?": a type, kind or category says
    // what the row is.
    List<String> values = new ArrayList<>(others);
    values.add(key);
    String counted = index.english ? countNoun(header.get(column), values) : null;
    String ordered = index.english ? orderedBy(header.get(column), values) : null;
    if (ordered != null && !kindOf.equals("of these")) {
      // "Uranus is the seventh planet from the Sun", against the planets' other places in words.
      String prompt =
          "Fill in the blank: "
              + thing
              + " is the "
              + Prompts.BLANK
              + " "
              + kindOf
              + " "
              + ordered
              + ".";
      out.add(
          row,
          factory.multipleChoice(
              KIND,
              "cell:" + column,
              prompt,
              ordinal(key),
              distractors.stream().map(TableQuestions::ordinal).toList(),
              explanation(header, row),
              source(row),
              topic));
      return true;
    }
    String prompt =
        counted != null
            ? "How many " + counted + " does " + thing + " have?"
            : !index.english
                ? "What is the “" + header.get(column).strip() + "” of “" + thing.strip() + "”?"
                : KIND_HEADERS.contains(attribute) && !kindOf.equals("of these")
                    ? "What " + attribute + " of " + kindOf + " is " + thing + "?"
                    : unitOf(header.get(column)) != null
                        ? "What is "
                            + thing
                            + "’s "
                            + attributeName(unitOf(header.get(column))[0])
                            + ", in "
                            + unitOf(header.get(column))[1]
                            + "?"
                        : "What is " + thing + "’s " + attribute + "?";
    out.add(
        row,
        factory.multipleChoice(
            KIND,
            "cell:" + column,
            prompt,
            key,
            distractors,
            explanation(header, row),
            source(row),
            topic));
    return true;
  }

  /** "Which element’s symbol is Na?": only when no other row shares the value. */
  private boolean owner(
      List<String> header,
      List<String> others,
      Map<String, Integer> counts,
      TopicNode row,
      int column,
      String topic,
      List<TopicNode> rows) {
    String key = row.cells().get(0);
    String value = row.cells().get(column);
    if (counts.getOrDefault(NotesIndex.norm(value), 0) > 1) {
      return member(header, counts, row, column, topic, rows);
    }
    if (counts.getOrDefault(NotesIndex.norm(value), 0) != 1 || value.length() > 60) {
      return false;
    }
    Random random = factory.random(KIND, "owner:" + column, row.text());
    boolean initials = abbreviates(value, key);
    // "Which planet’s order from the Sun is 8?": the planets nearest in order, not Mercury and
    // Venus.
    List<TopicNode> nearRows =
        rows.size() > NEAREST_LIMIT + 1
            ? null
            : nearest(
                value,
                rows.stream().filter(r -> r != row && column < r.cells().size()).toList(),
                r -> r.cells().get(column),
                random);
    // A first column of categories ("Monday" on two rows) names the key's own row twice, or two
    // others alike: each name is offered once, never the key's.
    java.util.Set<String> names = new java.util.HashSet<>(List.of(NotesIndex.norm(key)));
    List<String> distractors =
        nearRows != null
            ? nearRows.stream()
                .map(r -> r.cells().get(0))
                .filter(n -> names.add(NotesIndex.norm(n)))
                .toList()
            : DistractorPicker.pick(
                key, List.of(others), c -> !initials || abbreviates(value, c), 3, random);
    if (distractors.size() < 2) {
      return false;
    }
    List<String> columnValues =
        rows.stream()
            .filter(r -> column < r.cells().size())
            .map(r -> r.cells().get(column))
            .toList();
    String counted = index.english ? countNoun(header.get(column), columnValues) : null;
    String ordered = index.english ? orderedBy(header.get(column), columnValues) : null;
    String prompt =
        ordered != null
            ? "Which " + thingName(header.get(0)) + " is " + ordinal(value) + " " + ordered + "?"
            : counted != null
                ? "Which "
                    + thingName(header.get(0))
                    + " has "
                    + value
                    + " "
                    + (value.strip().equals("1") ? singular(counted) : counted)
                    + "?"
                : index.english
                    ? "Which "
                        + thingName(header.get(0))
                        + "’s "
                        + (unitOf(header.get(column)) != null
                            ? attributeName(unitOf(header.get(column))[0])
                                + " is "
                                + value
                                + " "
                                + unitOf(header.get(column))[1]
                            : attributeName(header.get(column)) + " is " + value)
                        + "?"
                    : "Which of these has “"
                        + value.strip()
                        + "” as its “"
                        + header.get(column).strip()
                        + "”?";
    out.add(
        row,
        factory.multipleChoice(
            KIND,
            "owner:" + column,
            prompt,
            key,
            distractors,
            explanation(header, row),
            source(row),
            topic));
    return true;
  }

  /**
   * "Which of these planets is an ice giant?": a type column of only two or three types, where
   * "What type of planet is Uranus?" would have too few options, asks for a row of one type among
   * rows of the others. Asked once per type, of the first row that has it.
   */
  private boolean member(
      List<String> header,
      Map<String, Integer> counts,
      TopicNode row,
      int column,
      String topic,
      List<TopicNode> rows) {
    String value = row.cells().get(column).strip();
    String kindOf = thingName(header.get(0));
    if (!index.english
        || !KIND_HEADERS.contains(attributeName(header.get(column)))
        || kindOf.equals("of these")
        || GENERIC_THINGS.contains(kindOf)
        || counts.size() < 2
        || counts.size() > 3
        || value.length() > 30
        || !value.chars().allMatch(c -> Character.isLowerCase(c) || c == ' ' || c == '-')) {
      return false;
    }
    String norm = NotesIndex.norm(value);
    if (firstOfType(rows, column).get(norm) != row) {
      // Another row of this type came first: the type is asked there.
      return false;
    }
    java.util.Map<String, List<TopicNode>> others = new java.util.LinkedHashMap<>();
    for (TopicNode r : rows) {
      if (column < r.cells().size() && !blank(r.cells().get(column))) {
        String v = NotesIndex.norm(r.cells().get(column));
        if (!v.equals(norm)) {
          others.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
        }
      }
    }
    Random random = factory.random(KIND, "owner:" + column, row.text());
    List<List<TopicNode>> groups = new ArrayList<>(others.values());
    groups.forEach(g -> java.util.Collections.shuffle(g, random));
    // One of each other type before a second of any: the wrong rows show the types apart.
    List<TopicNode> wrong = new ArrayList<>();
    for (int i = 0; wrong.size() < 3; i++) {
      boolean any = false;
      for (List<TopicNode> g : groups) {
        if (i < g.size() && wrong.size() < 3) {
          wrong.add(g.get(i));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    if (wrong.size() < 3) {
      return false;
    }
    // "is terrestrial", "is an ice giant"; "is a fish", which a suffix test alone would call an
    // adjective.
    String is =
        TableComparisons.adjective(value) && value.length() > 5
            ? value
            : DefinitionQuestions.article(value) + " " + value;
    String prompt = "Which of these " + TableComparisons.plural(kindOf) + " is " + is + "?";
    StringBuilder why = new StringBuilder();
    for (TopicNode r : rows) {
      if (r == row || wrong.contains(r)) {
        why.append(why.length() == 0 ? "" : "; ")
            .append(r.cells().get(0).strip())
            .append(": ")
            .append(r.cells().get(column).strip());
      }
    }
    out.add(
        row,
        factory.multipleChoice(
            KIND,
            "owner:" + column,
            prompt,
            row.cells().get(0).strip(),
            wrong.stream().map(r -> r.cells().get(0).strip()).toList(),
            why.toString(),
            source(row),
            topic));
    return true;
  }

  /** Each value of a column and the first row that has it, once per table and column. */
  private Map<String, TopicNode> firstOfType(List<TopicNode> rows, int column) {
    if (firstRows != rows) {
      firsts.clear();
      firstRows = rows;
    }
    return firsts.computeIfAbsent(
        column,
        c -> {
          Map<String, TopicNode> first = new HashMap<>();
          for (TopicNode r : rows) {
            if (c < r.cells().size() && !blank(r.cells().get(c))) {
              first.putIfAbsent(NotesIndex.norm(r.cells().get(c)), r);
            }
          }
          return first;
        });
  }

  /**
   * When the key and every candidate are plain numbers, three candidates whose numbers sit beside
   * the key's, each number once: "6" for Saturn among four neighbouring orders (3 to 6, 4 to 7 or 5
   * to 8), never 1, 2 and 3, which a guess rules out. Which run of four holds the key is drawn at
   * random, so the key is as often the smallest or the largest option as any other. Null when the
   * column is not numbers, or too few differ from the key.
   */
  static <T> List<T> nearest(
      String key, List<T> candidates, java.util.function.Function<T, String> cell, Random random) {
    java.math.BigDecimal k = OrderingQuestions.number(key);
    if (k == null || candidates.size() > NEAREST_LIMIT) {
      // Per row over a long column the search would be quadratic per row: long tables keep the
      // usual pick.
      return null;
    }
    java.util.TreeMap<java.math.BigDecimal, T> byValue = new java.util.TreeMap<>();
    for (T c : candidates) {
      java.math.BigDecimal v = OrderingQuestions.number(cell.apply(c));
      if (v == null) {
        return null;
      }
      if (v.compareTo(k) != 0) {
        byValue.putIfAbsent(v.stripTrailingZeros(), c);
      }
    }
    if (byValue.size() < 3) {
      return null;
    }
    List<java.math.BigDecimal> values = new ArrayList<>(byValue.keySet());
    // The key's place among the values, and the runs of three neighbours that leave it inside a run
    // of four.
    int rank = byValue.headMap(k.stripTrailingZeros()).size();
    int first = Math.max(0, rank - 3);
    int last = Math.min(rank, values.size() - 3);
    int from = first + random.nextInt(last - first + 1);
    return values.subList(from, from + 3).stream().map(byValue::get).toList();
  }

  /**
   * Whether {@code code} reads as short for {@code name} ("C" for Carbon, "He" for Helium): then
   * every option must too, or the one whose first letters match gives the answer away.
   */
  static boolean abbreviates(String code, String name) {
    String c = code.strip().toLowerCase(java.util.Locale.ROOT);
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    return !c.isEmpty()
        && c.length() <= 3
        && c.length() < n.length()
        && c.chars().allMatch(Character::isLetter)
        && n.startsWith(c.substring(0, 1));
  }

  /** A column's cells, with where each row's cell stands in the list. */
  private static List<String> column(
      List<TopicNode> rows, int column, Map<TopicNode, Integer> positions) {
    int numbers = 0;
    int filled = 0;
    for (TopicNode r : rows) {
      if (column < r.cells().size() && !blank(r.cells().get(column))) {
        filled++;
        numbers += QuestionRules.isNumber(r.cells().get(column)) ? 1 : 0;
      }
    }
    // A column of numbers with a cell of words ("# 5", "about 8"), or of words with a number, is
    // read by what most of its cells are: the odd cell is neither asked nor offered, since options
    // mixing numbers and words give the answer away.
    boolean numeric = numbers * 2 > filled;
    List<String> values = new ArrayList<>();
    for (TopicNode r : rows) {
      if (column < r.cells().size()
          && !blank(r.cells().get(column))
          && (column == 0 || QuestionRules.isNumber(r.cells().get(column)) == numeric)) {
        positions.put(r, values.size());
        values.add(r.cells().get(column));
      }
    }
    return values;
  }

  /** The column without one row's cell, as a view: copying it for every row would be quadratic. */
  private static List<String> without(List<String> column, Integer skipped) {
    if (skipped == null) {
      return column;
    }
    return new java.util.AbstractList<>() {
      @Override
      public String get(int i) {
        return column.get(i < skipped ? i : i + 1);
      }

      @Override
      public int size() {
        return column.size() - 1;
      }
    };
  }

  /**
   * "Atomic number" reads "atomic number" inside a sentence; "pH" and "DNS" keep their capitals.
   */
  private static String attributeName(String header) {
    String h = header.strip();
    String first = h.split("\\s+", 2)[0];
    boolean plainWord =
        first.length() > 1
            && Character.isUpperCase(first.charAt(0))
            && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
    return plainWord ? Character.toLowerCase(h.charAt(0)) + h.substring(1) : h;
  }

  private static final java.util.regex.Pattern COUNT_CELL =
      java.util.regex.Pattern.compile("[0-9]{1,3}(?:,[0-9]{3})*");
  private static final java.util.regex.Pattern NUMBER_OF =
      java.util.regex.Pattern.compile("(?i)number of ");

  /**
   * The thing a column counts, when its heading is a plural noun ("Floors", "Known moons", "Number
   * of moons") over whole numbers: "How many floors does The Lyric have?" reads as English where
   * "What is The Lyric’s floors?" does not. Null for any other column ("Atomic number", "Mass
   * (kg)", "Status").
   */
  static String countNoun(String header, List<String> values) {
    String h = header.strip();
    java.util.regex.Matcher of = NUMBER_OF.matcher(h);
    boolean numberOf = of.lookingAt();
    String noun = numberOf ? h.substring(of.end()).strip() : h;
    if (noun.isEmpty() || noun.length() > 40 || noun.split("\\s+").length > 3) {
      return null;
    }
    for (int i = 0; i < noun.length(); i++) {
      char c = noun.charAt(i);
      if (!Character.isLetter(c) && c != ' ' && c != '-') {
        return null;
      }
    }
    String lower = noun.toLowerCase(Locale.ROOT);
    boolean plural =
        lower.length() > 3
            && lower.endsWith("s")
            && !lower.endsWith("ss")
            && !lower.endsWith("us")
            && !lower.endsWith("is");
    if (!numberOf && !plural) {
      return null;
    }
    int counts = 0;
    for (String v : values) {
      String cell = v.strip();
      if (blank(cell)) {
        continue;
      }
      if (!COUNT_CELL.matcher(cell).matches()) {
        return null;
      }
      counts++;
    }
    return counts >= MIN_ROWS ? attributeName(noun) : null;
  }

  private static final java.util.regex.Pattern UNIT_HEADER =
      java.util.regex.Pattern.compile("([\\p{L}][\\p{L} ]{0,39}?) ?\\(([^()]{1,12})\\)");

  /**
   * A heading that names its unit, "Height (m)": the quantity and the unit, so the question reads
   * "What is The Arcade’s height, in m?" and not "height (m)". Null for any other heading.
   */
  static String[] unitOf(String header) {
    java.util.regex.Matcher m = UNIT_HEADER.matcher(header.strip());
    return m.matches() ? new String[] {m.group(1).strip(), m.group(2).strip()} : null;
  }

  private static final java.util.regex.Pattern ORDER_HEADER =
      java.util.regex.Pattern.compile(
          "(?i)(?:order|position|place) ((?:from|in|of|after|by) [\\p{L} ]{1,40})");
  private static final java.util.regex.Pattern SMALL_WHOLE =
      java.util.regex.Pattern.compile("[1-9][0-9]?");

  /**
   * What a column orders its rows by, when its heading reads "Order from the Sun" (or "Position in
   * the race") over small whole numbers: "from the Sun". Null for any other column.
   */
  static String orderedBy(String header, List<String> values) {
    java.util.regex.Matcher m = ORDER_HEADER.matcher(header.strip());
    if (!m.matches()) {
      return null;
    }
    int numbers = 0;
    for (String v : values) {
      if (!blank(v)) {
        if (!SMALL_WHOLE.matcher(v.strip()).matches()) {
          return null;
        }
        numbers++;
      }
    }
    return numbers >= MIN_ROWS ? m.group(1).strip() : null;
  }

  private static final List<String> ORDINALS =
      List.of(
          "first",
          "second",
          "third",
          "fourth",
          "fifth",
          "sixth",
          "seventh",
          "eighth",
          "ninth",
          "tenth",
          "eleventh",
          "twelfth",
          "thirteenth",
          "fourteenth",
          "fifteenth",
          "sixteenth",
          "seventeenth",
          "eighteenth",
          "nineteenth",
          "twentieth");

  /** "7" as a place: "seventh"; past twenty, "21st". */
  static String ordinal(String number) {
    int n = Integer.parseInt(number.strip());
    if (n >= 1 && n <= ORDINALS.size()) {
      return ORDINALS.get(n - 1);
    }
    int lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return n + suffix;
  }

  /** "lifts" of "1 lift"; "species" and words the rule cannot undo stay as they are. */
  static String singular(String plural) {
    if (plural.endsWith("ies") && plural.length() > 4) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("sses")
        || plural.endsWith("xes")
        || plural.endsWith("ches")
        || plural.endsWith("shes")) {
      return plural.substring(0, plural.length() - 2);
    }
    return plural.endsWith("s") && !plural.endsWith("ss") && !plural.endsWith("ies")
        ? plural.substring(0, plural.length() - 1)
        : plural;
  }

  /** The first column's heading as the kind of thing a row is: "Elements" gives "element". */
  private static String thingName(String header) {
    String name = attributeName(header);
    if (name.isBlank()) {
      return "of these";
    }
    return name.length() > 3 && name.endsWith("s") && !name.endsWith("ss")
        ? name.substring(0, name.length() - 1)
        : name;
  }

  private static String explanation(List<String> header, TopicNode row) {
    StringBuilder text = new StringBuilder(row.cells().get(0));
    for (int c = 1; c < row.cells().size() && c < header.size(); c++) {
      text.append(c == 1 ? ": " : "; ")
          .append(header.get(c))
          .append(" ")
          .append(row.cells().get(c));
    }
    return text.toString();
  }

  /** Nothing an answer could be told by ("", "-", "—", "---", "?", an emoji), or "n/a". */
  private static boolean blank(String cell) {
    String c = cell.strip();
    return AnswerMatcher.normalize(c).isEmpty() || c.equalsIgnoreCase("n/a");
  }

  private static Source source(TopicNode row) {
    return new Source(row.line(), row.text(), row.path());
  }
}
