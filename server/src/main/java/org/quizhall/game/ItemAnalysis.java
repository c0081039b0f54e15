package org.quizhall.game;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.Response;

/**
 * Item analysis of a deck's questions over every finished game, closed assignment and practice
 * answer. Each finished game is folded once into {@code item_stats} (sums per question version, see
 * {@link ItemTally}), on the first read after it ends, so that reading a deck's figures costs one
 * small row per question however many answers lie behind them.
 */
public final class ItemAnalysis {

  /** The top and bottom 27% of a game's players are its upper and lower groups. */
  static final double GROUP_SHARE = 0.27;

  /** Games with fewer players have no upper and lower groups. */
  static final int GROUP_MIN_PLAYERS = 4;

  /** Practice answers folded per read, so one read never holds an unbounded batch. */
  static final int PRACTICE_BATCH = 50_000;

  private final Vertx vertx;
  private final Pool pool;
  private final GameWriter writer;

  private final java.time.Clock clock;

  public ItemAnalysis(Vertx vertx, Pool pool, GameWriter writer, java.time.Clock clock) {
    this.clock = clock;
    this.vertx = vertx;
    this.pool = pool;
    this.writer = writer;
  }

  /** A question version's figures, and the flags on the question. */
  public record Figures(Map<String, ItemTally> byVersion, Flags flags) {}

  /** Flags on a question: how many for each reason, and the latest comments. */
  public record Flags(Map<String, Integer> byReason, List<FlagComment> comments) {
    public int total() {
      return byReason.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public record FlagComment(String reason, String comment, String nickname, Instant at) {}

  /**
   * Every question's tallies and flags for one deck, keyed by question id. Folds first whatever
   * finished since the last read, so the figures include every game that has ended.
   */
  public Future<Map<String, Figures>> figures(UUID deckId) {
    Future<Map<String, Flags>> flagged = flags(deckId);
    Future<RowSet<Row>> tallies =
        writer
            .drainedWithin()
            .compose(v -> fold(deckId))
            .compose(
                v ->
                    pool.preparedQuery(
                            "SELECT question_id, version, tally FROM item_stats WHERE deck_id = $1")
                        .execute(Tuple.of(deckId)));
    return Future.all(flagged, tallies)
        .map(
            both -> {
              RowSet<Row> stats = tallies.result();
              Map<String, Flags> flags = flagged.result();
              Map<String, Figures> out = new HashMap<>();
              for (Row row : stats) {
                out.computeIfAbsent(
                        row.getString("question_id"),
                        id -> new Figures(new HashMap<>(), flags.getOrDefault(id, NO_FLAGS)))
                    .byVersion()
                    .put(
                        row.getString("version"),
                        ItemTally.fromJson((JsonObject) row.getValue("tally")));
              }
              flags.forEach(
                  (id, f) -> out.computeIfAbsent(id, k -> new Figures(new HashMap<>(), f)));
              return out;
            });
  }

  private static final Flags NO_FLAGS = new Flags(Map.of(), List.of());

  /** Records a practice answer, to be folded into the figures like a game's. */
  public Future<Void> recordPractice(
      UUID deckId,
      UUID account,
      Question question,
      Response response,
      boolean correct,
      long responseMs,
      Instant at) {
    return pool.preparedQuery(
            "INSERT INTO practice_answers (deck_id, account_id, question_id, body, choice, choices, text_answer,"
                + " correct, response_ms, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .execute(
            Tuple.tuple()
                .addUUID(deckId)
                .addUUID(account)
                .addString(question.id())
                .addValue(QuestionJson.toJson(question))
                .addInteger(response.choice())
                .addArrayOfInteger(response.choiceArray())
                .addString(response.text())
                .addBoolean(correct)
                .addInteger((int) Math.min(Integer.MAX_VALUE, Math.max(0, responseMs)))
                .addOffsetDateTime(at.atOffset(java.time.ZoneOffset.UTC)))
        .mapEmpty();
  }

  /**
   * The version of a question its answers count for: a digest of what they were judged against
   * (type, prompt, options and key). An edit to any of these starts its figures afresh; one to its
   * explanation or topic does not.
   */
  public static String version(Question q) {
    StringBuilder s =
        new StringBuilder().append(q.type().jsonName()).append('\u0000').append(q.prompt());
    for (List<?> part : List.of(q.options(), q.accepted(), q.keys(), q.matches())) {
      s.append('\u0001');
      for (Object o : part) {
        s.append(o).append('\u0000');
      }
    }
    s.append('\u0001').append(q.correct());
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * The option texts an answer chose: for multiple choice, true/false and multiple response; none
   * otherwise.
   */
  static List<String> chosenOptions(Question q, Integer choice, List<Integer> choices) {
    List<String> out = new ArrayList<>();
    if ((q.type() == QuestionType.MULTIPLE_CHOICE || q.type() == QuestionType.TRUE_FALSE)
        && choice != null
        && choice >= 0
        && choice < q.options().size()) {
      out.add(q.options().get(choice));
    } else if (q.type() == QuestionType.MULTIPLE_RESPONSE && choices != null) {
      for (int c : choices) {
        if (c >= 0 && c < q.options().size()) {
          out.add(q.options().get(c));
        }
      }
    }
    return out;
  }

  /**
   * Folds the deck's finished, unfolded games and its new practice answers into item_stats, a batch
   * per transaction. A read that finds another one folding the same deck serves the figures as they
   * stand rather than wait for it with a connection held.
   */
  private Future<Void> fold(UUID deckId) {
    // Most reads find nothing new: one cheap look saves the transaction and its lock.
    return pool.preparedQuery(
            "SELECT EXISTS (SELECT 1 FROM games WHERE deck_id = $1 AND analysed_at IS NULL AND ended_at <= $2)"
                + " OR EXISTS (SELECT 1 FROM practice_answers WHERE deck_id = $1 AND NOT analysed) AS pending")
        .execute(Tuple.of(deckId, GameSql.at(clock)))
        .compose(
            rows ->
                rows.iterator().next().getBoolean("pending")
                    ? foldBatch(deckId)
                        .compose(more -> more ? fold(deckId) : Future.succeededFuture())
                    : Future.succeededFuture());
  }

  /** Games folded per transaction: a first read after thousands of games holds no lock for long. */
  static final int GAME_BATCH = 100;

  /**
   * One batch; true when it folded something and more may be waiting, false when another read holds
   * the lock.
   */
  private Future<Boolean> foldBatch(UUID deckId) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(
                    Tuple.of(deckId.getMostSignificantBits() ^ deckId.getLeastSignificantBits()))
                .compose(
                    lock ->
                        lock.iterator().next().getBoolean("locked")
                            ? foldLocked(connection, deckId).map(true)
                            : Future.succeededFuture(false)));
  }

  private Future<Void> foldLocked(SqlConnection connection, UUID deckId) {
    return connection
        .preparedQuery(
            "UPDATE games SET analysed_at = now() WHERE id IN (SELECT id FROM games WHERE deck_id = $1"
                + " AND analysed_at IS NULL AND ended_at <= $3 LIMIT $2) RETURNING id")
        .execute(Tuple.of(deckId, GAME_BATCH, GameSql.at(clock)))
        .compose(
            games -> {
              List<UUID> ids = new ArrayList<>();
              games.forEach(row -> ids.add(row.getUUID("id")));
              Map<Key, ItemTally> delta = new LinkedHashMap<>();
              Future<Void> chain = Future.succeededFuture();
              for (UUID game : ids) {
                chain = chain.compose(x -> foldGame(connection, game, delta));
              }
              return chain
                  .compose(x -> foldPractice(connection, deckId, delta))
                  .compose(x -> store(connection, deckId, delta));
            });
  }

  private record Key(String questionId, String version) {}

  private record AnswerRow(
      UUID player, int index, Integer choice, List<Integer> choices, boolean correct, long ms) {}

  private Future<Void> foldGame(SqlConnection connection, UUID game, Map<Key, ItemTally> delta) {
    Future<RowSet<Row>> questions =
        connection
            .preparedQuery(
                "SELECT position, question_id, body FROM game_questions WHERE game_id = $1")
            .execute(Tuple.of(game));
    Future<RowSet<Row>> answers =
        questions.compose(
            q ->
                connection
                    .preparedQuery(
                        "SELECT player_id, question_index, choice, choices, correct, response_ms FROM answers WHERE game_id = $1")
                    .execute(Tuple.of(game)));
    return answers.compose(
        rows -> {
          Map<Integer, Question> asked = new HashMap<>();
          questions
              .result()
              .forEach(
                  r ->
                      asked.put(
                          r.getInteger("position"),
                          QuestionJson.fromJson((JsonObject) r.getValue("body"))));
          List<AnswerRow> list = new ArrayList<>(rows.size());
          for (Row r : rows) {
            Integer[] choices = r.getArrayOfIntegers("choices");
            list.add(
                new AnswerRow(
                    r.getUUID("player_id"),
                    r.getInteger("question_index"),
                    r.getInteger("choice"),
                    choices == null ? null : List.of(choices),
                    r.getBoolean("correct"),
                    r.getInteger("response_ms")));
          }
          // Thousands of answers are summed off the event loop.
          return vertx
              .executeBlocking(
                  () -> {
                    tallyGame(asked, list, delta);
                    return null;
                  },
                  false)
              .mapEmpty();
        });
  }

  /** One game's answers into tallies: each answer, and where its player stands in the game. */
  static void tallyGame(
      Map<Integer, Question> asked, List<AnswerRow> answers, Map<Key, ItemTally> delta) {
    Map<Integer, Key> keys = new HashMap<>();
    asked.forEach(
        (position, q) -> {
          Key key = new Key(q.id(), version(q));
          keys.put(position, key);
          delta.computeIfAbsent(key, k -> new ItemTally()).games++;
        });
    Map<UUID, int[]> totals = new HashMap<>();
    for (AnswerRow a : answers) {
      int[] t = totals.computeIfAbsent(a.player(), p -> new int[2]);
      t[0] += a.correct() ? 1 : 0;
      t[1]++;
    }
    Map<UUID, ItemTally.Group> groups = groups(totals);
    for (AnswerRow a : answers) {
      Key key = keys.get(a.index());
      if (key == null) {
        continue;
      }
      Question q = asked.get(a.index());
      List<String> options = chosenOptions(q, a.choice(), a.choices());
      ItemTally tally = delta.get(key);
      tally.add(a.correct(), a.ms(), options);
      int[] t = totals.get(a.player());
      Double rest = t[1] < 2 ? null : (double) (t[0] - (a.correct() ? 1 : 0)) / (t[1] - 1);
      tally.addStanding(
          a.correct(), rest, groups.getOrDefault(a.player(), ItemTally.Group.MIDDLE), options);
    }
  }

  /**
   * The upper and lower 27% of a game's players by the share of their answers that were right (so a
   * late joiner is not put low for the questions they missed), then by how many; none in a game of
   * fewer than four.
   */
  static Map<UUID, ItemTally.Group> groups(Map<UUID, int[]> totals) {
    Map<UUID, ItemTally.Group> out = new HashMap<>();
    if (totals.size() < GROUP_MIN_PLAYERS) {
      return out;
    }
    List<Map.Entry<UUID, int[]>> ranked = new ArrayList<>(totals.entrySet());
    ranked.sort(
        Comparator.<Map.Entry<UUID, int[]>>comparingDouble(
                e -> -(double) e.getValue()[0] / e.getValue()[1])
            .thenComparingInt(e -> -e.getValue()[0])
            .thenComparing(e -> e.getKey()));
    int size = Math.max(1, (int) Math.round(GROUP_SHARE * ranked.size()));
    for (int i = 0; i < ranked.size(); i++) {
      out.put(
          ranked.get(i).getKey(),
          i < size
              ? ItemTally.Group.UPPER
              : i >= ranked.size() - size ? ItemTally.Group.LOWER : ItemTally.Group.MIDDLE);
    }
    return out;
  }

  private Future<Void> foldPractice(
      SqlConnection connection, UUID deckId, Map<Key, ItemTally> delta) {
    return connection
        .preparedQuery(
            "UPDATE practice_answers SET analysed = true WHERE id IN (SELECT id FROM practice_answers"
                + " WHERE deck_id = $1 AND NOT analysed ORDER BY id LIMIT $2 FOR UPDATE)"
                + " RETURNING question_id, body, choice, choices, correct, response_ms")
        .execute(Tuple.of(deckId, PRACTICE_BATCH))
        .compose(
            rows ->
                vertx.executeBlocking(
                    () -> {
                      Map<JsonObject, Key> keys = new HashMap<>();
                      Map<JsonObject, Question> parsed = new HashMap<>();
                      for (Row r : rows) {
                        JsonObject body = (JsonObject) r.getValue("body");
                        Question q = parsed.computeIfAbsent(body, QuestionJson::fromJson);
                        Key key = keys.computeIfAbsent(body, b -> new Key(q.id(), version(q)));
                        Integer[] choices = r.getArrayOfIntegers("choices");
                        ItemTally tally = delta.computeIfAbsent(key, k -> new ItemTally());
                        tally.add(
                            r.getBoolean("correct"),
                            r.getInteger("response_ms"),
                            chosenOptions(
                                q,
                                r.getInteger("choice"),
                                choices == null ? null : List.of(choices)));
                        tally.practice++;
                      }
                      return (Void) null;
                    },
                    false));
  }

  private static Future<Void> store(
      SqlConnection connection, UUID deckId, Map<Key, ItemTally> delta) {
    if (delta.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> ids = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    delta
        .keySet()
        .forEach(
            k -> {
              ids.add(k.questionId());
              versions.add(k.version());
            });
    return connection
        .preparedQuery(
            "SELECT question_id, version, tally FROM item_stats WHERE deck_id = $1"
                + " AND (question_id, version) IN (SELECT * FROM unnest($2::text[], $3::text[]))")
        .execute(Tuple.of(deckId, ids.toArray(String[]::new), versions.toArray(String[]::new)))
        .compose(
            existing -> {
              for (Row row : existing) {
                ItemTally tally =
                    delta.get(new Key(row.getString("question_id"), row.getString("version")));
                if (tally != null) {
                  tally.merge(ItemTally.fromJson((JsonObject) row.getValue("tally")));
                }
              }
              List<Tuple> rows = new ArrayList<>();
              delta.forEach(
                  (k, t) -> rows.add(Tuple.of(deckId, k.questionId(), k.version(), t.toJson())));
              return connection
                  .preparedQuery(
                      "INSERT INTO item_stats (deck_id, question_id, version, tally) VALUES ($1, $2, $3, $4)"
                          + " ON CONFLICT (deck_id, question_id, version) DO UPDATE SET tally = EXCLUDED.tally")
                  .executeBatch(rows)
                  .mapEmpty();
            });
  }

  private Future<Map<String, Flags>> flags(UUID deckId) {
    Future<RowSet<Row>> counts =
        pool.preparedQuery(
                "SELECT f.question_id, f.reason, count(*)::int AS n FROM question_flags f JOIN games g ON g.id = f.game_id"
                    + " WHERE g.deck_id = $1 GROUP BY f.question_id, f.reason")
            .execute(Tuple.of(deckId));
    Future<RowSet<Row>> comments =
        pool.preparedQuery(
                "SELECT * FROM (SELECT f.question_id, f.reason, f.comment, f.flagged_at, p.nickname, row_number() OVER"
                    + " (PARTITION BY f.question_id ORDER BY f.flagged_at DESC) AS nth FROM question_flags f"
                    + " JOIN games g ON g.id = f.game_id JOIN game_players p ON p.id = f.player_id"
                    + " WHERE g.deck_id = $1 AND f.comment IS NOT NULL) c WHERE nth <= 5")
            .execute(Tuple.of(deckId));
    return Future.all(counts, comments)
        .map(
            done -> {
              Map<String, Map<String, Integer>> byReason = new HashMap<>();
              counts
                  .result()
                  .forEach(
                      r ->
                          byReason
                              .computeIfAbsent(
                                  r.getString("question_id"), k -> new LinkedHashMap<>())
                              .put(r.getString("reason"), r.getInteger("n")));
              Map<String, List<FlagComment>> said = new HashMap<>();
              comments
                  .result()
                  .forEach(
                      r ->
                          said.computeIfAbsent(r.getString("question_id"), k -> new ArrayList<>())
                              .add(
                                  new FlagComment(
                                      r.getString("reason"),
                                      r.getString("comment"),
                                      r.getString("nickname"),
                                      r.getOffsetDateTime("flagged_at").toInstant())));
              Map<String, Flags> out = new HashMap<>();
              byReason.forEach(
                  (id, reasons) ->
                      out.put(id, new Flags(reasons, said.getOrDefault(id, List.of()))));
              return out;
            });
  }
}
