package org.quizhall.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.DeckSummary;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Question;
import org.quizhall.deck.RoundAssembler;
import org.quizhall.game.GameHistory;
import org.quizhall.group.Fsrs;
import org.quizhall.group.MasteryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How ready a student is for a deck's exam: the score they would get if they sat it now, with an
 * interval, per domain too ({@link ReadinessModel} has the arithmetic), whether that passes, the
 * domains that would gain most, and how earlier predictions compared with the scores that followed.
 * Each attempt keeps the prediction made when it started, so the comparison is with what was said
 * then.
 */
public final class Readiness {

  private static final Logger log = LoggerFactory.getLogger(Readiness.class);

  /** The domains offered for a review round. */
  static final int FOCUS = 3;

  /** Past attempts shown against their predictions. */
  static final int CALIBRATION_ROWS = 20;

  private final Pool pool;
  private final Decks decks;
  private final Exams exams;
  private final GameHistory games;
  private final Fsrs fsrs;
  private final Clock clock;

  public Readiness(Pool pool, Decks decks, Exams exams, GameHistory games, Fsrs fsrs, Clock clock) {
    this.pool = pool;
    this.games = games;
    this.decks = decks;
    this.exams = exams;
    this.fsrs = fsrs;
    this.clock = clock;
  }

  /** A past attempt with the prediction it started with, for the calibration table. */
  private record Sat(
      UUID attemptId,
      String title,
      int number,
      Instant startedAt,
      int planned,
      Double predicted,
      Double low,
      Double high,
      Double drawVariance,
      Double sensitivity,
      int correct,
      int asked) {

    double actual() {
      return asked == 0 ? 0 : (double) correct / asked;
    }
  }

  /** What a prediction is made from. */
  private record Evidence(
      List<Question> questions,
      Map<String, Fsrs.Card> cards,
      ReadinessModel.Prior prior,
      List<Sat> history,
      Map<String, int[]> lastExam) {}

  /**
   * Readiness for {@code account} on a deck they can read, against {@code examId} (one of their
   * exams on the deck), or by default the exam they last started, or their first on the deck, or
   * with none a 20-question exam of the deck's topics in proportion and a 70% pass mark.
   *
   * @throws org.quizhall.problem.Problem 404 {@code deck_not_found}, {@code exam_not_found}
   */
  public Future<JsonObject> get(UUID deckId, UUID account, UUID examId) {
    return decks
        .get(deckId, account)
        .compose(
            deck ->
                exams
                    .onDeck(account, deckId)
                    .compose(
                        mine -> {
                          Exams.Loaded chosen = mine.isEmpty() ? null : mine.get(0);
                          if (examId != null) {
                            chosen =
                                mine.stream()
                                    .filter(e -> e.id().equals(examId))
                                    .findFirst()
                                    .orElseThrow(Exams::notFound);
                          }
                          Exams.Loaded exam = chosen;
                          Instant now = clock.instant();
                          return evidence(deckId, account)
                              .map(found -> json(deck, exam, mine, found, now));
                        }));
  }

  /**
   * Keeps the prediction for an attempt that has just started, made as readiness would show it now.
   * A prediction missed is logged: it is never a reason to refuse an attempt.
   */
  Future<Void> keep(UUID attemptId, UUID account, Exams.Loaded exam) {
    Instant now = clock.instant();
    return evidence(exam.deckId(), account)
        .compose(
            found -> {
              ReadinessModel.Prediction p = predict(exam.settings(), found, now);
              boolean made = p.studied() >= ReadinessModel.needed(p.facts());
              return pool.preparedQuery(
                      "INSERT INTO attempt_predictions (attempt_id, account_id, deck_id, made_at,"
                          + " question_count, predicted, low, high, draw_variance, sensitivity, studied,"
                          + " facts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                          + " ON CONFLICT (attempt_id) DO NOTHING")
                  .execute(
                      Tuple.tuple()
                          .addUUID(attemptId)
                          .addUUID(account)
                          .addUUID(exam.deckId())
                          .addValue(now.atOffset(ZoneOffset.UTC))
                          .addInteger(Math.max(1, p.questions()))
                          .addValue(made ? p.expected() : null)
                          .addValue(made ? p.low() : null)
                          .addValue(made ? p.high() : null)
                          .addValue(made ? p.drawVariance() : null)
                          .addValue(made ? p.sensitivity() : null)
                          .addInteger(p.studied())
                          .addInteger(p.facts()));
            })
        .<Void>mapEmpty()
        .recover(
            e -> {
              log.warn("No readiness prediction kept for attempt {}", attemptId, e);
              return Future.succeededFuture();
            });
  }

  private Future<Evidence> evidence(UUID deckId, UUID account) {
    Future<List<Question>> questions = decks.questions(deckId, account);
    Future<Map<String, Fsrs.Card>> cards = MasteryStore.ofDeck(pool, deckId, account);
    Future<ReadinessModel.Prior> prior = firstTries(deckId, account);
    Future<List<Sat>> history = history(deckId, account);
    Future<Map<String, int[]>> last = lastExam(deckId, account);
    return Future.all(questions, cards, prior, history, last)
        .map(
            all ->
                new Evidence(
                    questions.result(),
                    cards.result(),
                    prior.result(),
                    history.result(),
                    last.result()));
  }

  /**
   * The student's first answer to each question of the deck they ever answered, in a game, an
   * assignment, practice or an exam: how often a question met for the first time is answered right
   * is the best guess for a fact never studied.
   */
  private Future<ReadinessModel.Prior> firstTries(UUID deckId, UUID account) {
    Future<Map<String, GameHistory.FirstAnswer>> inGames = games.firstAnswers(account, deckId);
    Future<Map<String, GameHistory.FirstAnswer>> alone =
        pool.preparedQuery(
                "SELECT DISTINCT ON (question_id) question_id, correct, at FROM ("
                    + " SELECT question_id, correct, answered_at AS at FROM practice_answers"
                    + "  WHERE account_id = $1 AND deck_id = $2"
                    + " UNION ALL SELECT q.question_id, coalesce(q.correct, false),"
                    + "  coalesce(q.answered_at, x.submitted_at)"
                    + "  FROM attempt_questions q JOIN exam_attempts x ON x.id = q.attempt_id"
                    + "  JOIN exams e ON e.id = x.exam_id"
                    + "  WHERE x.account_id = $1 AND e.deck_id = $2 AND x.correct_count IS NOT NULL"
                    + ") answered ORDER BY question_id, at")
            .execute(Tuple.of(account, deckId))
            .map(
                rows -> {
                  Map<String, GameHistory.FirstAnswer> first = new HashMap<>();
                  for (Row row : rows) {
                    first.put(
                        row.getString("question_id"),
                        new GameHistory.FirstAnswer(
                            row.getOffsetDateTime("at").toInstant(), row.getBoolean("correct")));
                  }
                  return first;
                });
    return Future.all(inGames, alone)
        .map(
            all -> {
              Map<String, GameHistory.FirstAnswer> first = new HashMap<>(inGames.result());
              alone
                  .result()
                  .forEach(
                      (question, answer) ->
                          first.merge(question, answer, (a, b) -> a.at().isAfter(b.at()) ? b : a));
              int right =
                  (int) first.values().stream().filter(GameHistory.FirstAnswer::correct).count();
              return new ReadinessModel.Prior(first.size(), right);
            });
  }

  /** The student's submitted attempts on the deck with the predictions they started with. */
  private Future<List<Sat>> history(UUID deckId, UUID account) {
    return pool.preparedQuery(
            "SELECT p.attempt_id, e.title, a.number, a.started_at, p.question_count, p.predicted, p.low, p.high,"
                + " p.draw_variance, p.sensitivity, a.correct_count,"
                + " (SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id)::int AS asked"
                + " FROM attempt_predictions p JOIN exam_attempts a ON a.id = p.attempt_id"
                + " JOIN exams e ON e.id = a.exam_id"
                + " WHERE p.account_id = $1 AND p.deck_id = $2 AND a.correct_count IS NOT NULL"
                + " ORDER BY a.started_at DESC, a.number DESC LIMIT "
                + CALIBRATION_ROWS)
        .execute(Tuple.of(account, deckId))
        .map(
            rows -> {
              List<Sat> out = new ArrayList<>();
              for (Row row : rows) {
                out.add(
                    new Sat(
                        row.getUUID("attempt_id"),
                        row.getString("title"),
                        row.getInteger("number"),
                        row.getOffsetDateTime("started_at").toInstant(),
                        row.getInteger("question_count"),
                        row.getDouble("predicted"),
                        row.getDouble("low"),
                        row.getDouble("high"),
                        row.getDouble("draw_variance"),
                        row.getDouble("sensitivity"),
                        row.getInteger("correct_count"),
                        row.getInteger("asked")));
              }
              return out;
            });
  }

  /** Per domain, right and asked in the student's latest submitted attempt on the deck. */
  private Future<Map<String, int[]>> lastExam(UUID deckId, UUID account) {
    return pool.preparedQuery(
            "SELECT topic, count(*) FILTER (WHERE correct)::int AS right, count(*)::int AS asked"
                + " FROM attempt_questions WHERE attempt_id = (SELECT a.id FROM exam_attempts a"
                + "  JOIN exams e ON e.id = a.exam_id WHERE a.account_id = $1 AND e.deck_id = $2"
                + "  AND a.correct_count IS NOT NULL ORDER BY a.submitted_at DESC LIMIT 1)"
                + " GROUP BY topic")
        .execute(Tuple.of(account, deckId))
        .map(
            rows -> {
              Map<String, int[]> out = new LinkedHashMap<>();
              rows.forEach(
                  row ->
                      out.put(
                          row.getString("topic"),
                          new int[] {row.getInteger("right"), row.getInteger("asked")}));
              return out;
            });
  }

  private ReadinessModel.Prediction predict(ExamSettings settings, Evidence evidence, Instant now) {
    return predict(settings, evidence, now, true);
  }

  /**
   * @param shifted whether the shift past attempts give is applied (without it, what FSRS and the
   *     prior alone say: the difference is the adjustment shown)
   */
  private ReadinessModel.Prediction predict(
      ExamSettings settings, Evidence evidence, Instant now, boolean shifted) {
    List<Question> eligible =
        ExamDraw.eligible(
            evidence.questions(), settings.blueprint(), new LinkedHashSet<>(settings.kinds()));
    Blueprint blueprint =
        settings.blueprint() != null ? settings.blueprint() : Blueprint.proportional(eligible);
    Map<String, Integer> planned = blueprint.apportion(settings.questionCount());
    // Per domain, per fact (notes line), the chances of its questions with a memory card, and how
    // many it has without one.
    Map<String, Map<String, List<Double>>> recall = new LinkedHashMap<>();
    Map<String, Map<String, int[]>> unseen = new LinkedHashMap<>();
    for (Question q : eligible) {
      Fsrs.Card card = evidence.cards().get(q.id());
      String fact = RoundAssembler.factKey(q);
      List<Double> chances =
          recall
              .computeIfAbsent(q.topic(), t -> new LinkedHashMap<>())
              .computeIfAbsent(fact, f -> new ArrayList<>());
      int[] never =
          unseen
              .computeIfAbsent(q.topic(), t -> new LinkedHashMap<>())
              .computeIfAbsent(fact, f -> new int[1]);
      if (card == null) {
        never[0]++;
      } else {
        chances.add(recall(card, now));
      }
    }
    Map<String, List<ReadinessModel.Fact>> facts = new LinkedHashMap<>();
    recall.forEach(
        (topic, byFact) -> {
          List<ReadinessModel.Fact> list = new ArrayList<>();
          byFact.forEach(
              (fact, chances) ->
                  list.add(new ReadinessModel.Fact(chances, unseen.get(topic).get(fact)[0])));
          facts.put(topic, list);
        });
    List<ReadinessModel.Past> past = new ArrayList<>();
    for (Sat sat : evidence.history()) {
      if (sat.predicted() != null && sat.asked() > 0) {
        past.add(
            new ReadinessModel.Past(
                sat.asked(), sat.predicted(), sat.drawVariance(), sat.sensitivity(), sat.actual()));
      }
    }
    ReadinessModel.Bias bias = ReadinessModel.Bias.from(past);
    return ReadinessModel.predict(
        planned,
        facts,
        evidence.prior(),
        shifted ? bias : new ReadinessModel.Bias(0, bias.variance(), bias.attempts()),
        n ->
            ExamScore.of(
                    0,
                    n,
                    settings.passKind(),
                    settings.scaleMin(),
                    settings.scaleMax(),
                    settings.passMark())
                .correctNeeded());
  }

  private JsonObject json(
      DeckSummary deck, Exams.Loaded exam, List<Exams.Loaded> mine, Evidence found, Instant now) {
    ExamSettings settings = exam == null ? ExamSettings.defaults(deck) : exam.settings();
    ReadinessModel.Prediction p = predict(settings, found, now);
    double adjustment = p.expected() - predict(settings, found, now, false).expected();
    int needed = ReadinessModel.needed(p.facts());
    boolean tooLittle = p.questions() == 0 || p.studied() < needed;
    String verdict =
        tooLittle
            ? "too_little"
            : p.passProbability() >= ReadinessModel.LIKELY ? "likely_to_pass" : "not_yet";
    JsonArray choices = new JsonArray();
    mine.forEach(
        e ->
            choices.add(
                new JsonObject().put("id", e.id().toString()).put("title", e.settings().title())));
    JsonObject passMark =
        new JsonObject()
            .put("kind", settings.passKind())
            .put("mark", settings.passMark())
            .put("scaleMin", settings.scaleMin())
            .put("scaleMax", settings.scaleMax())
            .put("percent", percent(passShare(settings)))
            .put("correctNeeded", p.correctNeeded())
            // What passing takes in questions, as a share: 70% of 8 questions is 6 right, 75%.
            .put(
                "neededPercent",
                p.questions() == 0 ? null : percent((double) p.correctNeeded() / p.questions()))
            .put("default", exam == null);
    JsonArray domains = new JsonArray();
    for (ReadinessModel.Domain d : p.domains()) {
      int[] last = found.lastExam().get(d.topic());
      domains.add(
          new JsonObject()
              .put("topic", d.topic())
              .put("questions", d.questions())
              .put("share", percent((double) d.questions() / Math.max(1, p.questions())))
              .put("facts", d.facts())
              .put("studied", d.studied())
              .put("percent", tooLittle ? null : percent(d.expected()))
              .put("low", tooLittle ? null : percent(d.low()))
              .put("high", tooLittle ? null : percent(d.high()))
              .put("gain", tooLittle ? null : percent(d.gain()))
              .put(
                  "lastExam",
                  last == null
                      ? null
                      : new JsonObject().put("correct", last[0]).put("asked", last[1])));
    }
    JsonArray focus = new JsonArray();
    for (ReadinessModel.Domain d : ReadinessModel.mostToGain(p.domains(), FOCUS)) {
      focus.add(
          new JsonObject()
              .put("topic", d.topic())
              .put("gain", tooLittle ? null : percent(d.gain()))
              .put("studied", d.studied())
              .put("facts", d.facts()));
    }
    JsonArray practiceTopics = new JsonArray();
    focus.forEach(
        f -> {
          String topic = ((JsonObject) f).getString("topic");
          if (topic != null) {
            practiceTopics.add(topic);
          }
        });
    JsonObject out =
        new JsonObject()
            .put("deckId", deck.id().toString())
            .put("deckTitle", deck.title())
            .put("at", now.toString())
            .put(
                "exam",
                exam == null
                    ? null
                    : new JsonObject()
                        .put("id", exam.id().toString())
                        .put("title", settings.title()))
            .put("exams", choices)
            .put("questions", p.questions())
            .put("passMark", passMark)
            .put("facts", p.facts())
            .put("studied", p.studied())
            .put("studiedNeeded", needed)
            .put("verdict", verdict)
            .put("message", message(verdict, p, needed))
            .put("predicted", tooLittle ? null : predicted(p, settings))
            .put(
                "model",
                new JsonObject()
                    .put("confidence", ReadinessModel.CONFIDENCE)
                    .put("firstTries", p.prior().tries())
                    .put("firstTriesRight", p.prior().right())
                    .put("prior", percent(p.prior().mean()))
                    .put("shift", Math.round(p.bias().mean() * 1000) / 1000.0)
                    .put("adjustment", percent(adjustment))
                    .put("attemptsUsed", p.bias().attempts()))
            .put("domains", domains)
            .put("focus", focus)
            .put("practiceTopics", practiceTopics)
            .put("calibration", calibration(found.history()));
    return out;
  }

  private static JsonObject predicted(ReadinessModel.Prediction p, ExamSettings s) {
    int range = s.scaleMax() - s.scaleMin();
    return new JsonObject()
        .put("percent", percent(p.expected()))
        .put("low", percent(p.low()))
        .put("high", percent(p.high()))
        .put("correct", Math.round(p.expected() * p.questions() * 10) / 10.0)
        .put("scaled", (int) Math.floor(s.scaleMin() + range * p.expected()))
        .put("scaledLow", (int) Math.floor(s.scaleMin() + range * p.low()))
        .put("scaledHigh", (int) Math.floor(s.scaleMin() + range * p.high()))
        .put("passProbability", Math.round(p.passProbability() * 1000) / 1000.0);
  }

  private static JsonObject calibration(List<Sat> history) {
    JsonArray rows = new JsonArray();
    double error = 0;
    int predicted = 0;
    for (Sat sat : history) {
      Double errorPoints =
          sat.predicted() == null ? null : percent(Math.abs(sat.actual() - sat.predicted()));
      if (errorPoints != null) {
        error += errorPoints;
        predicted++;
      }
      rows.add(
          new JsonObject()
              .put("attemptId", sat.attemptId().toString())
              .put("title", sat.title())
              .put("number", sat.number())
              .put("startedAt", sat.startedAt().toString())
              .put("predicted", sat.predicted() == null ? null : percent(sat.predicted()))
              .put("low", sat.low() == null ? null : percent(sat.low()))
              .put("high", sat.high() == null ? null : percent(sat.high()))
              .put("actual", percent(sat.actual()))
              .put("correct", sat.correct())
              .put("asked", sat.asked())
              .put(
                  "inside",
                  sat.predicted() == null
                      ? null
                      : sat.actual() >= sat.low() - 1e-9 && sat.actual() <= sat.high() + 1e-9)
              .put("error", errorPoints));
    }
    return new JsonObject()
        .put("attempts", rows)
        .put(
            "meanAbsoluteError", predicted == 0 ? null : Math.round(error / predicted * 10) / 10.0);
  }

  private static String message(String verdict, ReadinessModel.Prediction p, int needed) {
    return switch (verdict) {
      case "too_little" ->
          p.questions() == 0
              ? "Too little to say: the exam has no questions to draw from this deck."
              : String.format(
                  Locale.ROOT,
                  "Too little to say: you have studied %d of the %d facts this exam draws from, and a"
                      + " prediction needs at least %d. Practise first, then look again.",
                  p.studied(),
                  p.facts(),
                  needed);
      case "likely_to_pass" ->
          String.format(
              Locale.ROOT,
              "You are likely to pass: an estimated %d%% chance of reaching the pass mark if you sat it now.",
              chance(p));
      default ->
          String.format(
              Locale.ROOT,
              "Not yet: an estimated %d%% chance of reaching the pass mark if you sat it now.",
              chance(p));
    };
  }

  /** The chance of passing in whole percent, never said to be certain either way. */
  private static long chance(ReadinessModel.Prediction p) {
    return Math.max(1, Math.min(99, Math.round(p.passProbability() * 100)));
  }

  /**
   * A card's recall probability now, counting its last review as at least a day old. FSRS's curve
   * says anything just reviewed is recalled (R = 1 at the moment of a review, a lapse included,
   * since its answer was just shown): true for minutes, not for an exam. A day on, it is FSRS's own
   * figure for what stayed.
   */
  private double recall(Fsrs.Card card, Instant now) {
    Instant dayAfter = card.lastReview().plus(java.time.Duration.ofDays(1));
    return fsrs.retrievability(card, now.isBefore(dayAfter) ? dayAfter : now);
  }

  private static double passShare(ExamSettings s) {
    return (double) (s.passMark() - s.scaleMin()) / (s.scaleMax() - s.scaleMin());
  }

  /** A share as a percentage to one decimal. */
  private static double percent(double share) {
    return Math.round(share * 1000) / 10.0;
  }
}
