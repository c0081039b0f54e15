package org.quizhall.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which flat-outline headings are sub-headings: "Glue Crawler" names the subject of "AWS Glue", and
 * "Anti-patterns" or "Promises &amp; Limitations" are aspects of whatever service was last introduced.
 */
final class HeadingInference {

    private static final Set<String> QUALIFIERS = Set.of("aws", "amazon", "apache", "microsoft", "google", "azure",
            "gcp", "the", "a", "an");
    private static final Set<String> GENERIC_WORDS = Set.of("anti", "patterns", "pattern", "antipatterns",
            "promises", "limitations", "limits", "limit", "integration", "integrations", "usage", "security",
            "features", "overview", "introduction", "intro", "summary", "examples", "example", "pricing",
            "performance", "use", "cases", "best", "practices", "notes", "tips", "pros", "cons", "advantages",
            "disadvantages", "architecture", "concepts", "terminology", "glossary", "review", "questions",
            "faq", "pitfalls", "monitoring", "costs", "cost", "setup", "configuration", "and", "&", "of", "in");

    private record Top(TreeBuilder.Section section, List<String> key) {
    }

    private final List<Top> tops = new ArrayList<>();

    void reset() {
        tops.clear();
    }

    /** The earlier heading this one belongs under, or null when it starts a new topic. */
    TreeBuilder.Section parentOf(String heading) {
        List<String> words = words(heading);
        if (tops.isEmpty()) {
            return null;
        }
        if (isGeneric(words)) {
            return tops.get(tops.size() - 1).section();
        }
        for (int i = tops.size() - 1; i >= 0; i--) {
            Top top = tops.get(i);
            if (!top.key().isEmpty() && containsRun(words, top.key()) && !words.equals(words(top.section().heading))) {
                return top.section();
            }
        }
        return null;
    }

    void topic(TreeBuilder.Section section) {
        tops.add(new Top(section, key(section.heading)));
    }

    /** Moving back to an earlier topic makes it the one generic headings attach to. */
    void revisit(TreeBuilder.Section section) {
        for (int i = 0; i < tops.size(); i++) {
            if (tops.get(i).section() == section) {
                tops.add(tops.remove(i));
                return;
            }
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

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}&]+"))
                .filter(w -> !w.isEmpty()).toList();
    }
}
