package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Picks wrong options: closest tier first (e.g. sibling lists before unrelated ones), within a tier those of similar
 * length to the answer, never two that read the same once case and punctuation are ignored.
 */
final class DistractorPicker {

    private DistractorPicker() {
    }

    static List<String> pick(String answer, List<List<String>> tiers, Predicate<String> allowed, int count,
                             Random random) {
        Set<String> used = new HashSet<>();
        used.add(NotesIndex.norm(answer));
        List<String> out = new ArrayList<>();
        for (List<String> tier : tiers) {
            List<String> shuffled = new ArrayList<>(tier);
            Collections.shuffle(shuffled, random);
            shuffled.sort((a, b) -> Integer.compare(lengthGap(answer, a), lengthGap(answer, b)));
            for (String c : shuffled) {
                if (out.size() == count) {
                    return out;
                }
                String n = NotesIndex.norm(c);
                if (n.isEmpty() || used.contains(n) || !similarLength(answer, c)
                        || !out.stream().allMatch(o -> similarLength(o, c)) || !allowed.test(c)) {
                    continue;
                }
                used.add(n);
                out.add(c);
            }
        }
        return out;
    }

    /** Coarse buckets so that shuffling still decides among options of roughly equal length. */
    private static int lengthGap(String a, String b) {
        double ratio = (double) Math.max(a.length(), b.length()) / Math.max(1, Math.min(a.length(), b.length()));
        return ratio <= 1.6 ? 0 : ratio <= 2.5 ? 1 : 2;
    }

    static boolean similarLength(String a, String b) {
        int x = Math.min(a.length(), b.length());
        int y = Math.max(a.length(), b.length());
        return y <= 3 * x + 8;
    }
}
