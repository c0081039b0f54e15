package org.quizhall.deck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quizhall.problem.Problem;

/**
 * Whether an answer to a question is right: the choice that is correct, a typed text that matches,
 * or the whole of a multiple response, ordering or matching answer. {@link #credit} also gives the
 * partial credit practice shows.
 */
public final class Judge {

  public static final int MAX_TYPED_ANSWER = 200;

  private Judge() {}

  /**
   * Whether the whole answer is right.
   *
   * @throws Problem when the answer does not fit the question (a text for a choice, an option out
   *     of range, …)
   */
  public static boolean correct(Question question, Response response) {
    return credit(question, response) >= 1.0;
  }

  /**
   * @see #correct(Question, Response)
   */
  public static boolean correct(Question question, Integer choice, String text) {
    return correct(question, new Response(choice, text, null));
  }

  /**
   * How much of the answer is right, from 0 to 1: for multiple response the share of the picks that
   * are right (there are exactly as many picks as right options); for ordering the share of items
   * in their place; for matching the share of pairs right.
   *
   * @throws Problem when the answer does not fit the question
   */
  public static double credit(Question question, Response response) {
    return switch (question.type()) {
      case TYPED -> typed(question, response) ? 1 : 0;
      case MULTIPLE_CHOICE, TRUE_FALSE -> choice(question, response) == question.correct() ? 1 : 0;
      case MULTIPLE_RESPONSE -> multipleResponse(question, response);
      case ORDERING, MATCHING -> arrangement(question, response);
    };
  }

  private static boolean typed(Question question, Response response) {
    String text = response.text();
    if (response.choice() != null || response.choices() != null || text == null || text.isBlank()) {
      throw Problem.invalid("invalid_answer", "This question takes a typed answer in \"text\".");
    }
    if (text.length() > MAX_TYPED_ANSWER) {
      throw Problem.invalid(
          "invalid_answer", "A typed answer is at most " + MAX_TYPED_ANSWER + " characters.");
    }
    return AnswerMatcher.matches(text, question.accepted());
  }

  private static int choice(Question question, Response response) {
    Integer choice = response.choice();
    if (choice == null || response.text() != null || response.choices() != null) {
      throw Problem.invalid(
          "invalid_answer", "This question takes the index of an option in \"choice\".");
    }
    if (choice < 0 || choice >= question.options().size()) {
      throw Problem.invalid(
          "invalid_choice",
          "choice must be between 0 and " + (question.options().size() - 1) + ".");
    }
    return choice;
  }

  private static double multipleResponse(Question question, Response response) {
    List<Integer> choices = choices(question, response, question.options().size());
    int wanted = question.keys().size();
    if (choices.size() != wanted) {
      throw Problem.invalid("invalid_choice", "Choose exactly " + wanted + " options.");
    }
    int right = 0;
    for (int c : choices) {
      if (question.keys().contains(c)) {
        right++;
      }
    }
    return right / (double) wanted;
  }

  private static double arrangement(Question question, Response response) {
    List<Integer> key = question.keyChoices();
    List<Integer> choices = choices(question, response, key.size());
    if (choices.size() != key.size()) {
      throw Problem.invalid(
          "invalid_choice",
          question.type() == QuestionType.ORDERING
              ? "Put all " + key.size() + " items in order, each once."
              : "Match all " + key.size() + " terms, each to a different match.");
    }
    int right = 0;
    for (int i = 0; i < key.size(); i++) {
      if (choices.get(i).equals(key.get(i))) {
        right++;
      }
    }
    return right / (double) key.size();
  }

  /** The answer's indices: given, distinct and in range. */
  private static List<Integer> choices(Question question, Response response, int size) {
    List<Integer> choices = response.choices();
    if (choices == null || response.choice() != null || response.text() != null) {
      throw Problem.invalid(
          "invalid_answer", "This question takes a list of indices in \"choices\".");
    }
    Set<Integer> seen = new HashSet<>();
    for (int c : choices) {
      if (c < 0 || c >= size) {
        throw Problem.invalid(
            "invalid_choice", "choices must be between 0 and " + (size - 1) + ".");
      }
      if (!seen.add(c)) {
        throw Problem.invalid("invalid_choice", "choices must not repeat an index.");
      }
    }
    return choices;
  }
}
