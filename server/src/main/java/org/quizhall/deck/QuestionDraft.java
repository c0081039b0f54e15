package org.quizhall.deck;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.quizhall.problem.Problem;

/**
 * A question as its owner writes or changes it, in the owner's JSON shape ({@link
 * QuestionJson#toJson}): read field by field onto a base (the question being edited, or nothing for
 * a new one), and checked like generated questions are, with every defect named in one clear error.
 * What makes an item weak but not broken (the key named in the prompt, options of very different
 * lengths) comes back as warnings, since the owner may mean it.
 */
public final class QuestionDraft {

  public static final int PROMPT_MAX = 500;
  public static final int OPTION_MAX = 200;
  public static final int EXPLANATION_MAX = 2000;
  public static final int ACCEPTED_MAX = 20;

  /** The kind of a question written by hand. */
  public static final String OWN_KIND = "own";

  private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,39}");
  private static final Set<String> FIELDS =
      Set.of(
          "type",
          "kind",
          "prompt",
          "options",
          "correct",
          "accepted",
          "items",
          "pairs",
          "explanation",
          "topic",
          "seconds");

  /** "(Choose two.)" at the end of a prompt: a fixed shape, so no backtracking is possible. */
  private static final Pattern CHOOSE = Pattern.compile("\\(Choose [a-z0-9]{1,5}\\.\\)$");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> SOFT =
      Set.of(
          "answer appears in the prompt",
          "option lengths too different",
          "options mix numbers and words");

  private QuestionDraft() {}

  /**
   * A new question written by hand, with a fresh id.
   *
   * @throws Problem 400 {@code invalid_question} naming every defect
   */
  public static Question create(JsonObject body, String defaultTopic) {
    if (body.getValue("type") == null) {
      throw invalid("type is required: one of " + typeNames() + ".");
    }
    String id = "own-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    Question blank =
        new Question(
            id,
            QuestionType.TYPED,
            OWN_KIND,
            "",
            List.of(),
            -1,
            List.of(),
            "",
            new Source(0, "", List.of()),
            defaultTopic);
    return apply(blank, body, true);
  }

  /**
   * {@code base} with the fields {@code patch} names changed. Changing the type keeps what carries
   * over: a multiple choice's key becomes a typed question's accepted answer, and a typed question
   * needs options and a key to become a multiple choice.
   */
  public static Question edit(Question base, JsonObject patch) {
    return apply(base, patch, false);
  }

  /** The weaknesses the generator would not let through but an owner may keep. */
  public static List<String> warnings(Question q) {
    return QuestionRules.defects(q).stream()
        .filter(d -> SOFT.stream().anyMatch(d::startsWith))
        .distinct()
        .toList();
  }

  private static Question apply(Question base, JsonObject patch, boolean fresh) {
    for (String field : patch.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw invalid(
            "Unknown field \""
                + field
                + "\"; a question has "
                + String.join(", ", FIELDS.stream().sorted().toList())
                + ".");
      }
    }
    List<String> defects = new ArrayList<>();
    QuestionType type = base.type();
    if (patch.getValue("type") != null) {
      String name = text(patch, "type", 40, defects);
      try {
        type = QuestionType.fromJsonName(name);
      } catch (IllegalArgumentException e) {
        throw invalid("type must be one of " + typeNames() + ".");
      }
    }
    String kind = base.kind();
    if (patch.getValue("kind") != null) {
      kind = text(patch, "kind", 40, defects);
      if (kind != null && !KIND.matcher(kind).matches()) {
        defects.add("kind must be a short lower-case name such as \"own\" or \"definition\"");
      }
    }
    String prompt =
        patch.containsKey("prompt") ? text(patch, "prompt", PROMPT_MAX, defects) : base.prompt();
    String explanation =
        patch.containsKey("explanation")
            ? optionalText(patch, "explanation", EXPLANATION_MAX, defects)
            : base.explanation();
    String topic = patch.containsKey("topic") ? text(patch, "topic", 200, defects) : base.topic();
    if (prompt == null || prompt.isBlank()) {
      defects.add("prompt must not be empty");
    }
    int seconds = base.seconds();
    if (patch.containsKey("seconds")) {
      Object value = patch.getValue("seconds");
      if (value == null || value instanceof Number n && n.doubleValue() == 0) {
        seconds = 0;
      } else if (value instanceof Number n
          && n.doubleValue() == Math.rint(n.doubleValue())
          && n.doubleValue() >= Question.MIN_SECONDS
          && n.doubleValue() <= Question.MAX_SECONDS) {
        seconds = n.intValue();
      } else {
        defects.add(
            "seconds is "
                + Question.MIN_SECONDS
                + " to "
                + Question.MAX_SECONDS
                + " (the question's own time), or null for the room's time per question");
      }
    }

    boolean typeChanged = type != base.type();
    List<String> options = base.options();
    int correct = base.correct();
    List<Integer> keys = base.keys();
    List<String> accepted = base.accepted();
    List<String> matches = base.matches();
    List<Integer> shuffle = base.shuffle();
    if (typeChanged) {
      // What carries over between types; anything else must come with the change.
      String oldKey = fresh ? null : safeAnswer(base);
      options =
          base.type() == QuestionType.MULTIPLE_CHOICE
                  || base.type() == QuestionType.MULTIPLE_RESPONSE
              ? base.options()
              : List.of();
      correct = -1;
      keys = List.of();
      accepted =
          type == QuestionType.TYPED
                  && oldKey != null
                  && base.type() == QuestionType.MULTIPLE_CHOICE
              ? List.of(oldKey)
              : List.of();
      matches = List.of();
      shuffle = List.of();
      if (type == QuestionType.MULTIPLE_CHOICE
          && base.type() == QuestionType.TYPED
          && !fresh
          && !patch.containsKey("options")) {
        defects.add("a typed question becomes multiple choice with options and a correct index");
      }
    }
    switch (type) {
      case MULTIPLE_CHOICE -> {
        if (patch.containsKey("options")) {
          options = strings(patch, "options", OPTION_MAX, defects);
        }
        if (patch.containsKey("correct")) {
          correct = index(patch.getValue("correct"), "correct", defects);
        } else if (typeChanged
            && base.type() == QuestionType.MULTIPLE_RESPONSE
            && base.keys().size() == 1) {
          correct = base.keys().get(0);
        }
        if (options.size() < 2 || options.size() > 6) {
          defects.add("a multiple choice question has 2 to 6 options, not " + options.size());
        } else if (correct < 0 || correct >= options.size()) {
          defects.add(
              "correct must be the index of one of the "
                  + options.size()
                  + " options (0 to "
                  + (options.size() - 1)
                  + ")");
        }
        distinct(options, "options", defects);
      }
      case TRUE_FALSE -> {
        options = List.of("True", "False");
        if (patch.containsKey("options")
            && !strings(patch, "options", OPTION_MAX, defects).equals(options)) {
          defects.add("a true/false question's options are \"True\", \"False\"");
        }
        if (patch.containsKey("correct")) {
          Object value = patch.getValue("correct");
          correct = value instanceof Boolean b ? (b ? 0 : 1) : index(value, "correct", defects);
        }
        if (correct != 0 && correct != 1) {
          defects.add("correct is 0 (True) or 1 (False)");
        }
      }
      case MULTIPLE_RESPONSE -> {
        if (patch.containsKey("options")) {
          options = strings(patch, "options", OPTION_MAX, defects);
        }
        if (patch.containsKey("correct")) {
          keys = indices(patch.getValue("correct"), "correct", defects);
        }
        int count = options.size();
        if (options.size() < 3 || options.size() > 8) {
          defects.add("a multiple response question has 3 to 8 options, not " + options.size());
        } else if (keys.size() < 2
            || keys.size() >= options.size()
            || keys.stream().anyMatch(k -> k < 0 || k >= count)) {
          defects.add(
              "correct must list at least two and fewer than all of the option indices (0 to "
                  + (options.size() - 1)
                  + ")");
        } else if (new HashSet<>(keys).size() != keys.size()) {
          defects.add("correct lists an option twice");
        }
        keys = keys.stream().distinct().sorted().toList();
        distinct(options, "options", defects);
        if (prompt != null) {
          // The prompt says how many to choose, and says it right when the owner changes how many
          // are right.
          prompt =
              CHOOSE.matcher(prompt.strip()).replaceFirst("").strip()
                  + " (Choose "
                  + words(keys.size())
                  + ".)";
        }
      }
      case TYPED -> {
        options = List.of();
        correct = -1;
        if (patch.containsKey("accepted")) {
          accepted = strings(patch, "accepted", OPTION_MAX, defects);
        }
        if (accepted.isEmpty() || accepted.size() > ACCEPTED_MAX) {
          defects.add(
              "a typed question accepts 1 to " + ACCEPTED_MAX + " answers, not " + accepted.size());
        } else if (accepted.stream().anyMatch(a -> AnswerMatcher.normalize(a).isEmpty())) {
          defects.add("every accepted answer needs a letter or digit");
        } else if (accepted.stream().anyMatch(a -> a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0)) {
          // A player types an answer on one line, so an answer with a line break could never be
          // given.
          defects.add("every accepted answer is one line");
        }
      }
      case ORDERING -> {
        correct = -1;
        if (patch.containsKey("items")) {
          options = strings(patch, "items", OPTION_MAX, defects);
          shuffle = List.of();
        } else if (typeChanged) {
          options = List.of();
        }
        if (options.size() < 3 || options.size() > 8) {
          defects.add(
              "an ordering question has 3 to 8 items, in their right order, not " + options.size());
        }
        distinct(options, "items", defects);
      }
      case MATCHING -> {
        correct = -1;
        if (typeChanged && !patch.containsKey("pairs")) {
          options = List.of();
        }
        if (patch.containsKey("pairs")) {
          List<String> left = new ArrayList<>();
          List<String> right = new ArrayList<>();
          pairs(patch.getValue("pairs"), left, right, defects);
          options = left;
          matches = right;
          shuffle = List.of();
        }
        if (options.size() < 3 || options.size() > 8 || matches.size() != options.size()) {
          defects.add("a matching question has 3 to 8 pairs, not " + options.size());
        }
        distinct(options, "terms", defects);
        distinct(matches, "matches", defects);
      }
    }
    if (!defects.isEmpty()) {
      throw invalid(String.join("; ", defects) + ".");
    }
    if (type != QuestionType.MULTIPLE_RESPONSE) {
      keys = List.of();
    }
    if (type != QuestionType.TYPED) {
      accepted = List.of();
    }
    if (type != QuestionType.MATCHING) {
      matches = List.of();
    }
    int arranged =
        type == QuestionType.ORDERING
            ? options.size()
            : type == QuestionType.MATCHING ? matches.size() : 0;
    if (shuffle.size() != arranged) {
      shuffle = arranged == 0 ? List.of() : Question.draw(arranged, RANDOM);
    }
    return new Question(
        base.id(),
        type,
        kind,
        prompt.strip(),
        options,
        correct,
        accepted,
        explanation == null ? "" : explanation.strip(),
        base.source(),
        topic,
        keys,
        matches,
        shuffle,
        seconds);
  }

  private static String safeAnswer(Question q) {
    try {
      return q.type() == QuestionType.MULTIPLE_CHOICE ? q.answer() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonObject body, String field, int max, List<String> defects) {
    Object value = body.getValue(field);
    if (!(value instanceof String s)) {
      defects.add(field + " must be a string");
      return null;
    }
    return checked(s, field, max, defects);
  }

  private static String optionalText(JsonObject body, String field, int max, List<String> defects) {
    return body.getValue(field) == null ? "" : text(body, field, max, defects);
  }

  private static String checked(String s, String field, int max, List<String> defects) {
    if (s.indexOf(0) >= 0) {
      defects.add(field + " must not contain a NUL character");
      return null;
    }
    String stripped = s.strip();
    if (stripped.length() > max) {
      defects.add(field + " is at most " + max + " characters");
    }
    return stripped;
  }

  private static List<String> strings(
      JsonObject body, String field, int max, List<String> defects) {
    Object value = body.getValue(field);
    if (!(value instanceof JsonArray array) || array.size() > 20) {
      defects.add(field + " must be a list of at most 20 strings");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s)) {
        defects.add(field + " must be a list of strings");
        return List.of();
      }
      String text = checked(s, field, max, defects);
      if (text != null) {
        out.add(text);
      }
    }
    return out;
  }

  private static void pairs(
      Object value, List<String> left, List<String> right, List<String> defects) {
    if (!(value instanceof JsonArray array) || array.size() > 20) {
      defects.add("pairs must be a list of at most 20 {left, right} objects");
      return;
    }
    for (Object item : array) {
      if (!(item instanceof JsonObject pair)
          || !(pair.getValue("left") instanceof String l)
          || !(pair.getValue("right") instanceof String r)) {
        defects.add("each pair is an object {left, right} of two strings");
        return;
      }
      left.add(checked(l, "left", OPTION_MAX, defects));
      right.add(checked(r, "right", OPTION_MAX, defects));
    }
  }

  private static int index(Object value, String field, List<String> defects) {
    if (value instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 100) {
      return n.intValue();
    }
    defects.add(field + " must be an option index (0 for the first option)");
    return -1;
  }

  private static List<Integer> indices(Object value, String field, List<String> defects) {
    if (!(value instanceof JsonArray array) || array.size() > 20) {
      defects.add(field + " must be a list of option indices");
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (Object item : array) {
      int i = index(item, field, defects);
      if (i < 0) {
        return List.of();
      }
      out.add(i);
    }
    return out;
  }

  private static void distinct(List<String> texts, String what, List<String> defects) {
    Set<String> seen = new HashSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      String n = AnswerMatcher.normalize(text);
      if (n.isEmpty()) {
        defects.add("every one of the " + what + " needs a letter or digit");
        return;
      }
      if (!seen.add(n)) {
        defects.add(what + " must differ: \"" + text + "\" is there twice");
        return;
      }
    }
  }

  private static String words(int n) {
    return switch (n) {
      case 2 -> "two";
      case 3 -> "three";
      case 4 -> "four";
      case 5 -> "five";
      default -> Integer.toString(n);
    };
  }

  private static String typeNames() {
    List<String> names = new ArrayList<>();
    for (QuestionType t : QuestionType.values()) {
      names.add(t.jsonName());
    }
    return String.join(", ", names);
  }

  private static Problem invalid(String message) {
    return Problem.invalid(
        "invalid_question", Character.toUpperCase(message.charAt(0)) + message.substring(1));
  }
}
