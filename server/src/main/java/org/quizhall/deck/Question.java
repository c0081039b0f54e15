package org.quizhall.deck;

import java.util.List;

/**
 * One generated exam question.
 *
 * @param options     choices for multiple choice ("True", "False" for true/false); empty for typed
 * @param correct     index into options; -1 for typed
 * @param accepted    accepted answers for typed questions, judged with {@link AnswerMatcher}; empty otherwise
 * @param explanation the source fact in full, shown after answering
 * @param topic       the top-level topic the question belongs to, for balancing rounds
 */
public record Question(String id, QuestionType type, String kind, String prompt, List<String> options, int correct,
                       List<String> accepted, String explanation, Source source, String topic) {

    public Question {
        options = List.copyOf(options);
        accepted = List.copyOf(accepted);
    }

    /** The correct answer as shown to players. */
    public String answer() {
        return type == QuestionType.TYPED ? accepted.get(0) : options.get(correct);
    }
}
