package org.quizhall.game;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Migrations;
import org.quizhall.deck.Response;
import org.quizhall.testing.TestDatabase;

@ExtendWith(VertxExtension.class)
@DisplayName("The game writer")
class GameWriterTest {

  private static Pool pool;
  private static GameWriter writer;
  private static UUID host;

  @BeforeAll
  static void start(Vertx vertx) {
    DatabaseSettings database = TestDatabase.fresh();
    Migrations.migrate(database);
    pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    writer = new GameWriter(vertx, pool);
    host =
        pool.query(
                "INSERT INTO accounts (username, password_hash) VALUES ('writer_host', 'x') RETURNING id")
            .execute()
            .await()
            .iterator()
            .next()
            .getUUID(0);
  }

  @AfterAll
  static void stop() {
    pool.close().await();
  }

  private static UUID game() {
    UUID id = UUID.randomUUID();
    pool.preparedQuery(
            "INSERT INTO games (id, room_code, host_id, settings) VALUES ($1, 'WRITER', $2, $3)")
        .execute(Tuple.of(id, host, new JsonObject()))
        .await();
    return id;
  }

  private static UUID join(UUID game, String nickname) {
    UUID player = UUID.randomUUID();
    writer.playerJoined(
        new GameLog.PlayerJoined(game, player, nickname, null, new byte[32], Instant.now()));
    return player;
  }

  /** Reports an answer; the future completes with its receipt (stored or refused). */
  private static CompletableFuture<Boolean> answer(
      UUID game, UUID player, int index, boolean correct) {
    CompletableFuture<Boolean> receipt = new CompletableFuture<>();
    writer.answerAccepted(
        new GameLog.AnswerAccepted(
            game,
            player,
            null,
            index,
            "q" + index,
            Response.choice(1),
            correct,
            1234,
            20_000,
            correct ? 900 : 0,
            Instant.now()),
        receipt::complete);
    return receipt;
  }

  private static long count(String sql, UUID game) {
    return pool.preparedQuery(sql).execute(Tuple.of(game)).await().iterator().next().getLong(0);
  }

  @Test
  @DisplayName(
      "writes every reported answer, in order after its player, by the time it says it has drained")
  void writesEverything() {
    UUID game = game();
    for (int p = 0; p < 50; p++) {
      UUID player = join(game, "player" + p);
      for (int q = 0; q < 10; q++) {
        answer(game, player, q, (p + q) % 2 == 0);
      }
    }
    writer.gameFinished(game, List.of(), Instant.now());

    writer.drained().await();

    assertThat(count("SELECT count(*) FROM answers WHERE game_id = $1", game)).isEqualTo(500);
    assertThat(count("SELECT count(*) FROM game_players WHERE game_id = $1", game)).isEqualTo(50);
    assertThat(count("SELECT count(*) FROM games WHERE id = $1 AND ended_at IS NOT NULL", game))
        .isEqualTo(1);
    assertThat(writer.pending()).isZero();
  }

  @Test
  @DisplayName("an answer's receipt comes only once the answer is in the database")
  void receiptMeansStored() throws Exception {
    UUID game = game();
    UUID player = join(game, "saved");
    List<CompletableFuture<Boolean>> receipts = new java.util.ArrayList<>();
    for (int q = 0; q < 20; q++) {
      receipts.add(answer(game, player, q, true));
    }

    assertThat(receipts.get(19).get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    // Receipts come in order, so once the last is in every earlier answer must be in the database
    // too.
    assertThat(receipts).allSatisfy(r -> assertThat(r).isCompletedWithValue(true));
    assertThat(count("SELECT count(*) FROM answers WHERE game_id = $1", game)).isEqualTo(20);
  }

  @Test
  @DisplayName("a row the database refuses is dropped alone; the rows beside it are still written")
  void badRowDoesNotBlockOthers() {
    UUID game = game();
    UUID player = join(game, "real");
    CompletableFuture<Boolean> first = answer(game, player, 0, true);
    CompletableFuture<Boolean> orphan = answer(game, UUID.randomUUID(), 0, true);
    CompletableFuture<Boolean> third = answer(game, player, 1, false);

    writer.drained().await();

    assertThat(count("SELECT count(*) FROM answers WHERE game_id = $1", game)).isEqualTo(2);
    assertThat(first.join()).isTrue();
    assertThat(orphan.join()).as("the refused row's player is told it was not saved").isFalse();
    assertThat(third.join()).isTrue();
    UUID later = join(game, "later");
    answer(game, later, 0, true);
    writer.drained().await();
    assertThat(count("SELECT count(*) FROM answers WHERE game_id = $1", game)).isEqualTo(3);
  }
}
