package org.quizhall.deck;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Judges typed answers: case, whitespace and punctuation are ignored, and answers of six or more characters
 * tolerate one typo (an insertion, deletion, substitution or swap of adjacent characters).
 */
public final class AnswerMatcher {

    private static final int TYPO_MIN_LENGTH = 6;

    private AnswerMatcher() {
    }

    public static boolean matches(String typed, List<String> accepted) {
        if (typed == null || accepted == null) {
            return false;
        }
        String t = normalize(typed);
        if (t.isEmpty()) {
            return false;
        }
        for (String a : accepted) {
            String n = normalize(a);
            if (n.isEmpty()) {
                continue;
            }
            if (n.equals(t) || n.length() >= TYPO_MIN_LENGTH && withinOneEdit(t, n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower case letters and digits only, accents folded. "#" and "+" are kept because they tell C# and C++ from C.
     */
    public static String normalize(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '#' || c == '+') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Optimal string alignment distance of at most one. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == a.length() && i == b.length()) {
            return true;
        }
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
                : a.substring(i).equals(b.substring(i + 1));
    }
}
