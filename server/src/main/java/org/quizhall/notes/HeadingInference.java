package org.quizhall.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which flat-outline headings are sub-headings: "Glue Crawler" names the subject of "AWS
 * Glue", and "Anti-patterns" or "Promises &amp; Limitations" are aspects of whatever service was
 * last introduced.
 */
final class HeadingInference {

  private static final Set<String> QUALIFIERS =
      Set.of("aws", "amazon", "apache", "microsoft", "google", "azure", "gcp", "the", "a", "an");
  private static final Set<String> GENERIC_WORDS =
      Set.of(
          "anti",
          "patterns",
          "pattern",
          "antipatterns",
          "promises",
          "limitations",
          "limits",
          "limit",
          "integration",
          "integrations",
          "usage",
          "security",
          "features",
          "overview",
          "introduction",
          "intro",
          "summary",
          "examples",
          "example",
          "pricing",
          "performance",
          "use",
          "cases",
          "best",
          "practices",
          "notes",
          "tips",
          "pros",
          "cons",
          "advantages",
          "disadvantages",
          "architecture",
          "concepts",
          "terminology",
          "glossary",
          "review",
          "questions",
          "faq",
          "pitfalls",
          "monitoring",
          "costs",
          "cost",
          "setup",
          "configuration",
          "and",
          "&",
          "of",
          "in");

  /**
   * An earlier top-level heading; {@code recency} orders them by when they were last introduced or
   * revisited.
   */
  private static final class Top {
    final TreeBuilder.Section section;
    final List<String> key;
    final List<String> words;
    int recency;

    Top(TreeBuilder.Section section, List<String> key, List<String> words) {
      this.section = section;
      this.key = key;
      this.words = words;
    }
  }

  /** Tops by the first word of their key, so a heading is only compared with tops it could name. */
  private final Map<String, List<Top>> byFirstKeyWord = new HashMap<>();

  private final Map<TreeBuilder.Section, Top> bySection = new IdentityHashMap<>();
  private Top current;
  private int clock;

  void reset() {
    byFirstKeyWord.clear();
    bySection.clear();
    current = null;
  }

  /** The earlier heading this one belongs under, or null when it starts a new topic. */
  TreeBuilder.Section parentOf(String heading) {
    if (current == null) {
      return null;
    }
    List<String> words = words(heading);
    if (isGeneric(words)) {
      return current.section;
    }
    Top best = null;
    for (String w : new HashSet<>(words)) {
      for (Top top : byFirstKeyWord.getOrDefault(w, List.of())) {
        if ((best == null || top.recency > best.recency)
            && containsRun(words, top.key)
            && !words.equals(top.words)) {
          best = top;
        }
      }
    }
    return best == null ? null : best.section;
  }

  void topic(TreeBuilder.Section section) {
    Top top = new Top(section, key(section.heading), words(section.heading));
    top.recency = ++clock;
    bySection.put(section, top);
    if (!top.key.isEmpty()) {
      byFirstKeyWord.computeIfAbsent(top.key.get(0), w -> new ArrayList<>()).add(top);
    }
    current = top;
  }

  /** Moving back to an earlier topic makes it the one generic headings attach to. */
  void revisit(TreeBuilder.Section section) {
    Top top = bySection.get(section);
    if (top != null) {
      top.recency = ++clock;
      current = top;
    }
  }

  private static boolean isGeneric(List<String> words) {
    if (!words.isEmpty() && (words.get(0).equals("vs") || words.get(0).equals("versus"))) {
      return true;
    }
    boolean anyGeneric = false;
    for (String w : words) {
      if (QUALIFIERS.contains(w)) {
        continue;
      }
      if (!GENERIC_WORDS.contains(w)) {
        return false;
      }
      anyGeneric = true;
    }
    return anyGeneric;
  }

  private static List<String> key(String heading) {
    List<String> words = new ArrayList<>(words(heading));
    while (!words.isEmpty() && QUALIFIERS.contains(words.get(0))) {
      words.remove(0);
    }
    return words.isEmpty() ? words(heading) : words;
  }

  private static boolean containsRun(List<String> words, List<String> run) {
    for (int i = 0; i + run.size() <= words.size(); i++) {
      if (words.subList(i, i + run.size()).equals(run)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern NON_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}&]+");

  static List<String> words(String text) {
    return Arrays.stream(NON_WORD.split(text.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}
