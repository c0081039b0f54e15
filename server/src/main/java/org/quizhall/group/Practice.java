package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Judge;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.Response;
import org.quizhall.game.Games;
import org.quizhall.game.ItemAnalysis;
import org.quizhall.problem.Problem;

/**
 * Solo practice: a signed-in person works through a deck at their own pace, no room and no host.
 * The round puts due questions first (weakest recall first), then questions never seen, then the
 * rest by how likely they are to be forgotten; every answer updates their memory model at once.
 */
public final class Practice {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Practice.class);

  /** The time a practice answer is measured against when choosing Easy over Good. */
  public static final long PRACTICE_ALLOWED_MS = 20_000;

  public static final int MAX_ROUND = 50;

  private final Pool pool;
  private final Decks decks;
  private final MasteryRecorder mastery;
  private final Fsrs fsrs;
  private final Clock clock;
  private final Games games;
  private final ItemAnalysis itemAnalysis;
  private final QuestionsInPlay alsoInPlay;

  /**
   * @param alsoInPlay questions asked by what else is still running (a group's exam sitting)
   */
  public Practice(
      Pool pool,
      Decks decks,
      Games games,
      MasteryRecorder mastery,
      Fsrs fsrs,
      Clock clock,
      ItemAnalysis itemAnalysis,
      QuestionsInPlay alsoInPlay) {
    this.itemAnalysis = itemAnalysis;
    this.alsoInPlay = alsoInPlay;
    this.pool = pool;
    this.games = games;
    this.decks = decks;
    this.mastery = mastery;
    this.fsrs = fsrs;
    this.clock = clock;
  }

  /** The deck's questions a running game, assignment or sitting asks the account. */
  private Future<java.util.Set<String>> inPlay(UUID deckId, UUID account) {
    return games
        .questionsInPlay(deckId, account)
        .compose(
            asked ->
                alsoInPlay
                    .of(deckId, account)
                    .map(
                        more -> {
                          java.util.Set<String> all = new java.util.HashSet<>(asked);
                          all.addAll(more);
                          return all;
                        }));
  }

  /**
   * The next practice round for {@code account} on a deck they may see; questions come without
   * answers.
   */
  public Future<JsonObject> round(UUID deckId, UUID account, int count) {
    return round(deckId, account, count, Set.of());
  }

  /**
   * The next practice round limited to some of the deck's topics (a review round on the domains
   * readiness points to); empty for every topic.
   *
   * @throws Problem 400 {@code invalid_topic} for a topic the deck does not have
   */
  public Future<JsonObject> round(UUID deckId, UUID account, int count, Set<String> topics) {
    int size = Math.max(1, Math.min(MAX_ROUND, count));
    Instant now = clock.instant();
    return decks
        .get(deckId, account)
        .compose(
            deck -> {
              for (String topic : topics) {
                if (!deck.topics().contains(topic)) {
                  throw Problem.invalid(
                      "invalid_topic",
                      "\""
                          + (topic.length() > 80 ? topic.substring(0, 80) + "…" : topic)
                          + "\" is not one of the deck's topics.");
                }
              }
              return decks.questions(deckId, account);
            })
        .compose(
            all ->
                inPlay(deckId, account)
                    .map(
                        inPlay ->
                            all.stream()
                                .filter(q -> !inPlay.contains(q.id()))
                                .filter(q -> topics.isEmpty() || topics.contains(q.topic()))
                                .toList()))
        .compose(
            questions ->
                MasteryStore.ofDeck(pool, deckId, account)
                    .map(cards -> choose(questions, cards, size, now)));
  }

  private JsonObject choose(
      List<Question> questions, Map<String, Fsrs.Card> cards, int size, Instant now) {
    List<Question> due = new ArrayList<>();
    List<Question> fresh = new ArrayList<>();
    List<Question> later = new ArrayList<>();
    for (Question question : questions) {
      Fsrs.Card card = cards.get(question.id());
      if (card == null) {
        fresh.add(question);
      } else if (!card.due().isAfter(now)) {
        due.add(question);
      } else {
        later.add(question);
      }
    }
    Comparator<Question> weakestFirst =
        Comparator.comparingDouble(q -> fsrs.retrievability(cards.get(q.id()), now));
    due.sort(weakestFirst);
    later.sort(weakestFirst);
    List<Question> round = new ArrayList<>();
    for (List<Question> part : List.of(due, fresh, later)) {
      for (Question question : part) {
        if (round.size() < size) {
          round.add(question);
        }
      }
    }
    JsonArray out = new JsonArray();
    for (Question question : round) {
      Fsrs.Card card = cards.get(question.id());
      out.add(
          QuestionJson.withoutKey(question)
              .put("status", card == null ? "new" : !card.due().isAfter(now) ? "due" : "learning"));
    }
    return new JsonObject()
        .put("questions", out)
        .put("due", due.size())
        .put("new", fresh.size())
        .put("total", questions.size());
  }

  /** Judges one practice answer, updates the memory model and returns the reveal. */
  public Future<JsonObject> answer(
      UUID deckId, UUID account, String questionId, Response response, long responseMs) {
    Instant now = clock.instant();
    return decks
        .questions(deckId, account)
        .compose(
            questions -> {
              Question question =
                  questions.stream()
                      .filter(q -> q.id().equals(questionId))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              Problem.notFound(
                                  "question_not_found", "That question is not in this deck."));
              return inPlay(deckId, account)
                  .compose(
                      inPlay -> {
                        if (inPlay.contains(questionId)) {
                          throw Problem.conflict(
                              "question_in_play",
                              "A game, or an exam sitting scheduled or under way in your group, asks this question: practise it when it is over.");
                        }
                        return judge(question, account, questionId, response, responseMs, now)
                            .compose(
                                reveal ->
                                    itemAnalysis
                                        .recordPractice(
                                            deckId,
                                            account,
                                            question,
                                            response,
                                            reveal.getBoolean("correct"),
                                            responseMs,
                                            now)
                                        // The answer is judged and the schedule moved on: a figure
                                        // missed is no reason to fail it.
                                        .recover(
                                            e -> {
                                              LOG.warn(
                                                  "practice answer on deck {} not recorded for item analysis",
                                                  deckId,
                                                  e);
                                              return Future.succeededFuture();
                                            })
                                        .map(reveal));
                      });
            });
  }

  private Future<JsonObject> judge(
      Question question,
      UUID account,
      String questionId,
      Response response,
      long responseMs,
      Instant now) {
    double credit = Judge.credit(question, response);
    boolean correct = credit >= 1.0;
    Fsrs.Rating rating =
        MasteryRecorder.rating(correct, Math.max(0, responseMs), PRACTICE_ALLOWED_MS);
    return mastery
        .review(account, questionId, rating, now)
        .map(
            card ->
                new JsonObject()
                    .put("correct", correct)
                    .put("credit", Math.round(credit * 1000) / 1000.0)
                    .put("answer", question.answer())
                    .put("key", QuestionJson.key(question))
                    .put("question", QuestionJson.toJson(question))
                    .put(
                        "mastery",
                        new JsonObject()
                            .put("rating", rating.name().toLowerCase(java.util.Locale.ROOT))
                            .put("due", card.due().toString())
                            .put("stability", Math.round(card.stability() * 100) / 100.0)
                            .put("difficulty", Math.round(card.difficulty() * 100) / 100.0)
                            .put("reps", card.reps())
                            .put("lapses", card.lapses())));
  }
}
