package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One generated exam question.
 *
 * @param options choices for multiple choice and multiple response ("True", "False" for
 *     true/false); for ordering the items in their right order; for matching the terms on the left;
 *     empty for typed
 * @param correct index into options for multiple choice and true/false; -1 otherwise
 * @param accepted accepted answers for typed questions, judged with {@link AnswerMatcher}; empty
 *     otherwise
 * @param explanation the source fact in full, shown after answering
 * @param topic the top-level topic the question belongs to, for balancing rounds
 * @param keys for multiple response, the indices of the right options in ascending order; empty
 *     otherwise
 * @param matches for matching, the match of each term ({@code matches.get(i)} pairs with {@code
 *     options.get(i)}); empty otherwise
 * @param seconds the time its owner gave it, overriding the room's time per question; 0 for the
 *     room's
 */
public record Question(
    String id,
    QuestionType type,
    String kind,
    String prompt,
    List<String> options,
    int correct,
    List<String> accepted,
    String explanation,
    Source source,
    String topic,
    List<Integer> keys,
    List<String> matches,
    List<Integer> shuffle,
    int seconds) {

  /** The shortest and longest time a question may be given, as for a room's time per question. */
  public static final int MIN_SECONDS = 5;

  public static final int MAX_SECONDS = 240;

  public Question {
    options = List.copyOf(options);
    accepted = List.copyOf(accepted);
    keys = List.copyOf(keys);
    matches = List.copyOf(matches);
    shuffle = List.copyOf(shuffle);
  }

  /** A question that takes the room's time per question. */
  public Question(
      String id,
      QuestionType type,
      String kind,
      String prompt,
      List<String> options,
      int correct,
      List<String> accepted,
      String explanation,
      Source source,
      String topic,
      List<Integer> keys,
      List<String> matches,
      List<Integer> shuffle) {
    this(
        id,
        type,
        kind,
        prompt,
        options,
        correct,
        accepted,
        explanation,
        source,
        topic,
        keys,
        matches,
        shuffle,
        0);
  }

  /**
   * A question whose served order, if it has one, is drawn when it is first needed ({@link
   * #served()}).
   */
  public Question(
      String id,
      QuestionType type,
      String kind,
      String prompt,
      List<String> options,
      int correct,
      List<String> accepted,
      String explanation,
      Source source,
      String topic,
      List<Integer> keys,
      List<String> matches) {
    this(
        id,
        type,
        kind,
        prompt,
        options,
        correct,
        accepted,
        explanation,
        source,
        topic,
        keys,
        matches,
        List.of());
  }

  /** A question with a single key (multiple choice, true/false, typed). */
  public Question(
      String id,
      QuestionType type,
      String kind,
      String prompt,
      List<String> options,
      int correct,
      List<String> accepted,
      String explanation,
      Source source,
      String topic) {
    this(
        id,
        type,
        kind,
        prompt,
        options,
        correct,
        accepted,
        explanation,
        source,
        topic,
        List.of(),
        List.of());
  }

  /**
   * Where the question sits in the notes, shown above its prompt: the headings of its source line,
   * cut before the first one that names an answer, so that the context never gives the key away.
   */
  public List<String> context() {
    List<String> keyTexts = keyTexts();
    List<String> shown = new ArrayList<>();
    for (String heading : source.path()) {
      if (type != QuestionType.TRUE_FALSE
          && keyTexts.stream()
              .anyMatch(k -> NotesIndex.mentions(heading, k) || NotesIndex.mentions(k, heading))) {
        break;
      }
      shown.add(Prompts.withoutPartMark(heading));
    }
    return List.copyOf(shown);
  }

  /**
   * The topic as shown before answering: none when it names the answer, as a "which topic"
   * question's does.
   */
  public String topicBeforeAnswer() {
    return topic != null
            && keyTexts().stream()
                .anyMatch(k -> NotesIndex.mentions(topic, k) || NotesIndex.mentions(k, topic))
        ? null
        : topic;
  }

  /** The texts a player must find, which nothing shown before answering may name. */
  private List<String> keyTexts() {
    return switch (type) {
      case TYPED -> accepted;
      case MULTIPLE_CHOICE, TRUE_FALSE -> List.of(answer());
      case MULTIPLE_RESPONSE -> keys.stream().map(options::get).toList();
      case ORDERING, MATCHING -> List.of();
    };
  }

  /** The correct answer as shown to players, in words. */
  public String answer() {
    return switch (type) {
      case TYPED -> accepted.get(0);
      case MULTIPLE_CHOICE, TRUE_FALSE -> options.get(correct);
      case MULTIPLE_RESPONSE -> String.join("; ", keys.stream().map(options::get).toList());
      case ORDERING -> String.join(" → ", options);
      case MATCHING -> {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
          pairs.add(options.get(i) + " → " + matches.get(i));
        }
        yield String.join("; ", pairs);
      }
    };
  }

  /**
   * The order in which players see what they arrange: for ordering {@code served().get(i)} is the
   * index in {@link #options()} of the item shown i-th; for matching, the index in {@link
   * #matches()} of the match shown i-th. The same for every player and every view of the question,
   * and for ordering never the right order already. It is drawn at random when the question is made
   * ({@link #shuffle()}, kept with the key and never shown), since an order anyone could work out
   * from the question's id would give the key away. Empty for the other types.
   */
  public List<Integer> served() {
    int n = arranged();
    if (shuffle.size() == n) {
      return shuffle;
    }
    // Only questions stored before the order was kept with them: fixed by their id.
    return draw(n, new Random(id.hashCode() * 0x9E3779B97F4A7C15L));
  }

  /**
   * How many things a player arranges: the items of an ordering, the matches of a matching; 0
   * otherwise.
   */
  int arranged() {
    return type == QuestionType.ORDERING
        ? options.size()
        : type == QuestionType.MATCHING ? matches.size() : 0;
  }

  /**
   * A permutation of {@code n} that, for two or more, is not the identity (drawn again until it is
   * not).
   */
  static List<Integer> draw(int n, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    if (n < 2) {
      return List.copyOf(order);
    }
    boolean identity = true;
    while (identity) {
      Collections.shuffle(order, random);
      identity = true;
      for (int i = 0; i < n && identity; i++) {
        identity = order.get(i) == i;
      }
    }
    return List.copyOf(order);
  }

  /**
   * What players arrange, in the order they see it: the items (ordering) or the matches (matching).
   */
  public List<String> servedTexts() {
    List<String> source = type == QuestionType.ORDERING ? options : matches;
    return served().stream().map(source::get).toList();
  }

  /**
   * The key in the shape players answer in: for ordering, the served indices in the right order;
   * for matching, for each term the served index of its match; for multiple response the right
   * option indices.
   */
  public List<Integer> keyChoices() {
    return switch (type) {
      case MULTIPLE_RESPONSE -> keys;
      case ORDERING, MATCHING -> {
        List<Integer> served = served();
        Integer[] inverse = new Integer[served.size()];
        for (int i = 0; i < served.size(); i++) {
          inverse[served.get(i)] = i;
        }
        yield List.of(inverse);
      }
      default -> List.of();
    };
  }

  /**
   * The same question under another id: an owner's edit takes over the one the generator made from
   * its new line.
   */
  Question withId(String newId) {
    return new Question(
        newId,
        type,
        kind,
        prompt,
        options,
        correct,
        accepted,
        explanation,
        source,
        topic,
        keys,
        matches,
        shuffle,
        seconds);
  }

  /**
   * The same question, made from {@code from}: an owner's edit follows its fact when a re-import
   * moves it.
   */
  Question withSource(Source from) {
    return new Question(
        id,
        type,
        kind,
        prompt,
        options,
        correct,
        accepted,
        explanation,
        from,
        topic,
        keys,
        matches,
        shuffle,
        seconds);
  }
}
