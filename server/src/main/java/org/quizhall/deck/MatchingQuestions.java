package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * matching: terms paired with what the notes say of them, asked together so that each pair has to
 * be told from the others. Three sources: glossary entries side by side ("Osmosis: …", "Diffusion:
 * …"), sibling lines that each carry their own description ("Core node" › "Host HDFS data and run
 * tasks"), and a table's first column against another column whose cells are all different
 * ("element" to "symbol").
 */
final class MatchingQuestions {

  static final String KIND = "matching";
  static final int MIN_PAIRS = 3;
  static final int MAX_PAIRS = 4;

  /** Longer descriptions do not fit a phone's column beside their terms. */
  private static final int MAX_MATCH = 90;

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  MatchingQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  private record Pair(String term, String match) {}

  void generate() {
    for (TopicNode node : index.tree.nodes()) {
      if (node.kind() == NodeKind.TABLE) {
        table(node);
        continue;
      }
      definitions(node);
      described(node);
      if (node.isHeading() && index.english) {
        statements(node);
      }
    }
  }

  /** Glossary entries under one heading or lead-in. */
  private void definitions(TopicNode parent) {
    List<Pair> pairs = new ArrayList<>();
    for (TopicNode c : parent.children()) {
      if (c.kind() == NodeKind.DEFINITION && c.definition() != null) {
        String term = c.definition().term().strip();
        String meaning = capitalised(c.definition().definition().strip());
        if (usable(term, meaning)) {
          pairs.add(new Pair(term, meaning));
        }
      }
    }
    // "General Purpose: T2, T3, M4, M5" beside "GPU instances: Deep Learning": lists of members and
    // a use are
    // not parallel, and the use could as well be matched to a class; only the larger of the two
    // sorts is asked.
    long lists = pairs.stream().filter(pr -> pr.match().contains(",")).count();
    boolean listy = lists * 2 >= pairs.size();
    if (lists > 0 && lists < pairs.size()) {
      pairs = pairs.stream().filter(pr -> pr.match().contains(",") == listy).toList();
    }
    boolean glossed =
        parent.children().stream()
            .filter(c -> c.kind() == NodeKind.DEFINITION)
            .allMatch(c -> c.text().strip().endsWith(")"));
    List<String> path =
        glossed && DefinitionQuestions.merelyListed(parent) && !parent.path().isEmpty()
            ? parent.path().subList(0, parent.path().size() - 1)
            : parent.path();
    ask(parent, pairs, "Match each term with its definition.", "definitions", path);
  }

  /**
   * Sibling lines that each have lines of their own beneath them: the first that names none of the
   * siblings.
   */
  private void described(TopicNode parent) {
    List<TopicNode> terms =
        parent.children().stream()
            .filter(
                c ->
                    (c.kind() == NodeKind.NOTE || c.kind() == NodeKind.LIST_LEAD_IN)
                        && !c.children().isEmpty()
                        && c.children().stream().noneMatch(g -> g.kind() == NodeKind.LIST_ITEM))
            .toList();
    if (terms.size() < MIN_PAIRS || terms.size() > 4 * MAX_PAIRS) {
      // Each term's description is checked against every other term: a section of dozens is no
      // matching.
      return;
    }
    List<String> names = terms.stream().map(t -> core(t.text())).toList();
    if (!alike(parent, names)) {
      return;
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      String name = names.get(i);
      for (TopicNode child : terms.get(i).children()) {
        String text = child.text().strip();
        if ((child.kind() == NodeKind.STATEMENT
                || child.kind() == NodeKind.LIST_ITEM
                || child.kind() == NodeKind.NOTE)
            && child.children().isEmpty()
            && !Prompts.isRemark(text)
            && names.stream().noneMatch(n -> namesTerm(text, n))
            && usable(name, text)) {
          pairs.add(new Pair(name, capitalised(text)));
          break;
        }
      }
    }
    if (pairs.size() == terms.size()) {
      // "Match each organelle with its description." under "Organelles": the prompt names what is
      // matched, as an exam writer's would.
      String kind = index.english && parent.isHeading() ? oneOf(parent.text()) : null;
      String each = kind == null ? "each of these" : "each " + kind;
      ask(parent, pairs, "Match " + each + " with its description.", "described");
    }
  }

  /**
   * One of what a heading of one plural common noun names: "organelle" of "Organelles", "enzyme" of
   * "Enzymes", "process" of "Processes"; null where the singular cannot be told from the word
   * ("Phases" or "Viruses", "Sizes" or "Quizzes") or the heading is more than that word.
   */
  static String oneOf(String heading) {
    String w = heading.strip();
    if (w.length() < 4
        || !w.chars().allMatch(Character::isLetter)
        || !w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT))) {
      return null;
    }
    w = w.toLowerCase(Locale.ROOT);
    if (w.endsWith("ies")) {
      return w.length() > 4 && !w.equals("species") ? w.substring(0, w.length() - 3) + "y" : null;
    }
    if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("ses") || w.endsWith("zes")) {
      return null;
    }
    if (!w.endsWith("s") || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return null;
    }
    return w.substring(0, w.length() - 1);
  }

  /** Words that a subject of a few words is followed by, which start what the line says of it. */
  private static final Set<String> VERBS =
      Set.of(
          "is",
          "are",
          "has",
          "have",
          "can",
          "does",
          "requires",
          "require",
          "removes",
          "remove",
          "shows",
          "show",
          "sets",
          "set",
          "downloads",
          "fetches",
          "carry",
          "carries",
          "points",
          "happens",
          "stores",
          "store",
          "produces",
          "produce",
          "makes",
          "uses",
          "provides",
          "runs",
          "holds",
          "contains",
          "moves",
          "controls",
          "pumps",
          "exchange",
          "exchanges",
          "creates",
          "records",
          "adds",
          "deletes",
          "merges",
          "sends",
          "returns",
          "keeps",
          "gives",
          "takes",
          "protects",
          "filters",
          "breaks",
          "digests",
          "absorbs",
          "transports",
          "converts",
          "lets",
          "allows",
          "means",
          "marks",
          "lists",
          "saves");

  /**
   * Parallel statements under one heading whose subjects are things of one kind ("git status shows
   * which files changed", "git log shows the history of commits"; "First normal form requires …",
   * "Second normal form removes …"): each subject matched with what its line says of it.
   */
  private void statements(TopicNode heading) {
    List<Pair> pairs = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    for (TopicNode c : heading.children()) {
      if (c.kind() != NodeKind.STATEMENT || !c.children().isEmpty() || Prompts.isRemark(c.text())) {
        continue;
      }
      String[] words = c.text().strip().replaceAll("[.;]$", "").split("\\s+");
      for (int k = 1; k <= 3 && k < words.length - 1; k++) {
        if (VERBS.contains(words[k])) {
          String subject = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
          String rest = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
          if (!subject.toLowerCase(Locale.ROOT).matches("(the|a|an|this|it|they)( .*)?")) {
            subjects.add(subject);
            pairs.add(new Pair(subject, capitalised(rest)));
          }
          break;
        }
      }
    }
    if (pairs.size() < MIN_PAIRS || pairs.size() > 4 * MAX_PAIRS || !sharedWord(subjects)) {
      return;
    }
    List<Pair> usablePairs =
        pairs.stream()
            .filter(
                pr ->
                    usable(pr.term(), pr.match())
                        && subjects.stream().noneMatch(n -> namesTerm(pr.match(), n)))
            .toList();
    if (usablePairs.size() == pairs.size()) {
      ask(heading, usablePairs, "Match each of these with what it does.", "statements");
    }
  }

  /**
   * "git status", "git log", "git diff"; "First normal form", "Second normal form": one word in
   * every subject.
   */
  private static boolean sharedWord(List<String> subjects) {
    Set<String> common = null;
    for (String s : subjects) {
      Set<String> words = new HashSet<>(List.of(s.toLowerCase(Locale.ROOT).split("\\s+")));
      if (common == null) {
        common = words;
      } else {
        common.retainAll(words);
      }
    }
    return common != null
        && !common.isEmpty()
        && subjects.stream().map(x -> x.toLowerCase(Locale.ROOT)).distinct().count()
            == subjects.size();
  }

  /**
   * Whether the lines read as names of things of one kind, rather than remarks an outline happened
   * to nest: they share their last word ("Master node", "Core node", "Task node"), or they are
   * short names under a heading that names their kind in the plural ("Organelles": "Nucleus",
   * "Ribosomes").
   */
  static boolean alike(TopicNode parent, List<String> names) {
    Set<String> last = new HashSet<>();
    boolean shortNames = true;
    for (String n : names) {
      String[] words = n.toLowerCase(Locale.ROOT).split("\\s+");
      last.add(words[words.length - 1]);
      shortNames &= words.length <= 2 && !NotesIndex.shape(n).hasVerb();
    }
    if (last.size() == 1 && names.size() > 1) {
      return true;
    }
    String kind = parent.text().strip();
    return shortNames
        && parent.isHeading()
        && kind.toLowerCase(Locale.ROOT).endsWith("s")
        && !kind.contains(" ");
  }

  /** A table's first column against the column whose cells are short and all different. */
  private void table(TopicNode table) {
    List<String> header = table.cells();
    List<TopicNode> rows =
        table.children().stream()
            .filter(r -> r.kind() == NodeKind.TABLE_ROW && r.cells().size() == header.size())
            .toList();
    if (header.size() < 2 || rows.size() < MIN_PAIRS) {
      return;
    }
    for (int c = 1; c < header.size(); c++) {
      List<Pair> pairs = new ArrayList<>();
      for (TopicNode row : rows) {
        String term = row.cells().get(0).strip();
        String value = row.cells().get(c).strip();
        if (usable(term, value)
            && value.length() <= 40
            && value.chars().anyMatch(Character::isLetter)) {
          pairs.add(new Pair(term, value));
        }
      }
      long abbreviated =
          pairs.stream()
              .filter(pair -> TableQuestions.abbreviates(pair.match(), pair.term()))
              .count();
      if (pairs.size() == rows.size() && distinct(pairs) && abbreviated * 2 < pairs.size()) {
        // "H", "He", "Li" beside Hydrogen, Helium, Lithium are matched by their first letters.
        String prompt =
            index.english
                ? "Match each " + lower(header.get(0)) + " with its " + lower(header.get(c)) + "."
                : "Match each “"
                    + header.get(0).strip()
                    + "” with its “"
                    + header.get(c).strip()
                    + "”.";
        ask(table, pairs, prompt, "column:" + c);
        return;
      }
      List<Pair> unguessable =
          pairs.stream()
              .filter(pair -> !TableQuestions.abbreviates(pair.match(), pair.term()))
              .toList();
      if (pairs.size() == rows.size()
          && distinct(pairs)
          && unguessable.size() >= MIN_PAIRS
          && index.english) {
        // Symbols: "Na", "Fe" and "Au" are known, not read off Sodium, Iron and Gold; one that is
        // ("He")
        // completes the set, and is the only one first letters give.
        List<Pair> asked =
            new ArrayList<>(unguessable.subList(0, Math.min(MAX_PAIRS - 1, unguessable.size())));
        pairs.stream()
            .filter(pair -> !unguessable.contains(pair))
            .findFirst()
            .ifPresent(asked::add);
        List<Pair> inTableOrder = pairs.stream().filter(asked::contains).toList();
        ask(
            table,
            inTableOrder,
            "Match each " + lower(header.get(0)) + " with its " + lower(header.get(c)) + ".",
            "column:" + c);
        return;
      }
    }
  }

  /** Pairs asked in groups of three or four, at most two questions per source. */
  private void ask(TopicNode parent, List<Pair> pairs, String prompt, String variant) {
    ask(parent, pairs, prompt, variant, parent.path());
  }

  /**
   * @param path the headings shown above the question
   */
  private void ask(
      TopicNode parent, List<Pair> pairs, String prompt, String variant, List<String> path) {
    if (pairs.size() < MIN_PAIRS || !distinct(pairs)) {
      return;
    }
    int groups = Math.min(2, (pairs.size() + MAX_PAIRS - 1) / MAX_PAIRS);
    int size = pairs.size() / groups;
    if (size < MIN_PAIRS) {
      groups = 1;
      size = Math.min(pairs.size(), MAX_PAIRS);
    }
    for (int g = 0; g < groups; g++) {
      List<Pair> group =
          pairs.subList(g * size, Math.min(pairs.size(), g * size + Math.min(size, MAX_PAIRS)));
      List<String> terms = group.stream().map(Pair::term).toList();
      List<String> matches = group.stream().map(Pair::match).toList();
      List<String> lines = new ArrayList<>();
      group.forEach(p -> lines.add(p.term() + ": " + p.match()));
      Source source = new Source(parent.line(), parent.text(), path);
      // "General Purpose: T2, T3, M4, M5" pairs a class with its members, not a term with its
      // meaning.
      boolean classes =
          group.stream()
              .allMatch(
                  pr ->
                      pr.match().contains(",")
                          && java.util.Arrays.stream(pr.match().split(","))
                              .allMatch(m -> m.strip().split("\\s+").length <= 3));
      String kind =
          index.english ? Prompts.kindOfThings(parent.text(), index::writtenAsName) : null;
      String asked =
          !classes || !variant.equals("definitions")
              ? prompt
              : kind == null
                  ? "Match each class with its members."
                  : "Match each class of " + kind + " with its members.";
      out.add(
          parent,
          factory.matching(
              KIND,
              variant + ":" + g,
              asked,
              terms,
              matches,
              String.join("; ", lines),
              source,
              index.topicOf(parent.path())));
    }
  }

  private static boolean usable(String term, String match) {
    return !term.isEmpty()
        && !match.isEmpty()
        && term.length() <= 50
        && match.length() <= MAX_MATCH
        && !namesTerm(match, term);
  }

  /** Whether {@code text} gives {@code term} away: it names the term, or every word of it. */
  private static boolean namesTerm(String text, String term) {
    if (NotesIndex.mentions(text, term)) {
      return true;
    }
    List<String> words = NotesIndex.key(term);
    return !words.isEmpty()
        && words.stream().allMatch(w -> w.length() > 3 && NotesIndex.mentions(text, w));
  }

  private static boolean distinct(List<Pair> pairs) {
    Set<String> terms = new HashSet<>();
    Set<String> matches = new HashSet<>();
    for (Pair p : pairs) {
      if (!terms.add(NotesIndex.norm(p.term())) || !matches.add(NotesIndex.norm(p.match()))) {
        return false;
      }
    }
    return true;
  }

  /** "Master node (leader node)" is asked as "Master node". */
  private static String core(String text) {
    String t = text.strip();
    if (t.endsWith(":")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    int open = t.indexOf(" (");
    return open > 0 && t.endsWith(")") ? t.substring(0, open) : t;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String lower(String header) {
    String h = header.strip();
    String first = h.split("\\s+", 2)[0];
    boolean name = first.chars().skip(1).anyMatch(Character::isUpperCase);
    return name || h.isEmpty() ? h : Character.toLowerCase(h.charAt(0)) + h.substring(1);
  }
}
