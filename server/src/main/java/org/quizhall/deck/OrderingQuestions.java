package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * ordering: steps of a process put back in their order. Only lists whose order means something:
 * numbered steps that start with a verb ("1. Create a branch", "2. Edit the files"), numbered lines
 * under a heading that names a sequence ("Steps", "Process", "Timeline"), and short lists of bare
 * verbs ("Build", "Train", "Deploy"). A numbered list of kinds ("1. Diffusion", "2. Osmosis") is a
 * classification, not a sequence, and is left alone.
 */
final class OrderingQuestions {

  static final String KIND = "ordering";
  static final int MIN_ITEMS = 3;
  static final int MAX_ITEMS = 6;

  /** "The cell cycle has four phases": a lead-in that names its steps and counts them. */
  private static final Pattern COUNTED =
      Pattern.compile(
          "(?i)(\\S.{0,60}?) (?:has|have|goes through|go through|consists of|consist of|follows|follow) "
              + "(\\w+) (phases|stages|steps)[.:]?");

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  private static final Pattern SEQUENCE =
      Pattern.compile(
          "(?i)\\b(?:steps?|stages?|phases?|process|procedure|workflow|life ?cycle|sequence|timeline|order|pipeline|"
              + "how to|making|lifecycle|cycle)\\b");

  /** Verbs that name a step of a process: a list of these, in the notes' order, is the process. */
  private static final Set<String> STEP_VERBS =
      Set.of(
          "add",
          "analyse",
          "analyze",
          "apply",
          "approve",
          "assess",
          "authenticate",
          "authorize",
          "build",
          "check",
          "clean",
          "close",
          "collect",
          "commit",
          "compile",
          "configure",
          "create",
          "decode",
          "define",
          "deploy",
          "design",
          "develop",
          "edit",
          "encode",
          "evaluate",
          "execute",
          "extract",
          "fetch",
          "fit",
          "identify",
          "implement",
          "ingest",
          "initialise",
          "initialize",
          "install",
          "label",
          "launch",
          "link",
          "load",
          "maintain",
          "measure",
          "merge",
          "monitor",
          "observe",
          "open",
          "package",
          "plan",
          "predict",
          "prepare",
          "publish",
          "pull",
          "push",
          "query",
          "read",
          "record",
          "release",
          "report",
          "review",
          "run",
          "save",
          "score",
          "share",
          "ship",
          "split",
          "stage",
          "store",
          "submit",
          "test",
          "train",
          "transform",
          "tune",
          "validate",
          "verify",
          "visualise",
          "visualize",
          "write");

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;
  private final Set<Integer> numbered;

  OrderingQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
    this.numbered = index.tree.numberedLines();
  }

  void generate() {
    for (TopicNode node : index.tree.nodes()) {
      if (node.kind() == NodeKind.TABLE) {
        table(node);
      }
    }
    for (TopicNode parent : index.tree.nodes()) {
      List<TopicNode> steps =
          parent.children().stream()
              .filter(
                  c ->
                      c.kind() == NodeKind.LIST_ITEM
                          || c.kind() == NodeKind.STATEMENT
                          || c.kind() == NodeKind.NOTE
                          || c.kind() == NodeKind.LIST_LEAD_IN)
              .toList();
      if (steps.size() < MIN_ITEMS || steps.size() > MAX_ITEMS || !isSequence(parent, steps)) {
        continue;
      }
      List<String> items = steps.stream().map(s -> s.text().strip()).toList();
      Set<String> seen = new HashSet<>();
      if (!items.stream().allMatch(i -> seen.add(NotesIndex.norm(i)) && i.length() <= 80)) {
        continue;
      }
      String where =
          parent.isHeading() ? index.label(parent) : NotesIndex.shape(parent.text()).core();
      java.util.regex.Matcher counted = index.english ? COUNTED.matcher(where) : null;
      String prompt =
          counted != null && counted.matches()
              ? "Put the "
                  + counted.group(3).toLowerCase(Locale.ROOT)
                  + " of "
                  + Prompts.lowerFirst(counted.group(1), index)
                  + " in order, first to last."
              : !index.english
                  ? "Put the steps of “" + where + "” in order, first to last."
                  : NotesIndex.mentions(where, "steps") || NotesIndex.mentions(where, "step")
                      ? "Put these steps in order, first to last."
                      : "Put the steps of "
                          + Prompts.lowerFirst(where, index)
                          + " in order, first to last.";
      String explanation = where + ": " + String.join(" → ", items);
      out.add(
          parent,
          factory.ordering(
              KIND,
              "steps",
              prompt,
              items,
              explanation,
              new Source(parent.line(), parent.text(), parent.path()),
              index.topicOf(parent.path())));
    }
  }

  /**
   * A table column of distinct numbers orders its rows: "Put these planets in their order from the
   * Sun", "Put these elements in order of atomic number". One column per table, the first that
   * qualifies, and at most {@link #MAX_ITEMS} rows spread over the table.
   */
  private void table(TopicNode table) {
    List<String> header = table.cells();
    List<TopicNode> rows =
        table.children().stream()
            .filter(r -> r.kind() == NodeKind.TABLE_ROW && r.cells().size() == header.size())
            .toList();
    if (header.size() < 2 || rows.size() < MIN_ITEMS) {
      return;
    }
    for (int c = 1; c < header.size(); c++) {
      List<java.math.BigDecimal> values = new ArrayList<>();
      Set<java.math.BigDecimal> seen = new HashSet<>();
      for (TopicNode row : rows) {
        java.math.BigDecimal v = number(row.cells().get(c));
        if (v == null || !seen.add(v)) {
          values = null;
          break;
        }
        values.add(v);
      }
      if (values == null) {
        continue;
      }
      List<Integer> picked = new ArrayList<>();
      int take = Math.min(rows.size(), MAX_ITEMS - 1);
      for (int k = 0; k < take; k++) {
        picked.add(k * rows.size() / take);
      }
      List<java.math.BigDecimal> v = values;
      picked.sort(java.util.Comparator.comparing(v::get));
      List<String> items = picked.stream().map(i -> rows.get(i).cells().get(0).strip()).toList();
      String things = plural(header.get(0).strip().toLowerCase(Locale.ROOT));
      String by = header.get(c).strip();
      String prompt =
          !index.english
              ? "Put these in order of “" + by + "”, smallest first."
              : by.toLowerCase(Locale.ROOT).startsWith("order ")
                  ? "Put these "
                      + things
                      + " in their order "
                      + by.substring(6)
                      + ", first to last."
                  : "Put these " + things + " in order of " + lowerFirst(by) + ", smallest first.";
      List<String> lines = new ArrayList<>();
      for (int i : picked) {
        lines.add(rows.get(i).cells().get(0).strip() + " " + rows.get(i).cells().get(c).strip());
      }
      String explanation = by + ": " + String.join(", ", lines);
      out.add(
          table,
          factory.ordering(
              KIND,
              "column:" + c,
              prompt,
              items,
              explanation,
              new Source(table.line(), table.text(), table.path()),
              index.topicOf(table.path())));
      return;
    }
  }

  static java.math.BigDecimal number(String cell) {
    String t = cell.strip().replace(",", "");
    if (t.isEmpty() || t.length() > 15) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (!Character.isDigit(ch) && !(ch == '.' && i > 0) && !(ch == '-' && i == 0)) {
        return null;
      }
    }
    try {
      return new java.math.BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String plural(String noun) {
    if (noun.endsWith("y")
        && noun.length() > 2
        && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")
        ? noun + "es"
        : noun + "s";
  }

  /**
   * "Atomic number" reads "atomic number" inside a sentence; "pH" and "HBase" keep their capitals.
   */
  static String lowerFirst(String text) {
    String first = text.split("\\s+", 2)[0];
    boolean name = first.chars().skip(1).anyMatch(Character::isUpperCase);
    return name || text.isEmpty()
        ? text
        : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  static boolean isStepVerb(String word) {
    return STEP_VERBS.contains(word.toLowerCase(Locale.ROOT));
  }

  private boolean isSequence(TopicNode parent, List<TopicNode> steps) {
    boolean allNumbered = steps.stream().allMatch(s -> numbered.contains(s.line()));
    Set<String> verbs = new HashSet<>();
    boolean allVerbs = true;
    boolean bare = true;
    for (TopicNode s : steps) {
      String[] words = s.text().strip().split("\\s+");
      String first = words[0].toLowerCase(Locale.ROOT);
      allVerbs &= STEP_VERBS.contains(first) && verbs.add(first);
      bare &= words.length == 1;
    }
    if (allNumbered) {
      return allVerbs || SEQUENCE.matcher(parent.text()).find();
    }
    java.util.regex.Matcher counted = COUNTED.matcher(parent.text().strip());
    String n = counted.matches() ? counted.group(2).toLowerCase(Locale.ROOT) : "";
    if (n.matches("[0-9]{1,2}") || NUMBER_WORDS.contains(n)) {
      // "The cell cycle has four phases" over four items: the notes say the list is a sequence, and
      // whole.
      return n.equals(String.valueOf(steps.size())) || NUMBER_WORDS.indexOf(n) == steps.size();
    }
    // "has several steps" counts nothing: the list is judged as any other.
    return allVerbs && bare;
  }
}
