package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Recognises flashcard, glossary and cloze syntax on a single line. */
public final class CardSyntax {

  private static final Set<String> GLOSSARY_EXCLUDED =
      Set.of(
          "note",
          "notes",
          "tip",
          "example",
          "examples",
          "warning",
          "important",
          "see",
          "source",
          "e.g",
          "i.e",
          "todo",
          "nb",
          "http",
          "https",
          "ps",
          "edit");

  private CardSyntax() {}

  /** The recognised card, if the line is written in one of the card syntaxes. */
  public sealed interface Card permits DefinitionCard, ClozeCard {}

  public record DefinitionCard(Definition definition) implements Card {}

  public record ClozeCard(Cloze cloze) implements Card {}

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

  /**
   * Anki's {{c1::answer::hint}}, plain {{answer}} and highlighted ==answer== deletions. A scanner
   * rather than a regular expression: a line of "{{c1::" repeated without a closing "}}" made the
   * expression backtrack for seconds; here every character is looked at a bounded number of times.
   */
  static Optional<Cloze> cloze(String text) {
    StringBuilder plain = new StringBuilder();
    List<Cloze.Blank> blanks = new ArrayList<>();
    int last = 0;
    int i = 0;
    boolean noCloseAhead = false;
    while (i < text.length() - 1 && blanks.size() < MAX_BLANKS) {
      int end = -1;
      String hidden = null;
      if (text.startsWith("{{", i)) {
        int answer = ankiAnswerStart(text, i + 2);
        if (answer > 0 && !noCloseAhead) {
          int close = text.indexOf("}}", answer + 1);
          if (close < 0) {
            noCloseAhead = true;
          } else {
            String content = text.substring(answer, close);
            int hint = content.indexOf("::", 1);
            hidden =
                hint > 0 && content.indexOf('}', hint) < 0 ? content.substring(0, hint) : content;
            end = close + 2;
          }
        } else if (answer < 0) {
          int j = i + 2;
          while (j < text.length() && text.charAt(j) != '{' && text.charAt(j) != '}') {
            j++;
          }
          if (j > i + 2 && text.charAt(i + 2) != ':' && text.startsWith("}}", j)) {
            hidden = text.substring(i + 2, j);
            end = j + 2;
          }
        }
      } else if (text.startsWith("==", i)) {
        int j = text.indexOf('=', i + 2);
        if (j > i + 2
            && text.startsWith("==", j)
            && !Character.isWhitespace(text.charAt(i + 2))
            && !Character.isWhitespace(text.charAt(j - 1))) {
          hidden = text.substring(i + 2, j);
          end = j + 2;
        }
      }
      if (hidden == null) {
        i++;
        continue;
      }
      plain.append(text, last, i);
      int start = plain.length();
      plain.append(hidden.strip());
      if (hasWordCharacter(hidden)) {
        blanks.add(new Cloze.Blank(start, plain.length()));
      }
      last = end;
      i = end;
    }
    if (blanks.isEmpty()) {
      return Optional.empty();
    }
    plain.append(text.substring(last));
    return Optional.of(new Cloze(plain.toString(), blanks));
  }

  /**
   * Deletions read from one line; a card with more is no card a person wrote, and each costs a
   * question.
   */
  static final int MAX_BLANKS = 20;

  /**
   * Where the answer of an Anki deletion starts ("{{c12::" is followed by it), or -1 when this is
   * not one.
   */
  private static int ankiAnswerStart(String text, int at) {
    if (at >= text.length() || text.charAt(at) != 'c') {
      return -1;
    }
    int j = at + 1;
    while (j < text.length() && Character.isDigit(text.charAt(j)) && j - at <= 6) {
      j++;
    }
    return j > at + 1 && text.startsWith("::", j) ? j + 2 : -1;
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
      d = labelledQuestion(text);
    }
    if (d.isEmpty()) {
      d = questionThenAnswer(text);
    }
    if (d.isEmpty()) {
      d = glossary(text);
    }
    // Beside the colon, a definition needs a description after its separator: "HDFS -> HBase" is a
    // flow and
    // "Pig - AWS Integration" or "Instance types - 1" a heading, not a term and its meaning.
    for (String separator : ARROWS) {
      if (d.isEmpty()) {
        d = split(text, separator, CardStyle.GLOSSARY).filter(x -> shortTerm(x) && describes(x, 3));
      }
    }
    if (d.isEmpty()) {
      d =
          split(text, " - ", CardStyle.GLOSSARY)
              .filter(
                  x ->
                      shortTerm(x)
                          && describes(x, 4)
                          && Character.isLowerCase(x.definition().charAt(0)));
    }
    return d;
  }

  /** Separators of "term → definition" lines besides the colon. */
  private static final List<String> ARROWS = List.of(" -> ", " → ", " => ", " = ", " — ", " – ");

  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are",
          "was", "were", "does", "do", "did", "can", "could", "should", "name", "define", "list",
          "give");

  /** A description of at least {@code words} words that is not itself a name. */
  private static boolean describes(Definition d, int words) {
    BulletShape definition = BulletShape.of(d.definition());
    return definition.wordCount() >= words && !definition.isNameLike();
  }

  private static boolean shortTerm(Definition d) {
    String term = d.term().strip();
    return BulletShape.of(term).wordCount() <= 5
        && !Character.isDigit(term.charAt(term.length() - 1));
  }

  /**
   * "Q: What is osmosis? A: the diffusion of water" (two lines "Q:" and "A:" are joined before
   * reading).
   */
  private static Optional<Definition> labelledQuestion(String text) {
    // ASCII letters only: "İstanbul" lower-cased is longer than itself, and the indices below cut
    // the original.
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      folded.append(ch < 128 ? Character.toLowerCase(ch) : ch);
    }
    String lower = folded.toString();
    int q = lower.startsWith("q:") ? 2 : lower.startsWith("question:") ? 9 : -1;
    if (q < 0) {
      return Optional.empty();
    }
    int a = lower.indexOf(" a:", q);
    int length = 3;
    if (a < 0) {
      a = lower.indexOf(" answer:", q);
      length = 8;
    }
    if (a < 0) {
      return Optional.empty();
    }
    String question = text.substring(q, a).strip();
    String answer = text.substring(a + length).strip();
    if (!hasWordCharacter(question) || !hasWordCharacter(answer)) {
      return Optional.empty();
    }
    return Optional.of(new Definition(question, answer, CardStyle.QUESTION_ANSWER));
  }

  /** "What does a ribosome build? Proteins": a question, then its answer on the same line. */
  private static Optional<Definition> questionThenAnswer(String text) {
    int mark = text.indexOf("? ");
    if (mark <= 0) {
      return Optional.empty();
    }
    String question = text.substring(0, mark + 1).strip();
    String answer = text.substring(mark + 2).strip();
    int space = question.indexOf(' ');
    String first = (space < 0 ? question : question.substring(0, space)).toLowerCase(Locale.ROOT);
    if (!QUESTION_WORDS.contains(first)
        || !hasWordCharacter(answer)
        || answer.contains("?")
        || BulletShape.of(answer).wordCount() > 15) {
      return Optional.empty();
    }
    return Optional.of(new Definition(question, answer, CardStyle.QUESTION_ANSWER));
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

  /**
   * {@code term: definition}, where the term is short and the line is not a URL, time or a remark
   * label.
   */
  private static Optional<Definition> glossary(String text) {
    int at = text.indexOf(':');
    if (at <= 0
        || at == text.length() - 1
        || text.charAt(at + 1) == '/'
        || text.charAt(at + 1) == ':') {
      return Optional.empty();
    }
    String term = text.substring(0, at).strip();
    String def = text.substring(at + 1).strip();
    if (!hasWordCharacter(term)
        || !hasWordCharacter(def)
        || term.length() > 60
        || !Character.isWhitespace(text.charAt(at + 1))) {
      return Optional.empty();
    }
    if (BulletShape.of(term).wordCount() > 5
        || Character.isDigit(def.charAt(0)) && Character.isDigit(term.charAt(term.length() - 1))) {
      return Optional.empty();
    }
    if (GLOSSARY_EXCLUDED.contains(term.toLowerCase(Locale.ROOT).replace(".", "").strip())
        || term.endsWith(".")
        || term.contains("(") != term.contains(")")) {
      return Optional.empty();
    }
    return Optional.of(new Definition(term, def, CardStyle.GLOSSARY));
  }
}
