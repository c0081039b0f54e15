package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * list_member, odd_one_out and list-based true/false. Distractors come from other lists of the same
 * sort: lists in the same section or sharing an item first, names with names and phrases with
 * phrases, anti-patterns never mixed with recommended uses.
 */
final class ListQuestions {

  static final String MEMBER = "list_member";
  static final String ODD = "odd_one_out";
  static final String CHOOSE_TWO = "list_members";
  private static final Pattern COMPARED = Pattern.compile("(?i)(?:^|\\s)(?:vs\\.?|versus)\\s");

  private static final Pattern QUANTIFIED_MODAL =
      Pattern.compile(
          "(?i)^(?:many|several|some|various|multiple|other|all)\\s+(?:\\S+\\s+){0,4}?(can|could|will|may|are)\\s+(.+)$");

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  ListQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  /**
   * Display texts and their normalised forms per list, computed once: every list looks at every
   * other.
   */
  private record ListTexts(List<String> texts, Set<String> norms) {}

  private final java.util.Map<NotesIndex.ListInfo, ListTexts> texts =
      new java.util.IdentityHashMap<>();

  private ListTexts texts(NotesIndex.ListInfo list) {
    return texts.computeIfAbsent(
        list,
        l -> {
          List<String> t = l.items().stream().map(NotesIndex::itemText).toList();
          Set<String> n = new HashSet<>();
          t.forEach(x -> n.add(NotesIndex.norm(x)));
          return new ListTexts(t, n);
        });
  }

  void generate() {
    for (NotesIndex.ListInfo list : index.lists) {
      List<TopicNode> items = usable(list);
      if (items.size() < 2) {
        list.items().forEach(i -> out.skip(i, "list too short to ask about"));
        continue;
      }
      if (mixesNamesAndPhrases(list)) {
        list.items()
            .forEach(i -> out.skip(i, "list mixes names and phrases, so options would not match"));
        continue;
      }
      // "HBase vs. DynamoDB" lists what sets each side apart, not all that is true of it: a point
      // of one side
      // may well be true of the other, so neither side's list is asked as "NOT true of", and its
      // points are
      // asked only as true of one side "rather than" the other (ScenarioQuestions), never of one
      // side alone.
      boolean compared = list.heading() != null && COMPARED.matcher(list.heading().text()).find();
      if (!compared) {
        members(list, items);
      }
      if (!list.open() && !compared) {
        chooseTwo(list, items);
        oddOneOut(list, items);
        trueFalse(list, items);
      }
    }
  }

  private void members(NotesIndex.ListInfo list, List<TopicNode> items) {
    String prompt = prompt(list, false);
    List<List<String>> tiers = tiers(list);
    Predicate<String> allowed = allowed(list, prompt);
    for (TopicNode item : items) {
      String answer = NotesIndex.itemText(item);
      if (NotesIndex.mentions(prompt, answer)) {
        out.skip(item, "the answer appears in the question");
        continue;
      }
      Random random = factory.random(MEMBER, answer, item.text());
      List<String> distractors = DistractorPicker.pick(answer, tiers, allowed, 3, random);
      if (distractors.size() < 3) {
        // Two wrong options leave a guess between three, as odd_one_out below.
        out.skip(
            item, "too few other things of the same kind in the notes to offer as wrong answers");
        continue;
      }
      out.add(
          item,
          factory.multipleChoice(
              MEMBER,
              answer,
              prompt,
              answer,
              distractors,
              explanation(list),
              source(item),
              index.topicOf(item.path())));
      out.cover(list.parent());
    }
  }

  /**
   * "Which two of these are …? (Choose two.)": two members among three things of the same kind that
   * are not, as a certification exam asks it. Closed lists only: in a list that ends with "etc." a
   * thing left out may belong.
   */
  private void chooseTwo(NotesIndex.ListInfo list, List<TopicNode> items) {
    String single = prompt(list, false);
    String prompt = plural(single);
    if (prompt == null || items.size() < 3) {
      return;
    }
    TopicNode lead = list.parent();
    List<String> members = new ArrayList<>();
    for (TopicNode i : items) {
      String t = NotesIndex.itemText(i);
      if (!NotesIndex.mentions(prompt, t)) {
        members.add(t);
      }
    }
    Random random = factory.random(CHOOSE_TWO, "two", lead.text());
    Collections.shuffle(members, random);
    if (members.size() < 3) {
      return;
    }
    List<String> keys = List.of(members.get(0), members.get(1));
    if (!DistractorPicker.similarLength(keys.get(0), keys.get(1))) {
      return;
    }
    List<String> wrong =
        DistractorPicker.pick(keys.get(0), tiers(list), allowed(list, single), 3, random);
    if (wrong.size() < 2
        || !wrong.stream().allMatch(w -> DistractorPicker.similarLength(w, keys.get(1)))) {
      return;
    }
    out.add(
        lead,
        factory.multipleResponse(
            CHOOSE_TWO,
            "two",
            prompt + " (Choose two.)",
            keys,
            wrong,
            explanation(list),
            source(lead),
            index.topicOf(lead.path())));
  }

  /**
   * "Which of these is one of the supported languages?" asked of two: "Which two of these are among
   * …?".
   */
  static String plural(String single) {
    String rest;
    if (single.startsWith("Which of these is one of the ")) {
      rest = "are among the " + single.substring("Which of these is one of the ".length());
    } else if (single.startsWith("Which of these is an example of ")) {
      rest = "are examples of " + single.substring("Which of these is an example of ".length());
    } else if (single.startsWith("Which of these is true of ")) {
      rest = "are true of " + single.substring("Which of these is true of ".length());
    } else if (single.startsWith("Which of these completes ")) {
      rest = "complete " + single.substring("Which of these completes ".length());
    } else if (single.startsWith("Which of these is listed as an anti-pattern")) {
      rest =
          "are listed as anti-patterns"
              + single.substring("Which of these is listed as an anti-pattern".length());
    } else if (single.startsWith("Which of these belongs to ")) {
      rest = "belong to " + single.substring("Which of these belongs to ".length());
    } else if (single.startsWith("Which of these is ")) {
      return null;
    } else if (single.startsWith("Which of these ")) {
      rest = single.substring("Which of these ".length());
    } else {
      return null;
    }
    return "Which two of these " + rest;
  }

  /** A code of letters and digits both texts name ("m4.large", "S3", "t2.micro"). */
  static boolean sharesAValue(String a, String b) {
    Set<String> values = new java.util.HashSet<>();
    for (String w : a.toLowerCase(java.util.Locale.ROOT).split("[\\s,;()]+")) {
      if (w.chars().anyMatch(Character::isDigit) && w.chars().anyMatch(Character::isLetter)) {
        values.add(w);
      }
    }
    for (String w : b.toLowerCase(java.util.Locale.ROOT).split("[\\s,;()]+")) {
      if (values.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private void oddOneOut(NotesIndex.ListInfo list, List<TopicNode> items) {
    String prompt = prompt(list, true);
    TopicNode lead = list.parent();
    Random random = factory.random(ODD, "odd", lead.text());
    String reference = NotesIndex.itemText(items.get(0));
    List<String> odds =
        DistractorPicker.pick(reference, tiers(list), allowed(list, prompt), 2, random);
    for (int v = 0; v < odds.size(); v++) {
      String odd = odds.get(v);
      List<String> members = new ArrayList<>();
      for (TopicNode i : items) {
        String t = NotesIndex.itemText(i);
        if (DistractorPicker.similarLength(odd, t) && !NotesIndex.mentions(prompt, t)) {
          members.add(t);
        }
      }
      if (members.stream().anyMatch(m -> sharesAValue(m, odd))) {
        // "m4.large is usually good" beside "m4.large if < 50 nodes": the odd one is half true of
        // the list.
        continue;
      }
      Collections.shuffle(members, factory.random(ODD, odd, lead.text()));
      List<String> shown = distinct(members, 3, odd);
      if (shown.size() < 3) {
        // Two members and the odd one leave a guess between three, one of them usually obvious.
        continue;
      }
      out.add(
          lead,
          factory.multipleChoice(
              ODD,
              "odd:" + v,
              prompt,
              odd,
              shown,
              explanation(list),
              source(lead),
              index.topicOf(lead.path())));
    }
  }

  /**
   * A member stated as a plain claim with its subject ("Go is one of the supported languages of AWS
   * Lambda"), and a sibling of the same sort in its place for the false one. Lists whose lead-in
   * cannot carry such a sentence are asked as choices only: "The notes list X under Y" asks about
   * the notes, not the subject.
   */
  private void trueFalse(NotesIndex.ListInfo list, List<TopicNode> items) {
    if (list.antiPattern() || !index.english) {
      return;
    }
    TopicNode lead = list.parent();
    Random random = factory.random(StatementQuestions.TRUE_FALSE, "list", lead.text());
    TopicNode member = items.get(random.nextInt(items.size()));
    String shown = NotesIndex.itemText(member);
    String claim = claim(list, shown);
    if (claim == null) {
      return;
    }
    out.add(
        member,
        factory.trueFalse(
            StatementQuestions.TRUE_FALSE,
            "member:" + shown,
            "True or false? " + claim,
            true,
            explanation(list),
            source(member),
            index.topicOf(member.path())));
    List<String> wrong = DistractorPicker.pick(shown, tiers(list), allowed(list, claim), 1, random);
    for (String w : wrong) {
      out.add(
          lead,
          factory.trueFalse(
              StatementQuestions.TRUE_FALSE,
              "not-member",
              "True or false? " + claim(list, w),
              false,
              explanation(list),
              source(lead),
              index.topicOf(lead.path())));
    }
  }

  private static final Set<String> LEAD_QUANTIFIERS =
      Set.of(
          "other",
          "some",
          "more",
          "several",
          "various",
          "many",
          "few",
          "additional",
          "misc",
          "miscellaneous");

  private static final Set<String> PREPOSITIONS =
      Set.of("by", "of", "from", "as", "to", "for", "with", "like", "via", "into", "on", "in");

  /**
   * "X can trigger Lambda." or "X is one of the supported languages of AWS Lambda."; null when
   * neither fits.
   */
  private String claim(NotesIndex.ListInfo list, String item) {
    String lead;
    String subject;
    // The subject is the topic the list belongs to ("AWS Glue"), not a section of it ("EMR Usage").
    TopicNode owner =
        list.headedByHeading() ? index.parentHeading.get(list.heading()) : list.heading();
    subject = owner == null ? "" : index.topicOf(owner.path());
    lead =
        list.headedByHeading()
            ? list.heading().text()
            : NotesIndex.shape(list.parent().text()).core();
    Matcher modal = QUANTIFIED_MODAL.matcher(lead);
    if (modal.matches()) {
      return item
          + " "
          + modal.group(1).toLowerCase(java.util.Locale.ROOT)
          + " "
          + modal.group(2)
          + ".";
    }
    BulletShape shape = NotesIndex.shape(lead);
    String lastWord = lead.substring(lead.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
    String firstWord = lead.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    if (!shape.isItemLike()
        || !shape.mentionsPlural()
        || !namesOnly(list)
        || lead.endsWith(":")
        || !lastWord.endsWith("s")
        || PREPOSITIONS.contains(lastWord)
        || LEAD_QUANTIFIERS.contains(firstWord)) {
      // "Other considerations", "Some options": a list that says it is not the whole of anything.
      return null;
    }
    // "one of the index types", not "of Databases": the notes' one subject says nothing a player
    // needs.
    boolean wholeNotes =
        owner != null
            && index.parentHeading.get(owner) == null
            && index.headings.stream().filter(h -> index.parentHeading.get(h) == null).count() == 1;
    if (!subject.isEmpty()
        && lead.startsWith(subject + " ")
        && pluralCommonPhrase(lead.substring(subject.length() + 1).strip())) {
      // "Spark Components" of Spark: "one of the components of Spark", not "of the Spark
      // Components", which reads as the title of a section.
      String kind = lead.substring(subject.length() + 1).strip();
      StringBuilder words = new StringBuilder();
      for (String w : kind.split("\\s+")) {
        boolean titleCase =
            w.length() > 1
                && w.substring(1).equals(w.substring(1).toLowerCase(java.util.Locale.ROOT));
        words.append(words.length() == 0 ? "" : " ");
        words.append(titleCase ? w.toLowerCase(java.util.Locale.ROOT) : w);
      }
      return kindOfThing(item) + " is one of the " + words + " of " + subject + ".";
    }
    String of =
        subject.isEmpty() || wholeNotes || NotesIndex.mentions(lead, subject)
            ? ""
            : " of " + subject;
    String field = wholeNotes && of.isEmpty() ? fieldOf(owner.text(), lead) : "";
    if (wholeNotes
        && field.isEmpty()
        && BARE_KINDS.contains(lastWord(lead))
        && !NotesIndex.mentions(lead, owner.text())) {
      // "Type 1 is one of the types of diabetes": "the types", "the common types" alone say
      // nothing of what.
      of = " of " + Prompts.lowerFirst(owner.text().strip(), index);
    }
    return kindOfThing(item)
        + " is one of the "
        + field
        + Prompts.lowerFirst(lead, index)
        + of
        + ".";
  }

  /** Whether the notes write a word's plural, "clusters" for "cluster", once per deck. */
  private boolean writtenInThePlural(String word) {
    if (allWords == null) {
      allWords = new java.util.HashSet<>();
      for (NotesIndex.Placed p : index.placed) {
        allWords.addAll(java.util.Arrays.asList(NotesIndex.words(p.node().text()).split(" ")));
      }
      for (TopicNode h : index.headings) {
        allWords.addAll(java.util.Arrays.asList(NotesIndex.words(h.text()).split(" ")));
      }
    }
    return allWords.contains(word + "s")
        || allWords.contains(word + "es")
        || word.endsWith("y") && allWords.contains(word.substring(0, word.length() - 1) + "ies");
  }

  private java.util.Set<String> allWords;

  /**
   * "Transient cluster" as the subject of a sentence is "A transient cluster": words in lower case
   * after the first, the last a common noun in the singular that the notes write in lower case
   * ("Long-running cluster"). Names ("Spark SQL", "Node.js") stay as written.
   */
  private String kindOfThing(String item) {
    String[] words = item.strip().split("\\s+");
    String rest = item.strip().substring(1);
    String last = words[words.length - 1];
    if (words.length < 2
        || !Character.isUpperCase(item.strip().charAt(0))
        || !rest.equals(rest.toLowerCase(java.util.Locale.ROOT))
        || !last.chars().allMatch(Character::isLetter)
        || Prompts.looksPlural(last)
        || last.endsWith("ing")
        || !index.everWrittenLowercase(last)
        || !writtenInThePlural(last.toLowerCase(java.util.Locale.ROOT))
        || index.writtenAsName(words[0])) {
      // "Cold storage", "Batch processing": a mass noun takes no "a"; only a word the notes also
      // write in the plural ("clusters") is surely one of many.
      return item;
    }
    String lower = Character.toLowerCase(item.strip().charAt(0)) + rest;
    String article = DefinitionQuestions.article(lower.split("\\s+", 2)[0]);
    return Character.toUpperCase(article.charAt(0)) + article.substring(1) + " " + lower;
  }

  /**
   * "Components", "Core Services": words for things, the last a plural, none a name the notes write
   * capitalised ("Spark Streaming"), so "the components of Spark" reads as a kind.
   */
  private boolean pluralCommonPhrase(String kind) {
    String[] words = kind.split("\\s+");
    if (words.length == 0 || words.length > 3) {
      return false;
    }
    for (String w : words) {
      boolean titleOrLower =
          w.length() > 1
              && w.chars().allMatch(Character::isLetter)
              && w.substring(1).equals(w.substring(1).toLowerCase(java.util.Locale.ROOT));
      if (!titleOrLower || index.writtenAsName(w)) {
        return false;
      }
    }
    return pluralNoun(words[words.length - 1].toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean pluralNoun(String w) {
    return w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")
        && !w.endsWith("ics")
        && !NOT_PLURALS.contains(w);
  }

  private static final Set<String> BARE_KINDS =
      Set.of(
          "types",
          "kinds",
          "forms",
          "classes",
          "categories",
          "stages",
          "phases",
          "causes",
          "symptoms",
          "examples",
          "components",
          "parts",
          "features",
          "uses");

  private static final Set<String> NOT_PLURALS =
      Set.of("diabetes", "species", "series", "news", "lens", "means", "herpes", "rabies");

  /** "Databases" → "database", "Technologies" → "technology", "Processes" → "process". */
  static String singularNoun(String plural) {
    String w = plural.toLowerCase(java.util.Locale.ROOT);
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
      return w.substring(0, w.length() - 2);
    }
    return w.substring(0, w.length() - 1);
  }

  /**
   * Notes titled with one plural common noun ("Databases") name the field their lists belong to:
   * "Hash is one of the database index types", where "the index types" alone does not say whose.
   * Empty for any other title.
   */
  private static String fieldOf(String title, String lead) {
    String t = title.strip();
    boolean plainPlural =
        t.length() > 4
            && t.chars().allMatch(Character::isLetter)
            && Character.isUpperCase(t.charAt(0))
            && t.substring(1).equals(t.substring(1).toLowerCase(java.util.Locale.ROOT))
            && pluralNoun(t.toLowerCase(java.util.Locale.ROOT));
    if (!plainPlural) {
      return "";
    }
    String singular = singularNoun(t);
    return plainPlural && !NotesIndex.mentions(lead, singular) ? singular + " " : "";
  }

  /**
   * Lead-ins of one form: both names ("HBase", "DynamoDB"), or phrases ending in the same noun ("…
   * cells").
   */
  private static boolean parallel(NotesIndex.ListInfo a, NotesIndex.ListInfo b) {
    BulletShape x = NotesIndex.shape(a.parent().text());
    BulletShape y = NotesIndex.shape(b.parent().text());
    if (x.isNameLike() && y.isNameLike()) {
      return true;
    }
    return !x.hasVerb()
        && !y.hasVerb()
        && singular(lastWord(x.core())).equals(singular(lastWord(y.core())));
  }

  private static String lastWord(String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    return t.substring(t.lastIndexOf(' ') + 1);
  }

  private static String singular(String word) {
    return word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
  }

  /**
   * Up to {@code max} options that read differently and are of similar length to each other and the
   * answer.
   */
  private static List<String> distinct(List<String> options, int max, String answer) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(NotesIndex.norm(answer));
    for (String o : options) {
      if (out.size() < max
          && out.stream().allMatch(x -> DistractorPicker.similarLength(x, o))
          && seen.add(NotesIndex.norm(o))) {
        out.add(o);
      }
    }
    return out;
  }

  private List<TopicNode> usable(NotesIndex.ListInfo list) {
    List<TopicNode> out = new ArrayList<>();
    for (TopicNode item : list.items()) {
      BulletShape shape = NotesIndex.shape(item.text());
      if (item.kind() == NodeKind.LIST_ITEM && !shape.isEtc() && shape.wordCount() <= 8) {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean mixesNamesAndPhrases(NotesIndex.ListInfo list) {
    Set<Shape> shapes = new HashSet<>();
    list.items().forEach(i -> shapes.add(shape(NotesIndex.itemText(i))));
    return shapes.contains(Shape.NAME)
        && (shapes.contains(Shape.PHRASE) || shapes.contains(Shape.STATEMENT));
  }

  /**
   * Parallel lists in the same section, then lists sharing a member with this one; open lists skip
   * them since their members are not all written down. Lists under other headings of the same topic
   * are left out: "Spark structure" items are too close to "Spark Components" to be plainly wrong.
   * Anti-patterns are contrasted with the same topic's own uses.
   */
  private final java.util.Map<NotesIndex.ListInfo, List<List<String>>> tiers =
      new java.util.IdentityHashMap<>();

  /** Wrong options for a list, computed once per list: each list looks at every other. */
  private List<List<String>> tiers(NotesIndex.ListInfo list) {
    return tiers.computeIfAbsent(list, this::computeTiers);
  }

  private List<List<String>> computeTiers(NotesIndex.ListInfo list) {
    if (list.antiPattern()) {
      return List.of(usesOfTopic(list));
    }
    Set<String> own = texts(list).norms();
    String topic = index.topicOf(list.parent().path());
    List<String> sameSection = new ArrayList<>();
    List<String> related = new ArrayList<>();
    for (NotesIndex.ListInfo other : index.lists) {
      if (other == list || other.antiPattern()) {
        continue;
      }
      List<String> texts = texts(other).texts();
      // Two members in common show two lists hold the same kind of thing; one can be chance (Python
      // is both
      // a Lambda language and one of the things Zeppelin integrates with, beside Spark and JDBC).
      boolean shares = texts(other).norms().stream().filter(own::contains).limit(2).count() == 2;
      boolean sibling = other.heading() == list.heading();
      if (!sibling && index.topicOf(other.parent().path()).equals(topic)) {
        continue;
      }
      if (list.open() && (shares || sibling)) {
        continue;
      }
      if (list.open()) {
        texts = texts.stream().filter(t -> !isHub(t)).toList();
      }
      // Sharing a member shows two lists hold the same kind of thing, and so do parallel lists side
      // by side
      // ("Passive transport" and "Active transport"); merely sitting under one heading does not (a
      // service's
      // languages beside the services that trigger it).
      if (sibling && parallel(list, other)) {
        sameSection.addAll(texts);
      } else if (shares) {
        related.addAll(texts);
      }
    }
    Set<Shape> shapes = new HashSet<>();
    list.items().forEach(i -> shapes.add(shape(NotesIndex.itemText(i))));
    // Only lists of the same kind: beside this one, or sharing a member with it. Items of unrelated
    // sections
    // (message queues offered as programming languages) are guessable without studying, so they are
    // not used.
    List<List<String>> tiers = new ArrayList<>();
    for (List<String> tier : List.of(sameSection, related)) {
      tiers.add(tier.stream().filter(t -> shapes.contains(shape(t))).toList());
    }
    return tiers;
  }

  /**
   * Named in several lists, like S3 or Redshift: such hubs integrate with almost everything, so
   * they are not offered as wrong answers for a list the notes leave open with "etc.".
   */
  private boolean isHub(String text) {
    if (listsPerItem == null) {
      listsPerItem = new java.util.HashMap<>();
      for (NotesIndex.ListInfo l : index.lists) {
        for (String n : texts(l).norms()) {
          listsPerItem.merge(n, 1, Integer::sum);
        }
      }
    }
    return listsPerItem.getOrDefault(NotesIndex.norm(text), 0) >= 2;
  }

  private java.util.Map<String, Integer> listsPerItem;

  /**
   * "Hive / Pig (old) / Presto", "HDFS -> HBase": several things in one item, odd next to single
   * names.
   */
  private static boolean isCompound(String text) {
    return text.contains("/") || text.contains("->") || text.contains("=>");
  }

  /**
   * A candidate that has its own heading whose section names two or more of the list's members
   * (Hive, whose notes mention HDFS and EMRFS, for "Presto Datasource") is too close to the list to
   * be plainly wrong.
   */
  private boolean worksWithMembers(String candidate, List<String> members) {
    if (headingsByName == null) {
      headingsByName = new java.util.HashMap<>();
      for (TopicNode h : index.headings) {
        headingsByName.putIfAbsent(NotesIndex.norm(h.text()), h);
      }
    }
    TopicNode heading = headingsByName.get(NotesIndex.norm(candidate));
    if (heading == null) {
      return false;
    }
    String section = index.sectionText(heading);
    long named = members.stream().filter(m -> NotesIndex.mentionsIn(section, m)).count();
    return named >= 2;
  }

  private java.util.Map<String, TopicNode> headingsByName;

  /**
   * How deep a topic's own heading sits: 1 for a top-level topic, 2 under a single document
   * heading.
   */
  private int topicDepth(String topic) {
    if (headingDepths == null) {
      headingDepths = new java.util.HashMap<>();
      for (TopicNode h : index.headings) {
        headingDepths.putIfAbsent(h.text(), h.path().size());
      }
    }
    return headingDepths.getOrDefault(topic, 1);
  }

  /** The depth of the first heading of each text. */
  private java.util.Map<String, Integer> headingDepths;

  /**
   * Short phrases noted right under the same top-level topic, outside its anti-pattern sections.
   */
  private List<String> usesOfTopic(NotesIndex.ListInfo list) {
    String topic = index.topicOf(list.parent().path());
    int depth = topicDepth(topic);
    List<String> out = new ArrayList<>();
    for (NotesIndex.Placed p : linesOf(topic)) {
      TopicNode n = p.node();
      if (p.antiPattern()
          || n.kind() != NodeKind.NOTE && n.kind() != NodeKind.LIST_ITEM
          || n.path().size() > depth) {
        continue;
      }
      BulletShape shape = NotesIndex.shape(n.text());
      if (shape.isItemLike() && !shape.isNameLike() && shape.wordCount() >= 2) {
        // Only the lines right under the topic's own heading, what it is for ("Real-time file /
        // stream processing"): the items of its other sections (Amazon ML's hyperparameters) are
        // no uses at all.
        out.add(n.text());
      }
    }
    return out;
  }

  /**
   * The lines of each topic, in the notes' order: a topic's anti-patterns are read against its own
   * lines, and scanning every line for each would be quadratic in notes of thousands of topics.
   */
  private List<NotesIndex.Placed> linesOf(String topic) {
    if (linesByTopic == null) {
      linesByTopic = new java.util.HashMap<>();
      for (NotesIndex.Placed p : index.placed) {
        linesByTopic.computeIfAbsent(index.topicOf(p.node().path()), t -> new ArrayList<>()).add(p);
      }
    }
    return linesByTopic.getOrDefault(topic, List.of());
  }

  private java.util.Map<String, List<NotesIndex.Placed>> linesByTopic;

  /**
   * NAME: "DynamoDB", "Spark SQL"; WORD: a single capitalised word, a name or a common noun;
   * PHRASE; STATEMENT.
   */
  private enum Shape {
    NAME,
    WORD,
    PHRASE,
    STATEMENT
  }

  private static final java.util.Map<String, Shape> SHAPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Shape shape(String text) {
    if (SHAPES.size() > 50_000) {
      SHAPES.clear();
    }
    return SHAPES.computeIfAbsent(text, ListQuestions::computeShape);
  }

  private static Shape computeShape(String text) {
    BulletShape s = NotesIndex.shape(text);
    if (s.isNameLike()) {
      String core = s.core();
      boolean plainWord =
          s.wordCount() == 1
              && core.chars().allMatch(c -> Character.isLetter(c) || c == '-')
              && core.substring(1).equals(core.substring(1).toLowerCase(java.util.Locale.ROOT));
      return plainWord ? Shape.WORD : Shape.NAME;
    }
    return s.isItemLike() ? Shape.PHRASE : Shape.STATEMENT;
  }

  private static boolean compatible(Set<Shape> listShapes, Shape candidate) {
    for (Shape s : listShapes) {
      boolean ok =
          switch (s) {
            case NAME -> candidate == Shape.NAME || candidate == Shape.WORD;
            case WORD -> candidate != Shape.STATEMENT;
            case PHRASE -> candidate == Shape.PHRASE || candidate == Shape.WORD;
            case STATEMENT -> candidate == Shape.STATEMENT || candidate == Shape.PHRASE;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String text) {
    return text.chars().anyMatch(Character::isDigit);
  }

  /**
   * Not a member, the same shape as the list's items, not naming a member ("S3 / EMRFS" when S3 is
   * a member), and not mentioned outside lists anywhere in the list's own topic: what the notes say
   * elsewhere about the same service (DynamoDB in EMR storage) would make "not listed" a trick.
   */
  private Predicate<String> allowed(NotesIndex.ListInfo list, String prompt) {
    Set<String> own = new HashSet<>();
    Set<Shape> shapes = new HashSet<>();
    List<String> memberTexts = new ArrayList<>();
    for (TopicNode i : list.items()) {
      String t = NotesIndex.itemText(i);
      own.add(NotesIndex.norm(t));
      shapes.add(shape(t));
      memberTexts.add(t);
    }
    if (shapes.contains(Shape.PHRASE) && shapes.contains(Shape.STATEMENT)) {
      shapes.remove(Shape.STATEMENT);
    }
    if (shapes.size() > 1) {
      shapes.remove(Shape.WORD);
    }
    String sectionText = index.sectionText(list.heading());
    String topicText =
        list.antiPattern() ? "" : index.topicText(index.topicOf(list.parent().path()));
    String promptWords = NotesIndex.words(prompt);
    List<String> memberWords = memberTexts.stream().map(NotesIndex::words).toList();
    boolean compoundList = memberTexts.stream().anyMatch(ListQuestions::isCompound);
    // "Unlimited scalability (soft limit of 1000 concurrent)" among workloads is a feature with a
    // figure, told
    // apart from the members by its number alone.
    boolean numbered = memberTexts.stream().anyMatch(ListQuestions::hasDigit);
    return candidate ->
        !own.contains(NotesIndex.norm(candidate))
            && compatible(shapes, shape(candidate))
            && (numbered || !hasDigit(candidate))
            && memberTexts.stream().noneMatch(m -> sharesAValue(m, candidate))
            && (compoundList || !isCompound(candidate))
            && !worksWithMembers(candidate, memberTexts)
            && own.stream()
                .noneMatch(m -> AnswerMatcher.withinOneEdit(m, NotesIndex.norm(candidate)))
            && !NotesIndex.mentionsIn(promptWords, candidate)
            && memberTexts.stream().noneMatch(m -> NotesIndex.mentions(candidate, m))
            && memberWords.stream().noneMatch(m -> NotesIndex.mentionsIn(m, candidate))
            && !NotesIndex.mentionsIn(sectionText, candidate)
            && !NotesIndex.mentionsIn(topicText, candidate);
  }

  private String prompt(NotesIndex.ListInfo list, boolean negative) {
    String not = negative ? "NOT " : "";
    if (!index.english) {
      // The lead-in quoted as written: an English phrase around it would need the notes' own
      // grammar.
      String lead =
          list.headedByHeading()
              ? list.heading().text().strip()
              : NotesIndex.shape(list.parent().text()).core();
      return negative
          ? "Which of these does NOT belong to “" + lead + "”?"
          : "Which of these belongs to “" + lead + "”?";
    }
    if (list.headedByHeading()) {
      TopicNode heading = list.heading();
      TopicNode above = index.parentHeading.get(heading);
      if (list.antiPattern()) {
        String of = above == null ? "" : " for " + above.text();
        return "Which of these is " + not + "listed as an anti-pattern" + of + "?";
      }
      return phrase(heading.text(), above == null ? "" : above.text(), not, !namesOnly(list));
    }
    String lead = NotesIndex.shape(list.parent().text()).core();
    String where = Prompts.where(index, list.heading());
    if (list.antiPattern()) {
      return "Which of these is "
          + not
          + "listed under the anti-pattern \""
          + lead
          + "\" ("
          + where
          + ")?";
    }
    return phrase(lead, where, not, list.parent().text().strip().endsWith(":") || !namesOnly(list));
  }

  /**
   * "One of the supported languages" only fits items that are instances, i.e. names; properties are
   * "listed".
   */
  private static boolean namesOnly(NotesIndex.ListInfo list) {
    return list.items().stream()
        .map(NotesIndex::itemText)
        .allMatch(
            t -> {
              Shape s = shape(t);
              return s == Shape.NAME || s == Shape.WORD || s == Shape.PHRASE && isThing(t);
            });
  }

  /**
   * "Facilitated diffusion", "Sodium-potassium pump": a thing's name in common words, not a
   * property.
   */
  private static boolean isThing(String text) {
    BulletShape s = NotesIndex.shape(text);
    return !s.hasVerb() && s.wordCount() <= 3 && text.chars().noneMatch(Character::isDigit);
  }

  /**
   * The question a list asks, in the subject's words rather than the notes' layout: "Which of these
   * can trigger Lambda?", "Which of these is one of the supported languages?", "Which of these is
   * true of eukaryotic cells?". Where the list sits is the question's context, shown above it.
   */
  private String phrase(String lead, String where, String not, boolean listedOnly) {
    Matcher modal = QUANTIFIED_MODAL.matcher(lead);
    if (modal.matches()) {
      String verb = modal.group(1).toLowerCase();
      String neg = not.isEmpty() ? "" : " NOT";
      return "Which of these " + verb + neg + " " + modal.group(2) + "?";
    }
    BulletShape shape = NotesIndex.shape(lead);
    String lastWord = lead.substring(lead.lastIndexOf(' ') + 1).toLowerCase();
    if (Set.of("by", "of", "from", "as", "to", "for", "with", "like", "via", "into", "on", "in")
        .contains(lastWord)) {
      return "Which of these "
          + (not.isEmpty() ? "completes" : "does NOT complete")
          + " “"
          + lead
          + " …”?";
    }
    String subject = Prompts.lowerFirst(lead, index);
    if (listedOnly) {
      // "true of the master node", but "true of eukaryotic cells" and "true of AWS Lambda".
      boolean common =
          !subject.isEmpty()
              && Character.isLowerCase(subject.charAt(0))
              && !subject.endsWith("s")
              && !subject.matches("(?:the|a|an|this|its|each|every) .*")
              && subject.chars().noneMatch(Character::isDigit);
      return "Which of these is " + not + "true of " + (common ? "the " : "") + subject + "?";
    }
    if (shape.isItemLike() && shape.mentionsPlural()) {
      String owner = where.contains(" › ") ? where.substring(0, where.indexOf(" › ")) : where;
      String of = owner.isEmpty() || NotesIndex.mentions(lead, owner) ? "" : " of " + owner;
      return "Which of these is " + not + "one of the " + subject + of + "?";
    }
    return "Which of these is " + not + "an example of " + subject + "?";
  }

  private String explanation(NotesIndex.ListInfo list) {
    String lead =
        list.headedByHeading()
            ? Prompts.where(index, list.heading())
            : Prompts.where(index, list.heading())
                + " › "
                + NotesIndex.shape(list.parent().text()).core();
    List<String> texts = list.items().stream().map(TopicNode::text).toList();
    return lead + ": " + String.join("; ", texts) + (list.open() ? "; etc." : "");
  }

  private static Source source(TopicNode node) {
    return new Source(node.line(), node.text(), node.path());
  }
}
