package org.quizhall.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Every SQL statement about mastery (FSRS cards), in one place. */
public final class MasteryStore {

  /** One person's card for one question. */
  record Key(UUID account, String questionId) {}

  private MasteryStore() {}

  /**
   * The cards, locked until the transaction ends so concurrent reviews of one card apply in turn.
   */
  static Future<Map<Key, Fsrs.Card>> load(
      SqlClient sql, List<UUID> accounts, List<String> questionIds) {
    return sql.preparedQuery(
            "SELECT account_id, question_id, stability, difficulty, state, reps, lapses, last_review, due"
                + " FROM mastery WHERE account_id = ANY($1) AND question_id = ANY($2) FOR UPDATE")
        .execute(
            Tuple.tuple()
                .addArrayOfUUID(accounts.toArray(new UUID[0]))
                .addArrayOfString(questionIds.toArray(new String[0])))
        .map(
            rows -> {
              Map<Key, Fsrs.Card> cards = new HashMap<>();
              for (Row row : rows) {
                cards.put(
                    new Key(row.getUUID("account_id"), row.getString("question_id")), card(row));
              }
              return cards;
            });
  }

  /** One person's cards for the questions of a deck, by question id; read only. */
  public static Future<Map<String, Fsrs.Card>> ofDeck(SqlClient sql, UUID deckId, UUID account) {
    return sql.preparedQuery(
            "SELECT m.question_id, m.stability, m.difficulty, m.state, m.reps, m.lapses, m.last_review,"
                + " m.due FROM mastery m JOIN deck_questions q ON q.question_id = m.question_id"
                + " WHERE q.deck_id = $1 AND m.account_id = $2")
        .execute(Tuple.of(deckId, account))
        .map(
            rows -> {
              Map<String, Fsrs.Card> cards = new HashMap<>();
              rows.forEach(row -> cards.put(row.getString("question_id"), card(row)));
              return cards;
            });
  }

  static Future<Void> save(SqlClient sql, Map<Key, Fsrs.Card> cards) {
    if (cards.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    cards.forEach(
        (key, card) ->
            rows.add(
                Tuple.tuple()
                    .addUUID(key.account())
                    .addString(key.questionId())
                    .addDouble(card.stability())
                    .addDouble(card.difficulty())
                    .addString(card.state().name().toLowerCase(Locale.ROOT))
                    .addInteger(card.reps())
                    .addInteger(card.lapses())
                    .addValue(card.lastReview().atOffset(ZoneOffset.UTC))
                    .addValue(card.due().atOffset(ZoneOffset.UTC))));
    return sql.preparedQuery(
            "INSERT INTO mastery (account_id, question_id, stability, difficulty, state, reps, lapses, last_review, due)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (account_id, question_id) DO UPDATE SET"
                + " stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty, state = EXCLUDED.state,"
                + " reps = EXCLUDED.reps, lapses = EXCLUDED.lapses, last_review = EXCLUDED.last_review,"
                + " due = EXCLUDED.due")
        .executeBatch(rows)
        .mapEmpty();
  }

  static Fsrs.Card card(Row row) {
    return new Fsrs.Card(
        row.getDouble("stability"),
        row.getDouble("difficulty"),
        Fsrs.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
        row.getInteger("reps"),
        row.getInteger("lapses"),
        row.getOffsetDateTime("last_review").toInstant(),
        row.getOffsetDateTime("due").toInstant());
  }
}
