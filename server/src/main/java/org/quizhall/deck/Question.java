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

    /**
     * Where the question sits in the notes, shown above its prompt: the headings of its source line, cut before the
     * first one that names an answer, so that the context never gives the key away.
     */
    public List<String> context() {
        List<String> keys = type == QuestionType.TYPED ? accepted : List.of(answer());
        List<String> shown = new java.util.ArrayList<>();
        for (String heading : source.path()) {
            if (type != QuestionType.TRUE_FALSE && keys.stream()
                    .anyMatch(k -> NotesIndex.mentions(heading, k) || NotesIndex.mentions(k, heading))) {
                break;
            }
            shown.add(heading);
        }
        return List.copyOf(shown);
    }

    /** The topic as shown before answering: none when it names the answer, as a "which topic" question's does. */
    public String topicBeforeAnswer() {
        List<String> keys = type == QuestionType.TYPED ? accepted : List.of(answer());
        return topic != null && keys.stream().anyMatch(k -> NotesIndex.mentions(topic, k) || NotesIndex.mentions(k, topic))
                ? null : topic;
    }

    /** The correct answer as shown to players. */
    public String answer() {
        return type == QuestionType.TYPED ? accepted.get(0) : options.get(correct);
    }
}
