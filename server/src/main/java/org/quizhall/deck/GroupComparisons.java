package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.NodeKind;
import org.quizhall.notes.TopicNode;

/**
 * comparison, as a choose-two over parallel lists: sibling bullets that each describe a thing in a few lines of their
 * own ("Prokaryotic cells: no nucleus, typically 1 to 10 micrometres across" beside "Eukaryotic cells: have a nucleus,
 * typically 10 to 100 micrometres across") ask "Which two of these are true of prokaryotic cells?", the wrong options
 * being what the notes say of a sibling. It tests telling the two apart, which recalling one line does not.
 * English notes only: the prompt is an English sentence.
 */
final class GroupComparisons {

    /** A group's lines must read as descriptions, not a list of names: "Diffusion, Osmosis" are members. */
    private static final double MIN_MEAN_WORDS = 3;
    private static final int MAX_LINE = 90;
    /** At most this many questions from one set of siblings, so one part of the notes does not fill a round. */
    private static final int PER_PARENT = 2;
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "and", "or", "to", "in", "on", "for",
            "with", "by", "is", "are", "has", "have", "its", "their", "it", "they", "be", "can", "as", "at", "from",
            "no", "not", "never", "without", "cannot", "doesn", "don", "isn", "aren", "t");
    private static final java.util.regex.Pattern VERSUS = java.util.regex.Pattern.compile("(?i)\\b(?:vs\\.?|versus)(?:\\s|$)");
    private static final Set<String> CONTINUATIONS = Set.of("because", "but", "so", "and", "or", "which", "that",
            "then", "also", "e.g.", "i.e.", "etc", "etc.");
    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "cannot", "doesn", "don",
            "isn", "aren", "won", "can t", "nor");

    private final NotesIndex index;
    private final QuestionFactory factory;
    private final Emitter out;

    GroupComparisons(NotesIndex index, QuestionFactory factory, Emitter out) {
        this.index = index;
        this.factory = factory;
        this.out = out;
    }

    void generate() {
        if (!index.english) {
            return;
        }
        for (TopicNode parent : index.tree.nodes()) {
            List<TopicNode> groups = parent.children().stream().filter(GroupComparisons::isGroup).toList();
            if (groups.size() < 2 || groups.size() > 12 || !parallel(parent, groups)) {
                continue;
            }
            int asked = 0;
            for (TopicNode group : groups) {
                if (asked < PER_PARENT && ask(parent, group, groups)) {
                    asked++;
                }
            }
        }
    }

    /**
     * Whether the bullets name things of one kind, to be told apart: they share a last word ("Master node (leader
     * node)", "Core node"), or are short names under a plural heading ("Organelles"). "Distributed processing
     * system" beside "Example use cases" are remarks on Spark.
     */
    private static boolean parallel(TopicNode parent, List<TopicNode> groups) {
        List<String> names = groups.stream().map(g -> g.text().replaceAll("\\s*\\([^()]{0,60}\\)", "").strip()).toList();
        if (VERSUS.matcher(parent.text()).find()) {
            // "HBase vs. DynamoDB" is asked side against side already (ScenarioQuestions).
            return false;
        }
        return MatchingQuestions.alike(parent, names);
    }

    /** A bullet with two to eight lines of its own under it, each a leaf. */
    private static boolean isGroup(TopicNode node) {
        if (node.kind() != NodeKind.LIST_LEAD_IN && node.kind() != NodeKind.LIST_ITEM && node.kind() != NodeKind.NOTE) {
            return false;
        }
        List<TopicNode> lines = node.children();
        String name = node.text().strip();
        // A thing's name as the notes write it, "Prokaryotic cells" or "HBase": "distributed processing system" or
        // "optimized for OLAP" under a heading describes the heading, and has no siblings to be told apart from.
        if (lines.size() < 2 || lines.size() > 8 || name.length() > 40 || name.isEmpty()
                || !Character.isUpperCase(name.codePointAt(0)) || name.endsWith(":") || name.endsWith("?")) {
            return false;
        }
        int words = 0;
        for (TopicNode c : lines) {
            // "m4.large if < 50 nodes" is shorthand whose truth for a sibling the notes leave open.
            if (!c.children().isEmpty() || c.text().length() > MAX_LINE || c.text().indexOf('<') >= 0
                    || c.text().indexOf('>') >= 0 || !(c.kind() == NodeKind.LIST_ITEM
                    || c.kind() == NodeKind.STATEMENT || c.kind() == NodeKind.NOTE)) {
                return false;
            }
            words += c.text().strip().split("\\s+").length;
        }
        return words >= MIN_MEAN_WORDS * lines.size();
    }

    private boolean ask(TopicNode parent, TopicNode group, List<TopicNode> groups) {
        String name = group.text().strip();
        List<String> names = groups.stream().map(g -> g.text().strip()).toList();
        // A line naming its own thing or a sibling ("Lambda is stateless") tells which it belongs to.
        List<String> keys = usable(group, names);
        if (keys.size() < 2) {
            return false;
        }
        List<String> others = new ArrayList<>();
        for (TopicNode g : groups) {
            if (g != group) {
                for (String line : usable(g, names)) {
                    // Never a wrong option a careful reader could defend: what a sibling shares with this group.
                    if (keys.stream().noneMatch(k -> alike(k, line)) && others.stream().noneMatch(o -> alike(o, line))) {
                        others.add(line);
                    }
                }
            }
        }
        if (others.size() < 2) {
            return false;
        }
        Random random = factory.random(ScenarioQuestions.COMPARISON, "group:" + name, group.text());
        List<String> right = new ArrayList<>(keys);
        Collections.shuffle(right, random);
        right = right.subList(0, 2);
        List<String> wrong = new ArrayList<>(others);
        Collections.shuffle(wrong, random);
        wrong = wrong.subList(0, 2);
        String prompt = "Which two of these are true of " + subject(name) + "? (Choose two.)";
        StringBuilder explanation = new StringBuilder(name).append(": ").append(String.join("; ", keys));
        for (TopicNode g : groups) {
            List<String> lines = g.children().stream().map(c -> c.text().strip()).filter(t -> !t.isEmpty())
                    .map(GroupComparisons::capitalised).toList();
            if (g != group && lines.stream().anyMatch(wrong::contains)) {
                explanation.append(". ").append(g.text().strip()).append(": ").append(String.join("; ", lines));
            }
        }
        out.add(group, factory.multipleResponse(ScenarioQuestions.COMPARISON, "group:" + name, prompt, right, wrong,
                explanation.toString(), new Source(group.line(), group.text(), group.path()),
                index.topicOf(group.path())));
        return true;
    }

    private static List<String> usable(TopicNode group, List<String> names) {
        List<String> lines = new ArrayList<>();
        for (TopicNode c : group.children()) {
            String text = c.text().strip();
            String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            // "Because core nodes store data themselves" goes on from the line before it: no option on its own.
            if (!text.isEmpty() && !CONTINUATIONS.contains(first)
                    && names.stream().noneMatch(n -> names(text, n))) {
                lines.add(capitalised(text));
            }
        }
        return lines;
    }

    /** A line as an option reads it: "no nucleus" is offered as "No nucleus". */
    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Whether a line names a thing, in the singular or plural: "core nodes" names "Core node". */
    private static boolean names(String text, String name) {
        String bare = name.replaceAll("\\s*\\([^()]{0,60}\\)", "").strip();
        String w = NotesIndex.words(text);
        String n = NotesIndex.words(bare).stripTrailing();
        return NotesIndex.mentions(text, name) || w.contains(n + " ") || w.contains(n + "s ")
                || w.contains(n + "es ");
    }

    /**
     * Two lines a reader could take for one fact: the words of one hold all of the other's, with the same numbers and
     * the same "no" or "not". "Have a nucleus" and "No nucleus", or two ranges of micrometres, are the contrast the
     * question asks about; "Managed service" and "Fully managed service" are one claim.
     */
    static boolean alike(String a, String b) {
        if (NotesIndex.norm(a).equals(NotesIndex.norm(b))) {
            return true;
        }
        Set<String> x = content(a);
        Set<String> y = content(b);
        if (x.isEmpty() || y.isEmpty() || negated(a) != negated(b) || !digits(a).equals(digits(b))) {
            return false;
        }
        return x.containsAll(y) || y.containsAll(x);
    }

    private static boolean negated(String text) {
        String w = NotesIndex.words(text);
        return NEGATIONS.stream().anyMatch(n -> w.contains(" " + n + " "));
    }

    private static List<String> digits(String text) {
        List<String> numbers = new ArrayList<>();
        for (String w : NotesIndex.words(text).strip().split(" ")) {
            if (!w.isEmpty() && w.chars().anyMatch(Character::isDigit)) {
                numbers.add(w);
            }
        }
        return numbers;
    }

    private static Set<String> content(String text) {
        Set<String> words = new HashSet<>();
        for (String w : NotesIndex.words(text).strip().split(" ")) {
            if (!w.isEmpty() && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                words.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return words;
    }

    /**
     * "prokaryotic cells", "mitochondria", "the nucleus", "the core node": a plain capitalised word is lower-cased
     * inside the sentence, and a name ending in a singular noun takes "the"; "HBase" stays as it is.
     */
    private static String subject(String name) {
        String first = name.split("\\s+", 2)[0];
        boolean plain = first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
        String s = plain ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
        if (plain) {
            String bare = s.replaceAll("\\s*\\([^()]{0,60}\\)", "").strip().toLowerCase(Locale.ROOT);
            String w = bare.substring(bare.lastIndexOf(' ') + 1);
            boolean singular = w.endsWith("us") || w.endsWith("ss") || w.endsWith("is")
                    || !(w.endsWith("s") || w.endsWith("a") || w.endsWith("i") || w.endsWith("ae"));
            return singular ? "the " + s : s;
        }
        return s;
    }
}
