package org.quizhall.game;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionType;

/**
 * A question's item analysis as its owner reads it: the figures of its current version, the
 * options' shares, and plain hints where the figures point at a problem ("option C was never
 * chosen: replace it").
 */
public final class ItemReport {

  /** Below this many answers to a version, no hint is given: a few answers say little. */
  static final int HINT_MIN_ANSWERS = 10;

  static final double TOO_EASY = 0.9;
  static final double TOO_HARD = 0.3;

  private ItemReport() {}

  public static JsonObject of(Question q, ItemAnalysis.Figures figures) {
    String version = ItemAnalysis.version(q);
    ItemTally now =
        figures == null
            ? new ItemTally()
            : figures.byVersion().getOrDefault(version, new ItemTally());
    long earlier =
        figures == null
            ? 0
            : figures.byVersion().entrySet().stream()
                .filter(e -> !e.getKey().equals(version))
                .mapToLong(e -> e.getValue().answers())
                .sum();
    ItemAnalysis.Flags flags =
        figures == null ? new ItemAnalysis.Flags(Map.of(), List.of()) : figures.flags();

    JsonObject out =
        new JsonObject()
            .put("questionId", q.id())
            .put("answers", now.answers())
            .put("games", now.games())
            .put("practice", now.practice())
            .put("earlierAnswers", earlier)
            .put("correctShare", round(now.difficulty()))
            .put("discrimination", round(now.pointBiserial()))
            .put("upperMinusLower", round(now.upperMinusLower()))
            .put("medianMs", now.medianMs());
    JsonArray options = new JsonArray();
    if (hasOptions(q)) {
      for (int i = 0; i < q.options().size(); i++) {
        String text = q.options().get(i);
        options.add(
            new JsonObject()
                .put("letter", letter(i))
                .put("text", text)
                .put("key", isKey(q, i))
                .put("chosen", now.chosen(text))
                .put(
                    "share",
                    now.answers() == 0 ? null : round((double) now.chosen(text) / now.answers()))
                .put(
                    "upperShare",
                    now.upper() == 0
                        ? null
                        : round((double) now.chosenByUpper(text) / now.upper())));
      }
    }
    out.put("options", options);
    JsonArray comments = new JsonArray();
    flags
        .comments()
        .forEach(
            c ->
                comments.add(
                    new JsonObject()
                        .put("reason", c.reason())
                        .put("comment", c.comment())
                        .put("nickname", c.nickname())
                        .put("at", c.at().toString())));
    out.put(
        "flags",
        new JsonObject()
            .put("total", flags.total())
            .put("byReason", new JsonObject(Map.copyOf(flags.byReason())))
            .put("comments", comments));
    out.put("hints", new JsonArray(hints(q, now, flags)));
    return out;
  }

  /** What a careful teacher would look at first, in plain words. */
  static List<String> hints(Question q, ItemTally t, ItemAnalysis.Flags flags) {
    List<String> out = new ArrayList<>();
    if (flags.total() == 1) {
      out.add("flagged once: " + reasonWords(flags.byReason().keySet().iterator().next()));
    } else if (flags.total() > 1) {
      out.add(
          "flagged "
              + flags.total()
              + " times: "
              + String.join(
                  ", ",
                  flags.byReason().entrySet().stream()
                      .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                      .map(
                          e ->
                              e.getValue()
                                  + (e.getValue() == 1 ? " says " : " say ")
                                  + reasonWords(e.getKey()))
                      .toList()));
    }
    if (t.answers() < HINT_MIN_ANSWERS) {
      return out;
    }
    double p = t.difficulty();
    if (p >= TOO_EASY) {
      out.add("too easy (" + percent(p) + " right)");
    } else if (p < TOO_HARD) {
      out.add("hard (" + percent(p) + " right): check the key and the wording");
    }
    if (hasOptions(q)) {
      for (int i = 0; i < q.options().size(); i++) {
        if (!isKey(q, i) && t.chosen(q.options().get(i)) == 0) {
          out.add("option " + letter(i) + " was never chosen: replace it");
        }
      }
      if (t.upper() >= 3) {
        long keyPicks = 0;
        for (int i = 0; i < q.options().size(); i++) {
          if (isKey(q, i)) {
            keyPicks = Math.max(keyPicks, t.chosenByUpper(q.options().get(i)));
          }
        }
        for (int i = 0; i < q.options().size(); i++) {
          if (!isKey(q, i) && t.chosenByUpper(q.options().get(i)) > keyPicks) {
            out.add("top scorers chose " + letter(i) + " more than the key: check the key");
          }
        }
      }
    }
    Double r = t.pointBiserial();
    if (r != null && r < 0) {
      out.add("stronger players got it wrong more often than weaker ones: check the key");
    } else if (r != null && r < 0.1 && p < TOO_EASY) {
      out.add("it hardly tells who studied from who did not: sharpen the wrong options");
    }
    return out;
  }

  private static boolean hasOptions(Question q) {
    return q.type() == QuestionType.MULTIPLE_CHOICE
        || q.type() == QuestionType.TRUE_FALSE
        || q.type() == QuestionType.MULTIPLE_RESPONSE;
  }

  private static boolean isKey(Question q, int i) {
    return q.type() == QuestionType.MULTIPLE_RESPONSE ? q.keys().contains(i) : q.correct() == i;
  }

  private static String letter(int i) {
    return String.valueOf((char) ('A' + i));
  }

  private static String reasonWords(String reason) {
    return switch (reason) {
      case "wrong_key" -> "the key is wrong";
      case "two_right" -> "two answers are right";
      default -> "it is unclear";
    };
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 1000) / 1000.0;
  }
}
