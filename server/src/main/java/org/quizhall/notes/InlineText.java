package org.quizhall.notes;

import java.util.regex.Pattern;

/**
 * Strips inline Markdown emphasis, code and link syntax, keeping cloze markup intact. Angle-bracket
 * text such as {@code <img>} is kept: in study notes it is usually the subject (notes about HTML),
 * and every client shows notes as text, never as markup.
 */
final class InlineText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*\\S)?)\\*(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]]\\s+");

    private InlineText() {
    }

    static String plain(String s) {
        if (!hasMarkup(s)) {
            return collapseSpaces(s);
        }
        String t = TASK_BOX.matcher(s.strip()).replaceFirst("");
        t = IMAGE.matcher(t).replaceAll("$1");
        t = LINK.matcher(t).replaceAll("$1");
        t = STRONG.matcher(t).replaceAll("$2");
        t = EMPHASIS.matcher(t).replaceAll("$1");
        t = CODE.matcher(t).replaceAll("$1");
        return collapseSpaces(t);
    }

    private static boolean hasMarkup(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*_[`!".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
    }
}
