package org.quizhall.deck;

import org.quizhall.problem.Problem;

/** Whether an answer to a question is right: the choice that is correct, or a typed text that matches. */
public final class Judge {

  public static final int MAX_TYPED_ANSWER = 200;

  private Judge() {}

  /**
   * @param choice the index of an option, for multiple choice and true/false
   * @param text the typed answer, for typed questions
   * @throws Problem when the answer does not fit the question (a text for a choice, an option out of range)
   */
  public static boolean correct(Question question, Integer choice, String text) {
    if (question.type() == QuestionType.TYPED) {
      if (choice != null || text == null || text.isBlank()) {
        throw Problem.invalid("invalid_answer", "This question takes a typed answer in \"text\".");
      }
      if (text.length() > MAX_TYPED_ANSWER) {
        throw Problem.invalid("invalid_answer", "A typed answer is at most " + MAX_TYPED_ANSWER + " characters.");
      }
      return AnswerMatcher.matches(text, question.accepted());
    }
    if (choice == null || text != null) {
      throw Problem.invalid("invalid_answer", "This question takes the index of an option in \"choice\".");
    }
    if (choice < 0 || choice >= question.options().size()) {
      throw Problem.invalid("invalid_choice", "choice must be between 0 and " + (question.options().size() - 1) + ".");
    }
    return choice == question.correct();
  }
}
