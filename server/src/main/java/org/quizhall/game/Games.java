package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
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
 * Games as records: created when a room opens, read back as results once the answers are written.
 */
public final class Games {

  /** One player's line in the results. */
  public record PlayerResult(
      int rank,
      String nickname,
      int score,
      int correctCount,
      int answeredCount,
      double meanResponseMs) {}

  /**
   * One question's line in the results; {@code distribution} counts answers per option (or
   * correct/incorrect when typed).
   */
  public record QuestionResult(
      int index,
      String questionId,
      String prompt,
      String answerType,
      List<String> options,
      int answered,
      int correctCount,
      List<Integer> distribution) {

    public double correctRate() {
      return answered == 0 ? 0 : (double) correctCount / answered;
    }
  }

  public record Results(
      UUID gameId,
      String roomCode,
      boolean finished,
      List<PlayerResult> players,
      List<QuestionResult> questions) {}

  private final Pool pool;
  private final GameWriter writer;
  private final java.time.Clock clock;

  /** The server's clock, which every query that asks whether a game has ended goes by. */
  public java.time.Clock clock() {
    return clock;
  }

  public Games(Pool pool, GameWriter writer, java.time.Clock clock) {
    this.pool = pool;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * The id a game's question goes by outside the deck (live rooms, assignments): stable for one
   * game and position, so it survives a checkpoint, but unrelated to the deck question's id, which
   * would let a player look the key up.
   */
  public static String questionId(UUID gameId, int position) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest((gameId + ":" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /**
   * The ids of a deck's questions that a game still in play is asking. Study modes keep their keys
   * to themselves until the game is over, or a player could practise a live question to be told its
   * answer.
   */
  public Future<java.util.Set<String>> questionsInPlay(UUID deckId, UUID account) {
    return pool.preparedQuery(GameSql.QUESTIONS_IN_PLAY)
        .execute(Tuple.of(deckId, account, GameSql.at(clock)))
        .map(
            rows -> {
              java.util.Set<String> ids = new java.util.HashSet<>();
              rows.forEach(row -> ids.add(row.getString("question_id")));
              return ids;
            });
  }

  /**
   * A game that may still have its room open: its code, deck title (null once the deck is gone),
   * group (or null), when it opened, whether it started, and how many joined.
   */
  public record Unfinished(
      UUID gameId,
      String roomCode,
      String deckTitle,
      UUID groupId,
      java.time.Instant openedAt,
      boolean started,
      int players) {}

  /** The unfinished games an account hosted, newest first: see {@link GameSql#UNFINISHED_GAMES}. */
  public Future<List<Unfinished>> unfinishedHostedBy(UUID hostId) {
    return unfinished(Tuple.tuple().addUUID(hostId).addUUID(null).addValue(GameSql.at(clock)));
  }

  /** The unfinished games played in a group, newest first. */
  public Future<List<Unfinished>> unfinishedInGroup(UUID groupId) {
    return unfinished(Tuple.tuple().addUUID(null).addUUID(groupId).addValue(GameSql.at(clock)));
  }

  private Future<List<Unfinished>> unfinished(Tuple who) {
    return pool.preparedQuery(GameSql.UNFINISHED_GAMES)
        .execute(who)
        .map(
            rows -> {
              List<Unfinished> all = new ArrayList<>();
              for (Row row : rows) {
                all.add(
                    new Unfinished(
                        row.getUUID("id"),
                        row.getString("room_code"),
                        row.getString("deck_title"),
                        row.getUUID("group_id"),
                        row.getOffsetDateTime("created_at").toInstant(),
                        row.getBoolean("started"),
                        row.getInteger("players")));
              }
              return all;
            });
  }

  /** Records a new game and the questions it will ask, before its room opens. */
  public Future<Void> create(
      UUID gameId,
      String roomCode,
      UUID deckId,
      UUID groupId,
      UUID hostId,
      JsonObject settings,
      List<Question> questions) {
    return pool.withTransaction(
        connection -> {
          List<Tuple> rows = new ArrayList<>();
          for (int i = 0; i < questions.size(); i++) {
            rows.add(
                Tuple.of(gameId, i, questions.get(i).id(), QuestionJson.toJson(questions.get(i))));
          }
          return connection
              .preparedQuery(GameSql.INSERT_GAME)
              .execute(
                  Tuple.of(gameId, roomCode, deckId, hostId, settings, groupId, GameSql.at(clock)))
              .compose(
                  v -> connection.preparedQuery(GameSql.INSERT_GAME_QUESTION).executeBatch(rows))
              .mapEmpty();
        });
  }

  /**
   * The results of a game for its host or one of its players (by account, or by a guest's resume
   * token). Waits until every answer reported so far is written, so the results are complete.
   */
  public Future<Results> results(UUID gameId, UUID accountId, byte[] resumeDigest) {
    return writer
        .drainedWithin()
        .compose(
            v ->
                pool.preparedQuery(GameSql.CAN_READ)
                    .execute(
                        Tuple.of(
                            gameId,
                            accountId,
                            resumeDigest == null ? null : Buffer.buffer(resumeDigest),
                            GameSql.at(clock))))
        .compose(
            allowed -> {
              if (allowed.size() == 0) {
                return Future.failedFuture(
                    Problem.notFound(
                        "game_not_found",
                        "There is no such game, or you did not take part in it."));
              }
              Row access = allowed.iterator().next();
              if (!access.getBoolean("is_host") && !access.getBoolean("ended")) {
                // Mid-game results would show players the answer distribution of the open question.
                return Future.failedFuture(
                    Problem.conflict(
                        "game_in_progress", "The results are ready when the game has ended."));
              }
              return load(gameId);
            });
  }

  private Future<Results> load(UUID gameId) {
    Future<Row> game =
        pool.preparedQuery(GameSql.GAME)
            .execute(Tuple.of(gameId))
            .map(rows -> rows.iterator().next());
    Future<List<PlayerResult>> players =
        pool.preparedQuery(GameSql.PLAYER_RESULTS)
            .execute(Tuple.of(gameId, GameSql.at(clock)))
            .map(
                rows -> {
                  List<PlayerResult> out = new ArrayList<>();
                  int position = 0;
                  for (Row row : rows) {
                    position++;
                    Integer rank = row.getInteger("final_rank");
                    out.add(
                        new PlayerResult(
                            rank == null ? position : rank,
                            row.getString("nickname"),
                            row.getInteger("score"),
                            row.getInteger("correct_count"),
                            row.getInteger("answered_count"),
                            row.getDouble("mean_response_ms")));
                  }
                  return out;
                });
    Future<List<QuestionResult>> questions =
        pool.preparedQuery(GameSql.QUESTIONS)
            .execute(Tuple.of(gameId))
            .compose(
                questionRows ->
                    pool.preparedQuery(GameSql.ANSWER_COUNTS)
                        .execute(Tuple.of(gameId))
                        .map(
                            countRows -> {
                              Map<Integer, List<Row>> counts = new HashMap<>();
                              countRows.forEach(
                                  r ->
                                      counts
                                          .computeIfAbsent(
                                              r.getInteger("question_index"),
                                              k -> new ArrayList<>())
                                          .add(r));
                              List<QuestionResult> out = new ArrayList<>();
                              for (Row row : questionRows) {
                                out.add(
                                    questionResult(
                                        row,
                                        counts.getOrDefault(
                                            row.getInteger("position"), List.of())));
                              }
                              return out;
                            }));
    return Future.all(game, players, questions)
        .map(
            all ->
                new Results(
                    gameId,
                    game.result().getString("room_code"),
                    game.result().getValue("ended_at") != null
                        && !game.result()
                            .getOffsetDateTime("ended_at")
                            .toInstant()
                            .isAfter(clock.instant()),
                    players.result(),
                    questions.result()));
  }

  private static QuestionResult questionResult(Row row, List<Row> counts) {
    Question question = QuestionJson.fromJson((JsonObject) row.getValue("body"));
    boolean byOption =
        question.type() == QuestionType.MULTIPLE_CHOICE
            || question.type() == QuestionType.TRUE_FALSE
            || question.type() == QuestionType.MULTIPLE_RESPONSE;
    int[] distribution = new int[byOption ? question.options().size() : 2];
    int answered = 0;
    int correct = 0;
    for (Row count : counts) {
      int n = count.getInteger("n");
      boolean isCorrect = count.getBoolean("correct");
      answered += n;
      if (isCorrect) {
        correct += n;
      }
      Integer choice = count.getInteger("choice");
      Integer[] choices =
          count.getValue("choices") == null ? null : count.getArrayOfIntegers("choices");
      if (!byOption) {
        distribution[isCorrect ? 0 : 1] += n;
      } else if (choice != null && choice >= 0 && choice < distribution.length) {
        distribution[choice] += n;
      } else if (choices != null) {
        for (Integer c : choices) {
          if (c != null && c >= 0 && c < distribution.length) {
            distribution[c] += n;
          }
        }
      }
    }
    List<Integer> counted = new ArrayList<>();
    for (int n : distribution) {
      counted.add(n);
    }
    return new QuestionResult(
        row.getInteger("position"),
        questionId(row.getUUID("game_id"), row.getInteger("position")),
        question.prompt(),
        question.type().jsonName(),
        question.type() == QuestionType.ORDERING ? question.servedTexts() : question.options(),
        answered,
        correct,
        counted);
  }

  public static JsonObject toJson(Results results) {
    JsonArray players = new JsonArray();
    for (PlayerResult p : results.players()) {
      players.add(
          new JsonObject()
              .put("rank", p.rank())
              .put("nickname", p.nickname())
              .put("score", p.score())
              .put("correct", p.correctCount())
              .put("answered", p.answeredCount())
              .put("meanResponseMs", Math.round(p.meanResponseMs())));
    }
    JsonArray questions = new JsonArray();
    for (QuestionResult q : results.questions()) {
      questions.add(
          new JsonObject()
              .put("index", q.index())
              .put("questionId", q.questionId())
              .put("prompt", q.prompt())
              .put("answerType", q.answerType())
              .put("options", new JsonArray(q.options()))
              .put("answered", q.answered())
              .put("correct", q.correctCount())
              .put("correctRate", Math.round(q.correctRate() * 1000) / 1000.0)
              .put("distribution", new JsonArray(q.distribution())));
    }
    return new JsonObject()
        .put("gameId", results.gameId().toString())
        .put("roomCode", results.roomCode())
        .put("finished", results.finished())
        .put("players", players)
        .put("questions", questions);
  }
}
