package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.QuestionType;
import org.quizhall.problem.Problem;

/**
 * A game as its host grades it: every player against every question, with the answer each gave and
 * the key. For the host only: players see the results, not each other's answers.
 */
public final class Gradebook {

  private final io.vertx.core.Vertx vertx;
  private final Pool pool;
  private final GameWriter writer;

  private final java.time.Clock clock;

  public Gradebook(io.vertx.core.Vertx vertx, Pool pool, GameWriter writer, java.time.Clock clock) {
    this.clock = clock;
    this.vertx = vertx;
    this.pool = pool;
    this.writer = writer;
  }

  /**
   * Runs {@code work} (building a gradebook or its files) on a worker: a room of thousands of
   * players has hundreds of thousands of answers, too many to turn into rows on an event loop.
   */
  public <T> Future<T> offLoop(java.util.concurrent.Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  public record Player(UUID id, int rank, String nickname, int score, int correct, int answered) {}

  /**
   * @param deckQuestionId the question's id in its deck, given only when the host owns the deck (it
   *     opens the question in the editor); null otherwise
   */
  public record Asked(int index, String prompt, String type, String key, String deckQuestionId) {}

  public record Answer(
      UUID player, int index, String given, boolean correct, int points, int responseMs) {}

  public record Sheet(
      UUID gameId,
      String roomCode,
      UUID deckId,
      List<Player> players,
      List<Asked> questions,
      List<Answer> answers) {}

  public Future<Sheet> sheet(UUID gameId, UUID account) {
    return writer
        .drainedWithin()
        .compose(v -> pool.preparedQuery(GameSql.SHEET_ACCESS).execute(Tuple.of(gameId, account)))
        .compose(
            access -> {
              if (access.size() == 0) {
                return Future.failedFuture(
                    Problem.notFound(
                        "game_not_found",
                        "There is no such game, or you did not take part in it."));
              }
              Row row = access.iterator().next();
              if (!row.getBoolean("is_host")) {
                return Future.failedFuture(
                    new Problem(
                        Problem.Kind.FORBIDDEN,
                        "not_host",
                        "Only the game's host sees every player's answers."));
              }
              boolean ownsDeck = row.getBoolean("owns_deck");
              Future<RowSet<Row>> game = pool.preparedQuery(GameSql.GAME).execute(Tuple.of(gameId));
              Future<RowSet<Row>> players =
                  pool.preparedQuery(GameSql.PLAYER_RESULTS)
                      .execute(Tuple.of(gameId, GameSql.at(clock)));
              Future<RowSet<Row>> questions =
                  pool.preparedQuery(GameSql.QUESTIONS).execute(Tuple.of(gameId));
              Future<RowSet<Row>> answers =
                  pool.preparedQuery(GameSql.SHEET_ANSWERS).execute(Tuple.of(gameId));
              return Future.all(game, players, questions, answers)
                  .compose(
                      all ->
                          offLoop(
                              () ->
                                  build(
                                      gameId,
                                      game.result().iterator().next(),
                                      ownsDeck,
                                      players.result(),
                                      questions.result(),
                                      answers.result())));
            });
  }

  private static Sheet build(
      UUID gameId,
      Row game,
      boolean ownsDeck,
      RowSet<Row> playerRows,
      RowSet<Row> questionRows,
      RowSet<Row> answerRows) {
    List<Player> players = new ArrayList<>();
    int position = 0;
    for (Row r : playerRows) {
      position++;
      Integer rank = r.getInteger("final_rank");
      players.add(
          new Player(
              r.getUUID("id"),
              rank == null ? position : rank,
              r.getString("nickname"),
              r.getInteger("score"),
              r.getInteger("correct_count"),
              r.getInteger("answered_count")));
    }
    Map<Integer, Question> byIndex = new HashMap<>();
    List<Asked> questions = new ArrayList<>();
    for (Row r : questionRows) {
      Question q = QuestionJson.fromJson((JsonObject) r.getValue("body"));
      int index = r.getInteger("position");
      byIndex.put(index, q);
      questions.add(
          new Asked(
              index,
              q.prompt(),
              q.type().jsonName(),
              q.answer(),
              ownsDeck ? r.getString("question_id") : null));
    }
    List<Answer> answers = new ArrayList<>();
    for (Row r : answerRows) {
      int index = r.getInteger("question_index");
      Integer[] choices = r.getArrayOfIntegers("choices");
      answers.add(
          new Answer(
              r.getUUID("player_id"),
              index,
              given(
                  byIndex.get(index),
                  r.getInteger("choice"),
                  choices == null ? null : List.of(choices),
                  r.getString("text_answer")),
              r.getBoolean("correct"),
              r.getInteger("points"),
              r.getInteger("response_ms")));
    }
    answers.sort(java.util.Comparator.comparingInt(Answer::index));
    return new Sheet(
        gameId, game.getString("room_code"), game.getUUID("deck_id"), players, questions, answers);
  }

  /**
   * The answer in words, as the player saw the options: the option, the options chosen, the order
   * or the pairs.
   */
  public static String given(Question q, Integer choice, List<Integer> choices, String text) {
    if (text != null) {
      return text;
    }
    if (q == null) {
      return "";
    }
    if (choice != null) {
      return choice >= 0 && choice < q.options().size() ? q.options().get(choice) : "";
    }
    if (choices == null) {
      return "";
    }
    List<String> words = new ArrayList<>();
    if (q.type() == QuestionType.MULTIPLE_RESPONSE) {
      choices.stream()
          .filter(c -> c >= 0 && c < q.options().size())
          .forEach(c -> words.add(q.options().get(c)));
      return String.join("; ", words);
    }
    List<String> served = q.servedTexts();
    if (q.type() == QuestionType.ORDERING) {
      choices.stream()
          .filter(c -> c >= 0 && c < served.size())
          .forEach(c -> words.add(served.get(c)));
      return String.join(" → ", words);
    }
    for (int term = 0; term < Math.min(choices.size(), q.options().size()); term++) {
      int match = choices.get(term);
      words.add(
          q.options().get(term)
              + " → "
              + (match >= 0 && match < served.size() ? served.get(match) : "?"));
    }
    return String.join("; ", words);
  }

  public static JsonObject toJson(Sheet sheet) {
    JsonArray players = new JsonArray();
    sheet
        .players()
        .forEach(
            p ->
                players.add(
                    new JsonObject()
                        .put("id", p.id().toString())
                        .put("rank", p.rank())
                        .put("nickname", p.nickname())
                        .put("score", p.score())
                        .put("correct", p.correct())
                        .put("answered", p.answered())));
    JsonArray questions = new JsonArray();
    sheet
        .questions()
        .forEach(
            q ->
                questions.add(
                    new JsonObject()
                        .put("index", q.index())
                        .put("prompt", q.prompt())
                        .put("type", q.type())
                        .put("key", q.key())
                        .put("deckQuestionId", q.deckQuestionId())));
    JsonArray answers = new JsonArray();
    sheet
        .answers()
        .forEach(
            a ->
                answers.add(
                    new JsonObject()
                        .put("player", a.player().toString())
                        .put("index", a.index())
                        .put("given", a.given())
                        .put("correct", a.correct())
                        .put("points", a.points())
                        .put("responseMs", a.responseMs())));
    return new JsonObject()
        .put("gameId", sheet.gameId().toString())
        .put("roomCode", sheet.roomCode())
        .put("deckId", sheet.deckId() == null ? null : sheet.deckId().toString())
        .put("players", players)
        .put("questions", questions)
        .put("answers", answers);
  }
}
