package org.quizhall.exam;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quizhall.deck.DeckSummary;
import org.quizhall.problem.Problem;

/**
 * What an owner sets on an exam, checked as a whole: a new exam's fields over the defaults, or a
 * change's fields over the exam as it is.
 *
 * @param blueprint null for the deck's topics in proportion to their questions
 * @param kinds empty for every kind
 * @param attemptsAllowed null for no limit
 */
public record ExamSettings(
    String title,
    int questionCount,
    int minutes,
    String passKind,
    int scaleMin,
    int scaleMax,
    int passMark,
    Blueprint blueprint,
    List<String> kinds,
    boolean shuffleOptions,
    Integer attemptsAllowed) {

  public static final int MAX_QUESTIONS = 200;
  public static final int MAX_MINUTES = 600;
  public static final int MAX_ATTEMPTS = 100;
  public static final int MAX_SCALE = 10_000;
  static final Set<String> FIELDS =
      Set.of(
          "title",
          "deckId",
          "questionCount",
          "minutes",
          "passPercent",
          "passScore",
          "scaleMin",
          "scaleMax",
          "blueprint",
          "kinds",
          "shuffleOptions",
          "attemptsAllowed");

  public ExamSettings {
    kinds = List.copyOf(kinds);
  }

  /**
   * A new exam: 20 questions, 30 minutes, 70% to pass, options shuffled, as many attempts as
   * wanted.
   */
  static ExamSettings defaults(DeckSummary deck) {
    return new ExamSettings(
        deck.title(), 20, 30, "percent", 0, 100, 70, null, List.of(), true, null);
  }

  /**
   * These settings with the fields of {@code body} changed, checked against the deck.
   *
   * @throws Problem 400 naming the field that is wrong
   */
  ExamSettings with(JsonObject body, DeckSummary deck) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw invalid(
            "invalid_field",
            "Unknown field \""
                + abbreviate(field)
                + "\"; an exam's fields are "
                + String.join(", ", new java.util.TreeSet<>(FIELDS))
                + ".");
      }
    }
    String title = this.title;
    if (body.containsKey("title")) {
      if (!(body.getValue("title") instanceof String t)
          || t.isBlank()
          || t.strip().length() > 200
          || t.indexOf(0) >= 0) {
        throw invalid("invalid_title", "title must be 1 to 200 characters.");
      }
      title = t.strip();
    }
    int questionCount = whole(body, "questionCount", this.questionCount, 1, MAX_QUESTIONS);
    int minutes = whole(body, "minutes", this.minutes, 1, MAX_MINUTES);
    String passKind = this.passKind;
    int scaleMin = this.scaleMin;
    int scaleMax = this.scaleMax;
    int passMark = this.passMark;
    boolean scaledGiven =
        body.containsKey("passScore")
            || body.containsKey("scaleMax")
            || body.containsKey("scaleMin");
    if (body.containsKey("passPercent") && scaledGiven) {
      throw invalid(
          "invalid_pass_mark",
          "Give a pass mark as passPercent, or as passScore with scaleMin and scaleMax, not both.");
    }
    if (body.containsKey("passPercent")) {
      passKind = "percent";
      scaleMin = 0;
      scaleMax = 100;
      passMark = whole(body, "passPercent", 70, 1, 100);
    } else if (scaledGiven) {
      boolean wasScaled = passKind.equals("scaled");
      scaleMax = whole(body, "scaleMax", wasScaled ? scaleMax : -1, 2, MAX_SCALE);
      if (scaleMax < 0) {
        throw invalid(
            "invalid_pass_mark",
            "A scaled pass mark needs scaleMax, the top of the scale (1000, say).");
      }
      scaleMin = whole(body, "scaleMin", wasScaled ? scaleMin : 0, 0, MAX_SCALE);
      passMark = whole(body, "passScore", wasScaled ? passMark : -1, 0, MAX_SCALE);
      if (passMark < 0) {
        throw invalid("invalid_pass_mark", "A scaled pass mark needs passScore (720, say).");
      }
      if (scaleMin >= scaleMax || passMark <= scaleMin || passMark > scaleMax) {
        throw invalid(
            "invalid_pass_mark",
            "passScore must be above scaleMin and at most scaleMax, and scaleMin below scaleMax (720 on 100 to 1000, say).");
      }
      passKind = "scaled";
    }
    List<String> kinds = this.kinds;
    if (body.containsKey("kinds")) {
      Object value = body.getValue("kinds");
      if (value == null) {
        kinds = List.of();
      } else if (!(value instanceof JsonArray array)
          || array.isEmpty()
          || array.size() > 50
          || array.stream().anyMatch(k -> !(k instanceof String))) {
        throw invalid(
            "invalid_kinds",
            "kinds must be a list of the deck's question kinds, or null for every kind.");
      } else {
        Set<String> chosen = new LinkedHashSet<>();
        for (Object k : array) {
          if (!deck.kinds().containsKey(k)) {
            throw invalid(
                "invalid_kinds",
                "\""
                    + abbreviate((String) k)
                    + "\" is not a kind of question this deck has; it has "
                    + String.join(", ", deck.kinds().keySet())
                    + ".");
          }
          chosen.add((String) k);
        }
        kinds = new ArrayList<>(chosen);
      }
    }
    Blueprint blueprint = this.blueprint;
    if (body.containsKey("blueprint")) {
      blueprint =
          body.getValue("blueprint") == null
              ? null
              : Blueprint.fromJson(body.getValue("blueprint"), deck.topics());
    }
    boolean shuffleOptions = this.shuffleOptions;
    if (body.containsKey("shuffleOptions")) {
      if (!(body.getValue("shuffleOptions") instanceof Boolean b)) {
        throw invalid("invalid_field", "shuffleOptions must be true or false.");
      }
      shuffleOptions = b;
    }
    Integer attemptsAllowed = this.attemptsAllowed;
    if (body.containsKey("attemptsAllowed")) {
      attemptsAllowed =
          body.getValue("attemptsAllowed") == null
              ? null
              : whole(body, "attemptsAllowed", 1, 1, MAX_ATTEMPTS);
    }
    int eligible =
        kinds.isEmpty()
            ? deck.questionCount()
            : kinds.stream().mapToInt(k -> deck.kinds().getOrDefault(k, 0)).sum();
    if (eligible < questionCount) {
      throw invalid(
          "not_enough_questions",
          "The deck has "
              + eligible
              + " question"
              + (eligible == 1 ? "" : "s")
              + (kinds.isEmpty() ? "" : " of those kinds")
              + ": ask for at most that many.");
    }
    return new ExamSettings(
        title,
        questionCount,
        minutes,
        passKind,
        scaleMin,
        scaleMax,
        passMark,
        blueprint,
        kinds,
        shuffleOptions,
        attemptsAllowed);
  }

  static ExamSettings from(Row row) {
    Object blueprint = row.getValue("blueprint");
    Object kinds = row.getValue("kinds");
    return new ExamSettings(
        row.getString("title"),
        row.getInteger("question_count"),
        row.getInteger("minutes"),
        row.getString("pass_kind"),
        row.getInteger("scale_min"),
        row.getInteger("scale_max"),
        row.getInteger("pass_mark"),
        blueprint == null ? null : Blueprint.stored((JsonArray) blueprint),
        kinds == null ? List.of() : ((JsonArray) kinds).stream().map(String::valueOf).toList(),
        row.getBoolean("shuffle_options"),
        row.getInteger("attempts_allowed"));
  }

  /** The pass mark as the API shows it. */
  JsonObject passMarkJson() {
    return passMarkJson(questionCount, passKind, scaleMin, scaleMax, passMark);
  }

  /** The pass mark as the API shows it, over {@code questionCount} questions. */
  static JsonObject passMarkJson(
      int questionCount, String passKind, int scaleMin, int scaleMax, int passMark) {
    ExamScore needed = ExamScore.of(0, questionCount, passKind, scaleMin, scaleMax, passMark);
    return new JsonObject()
        .put("kind", passKind)
        .put("mark", passMark)
        .put("scaleMin", scaleMin)
        .put("scaleMax", scaleMax)
        .put("correctNeeded", needed.correctNeeded());
  }

  private static int whole(JsonObject body, String field, int fallback, int min, int max) {
    if (!body.containsKey(field)) {
      return fallback;
    }
    Object value = body.getValue(field);
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > max) {
      throw invalid(
          field.startsWith("pass") || field.startsWith("scale")
              ? "invalid_pass_mark"
              : "invalid_field",
          field + " must be a whole number from " + min + " to " + max + ".");
    }
    return n.intValue();
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static Problem invalid(String code, String message) {
    return Problem.invalid(code, message);
  }
}
