package org.quizhall.exam;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * An attempt's score on the exam's scale. Certification bodies turn raw scores into scaled ones by
 * equating exam forms with item statistics Quizhall does not have, so it does not pretend to: the
 * scaled score is a straight line from the share of questions right, {@code min + (max − min) ×
 * right / total}, rounded down, and the attempt passes when that reaches the pass mark. Rounding
 * down keeps the two in step: a shown 720 always passes a 720 mark.
 *
 * @param scaled the score on the exam's scale (for a percentage pass mark, the percentage), rounded
 *     down
 */
public record ExamScore(
    int correct,
    int total,
    double percent,
    int scaled,
    String passKind,
    int scaleMin,
    int scaleMax,
    int passMark,
    boolean passed,
    int correctNeeded) {

  public static ExamScore of(
      int correct, int total, String passKind, int scaleMin, int scaleMax, int passMark) {
    int range = scaleMax - scaleMin;
    // Whole numbers throughout: min + range × correct / total ≥ mark ⇔ min × total + range ×
    // correct ≥ mark × total.
    long exactTimesTotal = (long) scaleMin * total + (long) range * correct;
    int scaled = total == 0 ? scaleMin : (int) Math.floorDiv(exactTimesTotal, total);
    boolean passed = total > 0 && exactTimesTotal >= (long) passMark * total;
    int needed =
        total == 0
            ? 0
            : (int) Math.min(total, ceilDiv((long) (passMark - scaleMin) * total, range));
    double percent = total == 0 ? 0 : Math.floor(1000.0 * correct / total) / 10;
    return new ExamScore(
        correct, total, percent, scaled, passKind, scaleMin, scaleMax, passMark, passed, needed);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** The score in words: how it was worked out, and what the pass mark means in questions. */
  public String explanation() {
    if (passKind.equals("percent")) {
      return String.format(
          Locale.ROOT,
          "%d of %d right is %s%% (rounded down to %d%%). The pass mark is %d%%: %d of %d questions right.",
          correct,
          total,
          trim(percent),
          scaled,
          passMark,
          correctNeeded,
          total);
    }
    return String.format(
        Locale.ROOT,
        "%d on a scale of %d to %d: %d + %d × %d/%d right, rounded down. Exam bodies scale scores with statistics on"
            + " each question that Quizhall does not have, so this scale is a straight line from the share right: the"
            + " pass mark of %d means %d of %d questions right (%s%%).",
        scaled,
        scaleMin,
        scaleMax,
        scaleMin,
        scaleMax - scaleMin,
        correct,
        total,
        passMark,
        correctNeeded,
        total,
        trim(Math.ceil(1000.0 * (passMark - scaleMin) / (scaleMax - scaleMin)) / 10));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("correct", correct)
        .put("total", total)
        .put("percent", percent)
        .put("scaled", scaled)
        .put("passKind", passKind)
        .put("scaleMin", scaleMin)
        .put("scaleMax", scaleMax)
        .put("passMark", passMark)
        .put("passed", passed)
        .put("correctNeeded", correctNeeded)
        .put("explanation", explanation());
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
