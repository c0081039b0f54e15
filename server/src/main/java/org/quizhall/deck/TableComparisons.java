package org.quizhall.deck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * Questions that need more than one row of a table: "Which two of these planets are gas giants?
 * (Choose two.)" from a column whose values repeat (rows grouped by a category), and "Which of
 * these elements has the highest atomic number?" from a column of numbers, which compares four
 * rows. English notes only: the prompts are English sentences built around the table's headers.
 */
final class TableComparisons {

  /** Headers that name a category a row is "in": "Which two of these elements are in group 1?". */
  private static final Set<String> IN_HEADERS =
      Set.of(
          "group",
          "period",
          "class",
          "family",
          "series",
          "block",
          "zone",
          "region",
          "layer",
          "tier",
          "league",
          "division");

  /** Headers that name what a row is: "Which two of these planets are gas giants?". */
  private static final Set<String> IS_HEADERS = Set.of("type", "kind", "category");

  /** Number columns that read as an amount to compare: "has the highest atomic number". */
  private static final Set<String> AMOUNTS =
      Set.of(
          "number",
          "mass",
          "weight",
          "size",
          "height",
          "length",
          "width",
          "depth",
          "speed",
          "temperature",
          "population",
          "area",
          "volume",
          "price",
          "cost",
          "count",
          "age",
          "density",
          "distance",
          "radius",
          "diameter",
          "altitude",
          "capacity",
          "score",
          "rate");

  private static final java.util.regex.Pattern ADJECTIVE =
      java.util.regex.Pattern.compile("(ial|ical|ic|ous|ive|ful|less|able|ible|lar|ear|ary|ish)$");

  /** At most this many questions of each form from one table. */
  private static final int PER_TABLE = 2;

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  TableComparisons(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  void generate() {
    if (!index.english) {
      return;
    }
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
                        && r.cells().size() == header.size()
                        && !r.cells().get(0).isBlank())
            .toList();
    if (header.size() < 2 || rows.size() < 4 || rows.size() > 200 || header.get(0).isBlank()) {
      return;
    }
    String first = OrderingQuestions.lowerFirst(header.get(0).strip());
    // A first column headed "Name" or "Item" says nothing of what the rows are: "Which of these has
    // …".
    String things =
        Set.of("name", "names", "item", "items", "term", "terms", "entry").contains(first)
            ? ""
            : plural(first);
    int chooseTwo = 0;
    int highest = 0;
    int sameAs = 0;
    for (int c = 1; c < header.size(); c++) {
      String attribute = OrderingQuestions.lowerFirst(header.get(c).strip());
      if (attribute.isEmpty()) {
        continue;
      }
      if (chooseTwo < PER_TABLE && chooseTwo(table, rows, c, things, attribute)) {
        chooseTwo++;
      }
      if (highest < PER_TABLE && highest(table, rows, c, things, attribute)) {
        highest++;
      }
      if (sameAs < PER_TABLE && sameAs(table, rows, c, things, attribute)) {
        sameAs++;
      }
    }
  }

  /** The variant that names a "same group as" question over column {@code c}. */
  static String sameAsVariant(int c) {
    return "same:" + c;
  }

  /**
   * Two rows that share a category, against three that do not: "Which of these planets is the same
   * type as Jupiter?", answered by knowing both rows, not one line. Only columns that name a
   * category a row is in or is (group, type), so that "the same" reads as a property.
   */
  private boolean sameAs(
      TopicNode table, List<TopicNode> allRows, int c, String things, String attribute) {
    boolean in = IN_HEADERS.contains(attribute);
    if (!in && !IS_HEADERS.contains(attribute)) {
      return false;
    }
    // A thing the table names twice would be asked about beside itself, or offered twice: such
    // rows are left out, the others still make the question.
    Map<String, Integer> named = new java.util.HashMap<>();
    for (TopicNode r : allRows) {
      named.merge(r.cells().get(0).strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    List<TopicNode> rows =
        allRows.stream()
            .filter(r -> named.get(r.cells().get(0).strip().toLowerCase(Locale.ROOT)) == 1)
            .toList();
    Map<String, List<TopicNode>> byValue = new LinkedHashMap<>();
    for (TopicNode r : rows) {
      String v = r.cells().get(c).strip();
      if (v.isEmpty() || v.length() > 30 || !v.chars().anyMatch(Character::isLetterOrDigit)) {
        return false;
      }
      byValue.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
    }
    Random random = factory.random(ScenarioQuestions.COMPARISON, sameAsVariant(c), table.text());
    List<List<TopicNode>> groups = new ArrayList<>();
    for (List<TopicNode> members : byValue.values()) {
      if (members.size() >= 2 && rows.size() - members.size() >= 3) {
        groups.add(members);
      }
    }
    if (groups.isEmpty()) {
      return false;
    }
    List<TopicNode> members = new ArrayList<>(groups.get(random.nextInt(groups.size())));
    Collections.shuffle(members, random);
    TopicNode anchor = members.get(0);
    TopicNode key = members.get(1);
    // Wrong rows from each other category in turn, so that two of them share a category only when
    // there are fewer than three other categories.
    List<TopicNode> wrong = new ArrayList<>();
    List<List<TopicNode>> others = new ArrayList<>();
    for (List<TopicNode> g : byValue.values()) {
      if (!g.contains(anchor)) {
        List<TopicNode> shuffled = new ArrayList<>(g);
        Collections.shuffle(shuffled, random);
        others.add(shuffled);
      }
    }
    Collections.shuffle(others, random);
    for (int round = 0; wrong.size() < 3 && round < rows.size(); round++) {
      for (List<TopicNode> g : others) {
        if (round < g.size() && wrong.size() < 3) {
          wrong.add(g.get(round));
        }
      }
    }
    if (wrong.size() < 3) {
      return false;
    }
    String name = anchor.cells().get(0).strip();
    String prompt =
        "Which of these "
            + (things.isEmpty() ? "" : things + " ")
            + (in ? "is in the same " : "is the same ")
            + attribute
            + " as "
            + name
            + "?";
    List<String> lines = new ArrayList<>();
    for (TopicNode r : List.of(anchor, key, wrong.get(0), wrong.get(1), wrong.get(2))) {
      lines.add(r.cells().get(0).strip() + " " + r.cells().get(c).strip());
    }
    out.add(
        table,
        factory.multipleChoice(
            ScenarioQuestions.COMPARISON,
            sameAsVariant(c),
            prompt,
            key.cells().get(0).strip(),
            wrong.stream().map(r -> r.cells().get(0).strip()).toList(),
            header(table, c) + ": " + String.join(", ", lines),
            rowSource(key),
            index.topicOf(table.path())));
    return true;
  }

  /** Rows grouped by a repeated value: two that share it against two that do not. */
  private boolean chooseTwo(
      TopicNode table, List<TopicNode> rows, int c, String things, String attribute) {
    Map<String, List<TopicNode>> byValue = new LinkedHashMap<>();
    for (TopicNode r : rows) {
      String v = r.cells().get(c).strip();
      if (v.isEmpty()
          || v.length() > 30
          || v.equals("-")
          || v.equals("—")
          || v.equals("–")
          || v.equalsIgnoreCase("n/a")
          || v.equals("?")) {
        // "Which two of these elements are in group -?": a gap in the table is no category.
        return false;
      }
      byValue.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
    }
    if (byValue.size() < 2 || byValue.size() == rows.size()) {
      return false;
    }
    for (Map.Entry<String, List<TopicNode>> e : byValue.entrySet()) {
      List<TopicNode> members = e.getValue();
      if (members.size() < 2 || rows.size() - members.size() < 2) {
        continue;
      }
      String value = members.get(0).cells().get(c).strip();
      String prompt = prompt(things, attribute, value);
      if (prompt == null) {
        return false;
      }
      Random random =
          factory.random(ListQuestions.CHOOSE_TWO, "table:" + c + ":" + value, table.text());
      List<TopicNode> in = new ArrayList<>(members);
      Collections.shuffle(in, random);
      List<TopicNode> others = new ArrayList<>(rows);
      others.removeAll(members);
      Collections.shuffle(others, random);
      List<String> keys = in.subList(0, 2).stream().map(r -> r.cells().get(0).strip()).toList();
      // Five options where the table has them, as a certification exam's "choose two" has.
      List<String> wrong =
          others.subList(0, Math.min(3, others.size())).stream()
              .map(r -> r.cells().get(0).strip())
              .toList();
      List<String> lines = new ArrayList<>();
      for (TopicNode r : rows) {
        if (keys.contains(r.cells().get(0).strip()) || wrong.contains(r.cells().get(0).strip())) {
          lines.add(
              r.cells().get(0).strip() + ": " + header(table, c) + " " + r.cells().get(c).strip());
        }
      }
      out.add(
          table,
          factory.multipleResponse(
              ListQuestions.CHOOSE_TWO,
              "table:" + c + ":" + value,
              prompt,
              keys,
              wrong,
              String.join("; ", lines),
              rowSource(in.get(0)),
              index.topicOf(table.path())));
      return true;
    }
    return false;
  }

  private static String prompt(String things, String attribute, String value) {
    boolean number = value.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ',');
    if (IN_HEADERS.contains(attribute)) {
      return "Which two of these "
          + (things.isEmpty() ? "" : things + " ")
          + "are in "
          + attribute
          + " "
          + value
          + "? (Choose two.)";
    }
    if (IS_HEADERS.contains(attribute) && !number && value.equals(value.toLowerCase(Locale.ROOT))) {
      // "are gas giants", but "are terrestrial": an adjective takes no plural.
      boolean adjective = adjective(value);
      String last = value.substring(value.lastIndexOf(' ') + 1);
      if (!adjective && last.endsWith("s")) {
        // "gas", "noble gas": no plural to tell from the word itself.
        return "Which two of these "
            + (things.isEmpty() ? "" : things + " ")
            + "have the "
            + attribute
            + " “"
            + value
            + "”? (Choose two.)";
      }
      return "Which two of these "
          + (things.isEmpty() ? "" : things + " ")
          + "are "
          + (adjective ? value : plural(value))
          + "? (Choose two.)";
    }
    if (number) {
      return null;
    }
    return "Which two of these "
        + (things.isEmpty() ? "" : things + " ")
        + "have the "
        + attribute
        + " “"
        + value
        + "”? (Choose two.)";
  }

  /**
   * A column of distinct numbers that are amounts: the largest of four rows spread over the table.
   */
  private boolean highest(
      TopicNode table, List<TopicNode> rows, int c, String things, String attribute) {
    String last = attribute.substring(attribute.lastIndexOf(' ') + 1);
    if (!AMOUNTS.contains(last)) {
      return false;
    }
    List<BigDecimal> values = new ArrayList<>();
    for (TopicNode r : rows) {
      BigDecimal v = number(r.cells().get(c));
      // compareTo, not equals: 2 and 2.0 are one value, and two rows holding it have no single
      // highest.
      if (v == null || values.stream().anyMatch(x -> x.compareTo(v) == 0)) {
        return false;
      }
      values.add(v);
    }
    Random random = factory.random(ScenarioQuestions.COMPARISON, "highest:" + c, table.text());
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      picked.add(i);
    }
    Collections.shuffle(picked, random);
    picked = new ArrayList<>(picked.subList(0, 4));
    picked.sort(java.util.Comparator.comparing(values::get));
    String key = rows.get(picked.get(3)).cells().get(0).strip();
    List<String> wrong =
        picked.subList(0, 3).stream().map(i -> rows.get(i).cells().get(0).strip()).toList();
    List<String> lines =
        picked.stream()
            .map(i -> rows.get(i).cells().get(0).strip() + " " + rows.get(i).cells().get(c).strip())
            .toList();
    String prompt =
        "Which of these "
            + (things.isEmpty() ? "" : things + " ")
            + "has the highest "
            + attribute
            + "?";
    out.add(
        table,
        factory.multipleChoice(
            ScenarioQuestions.COMPARISON,
            "highest:" + c,
            prompt,
            key,
            wrong,
            header(table, c) + ": " + String.join(", ", lines),
            rowSource(rows.get(picked.get(3))),
            index.topicOf(table.path())));
    return true;
  }

  /**
   * A key row as the question's source: each question states a fact of its own, not of the table's
   * header line, which the table's ordering question already stands on.
   */
  private static Source rowSource(TopicNode row) {
    return new Source(row.line(), row.text(), row.path());
  }

  private static String header(TopicNode table, int c) {
    return table.cells().get(c).strip();
  }

  /** "terrestrial", "metallic": one word that reads as an adjective, which takes no article. */
  static boolean adjective(String value) {
    return !value.contains(" ") && ADJECTIVE.matcher(value).find();
  }

  private static BigDecimal number(String cell) {
    String t = cell.strip().replace(",", "");
    if (t.isEmpty() || t.length() > 15 || !t.matches("-?\\d+(\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(t);
  }

  static String plural(String noun) {
    if (noun.endsWith("s")) {
      return noun;
    }
    if (noun.endsWith("y")
        && noun.length() > 2
        && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")
        ? noun + "es"
        : noun + "s";
  }
}
