package org.quizhall.game;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running sums behind one question version's item analysis: how often it was answered and
 * answered right, which options were chosen (overall and by the strongest players), how long
 * answers took, and the sums a point-biserial correlation between being right and the player's
 * score on the rest of the game is computed from. Sums, not answers, so that any number of games
 * folds into the same small record.
 */
public final class ItemTally {

  /** Response times are counted in buckets of this many milliseconds, the last one open-ended. */
  static final int BUCKET_MS = 250;

  static final int BUCKETS = 241;

  long answers;
  long correct;
  long games;
  long practice;
  final long[] times = new long[BUCKETS];

  /** How often each option text was chosen, and by players in the top 27% of their game. */
  final Map<String, Long> chosen = new LinkedHashMap<>();

  final Map<String, Long> chosenByUpper = new LinkedHashMap<>();
  long upper;
  long upperCorrect;
  long lower;
  long lowerCorrect;

  /** Pairs of (right 0/1, rest score 0–1) for the point-biserial. */
  long pairs;

  double sumRight;
  double sumRest;
  double sumRestSquared;
  double sumRightRest;

  /**
   * One answer: whether it was right, how long it took, the option texts chosen (none for typed and
   * arranged).
   */
  void add(boolean right, long responseMs, Iterable<String> options) {
    answers++;
    if (right) {
      correct++;
    }
    times[(int) Math.min(BUCKETS - 1, Math.max(0, responseMs) / BUCKET_MS)]++;
    for (String option : options) {
      chosen.merge(option, 1L, Long::sum);
    }
  }

  /**
   * Where the player stands in their game: rest score (their share right on the game's other
   * questions) and group.
   */
  void addStanding(boolean right, Double restScore, Group group, Iterable<String> options) {
    if (restScore != null) {
      double x = right ? 1 : 0;
      pairs++;
      sumRight += x;
      sumRest += restScore;
      sumRestSquared += restScore * restScore;
      sumRightRest += x * restScore;
    }
    if (group == Group.UPPER) {
      upper++;
      if (right) {
        upperCorrect++;
      }
      for (String option : options) {
        chosenByUpper.merge(option, 1L, Long::sum);
      }
    } else if (group == Group.LOWER) {
      lower++;
      if (right) {
        lowerCorrect++;
      }
    }
  }

  /**
   * A player's third of their game by score: the top and bottom 27%, the classic item-analysis
   * groups.
   */
  enum Group {
    UPPER,
    MIDDLE,
    LOWER
  }

  void merge(ItemTally other) {
    answers += other.answers;
    correct += other.correct;
    games += other.games;
    practice += other.practice;
    for (int i = 0; i < BUCKETS; i++) {
      times[i] += other.times[i];
    }
    other.chosen.forEach((k, v) -> chosen.merge(k, v, Long::sum));
    other.chosenByUpper.forEach((k, v) -> chosenByUpper.merge(k, v, Long::sum));
    upper += other.upper;
    upperCorrect += other.upperCorrect;
    lower += other.lower;
    lowerCorrect += other.lowerCorrect;
    pairs += other.pairs;
    sumRight += other.sumRight;
    sumRest += other.sumRest;
    sumRestSquared += other.sumRestSquared;
    sumRightRest += other.sumRightRest;
  }

  /** The share of answers that were right, or null before any. */
  public Double difficulty() {
    return answers == 0 ? null : (double) correct / answers;
  }

  /**
   * The point-biserial correlation between being right and the player's score on the rest of the
   * game: near +1 the question tells strong players from weak ones, near 0 it does not, below 0 the
   * weak do better (often a wrong key). Null below ten pairs or when either side does not vary.
   */
  public Double pointBiserial() {
    if (pairs < 10) {
      return null;
    }
    double n = pairs;
    double varRight = n * sumRight - sumRight * sumRight;
    double varRest = n * sumRestSquared - sumRest * sumRest;
    if (varRight <= 1e-9 || varRest <= 1e-9) {
      return null;
    }
    return (n * sumRightRest - sumRight * sumRest) / Math.sqrt(varRight * varRest);
  }

  /**
   * The share right in the top 27% minus the share right in the bottom 27%; null below three in
   * either (a class of eleven).
   */
  public Double upperMinusLower() {
    if (upper < 3 || lower < 3) {
      return null;
    }
    return (double) upperCorrect / upper - (double) lowerCorrect / lower;
  }

  /** The median response time, to the middle of its 250 ms bucket; null before any answer. */
  public Long medianMs() {
    if (answers == 0) {
      return null;
    }
    long half = (answers + 1) / 2;
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += times[i];
      if (seen >= half) {
        return (long) i * BUCKET_MS + BUCKET_MS / 2;
      }
    }
    return (long) (BUCKETS - 1) * BUCKET_MS;
  }

  public long answers() {
    return answers;
  }

  public long games() {
    return games;
  }

  public long practice() {
    return practice;
  }

  public long chosen(String option) {
    return chosen.getOrDefault(option, 0L);
  }

  public long chosenByUpper(String option) {
    return chosenByUpper.getOrDefault(option, 0L);
  }

  public long upper() {
    return upper;
  }

  JsonObject toJson() {
    JsonArray histogram = new JsonArray();
    int last = BUCKETS - 1;
    while (last >= 0 && times[last] == 0) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      histogram.add(times[i]);
    }
    return new JsonObject()
        .put("answers", answers)
        .put("correct", correct)
        .put("games", games)
        .put("practice", practice)
        .put("times", histogram)
        .put("chosen", new JsonObject(new LinkedHashMap<>(chosen)))
        .put("chosenByUpper", new JsonObject(new LinkedHashMap<>(chosenByUpper)))
        .put("upper", upper)
        .put("upperCorrect", upperCorrect)
        .put("lower", lower)
        .put("lowerCorrect", lowerCorrect)
        .put("pairs", pairs)
        .put("sumRight", sumRight)
        .put("sumRest", sumRest)
        .put("sumRestSquared", sumRestSquared)
        .put("sumRightRest", sumRightRest);
  }

  static ItemTally fromJson(JsonObject json) {
    ItemTally t = new ItemTally();
    t.answers = json.getLong("answers", 0L);
    t.correct = json.getLong("correct", 0L);
    t.games = json.getLong("games", 0L);
    t.practice = json.getLong("practice", 0L);
    JsonArray histogram = json.getJsonArray("times", new JsonArray());
    for (int i = 0; i < Math.min(BUCKETS, histogram.size()); i++) {
      t.times[i] = histogram.getLong(i);
    }
    json.getJsonObject("chosen", new JsonObject())
        .forEach(e -> t.chosen.put(e.getKey(), ((Number) e.getValue()).longValue()));
    json.getJsonObject("chosenByUpper", new JsonObject())
        .forEach(e -> t.chosenByUpper.put(e.getKey(), ((Number) e.getValue()).longValue()));
    t.upper = json.getLong("upper", 0L);
    t.upperCorrect = json.getLong("upperCorrect", 0L);
    t.lower = json.getLong("lower", 0L);
    t.lowerCorrect = json.getLong("lowerCorrect", 0L);
    t.pairs = json.getLong("pairs", 0L);
    t.sumRight = json.getDouble("sumRight", 0.0);
    t.sumRest = json.getDouble("sumRest", 0.0);
    t.sumRestSquared = json.getDouble("sumRestSquared", 0.0);
    t.sumRightRest = json.getDouble("sumRightRest", 0.0);
    return t;
  }
}
