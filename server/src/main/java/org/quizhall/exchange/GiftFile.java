package org.quizhall.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizhall.deck.DeckQuestion;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionType;

/**
 * A deck in Moodle's GIFT format (docs.moodle.org/en/GIFT_format), laid out as Moodle's own GIFT
 * export lays it out: each topic a {@code $CATEGORY} under the deck's title, each question named by
 * the start of its prompt, its text marked {@code [plain]} (Quizhall's questions are plain text,
 * never HTML), one answer per line, the explanation as general feedback ({@code ####}). Multiple
 * choice is {@code =right ~wrong}; true/false {@code {T}} or {@code {F}}; typed is a short answer
 * of every accepted answer; multiple response weighs each right option an equal share of 100% and
 * each wrong one −100%, so ticking everything scores nothing. GIFT has no ordering type: an
 * ordering becomes a matching of each place (1, 2, …) with the item that belongs there, which
 * Moodle scores place by place as Quizhall gives partial credit, with a comment line saying so.
 * Only questions a round may ask are written: hidden ones and those waiting for review are left
 * out, and a comment line counts them.
 */
public final class GiftFile {

  private static final int TITLE_MAX = 60;

  private GiftFile() {}

  public static String write(String deckTitle, List<DeckQuestion> rows) {
    List<Question> asked =
        rows.stream().filter(DeckQuestion::playable).map(DeckQuestion::question).toList();
    StringBuilder out = new StringBuilder();
    out.append("// ")
        .append(oneLine(deckTitle))
        .append(": ")
        .append(count(asked.size(), "question"))
        .append(" from Quizhall\n");
    int left = rows.size() - asked.size();
    if (left > 0) {
      out.append("// ")
          .append(count(left, "question"))
          .append(" hidden or waiting for review ")
          .append(left == 1 ? "is" : "are")
          .append(" left out\n");
    }
    Map<String, List<Question>> byTopic = new LinkedHashMap<>();
    for (Question q : asked) {
      byTopic.computeIfAbsent(q.topic() == null ? "" : q.topic(), t -> new ArrayList<>()).add(q);
    }
    for (Map.Entry<String, List<Question>> topic : byTopic.entrySet()) {
      out.append("\n$CATEGORY: ").append(category(deckTitle));
      if (!topic.getKey().isBlank()) {
        out.append('/').append(category(topic.getKey()));
      }
      out.append("\n");
      for (Question q : topic.getValue()) {
        out.append('\n').append(question(q));
      }
    }
    return out.toString();
  }

  /** One question, ending with a line break; a blank line must come between two. */
  static String question(Question q) {
    StringBuilder out = new StringBuilder();
    if (q.type() == QuestionType.ORDERING) {
      out.append(
          "// Ordering: GIFT has no ordering type, so each place is matched with the item that belongs there\n");
    }
    out.append("::")
        .append(escape(title(q.prompt())))
        .append("::[plain]")
        .append(escape(q.prompt()))
        .append(' ');
    switch (q.type()) {
      case TRUE_FALSE -> {
        // One line, as Moodle writes it: {T} or {F}, with the explanation after ####.
        out.append('{').append(q.correct() == 0 ? 'T' : 'F');
        if (!q.explanation().isBlank()) {
          out.append("####").append(escape(q.explanation()));
        }
        return out.append("}\n").toString();
      }
      case MULTIPLE_CHOICE -> {
        out.append("{\n");
        for (int i = 0; i < q.options().size(); i++) {
          out.append('\t')
              .append(i == q.correct() ? '=' : '~')
              .append(escape(q.options().get(i)))
              .append('\n');
        }
      }
      case MULTIPLE_RESPONSE -> {
        out.append("{\n");
        String share = weight(q.keys().size());
        for (int i = 0; i < q.options().size(); i++) {
          out.append("\t~%")
              .append(q.keys().contains(i) ? share : "-100")
              .append('%')
              .append(escape(q.options().get(i)))
              .append('\n');
        }
      }
      case TYPED -> {
        out.append("{\n");
        for (String accepted : q.accepted()) {
          out.append("\t=").append(escape(accepted)).append('\n');
        }
      }
      case MATCHING -> {
        out.append("{\n");
        for (int i = 0; i < q.options().size(); i++) {
          out.append("\t=")
              .append(escape(left(q.options().get(i))))
              .append(" -> ")
              .append(escape(q.matches().get(i)))
              .append('\n');
        }
      }
      case ORDERING -> {
        out.append("{\n");
        for (int i = 0; i < q.options().size(); i++) {
          out.append("\t=")
              .append(i + 1)
              .append(" -> ")
              .append(escape(q.options().get(i)))
              .append('\n');
        }
      }
    }
    if (!q.explanation().isBlank()) {
      out.append("\t####").append(escape(q.explanation())).append('\n');
    }
    return out.append("}\n").toString();
  }

  /**
   * Text as GIFT reads it back: its special characters {@code ~ = # { } :} and the backslash
   * escaped with a backslash, line breaks as {@code \n}, exactly as Moodle's own export escapes
   * them.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> {}
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Each right option's share of 100%, in the decimals Moodle's own grades have (33.33333 for a
   * third).
   */
  static String weight(int right) {
    return new BigDecimal(100)
        .divide(new BigDecimal(right), 5, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * A matching's term: Moodle splits a pair at its first "->", which no escape protects, so the
   * term shows "→".
   */
  private static String left(String term) {
    return term.replace("->", "→");
  }

  /** The name Moodle lists a question by: its prompt, cut at a word near 60 characters. */
  static String title(String prompt) {
    String p = oneLine(prompt);
    if (p.length() <= TITLE_MAX) {
      return p;
    }
    int cut = p.lastIndexOf(' ', TITLE_MAX);
    return p.substring(0, cut > TITLE_MAX / 2 ? cut : TITLE_MAX).strip() + "…";
  }

  /**
   * A category name: Moodle reads a category line as it stands, so nothing is escaped, but a "/" in
   * it nests categories unless doubled.
   */
  private static String category(String name) {
    return oneLine(name).replace("/", "//");
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
