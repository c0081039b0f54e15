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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.quizhall.problem.Problem;

/** Every SQL statement about decks and their questions, in one place. */
final class DeckStore {

  private static final String SUMMARY_COLUMNS =
      "id, owner_id, title, is_public, question_count, kinds, topics, warnings, created_at, updated_at,"
          + " default_kinds, revision, group_id";

  private static final String ROW_COLUMNS =
      "body, origin, hidden, fact, original, review, edited_at";

  /** Questions a round, practice or an assignment may ask. */
  private static final String PLAYABLE = "NOT q.hidden AND q.review IS NULL";

  /**
   * After a change to a deck's questions: what a round can ask, counted again, and one more
   * revision.
   */
  private static final String RECOUNT =
      "UPDATE decks SET revision = revision + 1, updated_at = now(),"
          + " question_count = (SELECT count(*) FROM deck_questions q WHERE q.deck_id = $1 AND "
          + PLAYABLE
          + "),"
          + " kinds = COALESCE((SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*) AS n"
          + " FROM deck_questions q WHERE q.deck_id = $1 AND "
          + PLAYABLE
          + " GROUP BY kind) k), '{}'::jsonb)"
          + " WHERE id = $1 RETURNING "
          + SUMMARY_COLUMNS;

  /**
   * Who may see a deck: everyone when public, its owner, and the members of the group it is shared
   * with.
   */
  private static final String VISIBLE_TO_2 =
      "(is_public OR owner_id = $2 OR group_id IN (SELECT group_id FROM group_members WHERE account_id = $2))";

  private final Pool pool;

  DeckStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * What a re-import must keep: the owner's edits, questions written by hand and hidden ones, at a
   * revision.
   */
  record Kept(
      long seed,
      int revision,
      List<DeckQuestion> rows,
      List<String> topics,
      boolean topicsOrdered) {}

  Future<DeckSummary> insert(
      UUID ownerId,
      String title,
      String notes,
      boolean isPublic,
      String sampleKey,
      long seed,
      GeneratedDeck deck,
      List<DeckQuestion> rows) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "INSERT INTO decks (owner_id, title, notes, is_public, sample_key, seed, question_count, kinds,"
                        + " topics, warnings) VALUES ($1, $2, $3, $4, $5, $6, 0, '{}', $7, $8) RETURNING id")
                .execute(
                    Tuple.tuple()
                        .addUUID(ownerId)
                        .addString(title)
                        .addString(notes)
                        .addBoolean(isPublic)
                        .addString(sampleKey)
                        .addLong(seed)
                        .addValue(new JsonArray(deck.topics()))
                        .addValue(warningsJson(deck.warnings())))
                .map(inserted -> inserted.iterator().next().getUUID("id"))
                .compose(
                    id ->
                        insertQuestions(connection, id, rows)
                            .compose(v -> recount(connection, id))));
  }

  /** The rows a re-import of deck {@code id} must carry over, if {@code owner} owns it. */
  Future<Optional<Kept>> kept(UUID id, UUID owner) {
    return pool.preparedQuery(
            "SELECT seed, revision, topics, topics_ordered FROM decks WHERE id = $1 AND owner_id = $2")
        .execute(Tuple.of(id, owner))
        .compose(
            decks -> {
              if (decks.size() == 0) {
                return Future.succeededFuture(Optional.<Kept>empty());
              }
              Row deck = decks.iterator().next();
              return pool.preparedQuery(
                      "SELECT "
                          + ROW_COLUMNS
                          + " FROM deck_questions WHERE deck_id = $1"
                          + " AND (origin <> 'generated' OR hidden) ORDER BY position")
                  .execute(Tuple.of(id))
                  .map(
                      rows ->
                          Optional.of(
                              new Kept(
                                  deck.getLong("seed"),
                                  deck.getInteger("revision"),
                                  deckQuestions(rows),
                                  strings((JsonArray) deck.getValue("topics")),
                                  deck.getBoolean("topics_ordered"))));
            });
  }

  /**
   * Replaces a deck's notes and questions, if it is still at {@code revision}: a re-import merged
   * against an older state would lose the change made since, so it is refused instead (empty, and
   * the caller says so).
   */
  Future<Optional<DeckSummary>> update(
      UUID id,
      int revision,
      String title,
      String notes,
      Boolean isPublic,
      GeneratedDeck deck,
      List<String> topics,
      List<DeckQuestion> rows) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "UPDATE decks SET title = $3, notes = $4, is_public = COALESCE($5, is_public), topics = $6, warnings = $7"
                        + " WHERE id = $1 AND revision = $2 RETURNING id")
                .execute(
                    Tuple.tuple()
                        .addUUID(id)
                        .addInteger(revision)
                        .addString(title)
                        .addString(notes)
                        .addBoolean(isPublic)
                        .addValue(new JsonArray(topics))
                        .addValue(warningsJson(deck.warnings())))
                .compose(
                    updated -> {
                      if (updated.size() == 0) {
                        return Future.succeededFuture(Optional.<DeckSummary>empty());
                      }
                      return connection
                          .preparedQuery("DELETE FROM deck_questions WHERE deck_id = $1")
                          .execute(Tuple.of(id))
                          .compose(v -> insertQuestions(connection, id, rows))
                          .compose(v -> recount(connection, id))
                          .map(Optional::of);
                    }));
  }

  /**
   * Changes one question of an owner's deck in one transaction: {@code change} gets the question as
   * stored (empty for a new one) and returns it as it should be, or throws to refuse; the deck is
   * locked meanwhile, so a re-import or another edit cannot interleave; {@code change} returning
   * the question it was given changes nothing. Empty when {@code owner} does not own the deck.
   */
  Future<Optional<Changed>> change(
      UUID id,
      UUID owner,
      String questionId,
      Function<Optional<DeckQuestion>, DeckQuestion> change) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("SELECT id FROM decks WHERE id = $1 AND owner_id = $2 FOR UPDATE")
                .execute(Tuple.of(id, owner))
                .compose(
                    deck -> {
                      if (deck.size() == 0) {
                        return Future.succeededFuture(Optional.<Changed>empty());
                      }
                      return connection
                          .preparedQuery(
                              "SELECT "
                                  + ROW_COLUMNS
                                  + " FROM deck_questions"
                                  + " WHERE deck_id = $1 AND question_id = $2")
                          .execute(Tuple.of(id, questionId == null ? "" : questionId))
                          .compose(
                              found -> {
                                Optional<DeckQuestion> before =
                                    found.size() == 0
                                        ? Optional.empty()
                                        : Optional.of(deckQuestion(found.iterator().next()));
                                DeckQuestion after = change.apply(before);
                                if (before.isPresent() && after == before.get()) {
                                  // Nothing changed: no write, and no new revision to refuse a
                                  // re-import for.
                                  return connection
                                      .preparedQuery(
                                          "SELECT " + SUMMARY_COLUMNS + " FROM decks WHERE id = $1")
                                      .execute(Tuple.of(id))
                                      .map(
                                          rows ->
                                              Optional.of(
                                                  new Changed(
                                                      after, summary(rows.iterator().next()))));
                                }
                                return upsert(connection, id, after, before.isEmpty())
                                    .compose(v -> recount(connection, id))
                                    .map(summary -> Optional.of(new Changed(after, summary)));
                              });
                    }));
  }

  /**
   * Adds questions to the end of an owner's deck in one transaction, and the topics they bring to
   * the deck's topics. Empty when {@code owner} does not own the deck; refused when the deck would
   * hold more than {@code max}.
   */
  Future<Optional<DeckSummary>> addAll(UUID id, UUID owner, List<DeckQuestion> rows, int max) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "SELECT topics, (SELECT count(*) FROM deck_questions WHERE deck_id = $1) AS held,"
                        + " (SELECT COALESCE(max(position), -1) + 1 FROM deck_questions WHERE deck_id = $1) AS next"
                        + " FROM decks WHERE id = $1 AND owner_id = $2 FOR UPDATE")
                .execute(Tuple.of(id, owner))
                .compose(
                    deck -> {
                      if (deck.size() == 0) {
                        return Future.succeededFuture(Optional.<DeckSummary>empty());
                      }
                      Row row = deck.iterator().next();
                      if (row.getLong("held") + rows.size() > max) {
                        return Future.failedFuture(
                            new Problem(
                                Problem.Kind.TOO_LARGE,
                                "too_many_questions",
                                "A deck holds at most "
                                    + max
                                    + " questions; this one has "
                                    + row.getLong("held")
                                    + ", and the file adds "
                                    + rows.size()
                                    + "."));
                      }
                      Set<String> topics =
                          new LinkedHashSet<>(strings((JsonArray) row.getValue("topics")));
                      rows.stream()
                          .map(r -> r.question().topic())
                          .filter(t -> t != null && !t.isBlank())
                          .forEach(topics::add);
                      return insertQuestions(connection, id, rows, row.getInteger("next"))
                          .compose(
                              v ->
                                  connection
                                      .preparedQuery("UPDATE decks SET topics = $2 WHERE id = $1")
                                      .execute(Tuple.of(id, new JsonArray(List.copyOf(topics)))))
                          .compose(v -> recount(connection, id))
                          .map(Optional::of);
                    }));
  }

  /** A question as changed, with its deck counted again. */
  record Changed(DeckQuestion question, DeckSummary deck) {}

  /**
   * Sets a deck's own fields; only what is given (non-null) changes. Empty when {@code owner} does
   * not own it.
   */
  Future<Optional<DeckSummary>> settings(
      UUID id,
      UUID owner,
      String title,
      Boolean isPublic,
      List<String> topics,
      List<String> defaultKinds,
      boolean clearDefaultKinds,
      boolean unshare) {
    return pool.preparedQuery(
            "UPDATE decks SET title = COALESCE($3, title), is_public = COALESCE($4, is_public),"
                + " topics = COALESCE($5, topics), topics_ordered = topics_ordered OR $5 IS NOT NULL,"
                + " default_kinds = CASE WHEN $7 THEN NULL ELSE COALESCE($6, default_kinds) END,"
                + " group_id = CASE WHEN $8 THEN NULL ELSE group_id END,"
                + " revision = revision + 1, updated_at = now() WHERE id = $1 AND owner_id = $2 RETURNING "
                + SUMMARY_COLUMNS)
        .execute(
            Tuple.tuple()
                .addUUID(id)
                .addUUID(owner)
                .addString(title)
                .addBoolean(isPublic)
                .addValue(topics == null ? null : new JsonArray(topics))
                .addValue(defaultKinds == null ? null : new JsonArray(defaultKinds))
                .addBoolean(clearDefaultKinds)
                .addBoolean(unshare))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
  }

  /** The notes of a deck {@code owner} owns. */
  Future<Optional<String>> notes(UUID id, UUID owner) {
    return pool.preparedQuery("SELECT notes FROM decks WHERE id = $1 AND owner_id = $2")
        .execute(Tuple.of(id, owner))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getString("notes")));
  }

  /**
   * Copies a deck, its notes and every question as it stands, to a new private deck of {@code
   * owner}'s.
   */
  Future<Optional<DeckSummary>> duplicate(UUID id, UUID owner, String title) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "INSERT INTO decks (owner_id, title, notes, is_public, seed, question_count, kinds, topics,"
                        + " warnings, default_kinds, topics_ordered) SELECT owner_id, $3, notes, false, seed, 0, kinds,"
                        + " topics, warnings, default_kinds, topics_ordered FROM decks WHERE id = $1 AND owner_id = $2"
                        + " RETURNING id")
                .execute(Tuple.of(id, owner, title))
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<DeckSummary>empty());
                      }
                      UUID copy = rows.iterator().next().getUUID("id");
                      return connection
                          .preparedQuery(
                              "INSERT INTO deck_questions (deck_id, question_id, position, kind, topic, body, origin,"
                                  + " hidden, fact, original, review, edited_at) SELECT $2, question_id, position, kind,"
                                  + " topic, body, origin, hidden, fact, original, review, edited_at"
                                  + " FROM deck_questions WHERE deck_id = $1")
                          .execute(Tuple.of(id, copy))
                          .compose(v -> recount(connection, copy))
                          .map(Optional::of);
                    }));
  }

  /**
   * The deck if {@code viewer} (who may be null) may see it: public, theirs, or shared with their
   * group.
   */
  Future<Optional<DeckSummary>> visible(UUID id, UUID viewer) {
    return pool.preparedQuery(
            "SELECT " + SUMMARY_COLUMNS + " FROM decks WHERE id = $1 AND " + VISIBLE_TO_2)
        .execute(Tuple.of(id, viewer))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
  }

  Future<List<DeckSummary>> list(UUID viewer) {
    return pool.preparedQuery(
            "SELECT "
                + SUMMARY_COLUMNS
                + " FROM decks WHERE "
                + VISIBLE_TO_2.replace("$2", "$1")
                + " ORDER BY owner_id IS NULL, created_at DESC LIMIT 500")
        .execute(Tuple.of(viewer))
        .map(
            rows -> {
              List<DeckSummary> out = new ArrayList<>();
              rows.forEach(row -> out.add(summary(row)));
              return out;
            });
  }

  /** The questions a round may ask: not hidden, not waiting for review. */
  Future<List<Question>> questions(UUID deckId) {
    return pool.preparedQuery(
            "SELECT body FROM deck_questions q WHERE deck_id = $1 AND "
                + PLAYABLE
                + " ORDER BY position")
        .execute(Tuple.of(deckId))
        .map(
            rows -> {
              List<Question> out = new ArrayList<>();
              rows.forEach(
                  row -> out.add(QuestionJson.fromJson((JsonObject) row.getValue("body"))));
              return out;
            });
  }

  /**
   * Every question of a deck, hidden ones and those waiting for review too, for its owner's editor.
   */
  Future<List<DeckQuestion>> all(UUID deckId) {
    return pool.preparedQuery(
            "SELECT " + ROW_COLUMNS + " FROM deck_questions WHERE deck_id = $1 ORDER BY position")
        .execute(Tuple.of(deckId))
        .map(DeckStore::deckQuestions);
  }

  Future<Optional<DeckQuestion>> one(UUID deckId, String questionId) {
    return pool.preparedQuery(
            "SELECT "
                + ROW_COLUMNS
                + " FROM deck_questions WHERE deck_id = $1 AND question_id = $2")
        .execute(Tuple.of(deckId, questionId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(deckQuestion(rows.iterator().next())));
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

  private static Future<DeckSummary> recount(SqlConnection connection, UUID id) {
    return connection
        .preparedQuery(RECOUNT)
        .execute(Tuple.of(id))
        .map(rows -> summary(rows.iterator().next()));
  }

  private static Future<Void> upsert(
      SqlConnection connection, UUID deckId, DeckQuestion row, boolean fresh) {
    if (fresh) {
      return connection
          .preparedQuery(
              "INSERT INTO deck_questions ("
                  + INSERTED
                  + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                  + " (SELECT COALESCE(max(position), -1) + 1 FROM deck_questions WHERE deck_id = $1))")
          .execute(rowTuple(deckId, row))
          .mapEmpty();
    }
    return connection
        .preparedQuery(
            "UPDATE deck_questions SET kind = $3, topic = $4, body = $5, origin = $6, hidden = $7, fact = $8,"
                + " original = $9, review = $10, edited_at = $11 WHERE deck_id = $1 AND question_id = $2")
        .execute(rowTuple(deckId, row))
        .mapEmpty();
  }

  private static Future<Void> insertQuestions(
      SqlConnection connection, UUID deckId, List<DeckQuestion> rows) {
    return insertQuestions(connection, deckId, rows, 0);
  }

  /** Inserts {@code rows} in their order, the first at {@code position}. */
  private static Future<Void> insertQuestions(
      SqlConnection connection, UUID deckId, List<DeckQuestion> rows, int position) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> tuples = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      tuples.add(rowTuple(deckId, rows.get(i)).addInteger(position + i));
    }
    return connection
        .preparedQuery(
            "INSERT INTO deck_questions ("
                + INSERTED
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
        .executeBatch(tuples)
        .mapEmpty();
  }

  /** The columns of {@link #rowTuple}, then the position. */
  private static final String INSERTED =
      "deck_id, question_id, kind, topic, body, origin, hidden, fact, original, review, edited_at, position";

  private static Tuple rowTuple(UUID deckId, DeckQuestion row) {
    Question q = row.question();
    return Tuple.tuple()
        .addUUID(deckId)
        .addString(q.id())
        .addString(q.kind())
        .addString(q.topic())
        .addValue(QuestionJson.toJson(q))
        .addString(row.origin().jsonName())
        .addBoolean(row.hidden())
        .addString(row.fact())
        .addValue(row.original() == null ? null : QuestionJson.toJson(row.original()))
        .addValue(reviewJson(row.review()))
        .addOffsetDateTime(
            row.editedAt() == null ? null : row.editedAt().atOffset(java.time.ZoneOffset.UTC));
  }

  private static JsonObject reviewJson(DeckQuestion.Review review) {
    if (review == null) {
      return null;
    }
    return new JsonObject()
        .put("reason", review.reason())
        .put("old", review.old())
        .put("now", review.now())
        .put("line", review.line());
  }

  private static List<DeckQuestion> deckQuestions(Iterable<Row> rows) {
    List<DeckQuestion> out = new ArrayList<>();
    rows.forEach(row -> out.add(deckQuestion(row)));
    return out;
  }

  private static DeckQuestion deckQuestion(Row row) {
    JsonObject original = (JsonObject) row.getValue("original");
    JsonObject review = (JsonObject) row.getValue("review");
    java.time.OffsetDateTime edited = row.getOffsetDateTime("edited_at");
    return new DeckQuestion(
        QuestionJson.fromJson((JsonObject) row.getValue("body")),
        DeckQuestion.Origin.fromJsonName(row.getString("origin")),
        row.getBoolean("hidden"),
        row.getString("fact"),
        original == null ? null : QuestionJson.fromJson(original),
        review == null
            ? null
            : new DeckQuestion.Review(
                review.getString("reason"),
                review.getString("old"),
                review.getString("now"),
                review.getInteger("line", 0)),
        edited == null ? null : edited.toInstant());
  }

  private static JsonArray warningsJson(List<GenerationWarning> warnings) {
    JsonArray out = new JsonArray();
    for (GenerationWarning w : warnings) {
      out.add(
          new JsonObject().put("line", w.line()).put("text", w.text()).put("reason", w.reason()));
    }
    return out;
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? null : array.stream().map(String::valueOf).toList();
  }

  private static DeckSummary summary(Row row) {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    JsonObject kindsJson = (JsonObject) row.getValue("kinds");
    kindsJson.forEach(e -> kinds.put(e.getKey(), ((Number) e.getValue()).intValue()));
    List<GenerationWarning> warnings = new ArrayList<>();
    for (Object w : (JsonArray) row.getValue("warnings")) {
      JsonObject warning = (JsonObject) w;
      warnings.add(
          new GenerationWarning(
              warning.getInteger("line"), warning.getString("text"), warning.getString("reason")));
    }
    List<String> defaultKinds = strings((JsonArray) row.getValue("default_kinds"));
    return new DeckSummary(
        row.getUUID("id"),
        row.getUUID("owner_id"),
        row.getString("title"),
        row.getBoolean("is_public"),
        row.getInteger("question_count"),
        kinds,
        strings((JsonArray) row.getValue("topics")),
        warnings,
        row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant(),
        defaultKinds == null ? List.of() : defaultKinds,
        row.getInteger("revision"),
        row.getUUID("group_id"));
  }
}
