package org.quizhall.notes;

import java.util.regex.Pattern;

/** Strips inline Markdown emphasis, code and link syntax, keeping cloze markup intact. */
final class InlineText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*\\S)?)\\*(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]]\\s+");

    private InlineText() {
    }

    static String plain(String s) {
        String t = TASK_BOX.matcher(s.strip()).replaceFirst("");
        t = IMAGE.matcher(t).replaceAll("$1");
        t = LINK.matcher(t).replaceAll("$1");
        t = STRONG.matcher(t).replaceAll("$2");
        t = EMPHASIS.matcher(t).replaceAll("$1");
        t = CODE.matcher(t).replaceAll("$1");
        t = HTML_TAG.matcher(t).replaceAll("");
        return t.replaceAll("\\s+", " ").strip();
    }
}
