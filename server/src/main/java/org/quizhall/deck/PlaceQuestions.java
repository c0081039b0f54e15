package org.quizhall.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * Where something happens, from prose: "The light-dependent reactions happen in the thylakoid
 * membranes" asked with the place left out, and the other places the notes name after "in the" as
 * the options (the stroma, the chloroplasts), which are things of one kind because the notes put
 * them in one frame. English notes only.
 */
final class PlaceQuestions {

  static final String KIND = StatementQuestions.CLOZE;
  private static final String FRAME = " in the ";

  /**
   * Words that end the place: "in the thylakoid membranes and produce …", "in the chloroplasts of
   * leaf cells".
   */
  private static final Set<String> ENDS =
      Set.of(
          "and", "or", "but", "which", "that", "of", "to", "with", "when", "where", "while", "by",
          "for", "from", "as", "at", "on", "in", "into", "during", "after", "before", "is", "are",
          "was", "were", "can", "has", "have", "so", "than", "then", "until", "the", "a", "an",
          "inside", "through", "within", "across", "along", "among", "around", "behind", "below",
          "beneath", "beside", "between", "beyond", "near", "under", "over", "via", "without",
          "upon", "onto", "toward", "towards");

  private static final Set<String> NOT_PLACES =
      Set.of(
          "day",
          "night",
          "morning",
          "evening",
          "past",
          "future",
          "end",
          "beginning",
          "meantime",
          "way",
          "case",
          "same",
          "first",
          "world",
          "notes",
          "box");

  /** Verbs before "in the" that say where something is or happens. */
  private static final Set<String> LOCATIVE =
      Set.of(
          "happen",
          "happens",
          "happened",
          "occur",
          "occurs",
          "occurred",
          "found",
          "located",
          "lies",
          "lie",
          "live",
          "lives",
          "stored",
          "made",
          "produced",
          "takes",
          "take",
          "place",
          "starts",
          "start",
          "begins",
          "begin",
          "ends",
          "absorbed",
          "digested",
          "formed",
          "held",
          "kept",
          "built",
          "runs",
          "run",
          "stays",
          "sit",
          "sits");

  private static final int MAX_PLACES = 2_000;

  private final NotesIndex index;
  private final QuestionFactory factory;
  private final Emitter out;

  PlaceQuestions(NotesIndex index, QuestionFactory factory, Emitter out) {
    this.index = index;
    this.factory = factory;
    this.out = out;
  }

  private record Place(NotesIndex.Placed at, int start, int end, String place, String topic) {}

  void generate() {
    if (!index.english) {
      return;
    }
    List<Place> places = new ArrayList<>();
    for (NotesIndex.Placed p : index.placed) {
      if (places.size() >= MAX_PLACES) {
        break;
      }
      if (p.node().kind() != NodeKind.STATEMENT && p.node().kind() != NodeKind.LIST_ITEM) {
        continue;
      }
      Place place = place(p);
      if (place != null) {
        places.add(
            new Place(
                p, place.start(), place.end(), place.place(), index.topicOf(p.node().path())));
      }
    }
    // Each topic's distinct places, once: per question they would make the work grow with the cube
    // of the count.
    java.util.Map<String, java.util.LinkedHashMap<String, String>> byTopic =
        new java.util.HashMap<>();
    for (Place place : places) {
      byTopic
          .computeIfAbsent(place.topic(), t -> new java.util.LinkedHashMap<>())
          .putIfAbsent(place.place().toLowerCase(Locale.ROOT), place.place());
    }
    for (Place place : places) {
      String text = place.at().node().text().strip();
      String first = text.split(" ", 2)[0].toLowerCase(Locale.ROOT);
      if (Set.of("it", "this", "they", "these", "those", "that").contains(first)) {
        // "It takes place mainly in the ___": the place is an option elsewhere, the sentence no
        // question.
        continue;
      }
      String key = place.place();
      // Places of the same topic only: the alveoli offered for where digestion starts are ruled out
      // by the
      // heading above the question.
      java.util.LinkedHashMap<String, String> inTopic = byTopic.get(place.topic());
      List<String> others = new ArrayList<>(inTopic.size());
      inTopic.forEach(
          (lower, name) -> {
            if (!lower.equals(key.toLowerCase(Locale.ROOT))) {
              others.add(name);
            }
          });
      String prompt =
          "Fill in the blank: "
              + text.substring(0, place.start())
              + Prompts.BLANK
              + text.substring(place.end());
      Random random = factory.random(KIND, "place:" + key, text);
      List<String> wrong =
          DistractorPicker.pick(
              key,
              List.of(others),
              c ->
                  !NotesIndex.mentions(text, c)
                      && !NotesIndex.mentions(c, key)
                      && !NotesIndex.mentions(key, c),
              3,
              random);
      if (wrong.size() < 2) {
        continue;
      }
      TopicNode node = place.at().node();
      out.add(
          node,
          factory.multipleChoice(
              KIND,
              "place:" + key,
              prompt,
              key,
              wrong,
              text,
              new Source(node.line(), node.text(), node.path()),
              index.topicOf(node.path())));
    }
  }

  /**
   * The place a sentence says something happens in, right after a verb of happening or being: null
   * if none.
   */
  private static Place place(NotesIndex.Placed p) {
    String text = p.node().text().strip();
    if (text.length() > 300 || !Character.isUpperCase(text.charAt(0))) {
      return null;
    }
    int at = text.indexOf(FRAME);
    if (at <= 0) {
      return null;
    }
    String[] lead = text.substring(0, at).toLowerCase(Locale.ROOT).split(" ");
    int v = lead.length - 1;
    if (v > 0 && lead[v].endsWith("ly")) {
      // "takes place mainly in the chloroplasts"
      v--;
    }
    if (!LOCATIVE.contains(lead[v])) {
      return null;
    }
    int start = at + FRAME.length();
    String[] words = text.substring(start).split(" ");
    List<String> taken = new ArrayList<>();
    for (String w : words) {
      String bare = w.replaceAll("[.,;:!?)]+$", "");
      if (taken.size() == 3
          || ENDS.contains(bare.toLowerCase(Locale.ROOT))
          || bare.isEmpty()
          || !taken.isEmpty() && bare.endsWith("ing")
          || !bare.chars().allMatch(c -> Character.isLowerCase(c) || c == '-')) {
        break;
      }
      taken.add(bare);
      if (!bare.equals(w)) {
        break;
      }
    }
    if (taken.isEmpty() || NOT_PLACES.contains(taken.get(taken.size() - 1))) {
      return null;
    }
    String place = String.join(" ", taken);
    return new Place(p, start, start + place.length(), place, null);
  }
}
