package org.quizhall.deck;

import java.util.Locale;
import java.util.Set;
import org.quizhall.notes.BulletShape;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/** Shared wording: where a fact sits, and the fact with enough of its surroundings to stand alone. */
final class Prompts {

    static final String BLANK = "_____";
    private static final Set<String> DEPENDENT_STARTS = Set.of("can", "cannot", "will", "would", "may", "must",
            "should", "is", "are", "was", "were", "has", "have", "does", "do", "not", "no", "only", "also", "but",
            "because", "and", "or", "which", "then", "so");

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "every", "each", "all", "most", "some",
            "many", "few");

    private Prompts() {
    }

    private static final java.util.regex.Pattern REMARK = java.util.regex.Pattern.compile(
            "(?i)^(?:note|notes|tip|todo|see|see also|edit|nb|ps|warning|important|source|ref)\\s*[:\\-–]");

    /** "Note: this list is not complete": a remark about the notes themselves, not a fact to be asked. */
    static boolean isRemark(String text) {
        return REMARK.matcher(text.strip()).find();
    }

    /** "AWS Lambda › Anti-patterns": the heading and the heading above it. */
    static String where(NotesIndex index, TopicNode heading) {
        if (heading == null) {
            return "";
        }
        TopicNode parent = index.parentHeading.get(heading);
        return parent == null ? heading.text() : parent.text() + " › " + heading.text();
    }

    /**
     * The fact as it can be read on its own: list items and dependent clauses ("Can only be added when launching")
     * get the line that introduces them ("EBS: ...").
     */
    static String standalone(NotesIndex.Placed p) {
        String text = p.node().text();
        TopicNode parent = p.parent();
        if (parent == null || parent.isHeading()) {
            return text;
        }
        String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        boolean dependent = p.node().kind() == NodeKind.LIST_ITEM || DEPENDENT_STARTS.contains(first)
                || Character.isLowerCase(text.charAt(0));
        BulletShape parentShape = NotesIndex.shape(parent.text());
        boolean subject = parentShape.wordCount() <= 3
                || parentShape.wordCount() <= 5 && java.util.Arrays.stream(parentShape.core().split("\\s+"))
                .allMatch(w -> !w.isEmpty() && !Character.isLowerCase(w.charAt(0)));
        return dependent && subject ? parentShape.core() + ": " + text : text;
    }

    /**
     * The statement's subject, when the statement does not name it: "AWS Lambda: " before "Max timeout is 900
     * seconds". A line whose parent bullet was already attached, or that names its heading, needs none.
     */
    static String subject(NotesIndex index, NotesIndex.Placed p, String fact) {
        TopicNode heading = p.heading();
        if (heading == null || !fact.equals(p.node().text())) {
            return "";
        }
        String label = index.label(heading);
        // "AWS Lambda › Anti-patterns" is an aspect of AWS Lambda: the subject is AWS Lambda.
        int aspect = label.indexOf(" › ");
        if (aspect > 0) {
            label = label.substring(0, aspect);
        }
        if (NotesIndex.mentions(fact, label) || NotesIndex.mentions(fact, heading.text())) {
            return "";
        }
        // "Every living organism is made of one or more cells." is a sentence with a subject of its own; the
        // heading above it is shown as its context.
        String first = fact.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        boolean sentence = fact.strip().endsWith(".") || DETERMINERS.contains(first);
        if (sentence && Character.isUpperCase(fact.strip().charAt(0))
                && !DEPENDENT_STARTS.contains(first) && NotesIndex.shape(fact).hasVerb()
                && NotesIndex.shape(fact).wordCount() >= 4) {
            return "";
        }
        // "Commands", "Ideas", "Causes": a heading that names a kind of line, not the subject of one.
        if (!label.contains(" ") && label.endsWith("s") && label.length() > 1
                && label.substring(1).equals(label.substring(1).toLowerCase(Locale.ROOT))) {
            return "";
        }
        // "Glue is batch oriented" under "AWS Glue" names its subject already.
        for (String word : NotesIndex.key(label)) {
            if (word.length() >= 3 && Character.isUpperCase(firstLetterOf(label, word)) && NotesIndex.mentions(fact, word)) {
                return "";
            }
        }
        return label + ": ";
    }

    /** The first letter of {@code word} as it is written in {@code text} (case kept). */
    private static char firstLetterOf(String text, String word) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(word);
        return at < 0 ? 'a' : text.charAt(at);
    }

    static String lowerFirst(String s, NotesIndex index) {
        String first = s.split("\\s+", 2)[0];
        if (first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT))
                && !index.nameWords.contains(first.toLowerCase(Locale.ROOT))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
