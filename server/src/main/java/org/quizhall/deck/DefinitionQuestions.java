package org.quizhall.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.CardStyle;
import org.quizhall.notes.Cloze;
import org.quizhall.notes.Definition;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * definition questions from glossary and flashcard lines (term to definition, and back where the
 * syntax says the card is two-way), and typed cloze questions from cloze markup.
 */
final class DefinitionQuestions {

  static final String KIND = "definition";

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;
  private final List<NotesIndex.Placed> cards = new ArrayList<>();
  private final java.util.Map<NotesIndex.Placed, String> shapes = new java.util.IdentityHashMap<>();
  private final java.util.Map<NotesIndex.Placed, String> topics = new java.util.IdentityHashMap<>();
  private final java.util.Map<NotesIndex.Placed, Set<String>> frontWords =
      new java.util.IdentityHashMap<>();

  /** Where each card stands in its group. */
  private final java.util.Map<NotesIndex.Placed, Integer> positions =
      new java.util.IdentityHashMap<>();

  /**
   * Parallel cards looked at for one card's options: a glossary of thousands offers those written
   * near it.
   */
  static final int NEIGHBOURS = 400;

  /**
   * The card's group, or in a group of more than {@link #NEIGHBOURS} cards the ones written nearest
   * it: comparing every card with every other made a 5,000-card glossary outlast the import
   * deadline, and options from the same stretch of the notes are the likelier ones to be of the
   * card's kind anyway.
   */
  private List<NotesIndex.Placed> neighbours(NotesIndex.Placed self) {
    List<NotesIndex.Placed> group = parallel.get(group(self));
    if (group.size() <= NEIGHBOURS) {
      return group;
    }
    int at = positions.get(self);
    int from = Math.max(0, Math.min(at - NEIGHBOURS / 2, group.size() - NEIGHBOURS));
    return group.subList(from, from + NEIGHBOURS);
  }

  /**
   * Cards grouped by definition shape and question style, so options are only sought among parallel
   * cards.
   */
  private final java.util.Map<String, List<NotesIndex.Placed>> parallel = new java.util.HashMap<>();

  DefinitionQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
    for (NotesIndex.Placed p : index.placed) {
      if (p.node().definition() != null) {
        cards.add(p);
        Definition d = p.node().definition();
        shapes.put(p, shape(d.definition()));
        frontWords.put(p, contentWords(d.term()));
        topics.put(p, index.topicOf(p.node().path()));
        List<NotesIndex.Placed> same = parallel.computeIfAbsent(group(p), g -> new ArrayList<>());
        positions.put(p, same.size());
        same.add(p);
      }
    }
  }

  void generate() {
    for (NotesIndex.Placed p : cards) {
      Definition d = p.node().definition();
      if (NotesIndex.mentions(d.definition(), d.term())
          || NotesIndex.mentions(d.term(), d.definition())) {
        out.skip(p.node(), "the definition repeats its term");
        continue;
      }
      if (d.style() != CardStyle.QUESTION_ANSWER && sharesAName(d.term(), d.definition())) {
        // "Kinesis Connector: access Kinesis streams in your scripts" answers itself.
        out.skip(
            p.node(), "the definition repeats a word of its term, which gives the answer away");
        continue;
      }
      forward(p, d);
      if (d.reversible()) {
        backward(p, d);
      }
    }
    for (NotesIndex.Placed p : index.placed) {
      if (p.node().kind() == NodeKind.CLOZE) {
        cloze(p);
      }
    }
  }

  private void forward(NotesIndex.Placed p, Definition d) {
    boolean qa = d.style() == CardStyle.QUESTION_ANSWER;
    boolean members = !qa && index.english && shape(d.definition()).equals("list");
    // "General Purpose: T2, T3, M4, M5" names a class and its members: neither is what the other
    // "is".
    String prompt =
        qa
            ? d.term()
            : members
                ? "Which " + kindOr(p, "of these") + " are classed as " + d.term().strip() + "?"
                : index.english && shapes.get(p).equals("action")
                    ? "What is " + d.term().strip() + " used for?"
                    : index.english
                        ? forward(d, p.node().text().strip().endsWith(")"))
                        : "Which of these matches “" + d.term().strip() + "”?";
    boolean activity = activity(d.definition());
    if (activity && !qa && index.english) {
      // "Ganglia (monitoring)": what Ganglia is for, not what it is, so "What is Ganglia?" does not
      // fit it; it is asked the other way round, "Which of these is used for monitoring?".
      out.skip(p.node(), "its definition is an activity, asked only as which thing is used for it");
      return;
    }
    List<List<String>> tiers =
        tiers(p, c -> c.definition().definition(), qa).stream()
            .map(t -> t.stream().filter(v -> activity(v) == activity).toList())
            .toList();
    emit(p, "forward", prompt, d.definition(), tiers);
  }

  /**
   * "Monitoring", "caching": a definition of one word ending in "ing", the activity a thing is used
   * for, which stands out among noun phrases such as "NoSQL database".
   */
  static boolean activity(String definition) {
    String d = definition.strip();
    return d.length() > 5
        && !d.contains(" ")
        && d.endsWith("ing")
        && d.equals(d.toLowerCase(java.util.Locale.ROOT))
        && !ING_NOUNS.contains(d);
  }

  /** Nouns that end in "ing" and name a thing, not an activity: "Varchar (string)". */
  private static final Set<String> ING_NOUNS =
      Set.of(
          "string",
          "thing",
          "building",
          "sibling",
          "seedling",
          "offspring",
          "morning",
          "evening",
          "ceiling",
          "clothing",
          "pudding",
          "spring",
          "earring",
          "wedding",
          "duckling",
          "herring",
          "shilling",
          "farthing",
          "viking",
          "lightning",
          "awning",
          "icing",
          "stuffing",
          "filling",
          "bearing",
          "fitting",
          "coupling",
          "housing",
          "railing",
          "siding",
          "wiring",
          "tubing",
          "padding",
          "lining",
          "topping",
          "dumpling",
          "sapling",
          "yearling",
          "underling");

  /**
   * A glossary term or a name is asked "What is HCatalog?"; a flashcard's front that is a phrase
   * ("Capital of France") is asked as written, as the card shows it.
   */
  private static String forward(Definition d, boolean glossedName) {
    String term = d.term().strip();
    if (d.style() == CardStyle.GLOSSARY || org.quizhall.notes.BulletShape.of(term).isNameLike()) {
      boolean name =
          glossedName
              || term.chars().skip(1).anyMatch(Character::isUpperCase)
              || term.chars().anyMatch(Character::isDigit);
      if (name) {
        // "Accumulo (NoSQL database)" names a product: it is something, it does not mean something.
        return "What is " + term + "?";
      }
      // "What is Compound?" lacks its article, which only a dictionary could supply; the term keeps
      // its case,
      // since "Mahout" is a name.
      return "What does “" + term + "” mean?";
    }
    if (".?!:".indexOf(term.charAt(term.length() - 1)) >= 0) {
      return term;
    }
    // "Capital of France", "Largest planet": the card's front names a thing; asked as "What is the
    // …?".
    org.quizhall.notes.BulletShape shape = org.quizhall.notes.BulletShape.of(term);
    String first = term.split("\\s+", 2)[0];
    boolean common =
        first.length() > 1
            && first.substring(1).equals(first.substring(1).toLowerCase(java.util.Locale.ROOT));
    if (!shape.hasVerb() && common && shape.wordCount() >= 2 && shape.wordCount() <= 8) {
      return "What is the " + Character.toLowerCase(term.charAt(0)) + term.substring(1) + "?";
    }
    return term + "?";
  }

  private void backward(NotesIndex.Placed p, Definition d) {
    // A card's back that is a name ("Jupiter") is described by its front, not meant by it.
    String prompt =
        index.english && shape(d.definition()).equals("list")
            ? kindOf(p) != null
                ? "Which class of "
                    + kindOf(p)
                    + " do "
                    + Prompts.joinedWithAnd(d.definition())
                    + " belong to?"
                : "How are " + d.definition().strip() + " classed?"
            : org.quizhall.notes.BulletShape.of(d.definition()).isNameLike()
                ? "Which of these describes " + d.definition().strip() + "?"
                : shape(d.definition()).equals("number")
                    ? "Which of these is " + d.definition().strip() + "?"
                    : index.english && nounPhrase(d.definition()) != null
                        ? "Which of these is " + nounPhrase(d.definition()) + "?"
                        : index.english
                                && p.node().text().strip().endsWith(")")
                                && usedFor(d.definition()) != null
                            ? "Which of these is used " + usedFor(d.definition()) + "?"
                            : index.english
                                    && p.node().text().strip().endsWith(")")
                                    && d.definition().strip().matches("[a-z].*")
                                    && !org.quizhall.notes.BulletShape.of(d.definition()).hasVerb()
                                ? "Which of these provides " + d.definition().strip() + "?"
                                : index.english && isAction(d.definition())
                                    ? "Which of these is used "
                                        + toDo(d.definition())
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .substring(0, 2)
                                        + toDo(d.definition()).substring(2)
                                        + "?"
                                    : "Which term means “" + d.definition() + "”?";
    emit(p, "backward", prompt, d.term(), tiers(p, c -> c.definition().term(), false));
  }

  /**
   * The kind of things a card's heading lists ("EMR instance types"), which a class's question
   * names so that it says what is classed; null without one.
   */
  private String kindOf(NotesIndex.Placed p) {
    return index.english && p.heading() != null
        ? Prompts.kindOfThings(p.heading().text(), index::writtenAsName)
        : null;
  }

  private String kindOr(NotesIndex.Placed p, String otherwise) {
    String kind = kindOf(p);
    return kind == null ? otherwise : kind;
  }

  private static final Set<String> DETERMINERS = Set.of("a", "an", "the");
  private static final java.util.regex.Pattern NOUN_ENDING =
      java.util.regex.Pattern.compile(
          "(or|er|ary|ase|ment|tion|sion|ity|ness|ism|ure|ance|ence|ist|ogy|ics|work|tool|store|engine|system|"
              + "service|format|language|protocol|device|unit|model)$");

  /**
   * A definition read as a noun phrase with its article ("an accelerator for Spark", "the maximum
   * rate of data transfer"), or null when it does not read as one ("access Kinesis streams in your
   * scripts", "monitoring").
   */
  static String nounPhrase(String definition) {
    String d = definition.strip();
    String[] words = d.split("\\s+");
    if (words.length == 0 || words.length > 12 || d.endsWith(".") || d.endsWith(")")) {
      return null;
    }
    if (DETERMINERS.contains(words[0].toLowerCase(java.util.Locale.ROOT))) {
      return words.length >= 2 ? d : null;
    }
    if (COUNTS.contains(words[0].toLowerCase(java.util.Locale.ROOT))) {
      // "two or more atoms bonded together" takes no article.
      return null;
    }
    if (!Character.isLowerCase(words[0].charAt(0))
        && !words[0].chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
        && !org.quizhall.notes.BulletShape.of(words[0]).isNameLike()) {
      return null;
    }
    // The head noun ends the words before the first preposition: "accelerator" of "accelerator for
    // Spark".
    // "table and storage management for …" joins two heads, which one article does not fit.
    int head = words.length - 1;
    for (int i = 1; i < words.length; i++) {
      if (PREPOSITIONS.contains(words[i].toLowerCase(java.util.Locale.ROOT))) {
        head = i - 1;
        break;
      }
    }
    for (int i = 0; i < head; i++) {
      if (words[i].equalsIgnoreCase("and") || words[i].equalsIgnoreCase("or")) {
        return null;
      }
    }
    String noun = words[head].toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]", "");
    boolean acronym =
        words[head].length() >= 2 && words[head].chars().allMatch(Character::isUpperCase);
    if (org.quizhall.notes.BulletShape.of(d).hasVerb()
        || !(acronym || NOUN_ENDING.matcher(noun).find())
        || noun.endsWith("s") && !noun.endsWith("ss")) {
      return null;
    }
    return article(words[0]) + " " + d;
  }

  /**
   * What a product glossed with an activity is used for: "for monitoring" of "Ganglia
   * (monitoring)", "to access Kinesis streams in your scripts"; null for other glosses.
   */
  static String usedFor(String gloss) {
    String g = gloss.strip();
    String first = g.split("\\s+", 2)[0];
    if (first.isEmpty() || !Character.isLowerCase(first.charAt(0))) {
      return null;
    }
    if (first.endsWith("ing") && first.length() > 4 && g.split("\\s+").length <= 5) {
      return "for " + g;
    }
    return USE_VERBS.contains(first) ? "to " + g : null;
  }

  private static final Set<String> USE_VERBS =
      Set.of(
          "access",
          "deploy",
          "search",
          "manage",
          "run",
          "store",
          "build",
          "train",
          "monitor",
          "copy",
          "move",
          "query",
          "stream",
          "load",
          "schedule",
          "visualize",
          "visualise",
          "process",
          "connect",
          "track",
          "analyze",
          "analyse",
          "transfer",
          "import",
          "export",
          "orchestrate",
          "secure",
          "encrypt",
          "label",
          "host",
          "serve",
          "cache",
          "index",
          "transform");

  private static final Set<String> COUNTS =
      Set.of(
          "one", "two", "three", "four", "five", "several", "many", "some", "more", "most", "all",
          "any", "each", "every", "no", "few");

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "for", "of", "in", "on", "to", "with", "that", "which", "between", "from", "across",
          "used", "by");

  /**
   * "a" or "an" by the sound of the first word: "an accelerator", "an RDB", "an HTTP server", "a
   * NoSQL database", "a unit", "a European", "a one-stop", "an hour".
   */
  static String article(String first) {
    String word = first.replaceAll("^[^\\p{L}\\p{N}]+", "");
    if (word.isEmpty()) {
      return "a";
    }
    // "HTTP-based", "S3-compatible": the part before a dash or slash is what is read out.
    String part = word.split("[-/]", 2)[0];
    if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
      // "an 8 GB", "an 11-node", "an 18-core", "an 80 MB", but "a 10", "a 2".
      String digits = part.replaceAll("\\D.*", "");
      return digits.startsWith("8") || digits.equals("11") || digits.equals("18") ? "an" : "a";
    }
    boolean acronym =
        !part.isEmpty()
            && (part.length() >= 2 || word.length() == 1)
            && part.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    char c = lower.charAt(0);
    boolean vowel =
        acronym
            ? "aefhilmnorsx".indexOf(c) >= 0
            : "aeio".indexOf(c) >= 0
                    && !lower.startsWith("eu")
                    && !lower.startsWith("one")
                    && !lower.startsWith("once")
                || c == 'u' && !lower.matches("u(ni|s|ti|bi|r[aeio]).*")
                || lower.startsWith("hour")
                || lower.startsWith("honest")
                || lower.startsWith("honou")
                || lower.startsWith("honor")
                || lower.startsWith("heir");
    return vowel ? "an" : "a";
  }

  private void emit(
      NotesIndex.Placed p, String variant, String prompt, String answer, List<List<String>> tiers) {
    TopicNode node = p.node();
    Random random = factory.random(KIND, variant, node.text());
    // "100%" or "4A: 43" is no wrong answer for a port number, nor a number for a name.
    boolean number = QuestionRules.isNumber(answer);
    java.util.function.Predicate<String> allowed =
        c -> !NotesIndex.mentions(prompt, c) && QuestionRules.isNumber(c) == number;
    List<String> distractors = DistractorPicker.pick(answer, tiers, allowed, 3, random);
    String[] head = variant.equals("forward") ? headed(answer) : null;
    if (head != null && node.definition().style() != CardStyle.QUESTION_ANSWER) {
      // "A device that forwards packets between networks" (a router): the other cards that define
      // a device come first ("a device that connects devices within one local network"), so that
      // "device" does not tell the key from a protocol and a system.
      String kind = headNoun(head[0]);
      List<String> sameKind = new ArrayList<>();
      for (List<String> tier : tiers) {
        for (String c : tier) {
          String[] other = headed(c);
          if (other != null && headNoun(other[0]).equals(kind)) {
            sameKind.add(c);
          }
        }
      }
      if (!sameKind.isEmpty()) {
        List<List<String>> first = new ArrayList<>();
        first.add(sameKind);
        first.addAll(tiers);
        distractors =
            DistractorPicker.pick(
                answer, first, allowed, 3, factory.random(KIND, variant, node.text()));
      }
    }
    if (distractors.size() < 2) {
      out.skip(node, "fewer than three cards to choose options from");
      return;
    }
    if (distractors.size() < 3 && tiers.size() == 4) {
      // "What is SageMaker Neo used for?" beside SageMaker Search and Kinesis Connector, a tool of
      // another section: three options, one of them of another kind, leave a guess between two.
      List<String> near = new ArrayList<>(tiers.get(0));
      near.addAll(tiers.get(1));
      near.addAll(tiers.get(2));
      if (!near.containsAll(distractors)) {
        out.skip(node, "three options, one of them from another part of the notes");
        return;
      }
    }
    Definition d = node.definition();
    if (d.style() != CardStyle.QUESTION_ANSWER && echoes(d.term(), d.definition(), distractors)) {
      // "Packet loss: packets that fail to reach their destination": the word the key shares with
      // the other
      // side of the card, and no other option has, points to it.
      out.skip(node, "the definition repeats a word of its term that no other option has");
      return;
    }
    String asked = prompt;
    String[] actions =
        variant.equals("forward")
                && d.style() != CardStyle.QUESTION_ANSWER
                && (prompt.startsWith("What is ") || prompt.startsWith("What does “"))
            ? actions(answer, distractors)
            : null;
    if (actions != null) {
      // "What is DHCP?" among "A device that forwards packets" and "The system that translates
      // domain names": the nouns tell a protocol from devices, so the options say what each does.
      asked = whatItDoes(d.term().strip(), answer);
      answer = actions[0];
      distractors = java.util.Arrays.asList(actions).subList(1, actions.length);
      List<String> options = new ArrayList<>(distractors);
      options.add(answer);
      if (!DistractorPicker.similarLengths(options)) {
        // "Forwards packets between networks Switch: a device that …", two cards run together,
        // beside "Assigns IP addresses": its length tells it apart once the nouns are gone.
        out.skip(node, "what it does is far longer or shorter than what the others do");
        return;
      }
    } else if (variant.equals("forward") && prompt.endsWith(" used for?")) {
      // "What is SageMaker Neo used for?": "To deploy trained models to any edge".
      answer = toDo(answer);
      distractors = distractors.stream().map(DefinitionQuestions::toDo).toList();
    } else if (prompt.startsWith("What is ")
        || prompt.startsWith("What are ")
        || prompt.startsWith("What does ")) {
      // Definitions offered as answers read as answers: "Tool to access Kinesis streams", not a
      // fragment.
      answer = sentenceCase(answer);
      distractors = distractors.stream().map(DefinitionQuestions::sentenceCase).toList();
    }
    out.add(
        node,
        factory.multipleChoice(
            KIND,
            variant,
            asked,
            answer,
            distractors,
            d.term() + " — " + d.definition(),
            new Source(node.line(), node.text(), shownPath(p)),
            index.topicOf(node.path())));
  }

  /**
   * The key and the wrong options as what each does ("Assigns IP addresses automatically"), when
   * every one reads "a device that forwards …" and their nouns differ; null when any does not, or
   * when the nouns are all one (then they tell nothing apart).
   */
  static String[] actions(String answer, List<String> distractors) {
    List<String> all = new ArrayList<>();
    all.add(answer);
    all.addAll(distractors);
    Set<String> kinds = new java.util.HashSet<>();
    String[] out = new String[all.size()];
    for (int i = 0; i < all.size(); i++) {
      String[] head = headed(all.get(i));
      if (head == null || !head[1].toLowerCase(java.util.Locale.ROOT).startsWith("that ")) {
        return null;
      }
      String action = head[1].substring("that ".length()).strip();
      String verb = action.split("\\s+", 2)[0];
      if (verb.length() < 3
          || !verb.endsWith("s")
          || verb.endsWith("ss")
          || !verb.chars().allMatch(Character::isLowerCase)) {
        return null;
      }
      kinds.add(headNoun(head[0]));
      out[i] = Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }
    if (kinds.size() < 2 || java.util.Arrays.stream(out).distinct().count() < out.length) {
      return null;
    }
    return out;
  }

  /**
   * "What does DHCP do?"; "What does a switch do?" for a plain word the key calls "a device", which
   * is a common noun; anything else as written, in quotes.
   */
  private String whatItDoes(String term, String answer) {
    boolean acronym =
        term.length() >= 2
            && term.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    if (acronym || term.chars().skip(1).anyMatch(Character::isUpperCase)) {
      return "What does " + term + " do?";
    }
    String first = answer.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    // "Mitochondria", "Bacteria", "Ribosomes": plural, so "a mitochondria" would be wrong.
    String lowered = term.toLowerCase(java.util.Locale.ROOT);
    boolean plainWord =
        term.chars().allMatch(Character::isLetter)
            && term.substring(1).equals(term.substring(1).toLowerCase(java.util.Locale.ROOT))
            && !lowered.endsWith("s")
            && !lowered.endsWith("ia");
    if (plainWord && (first.equals("a") || first.equals("an")) && !index.writtenAsName(term)) {
      String noun = term.toLowerCase(java.util.Locale.ROOT);
      return "What does " + article(noun) + " " + noun + " do?";
    }
    return "What does “" + term + "” do?";
  }

  /** "A network device" as "network device": the head without its article, in lower case. */
  private static String headNoun(String head) {
    String h = head.toLowerCase(java.util.Locale.ROOT);
    return h.substring(h.indexOf(' ') + 1);
  }

  /** "a device that forwards packets" as {"a device", "that forwards packets"}; else null. */
  private static String[] headed(String definition) {
    String[] words = definition.strip().split("\\s+");
    if (words.length < 4 || !DETERMINERS.contains(words[0].toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    for (int i = 2; i <= Math.min(4, words.length - 2); i++) {
      String w = words[i].toLowerCase(java.util.Locale.ROOT);
      if (w.equals("that") || w.equals("which") || w.equals("who")) {
        String head = words[i - 1].toLowerCase(java.util.Locale.ROOT);
        boolean singular = !head.endsWith("s") || head.endsWith("ss");
        for (int j = 1; j < i; j++) {
          if (!words[j].chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return null;
          }
        }
        return singular
            ? new String[] {
              String.join(" ", java.util.Arrays.asList(words).subList(0, i)),
              String.join(" ", java.util.Arrays.asList(words).subList(i, words.length))
            }
            : null;
      }
    }
    return null;
  }

  private static String toDo(String action) {
    String a = action.strip();
    return "To " + Character.toLowerCase(a.charAt(0)) + a.substring(1);
  }

  /**
   * "a tool to …" as "A tool to …"; a first word written with capitals or digits ("iOS", "npm2")
   * stays.
   */
  static String sentenceCase(String option) {
    String first = option.split("\\s+", 2)[0];
    // "npm", "git" and other short names are written in lower case on purpose; "a", "an" and words
    // are not.
    boolean shortName =
        first.length() <= 3
            && !first.equals("a")
            && !first.equals("an")
            && !first.equals("the")
            && !first.equals("one")
            && !first.equals("any")
            && !first.equals("all");
    return !first.isEmpty()
            && !shortName
            && first.chars().allMatch(c -> Character.isLowerCase(c) || c == '-' || c == '\'')
        ? Character.toUpperCase(option.charAt(0)) + option.substring(1)
        : option;
  }

  /**
   * The headings shown above a card: a glossed name ("Tachyon (accelerator for Spark)") listed
   * under a heading that names one thing and is otherwise described in statements ("S3DistCP: Tool
   * for copying…") is not a part of that thing; the notes merely list it there, so that heading is
   * left out.
   */
  private static List<String> shownPath(NotesIndex.Placed p) {
    TopicNode node = p.node();
    List<String> path = node.path();
    TopicNode heading = p.heading();
    if (heading == null
        || path.isEmpty()
        || !node.text().strip().endsWith(")")
        || p.parent() != heading) {
      return path;
    }
    return merelyListed(heading) ? path.subList(0, path.size() - 1) : path;
  }

  /**
   * A heading that names one thing and describes it in statements, so glossed names listed under it
   * are not its parts.
   */
  static boolean merelyListed(TopicNode heading) {
    org.quizhall.notes.BulletShape h = org.quizhall.notes.BulletShape.of(heading.text());
    if (!heading.isHeading() || !h.isNameLike() || h.endsPlural()) {
      return false;
    }
    long statements =
        heading.children().stream()
            .filter(
                c ->
                    c.definition() == null
                        && org.quizhall.notes.BulletShape.of(c.text()).isStatement())
            .count();
    return statements >= 2;
  }

  /**
   * Cards under the same heading first, then the same topic, then anywhere; questions with
   * questions.
   */
  private List<List<String>> tiers(
      NotesIndex.Placed self, java.util.function.Function<TopicNode, String> side, boolean qa) {
    List<String> sameHeading = new ArrayList<>();
    List<String> sameTopic = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    List<String> kin = new ArrayList<>();
    String topic = topics.get(self);
    Set<String> ownWords = frontWords.get(self);
    // Nearby cards whose definitions read as the same kind of thing, gathered in the same pass.
    List<String> alike = new ArrayList<>();
    List<String> sameForm = new ArrayList<>();
    Gloss ownGloss = gloss(self);
    for (NotesIndex.Placed p : neighbours(self)) {
      if (p == self) {
        continue;
      }
      String value = side.apply(p.node());
      if (!java.util.Collections.disjoint(ownWords, frontWords.get(p))) {
        kin.add(value);
      }
      boolean near = true;
      if (p.heading() == self.heading()) {
        sameHeading.add(value);
      } else if (topics.get(p).equals(topic)) {
        sameTopic.add(value);
      } else {
        rest.add(value);
        near = false;
      }
      if (near) {
        Gloss other = gloss(p);
        if (ownGloss.head() != null && ownGloss.head().equals(other.head())
            || ownGloss.clause() == other.clause()
                && !java.util.Collections.disjoint(ownGloss.words(), other.words())) {
          alike.add(value);
        } else if (ownGloss.clause() == other.clause()) {
          sameForm.add(value);
        }
      }
    }
    // Cards that ask about the same kind of thing ("Capital of Japan" beside "Capital of France",
    // "Largest
    // planet" beside "Planet with the most visible rings") give the options when there are two or
    // more: a city
    // offered as a planet is guessed without studying.
    if (kin.size() >= 2) {
      return List.of(kin);
    }
    // A number asked about alone ("How many bits long is an IPv4 address? 32") gets numbers near
    // it, not the
    // port numbers of other cards.
    String own = side.apply(self.node());
    if (shape(own).equals("number")) {
      int digits = 0;
      while (digits < own.length()
          && (Character.isDigit(own.charAt(digits)) || own.charAt(digits) == ',')) {
        digits++;
      }
      String number = own.substring(0, digits).replace(",", "");
      if (!number.isEmpty() && number.length() <= 15) {
        long value = Long.parseLong(number);
        List<String> near = new ArrayList<>(kin);
        boolean grouped = own.substring(0, digits).contains(",");
        // A temperature is mistaken by tens of degrees, not by halves: 100 °C against 90 and 110,
        // not 25.
        boolean degrees =
            own.toLowerCase(java.util.Locale.ROOT).contains("degree") || own.contains("°");
        long[] steps =
            degrees && value >= 30
                ? new long[] {value - 10, value + 10, value - 20, value + 20}
                : new long[] {value * 2, value / 2, value * 4, value / 4};
        for (long v : steps) {
          if (v > 0 && v != value) {
            near.add(
                (grouped ? String.format(java.util.Locale.ROOT, "%,d", v) : String.valueOf(v))
                    + own.substring(digits));
          }
        }
        return List.of(near);
      }
    }
    List<String> others = new ArrayList<>(sameHeading);
    others.addAll(sameTopic);
    return List.of(alike, sameForm, others, rest);
  }

  /**
   * Nearby cards are offered those whose definitions read as the same kind of thing first: the same
   * head noun ("a device that …" beside "a device that …"), or the same form and a shared word
   * ("variation in packet delay" beside "the time a packet takes"). A metric's options are then
   * metrics, not devices.
   */
  private Gloss gloss(NotesIndex.Placed p) {
    return glosses.computeIfAbsent(p, x -> Gloss.of(x.node().definition().definition()));
  }

  private final java.util.Map<NotesIndex.Placed, Gloss> glosses = new java.util.IdentityHashMap<>();

  /**
   * What a definition says a thing is: its head noun ("device" of "a device that forwards
   * packets"), whether a clause follows it ("that …", "which …"), and its content words.
   */
  record Gloss(String head, boolean clause, Set<String> words) {

    private static final Set<String> ENDS_HEAD =
        Set.of(
            "that", "which", "who", "of", "in", "on", "to", "for", "with", "from", "by", "between",
            "across", "a", "an", "the", "over", "into", "without", "used");

    static Gloss of(String definition) {
      String[] w = definition.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
      int i = 0;
      while (i < w.length && (w[i].isEmpty() || DETERMINERS.contains(w[i]))) {
        i++;
      }
      String head = null;
      boolean clause = false;
      for (int j = i; j < w.length; j++) {
        if (ENDS_HEAD.contains(w[j])) {
          clause = w[j].equals("that") || w[j].equals("which") || w[j].equals("who");
          break;
        }
        head = w[j];
      }
      Set<String> words = new java.util.HashSet<>();
      for (String x : w) {
        if (x.length() >= 4 && !ENDS_HEAD.contains(x)) {
          words.add(x.endsWith("s") ? x.substring(0, x.length() - 1) : x);
        }
      }
      if (head != null && head.endsWith("s") && head.length() > 3) {
        head = head.substring(0, head.length() - 1);
      }
      return new Gloss(head, clause, words);
    }
  }

  /**
   * Whether term and definition share a word (four letters or more, plural or not) that none of the
   * options has.
   */
  static boolean echoes(String term, String definition, List<String> options) {
    Set<String> termWords = stems(term);
    termWords.retainAll(stems(definition));
    for (String w : termWords) {
      if (options.stream().noneMatch(o -> stems(o).contains(w))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> stems(String text) {
    Set<String> out = new java.util.HashSet<>();
    for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4) {
        out.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
      }
    }
    return out;
  }

  /** A capitalised word of the term ("Kinesis", "Hive") that its definition also uses. */
  static boolean sharesAName(String term, String definition) {
    String words = NotesIndex.words(definition);
    for (String w : term.split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3
          && Character.isUpperCase(w.charAt(0))
          && words.contains(" " + w.toLowerCase(java.util.Locale.ROOT) + " ")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "which", "what", "when", "where", "who", "whom", "whose", "does", "with", "that", "this",
          "from", "into", "have", "there", "their", "many", "much", "long", "most", "default",
          "used", "uses");

  /**
   * The words of a card's front that say what it asks about: "port" and "https" of "Which port does
   * HTTPS use?".
   */
  private static Set<String> contentWords(String front) {
    Set<String> words = new java.util.HashSet<>();
    for (String w : front.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4 && !QUESTION_WORDS.contains(w)) {
        words.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
      }
    }
    return words;
  }

  private String group(NotesIndex.Placed p) {
    return shapes.get(p) + "/" + (p.node().definition().style() == CardStyle.QUESTION_ANSWER);
  }

  /** Cards are parallel when their definitions read alike: lists of codes, names, or prose. */
  private static String shape(String definition) {
    org.quizhall.notes.BulletShape s = org.quizhall.notes.BulletShape.of(definition);
    String d = definition.strip();
    boolean numberFirst =
        !d.isEmpty()
            && Character.isDigit(d.charAt(0))
            && d.split("\\s+").length <= 4
            && d.chars().filter(Character::isDigit).count() * 2
                >= d.replaceAll("\\s", "").chars().filter(Character::isLetterOrDigit).count() / 4;
    if (Quantity.parse(definition) != null
        || numberFirst
        || d.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',' || c == ' ')) {
      return "number";
    }
    if (definition.contains(",") && s.isItemLike()) {
      return "list";
    }
    if (s.isNameLike()) {
      return "name";
    }
    return isAction(d) ? "action" : "prose";
  }

  /**
   * "Deploy trained models to any edge", "access Kinesis streams in your scripts": a definition
   * that says what a thing does, led by a verb. Offered only among its like, since one verb among
   * noun phrases ("relational database connector") stands out as not the key.
   */
  static boolean isAction(String definition) {
    String[] words = definition.strip().toLowerCase(java.util.Locale.ROOT).split("[\\s,;:]+");
    if (words.length == 0) {
      // ",;": no word at all.
      return false;
    }
    String first = words[0];
    if (!USE_VERBS.contains(first) && !OrderingQuestions.isStepVerb(first)) {
      return false;
    }
    // "process of turning…", "package manager for Node", "build automation tool", "load
    // balancer": a noun phrase that only starts with a word that can be a verb.
    if (words.length > 1 && (words[1].equals("of") || agentNoun(words[1]))) {
      return false;
    }
    for (int i = 1; i < Math.min(words.length, 4); i++) {
      if (KIND_HEADS.contains(words[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean agentNoun(String word) {
    return word.length() > 4
        && (word.endsWith("er") || word.endsWith("or"))
        && !NOT_AGENTS.contains(word);
  }

  private static final Set<String> NOT_AGENTS =
      Set.of(
          "other",
          "others",
          "order",
          "under",
          "over",
          "after",
          "either",
          "together",
          "faster",
          "better",
          "larger",
          "smaller",
          "further",
          "whatever",
          "whether",
          "rather",
          "major",
          "minor",
          "prior",
          "error",
          "errors",
          "floor",
          "water",
          "paper",
          "number",
          "center",
          "centre",
          "color",
          "colour",
          "member",
          "answer",
          "letter",
          "layer",
          "power",
          "border");

  /** Nouns that head a definition of what a thing is ("a build automation tool"). */
  private static final Set<String> KIND_HEADS =
      Set.of(
          "tool",
          "tools",
          "manager",
          "system",
          "systems",
          "service",
          "services",
          "engine",
          "framework",
          "library",
          "platform",
          "utility",
          "language",
          "method",
          "technique",
          "approach",
          "program",
          "application",
          "app",
          "server",
          "protocol",
          "format",
          "pattern");

  /**
   * The hidden text, and for a person named in full after "by" ("invented by Johannes Gutenberg")
   * the surname alone, which is how most people who know would write it.
   */
  static List<String> accepted(String answer, String before) {
    String[] words = answer.strip().split("\\s+");
    boolean person =
        words.length >= 2
            && words.length <= 3
            && java.util.Arrays.stream(words)
                .allMatch(
                    w ->
                        w.length() > 1
                            && Character.isUpperCase(w.charAt(0))
                            && w.chars().allMatch(Character::isLetter));
    String last = words[words.length - 1];
    if (person
        && before.stripTrailing().toLowerCase(java.util.Locale.ROOT).endsWith(" by")
        && last.length() >= 4) {
      return List.of(answer, last);
    }
    return List.of(answer);
  }

  private void cloze(NotesIndex.Placed p) {
    TopicNode node = p.node();
    Cloze cloze = node.cloze();
    for (Cloze.Blank blank : cloze.blanks()) {
      String answer = cloze.answer(blank);
      String prompt =
          cloze.text().substring(0, blank.start())
              + Prompts.BLANK
              + cloze.text().substring(blank.end());
      if (NotesIndex.norm(answer).isEmpty() || NotesIndex.mentions(prompt, answer)) {
        out.skip(node, "the hidden text also appears elsewhere in the line");
        continue;
      }
      if (Prompts.oneOfMany(cloze.text().substring(blank.end()))) {
        out.skip(
            node,
            "the sentence says the hidden text is one of several, so a typed answer cannot be the"
                + " only right one");
        continue;
      }
      out.add(
          node,
          factory.typed(
              StatementQuestions.CLOZE,
              "markup:" + blank.start() + ":" + answer,
              "Fill in the blank: " + prompt,
              accepted(answer, cloze.text().substring(0, blank.start())),
              cloze.text(),
              new Source(node.line(), node.text(), node.path()),
              index.topicOf(node.path())));
    }
  }
}
