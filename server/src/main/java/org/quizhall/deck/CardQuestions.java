package org.quizhall.deck;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Questions from flashcards as Quizlet and Anki export them, a front and a back each: one question
 * per card. A term card ("Mitochondrion" / "the organelle that releases energy") is asked from its
 * back, "Which term means “the organelle that releases energy”?", among the fronts of other term
 * cards, which are the same sort of thing as the key; a card whose front is a question ("What is
 * the capital of France?" / "Paris") is asked as written, among the backs of the other question
 * cards. With fewer than four cards, or no two fair options for a card, it is asked as a typed
 * question instead.
 */
public final class CardQuestions {

  /**
   * A card's questions are what the generator makes of a glossary line, and rooms offer them as
   * such.
   */
  public static final String KIND = DefinitionQuestions.KIND;

  /** Three wrong options need three other cards. */
  static final int MIN_FOR_CHOICES = 4;

  private static final String TERM_PROMPT = "Which term means “%s”?";

  /** One card of a file, with the row it was read from. */
  public record Card(int row, String front, String back) {}

  private CardQuestions() {}

  /**
   * The cards as questions in the owner's shape, in file order, to be checked like questions
   * written by hand.
   *
   * @throws org.quizhall.problem.Problem 400 {@code invalid_row} for the first card that cannot be
   *     asked
   */
  public static List<QuestionRow> questions(List<Card> cards) {
    List<Card> clean = new ArrayList<>(cards.size());
    for (Card card : cards) {
      Card c = new Card(card.row(), oneLine(card.front()), oneLine(card.back()));
      if (c.front().isEmpty() || c.back().isEmpty()) {
        throw QuestionRow.invalid(c.row(), "a card needs a front and a back.");
      }
      clean.add(c);
    }
    Random random = new Random(seed(clean));
    boolean choices = clean.size() >= MIN_FOR_CHOICES;
    List<Asked> asked = clean.stream().map(Asked::of).toList();
    List<QuestionRow> out = new ArrayList<>(clean.size());
    for (Asked a : asked) {
      Card card = a.card();
      if (a.key().length() > QuestionDraft.OPTION_MAX) {
        throw QuestionRow.invalid(
            card.row(),
            "the "
                + (a.question() ? "back" : "front")
                + " is the answer, and an"
                + " answer is at most "
                + QuestionDraft.OPTION_MAX
                + " characters.");
      }
      if (a.prompt().length() > QuestionDraft.PROMPT_MAX) {
        int room =
            a.question()
                ? QuestionDraft.PROMPT_MAX
                : QuestionDraft.PROMPT_MAX - TERM_PROMPT.length() + 2;
        throw QuestionRow.invalid(
            card.row(),
            "the "
                + (a.question() ? "front" : "back")
                + " is asked, and is at"
                + " most "
                + room
                + " characters.");
      }
      List<String> wrong = choices ? distractors(a, asked, kinds(asked), random) : List.of();
      JsonObject question =
          new JsonObject()
              .put("kind", KIND)
              .put("prompt", a.prompt())
              .put("explanation", card.front() + " — " + card.back());
      if (wrong.size() >= 2) {
        List<String> options = new ArrayList<>(wrong);
        options.add(a.key());
        Collections.shuffle(options, random);
        question
            .put("type", QuestionType.MULTIPLE_CHOICE.jsonName())
            .put("options", new JsonArray(options))
            .put("correct", options.indexOf(a.key()));
      } else {
        question
            .put("type", QuestionType.TYPED.jsonName())
            .put("accepted", new JsonArray().add(a.key()));
      }
      out.add(new QuestionRow(card.row(), question, false));
    }
    return out;
  }

  /**
   * How a card is asked, worked out once per card since every other card looks at it for options.
   *
   * @param question whether its front is a question, asked as written; else it is a term asked from
   *     its back
   * @param key the answer: the back of a question, the front of a term
   * @param asks what it asks, normalised: two cards that ask the same thing cannot be each other's
   *     wrong option
   * @param form the key's {@link #formOf}
   * @param kind what a term card's back says it is ({@link #kindOf})
   */
  private record Asked(
      Card card,
      boolean question,
      String prompt,
      String key,
      String asks,
      String form,
      String kind) {

    static Asked of(Card card) {
      boolean question = isQuestion(card.front());
      String key = question ? card.back() : card.front();
      String prompt = question ? card.front() : TERM_PROMPT.formatted(withoutFullStop(card.back()));
      return new Asked(
          card,
          question,
          prompt,
          key,
          AnswerMatcher.normalize(question ? card.front() : card.back()),
          formOf(key),
          kindOf(question, card.back()));
    }
  }

  /**
   * Wrong options for one card from the cards asked the same way: the fronts of term cards, or the
   * answers of question cards, those of the key's form first. A card that asks the same as this one
   * offers no option (both would be right), nor does one the prompt names.
   */
  private static List<String> distractors(
      Asked self, List<Asked> cards, Set<String> kinds, Random random) {
    List<String> sameKind = new ArrayList<>();
    List<String> noOtherKind = new ArrayList<>();
    List<String> alike = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    String kind = self.kind();
    for (Asked other : cards) {
      if (other == self
          || other.question() != self.question()
          || other.asks().equals(self.asks())
          || other.key().length() > QuestionDraft.OPTION_MAX
          || QuestionRules.isNumber(other.key()) != QuestionRules.isNumber(self.key())) {
        // "100%" or "10:30" is no wrong option for a port number, nor "443" for a name.
        continue;
      }
      if (!other.form().equals(self.form())) {
        rest.add(other.key());
        continue;
      }
      alike.add(other.key());
      String theirs = other.kind();
      if (theirs.equals(kind) && kinds.contains(kind)) {
        sameKind.add(other.key());
      } else if (!kinds.contains(theirs)) {
        noOtherKind.add(other.key());
      }
    }
    // A key of a sort no other card has ("1789" among organelles) gets no options of another sort:
    // it is typed.
    if (alike.size() < 2) {
      return List.of();
    }
    // Cards that say what kind of thing they are ("a device that …") offer each other first, and
    // are not offered
    // among cards of another kind ("Router" beside "Latency") while others are left.
    return DistractorPicker.pick(
        self.key(),
        List.of(sameKind, noOtherKind, alike, rest),
        c -> !NotesIndex.mentions(self.prompt(), c),
        3,
        random);
  }

  /**
   * What a term card's back says it is, roughly: its first two words ("a device", "the organelle").
   */
  private static String kindOf(boolean question, String back) {
    String[] words = back.toLowerCase(java.util.Locale.ROOT).split("\\s+", 3);
    return question || words.length < 2 ? "" : words[0] + " " + words[1];
  }

  /**
   * The kinds at least two term cards share: a kind only one card has says nothing about the
   * others.
   */
  private static Set<String> kinds(List<Asked> cards) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    cards.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    Set<String> out = new java.util.HashSet<>();
    counts.forEach(
        (k, n) -> {
          if (n >= 2 && !k.isEmpty()) {
            out.add(k);
          }
        });
    return out;
  }

  /** A card's front that asks something is asked as it stands. */
  private static boolean isQuestion(String front) {
    return front.endsWith("?");
  }

  /**
   * What sort of answer a text is, roughly: a number, or one word, a short phrase or a longer one,
   * written as a name or not. Options of the key's sort come first, so "1945" is offered beside
   * years and "Paris" beside names.
   */
  private static String formOf(String text) {
    if (text.matches("[\\d.,%:/\\s+-]+")) {
      return "number";
    }
    int words = text.split(" ").length;
    String size = words == 1 ? "word" : words <= 4 ? "phrase" : "sentence";
    return Character.isUpperCase(text.codePointAt(0)) ? size + " name" : size;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }

  /**
   * "A protein that speeds up reactions." is quoted without its full stop, since the question ends
   * it.
   */
  private static String withoutFullStop(String text) {
    return text.endsWith(".") && !text.endsWith("..")
        ? text.substring(0, text.length() - 1).strip()
        : text;
  }

  /** The same file makes the same questions each time it is imported. */
  private static long seed(List<Card> cards) {
    long seed = 1125899906842597L;
    for (Card card : cards) {
      seed = 31 * seed + card.front().hashCode();
      seed = 31 * seed + card.back().hashCode();
    }
    return seed;
  }
}
