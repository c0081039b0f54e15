package org.quizhall.deck;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every SQL statement about decks and their questions, in one place. */
final class DeckStore {

  private static final String SUMMARY_COLUMNS =
      "id, owner_id, title, is_public, question_count, kinds, topics, warnings, created_at, updated_at";

  /** Who may see a deck: everyone when public, its owner, and the members of the group it is shared with. */
  private static final String VISIBLE_TO_2 =
      "(is_public OR owner_id = $2 OR group_id IN (SELECT group_id FROM group_members WHERE account_id = $2))";

  private final Pool pool;

  DeckStore(Pool pool) {
    this.pool = pool;
  }

  Future<DeckSummary> insert(UUID ownerId, String title, String notes, boolean isPublic, String sampleKey, long seed,
      GeneratedDeck deck) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "INSERT INTO decks (owner_id, title, notes, is_public, sample_key, seed, question_count, kinds,"
                        + " topics, warnings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING "
                        + SUMMARY_COLUMNS)
                .execute(
                    Tuple.tuple()
                        .addUUID(ownerId)
                        .addString(title)
                        .addString(notes)
                        .addBoolean(isPublic)
                        .addString(sampleKey)
                        .addLong(seed)
                        .addInteger(deck.questions().size())
                        .addValue(kindsJson(deck))
                        .addValue(new JsonArray(deck.topics()))
                        .addValue(warningsJson(deck.warnings())))
                .map(rows -> summary(rows.iterator().next()))
                .compose(summary -> insertQuestions(connection, summary.id(), deck.questions()).map(summary)));
  }

  Future<Optional<DeckSummary>> update(UUID id, String title, String notes, boolean isPublic, GeneratedDeck deck) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "UPDATE decks SET title = $2, notes = $3, is_public = $4, question_count = $5, kinds = $6,"
                        + " topics = $7, warnings = $8, updated_at = now() WHERE id = $1 RETURNING "
                        + SUMMARY_COLUMNS)
                .execute(
                    Tuple.tuple()
                        .addUUID(id)
                        .addString(title)
                        .addString(notes)
                        .addBoolean(isPublic)
                        .addInteger(deck.questions().size())
                        .addValue(kindsJson(deck))
                        .addValue(new JsonArray(deck.topics()))
                        .addValue(warningsJson(deck.warnings())))
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<DeckSummary>empty());
                      }
                      DeckSummary summary = summary(rows.iterator().next());
                      return connection
                          .preparedQuery("DELETE FROM deck_questions WHERE deck_id = $1")
                          .execute(Tuple.of(id))
                          .compose(v -> insertQuestions(connection, id, deck.questions()))
                          .map(v -> Optional.of(summary));
                    }));
  }

  /** The deck if {@code viewer} (who may be null) may see it: public, theirs, or shared with their group. */
  Future<Optional<DeckSummary>> visible(UUID id, UUID viewer) {
    return pool.preparedQuery(
            "SELECT " + SUMMARY_COLUMNS + " FROM decks WHERE id = $1 AND " + VISIBLE_TO_2)
        .execute(Tuple.of(id, viewer))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
  }

  Future<Optional<Long>> seedAndOwner(UUID id, UUID owner) {
    return pool.preparedQuery("SELECT seed FROM decks WHERE id = $1 AND owner_id = $2")
        .execute(Tuple.of(id, owner))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("seed")));
  }

  Future<List<DeckSummary>> list(UUID viewer) {
    return pool.preparedQuery(
            "SELECT " + SUMMARY_COLUMNS + " FROM decks WHERE "
                + VISIBLE_TO_2.replace("$2", "$1") + " ORDER BY owner_id IS NULL, created_at DESC LIMIT 500")
        .execute(Tuple.of(viewer))
        .map(
            rows -> {
              List<DeckSummary> out = new ArrayList<>();
              rows.forEach(row -> out.add(summary(row)));
              return out;
            });
  }

  Future<List<Question>> questions(UUID deckId) {
    return pool.preparedQuery("SELECT body FROM deck_questions WHERE deck_id = $1 ORDER BY position")
        .execute(Tuple.of(deckId))
        .map(
            rows -> {
              List<Question> out = new ArrayList<>();
              rows.forEach(row -> out.add(QuestionJson.fromJson((JsonObject) row.getValue("body"))));
              return out;
            });
  }

  Future<Boolean> delete(UUID id, UUID owner) {
    return pool.preparedQuery("DELETE FROM decks WHERE id = $1 AND owner_id = $2")
        .execute(Tuple.of(id, owner))
        .map(rows -> rows.rowCount() > 0);
  }

  Future<Boolean> sampleExists(String sampleKey) {
    return pool.preparedQuery("SELECT 1 FROM decks WHERE sample_key = $1")
        .execute(Tuple.of(sampleKey))
        .map(rows -> rows.size() > 0);
  }

  private static Future<Void> insertQuestions(SqlConnection connection, UUID deckId, List<Question> questions) {
    if (questions.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>(questions.size());
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      rows.add(Tuple.of(deckId, q.id(), i, q.kind(), q.topic(), QuestionJson.toJson(q)));
    }
    return connection
        .preparedQuery(
            "INSERT INTO deck_questions (deck_id, question_id, position, kind, topic, body)"
                + " VALUES ($1, $2, $3, $4, $5, $6)")
        .executeBatch(rows)
        .mapEmpty();
  }

  private static JsonObject kindsJson(GeneratedDeck deck) {
    JsonObject kinds = new JsonObject();
    deck.kinds().forEach(kinds::put);
    return kinds;
  }

  private static JsonArray warningsJson(List<GenerationWarning> warnings) {
    JsonArray out = new JsonArray();
    for (GenerationWarning w : warnings) {
      out.add(new JsonObject().put("line", w.line()).put("text", w.text()).put("reason", w.reason()));
    }
    return out;
  }

  private static DeckSummary summary(Row row) {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    JsonObject kindsJson = (JsonObject) row.getValue("kinds");
    kindsJson.forEach(e -> kinds.put(e.getKey(), ((Number) e.getValue()).intValue()));
    List<String> topics = ((JsonArray) row.getValue("topics")).stream().map(String::valueOf).toList();
    List<GenerationWarning> warnings = new ArrayList<>();
    for (Object w : (JsonArray) row.getValue("warnings")) {
      JsonObject warning = (JsonObject) w;
      warnings.add(new GenerationWarning(warning.getInteger("line"), warning.getString("text"), warning.getString("reason")));
    }
    return new DeckSummary(
        row.getUUID("id"),
        row.getUUID("owner_id"),
        row.getString("title"),
        row.getBoolean("is_public"),
        row.getInteger("question_count"),
        kinds,
        topics,
        warnings,
        row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant());
  }
}
