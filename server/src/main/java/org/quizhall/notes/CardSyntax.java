package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises flashcard, glossary and cloze syntax on a single line. */
public final class CardSyntax {

    private static final Pattern ANKI_CLOZE = Pattern.compile("\\{\\{c\\d+::(.+?)(?:::[^}]*)?}}");
    private static final Pattern PLAIN_CLOZE = Pattern.compile("\\{\\{([^{}:][^{}]*?)}}");
    private static final Pattern HIGHLIGHT_CLOZE = Pattern.compile("==([^=\\s](?:[^=]*[^=\\s])?)==");
    private static final Pattern ANY_CLOZE = Pattern.compile(
            ANKI_CLOZE.pattern() + "|" + PLAIN_CLOZE.pattern() + "|" + HIGHLIGHT_CLOZE.pattern());

    private static final Set<String> GLOSSARY_EXCLUDED = Set.of("note", "notes", "tip", "example", "examples",
            "warning", "important", "see", "source", "e.g", "i.e", "todo", "nb", "http", "https", "ps", "edit");

    private CardSyntax() {
    }

    /** The recognised card, if the line is written in one of the card syntaxes. */
    public sealed interface Card permits DefinitionCard, ClozeCard {
    }

    public record DefinitionCard(Definition definition) implements Card {
    }

    public record ClozeCard(Cloze cloze) implements Card {
    }

    public static Optional<Card> read(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cloze> cloze = cloze(text);
        if (cloze.isPresent()) {
            return Optional.of(new ClozeCard(cloze.get()));
        }
        return definition(text).map(DefinitionCard::new);
    }

    static Optional<Cloze> cloze(String text) {
        Matcher m = ANY_CLOZE.matcher(text);
        StringBuilder plain = new StringBuilder();
        List<Cloze.Blank> blanks = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            String hidden = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            plain.append(text, last, m.start());
            int start = plain.length();
            plain.append(hidden.strip());
            if (hasWordCharacter(hidden)) {
                blanks.add(new Cloze.Blank(start, plain.length()));
            }
            last = m.end();
        }
        if (blanks.isEmpty()) {
            return Optional.empty();
        }
        plain.append(text.substring(last));
        return Optional.of(new Cloze(plain.toString(), blanks));
    }

    static Optional<Definition> definition(String text) {
        Optional<Definition> d = split(text, ":::", CardStyle.TWO_WAY);
        if (d.isEmpty()) {
            d = split(text, "::", CardStyle.ONE_WAY);
        }
        if (d.isEmpty()) {
            d = split(text, ";;", CardStyle.TERM_VALUE);
        }
        if (d.isEmpty()) {
            d = split(text, ">>", CardStyle.QUESTION_ANSWER);
        }
        if (d.isEmpty()) {
            d = glossary(text);
        }
        return d;
    }

    private static Optional<Definition> split(String text, String separator, CardStyle style) {
        int at = text.indexOf(separator);
        if (at <= 0) {
            return Optional.empty();
        }
        String term = text.substring(0, at).strip();
        String def = text.substring(at + separator.length()).strip();
        if (!hasWordCharacter(term) || !hasWordCharacter(def) || def.contains(separator)) {
            return Optional.empty();
        }
        return Optional.of(new Definition(term, def, style));
    }

    /** Cards made only of punctuation cannot be asked or answered. */
    private static boolean hasWordCharacter(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    /** {@code term: definition}, where the term is short and the line is not a URL, time or a remark label. */
    private static Optional<Definition> glossary(String text) {
        int at = text.indexOf(':');
        if (at <= 0 || at == text.length() - 1 || text.charAt(at + 1) == '/' || text.charAt(at + 1) == ':') {
            return Optional.empty();
        }
        String term = text.substring(0, at).strip();
        String def = text.substring(at + 1).strip();
        if (!hasWordCharacter(term) || !hasWordCharacter(def) || term.length() > 60
                || !Character.isWhitespace(text.charAt(at + 1))) {
            return Optional.empty();
        }
        if (BulletShape.of(term).wordCount() > 5 || Character.isDigit(def.charAt(0)) && Character.isDigit(
                term.charAt(term.length() - 1))) {
            return Optional.empty();
        }
        if (GLOSSARY_EXCLUDED.contains(term.toLowerCase(Locale.ROOT).replace(".", "").strip())
                || term.endsWith(".") || term.contains("(") != term.contains(")")) {
            return Optional.empty();
        }
        return Optional.of(new Definition(term, def, CardStyle.GLOSSARY));
    }
}
