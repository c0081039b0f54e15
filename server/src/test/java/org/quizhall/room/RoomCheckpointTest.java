package org.quizhall.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizhall.room.RoomGameTest.CHOICE;
import static org.quizhall.room.RoomGameTest.SECOND;
import static org.quizhall.room.RoomGameTest.T0;
import static org.quizhall.room.RoomGameTest.TRUE_FALSE;
import static org.quizhall.room.RoomGameTest.TYPED;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.deck.Response;
import org.quizhall.problem.Problem;

@DisplayName("A room carried on from a checkpoint")
class RoomCheckpointTest {

  static final List<org.quizhall.deck.Question> QUESTIONS = List.of(CHOICE, TRUE_FALSE, TYPED);
  final NicknameRules rules = new NicknameRules(List.of("badword"));
  final RecordingGameLog log = new RecordingGameLog();

  RoomGame newGame() {
    RoomGame game =
        new RoomGame(
            "ABCDEF",
            UUID.randomUUID(),
            QUESTIONS,
            java.util.Map.of(CHOICE.id(), 0.25),
            new RoomSettings(20, true, Duration.ZERO, 100),
            rules,
            log,
            T0);
    game.attachHost(new RecordingChannel(), T0);
    return game;
  }

  /** Checkpoints travel as JSON text (a jsonb column), so every restore here goes through that. */
  RoomGame restored(RoomGame game, long takenAt, long now) {
    String stored = game.checkpoint(takenAt).toJson().encode();
    return RoomGame.restore(
        RoomCheckpoint.fromJson(new JsonObject(stored)), QUESTIONS, rules, log, now);
  }

  @Test
  @DisplayName(
      "scores, streaks, the open question and its answers carry on, and players resume with their tokens")
  void carriesOn() {
    RoomGame game = newGame();
    RecordingChannel ada = new RecordingChannel();
    RecordingChannel bob = new RecordingChannel();
    RecordingChannel cy = new RecordingChannel();
    String adaToken = game.join("Ada", null, null, ada, T0).resumeToken();
    String bobToken = game.join("Bob", null, null, bob, T0).resumeToken();
    game.join("Cy", null, null, cy, T0);
    game.start(T0);
    game.answer(ada.last("welcome").getString("playerId"), "a", 0, Response.choice(2), T0 + SECOND);
    game.answer(
        bob.last("welcome").getString("playerId"), "b", 0, Response.choice(1), T0 + 2 * SECOND);
    game.next(T0 + 3 * SECOND); // reveal: Ada right, Bob wrong, Cy silent
    game.next(T0 + 4 * SECOND); // leaderboard
    game.next(T0 + 5 * SECOND); // question 1
    game.answer(
        ada.last("welcome").getString("playerId"), "a2", 1, Response.choice(0), T0 + 6 * SECOND);
    int adaScore = ada.last("result").getInteger("score");
    long takenAt = T0 + 7 * SECOND;

    RoomGame again = restored(game, takenAt, takenAt + 30 * SECOND);
    long now = takenAt + 30 * SECOND;

    assertThat(again.phase()).isEqualTo(Phase.QUESTION);
    assertThat(again.playerCount()).isEqualTo(3);
    assertThat(again.nextWakeup())
        .as("Cy, who never answered, keeps the seat 15 s: that comes before the question's end")
        .isEqualTo(now + RoomGame.UNUSED_SEAT_RESERVED.toMillis());
    RecordingChannel ada2 = new RecordingChannel();
    again.resume(adaToken, ada2, now);
    JsonObject welcome = ada2.last("welcome");
    assertThat(welcome.getInteger("score")).isEqualTo(adaScore);
    assertThat(welcome.getInteger("streak")).isEqualTo(1);
    assertThat(welcome.getBoolean("answered"))
        .as("her answer to the open question was kept")
        .isTrue();
    assertThat(welcome.getJsonObject("current").getInteger("index")).isEqualTo(1);
    assertThat(welcome.getJsonObject("current").getLong("remainingMs")).isEqualTo(18 * SECOND);
    assertThatThrownBy(
            () ->
                again.answer(
                    welcome.getString("playerId"), "x", 1, Response.choice(1), now + SECOND))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("already answered");

    RecordingChannel bob2 = new RecordingChannel();
    again.resume(bobToken, bob2, now);
    again.answer(
        bob2.last("welcome").getString("playerId"), "b2", 1, Response.choice(0), now + SECOND);
    assertThat(bob2.last("answer_ack").getString("re")).isEqualTo("b2");
    again.next(now + 2 * SECOND);

    assertThat(ada2.last("result").getInteger("streak")).isEqualTo(2);
    assertThat(ada2.last("result").getInteger("score")).isGreaterThan(adaScore);
    assertThat(bob2.last("result").getInteger("streak")).isEqualTo(1);
    assertThat(ada2.last("reveal").getInteger("answered")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "nicknames stay taken, kicked players stay out, and a seat nobody resumes is freed after the usual wait")
  void seatsAndNicknames() {
    RoomGame game = newGame();
    RecordingChannel ada = new RecordingChannel();
    RecordingChannel eve = new RecordingChannel();
    game.join("Ada", null, null, ada, T0);
    String eveToken = game.join("Eve", null, null, eve, T0).resumeToken();
    game.kick(eve.last("welcome").getString("playerId"), 0, T0 + SECOND);

    RoomGame again = restored(game, T0 + 2 * SECOND, T0 + 3 * SECOND);

    assertThat(again.phase()).isEqualTo(Phase.LOBBY);
    assertThatThrownBy(() -> again.join("ada", null, null, new RecordingChannel(), T0 + 4 * SECOND))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("already called");
    assertThatThrownBy(() -> again.resume(eveToken, new RecordingChannel(), T0 + 4 * SECOND))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("removed");
    again.tick(T0 + 3 * SECOND + RoomGame.SEAT_RESERVED.toMillis());
    assertThat(again.playerCount()).as("Ada never came back").isZero();
  }

  @Test
  @DisplayName("seats taken and answers stored after the checkpoint come back from the record")
  void takesInTheRecord() {
    RoomGame game = newGame();
    RecordingChannel ada = new RecordingChannel();
    game.join("Ada", null, null, ada, T0);
    game.start(T0);
    game.answer(ada.last("welcome").getString("playerId"), "a", 0, Response.choice(2), T0 + SECOND);
    JsonObject checkpoint =
        game.checkpoint(T0 + 2 * SECOND).toJson(); // taken after the reveal of question 0
    UUID adaRecord = log.joined.get(0).playerId();
    UUID bobRecord = UUID.randomUUID();
    byte[] bobDigest = org.quizhall.account.SessionToken.digest("bob-token");
    RoomGame.Later later =
        new RoomGame.Later(
            List.of(new RoomGame.LaterSeat(bobRecord, "Bob", null, bobDigest)),
            List.of(new RoomGame.LaterAnswer(adaRecord, 1, Response.choice(0), true, 3_000, 850)));

    RoomGame again =
        RoomGame.restore(
            RoomCheckpoint.fromJson(new JsonObject(checkpoint.encode())),
            QUESTIONS,
            rules,
            log,
            T0 + 10 * SECOND,
            later);

    assertThat(again.playerCount()).isEqualTo(2);
    RecordingChannel bob = new RecordingChannel();
    again.resume("bob-token", bob, T0 + 11 * SECOND);
    assertThat(bob.last("welcome").getString("nickname")).isEqualTo("Bob");
    again.next(T0 + 12 * SECOND); // leaderboard
    again.next(
        T0 + 13 * SECOND); // question 1, which Ada answered before the checkpoint's node died
    RecordingChannel ada2 = new RecordingChannel();
    String adaToken = ada.last("welcome").getString("resumeToken");
    again.resume(adaToken, ada2, T0 + 14 * SECOND);
    assertThat(ada2.last("welcome").getBoolean("answered")).isTrue();
    again.answer(
        bob.last("welcome").getString("playerId"), "b", 1, Response.choice(1), T0 + 15 * SECOND);
    assertThat(ada2.last("result").getInteger("points"))
        .as("her stored answer's points")
        .isEqualTo(850);
    assertThat(log.answers).as("the stored answer is not recorded twice").hasSize(2);
  }

  @Test
  @DisplayName("a checkpoint from another version is refused, not misread")
  void unknownVersion() {
    JsonObject checkpoint = newGame().checkpoint(T0).toJson().put("version", 99);

    assertThatThrownBy(() -> RoomCheckpoint.fromJson(checkpoint))
        .isInstanceOf(IllegalArgumentException.class);
    JsonObject truncated = newGame().checkpoint(T0).toJson();
    truncated.remove("players");
    assertThatThrownBy(() -> RoomCheckpoint.fromJson(truncated))
        .as("one that is not a whole checkpoint")
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The tokens the room gave its players when the stored checkpoint below was written. */
  private static final String ADA_TOKEN = "u_MWT0UAdr0eu2YrtADqV-FhokUzrs7qXJ9BlYq-Gc8";

  private static final String BOB_TOKEN = "3l8d3g2yhOlfG0EucsvjoW2rBHWy1LN_nj4roVag-xI";
  private static final String EVE_TOKEN = "F_QtUQ6eOPq42mK34znKH5DYumK-JLi8b62wTZ2mmD4";
  private static final UUID EVE_ACCOUNT = UUID.fromString("0d7e5a1c-2b44-4f1e-8c3a-5e6f7a8b9c0d");

  @Test
  @DisplayName(
      "a checkpoint written by the previous release still restores, and the game carries on")
  void previousRelease() throws Exception {
    // Written by the release before checkpoints became a typed record: four joined, Eve (signed
    // in) was removed in the lobby, Ada answered question 0 right and Bob wrong, and question 1
    // (20 s, shown at T0 + 6 s) was open with Ada's answer in when it was taken at T0 + 8 s.
    String stored;
    try (var in = getClass().getResourceAsStream("/checkpoints/v1-second-question-open.json")) {
      stored = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    long takenAt = T0 + 8 * SECOND;
    long now = takenAt + 30 * SECOND;
    RoomGame again =
        RoomGame.restore(
            RoomCheckpoint.fromJson(new JsonObject(stored)), QUESTIONS, rules, log, now);

    assertThat(again.code()).isEqualTo("QZHALL");
    assertThat(again.phase()).isEqualTo(Phase.QUESTION);
    assertThat(again.playerCount()).as("Ada, Bob and Cy; Eve was removed").isEqualTo(3);
    RecordingChannel ada = new RecordingChannel();
    again.resume(ADA_TOKEN, ada, now);
    JsonObject welcome = ada.last("welcome");
    assertThat(welcome.getString("nickname")).isEqualTo("Ada");
    assertThat(welcome.getInteger("score")).as("question 0 answered right").isPositive();
    assertThat(welcome.getInteger("streak")).isEqualTo(1);
    assertThat(welcome.getBoolean("answered")).isTrue();
    assertThat(welcome.getJsonObject("current").getInteger("index")).isEqualTo(1);
    assertThat(welcome.getJsonObject("current").getLong("remainingMs"))
        .as("20 s shown at T0 + 6 s, taken at T0 + 8 s: the room was down, so 18 s are left")
        .isEqualTo(18 * SECOND);
    assertThatThrownBy(() -> again.resume(EVE_TOKEN, new RecordingChannel(), now))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("removed");
    assertThatThrownBy(() -> again.join("Eve2", EVE_ACCOUNT, null, new RecordingChannel(), now))
        .as("a removed account stays out")
        .isInstanceOf(Problem.class);
    assertThatThrownBy(() -> again.join("bob", null, null, new RecordingChannel(), now))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("already called");

    RecordingChannel bob = new RecordingChannel();
    again.resume(BOB_TOKEN, bob, now);
    assertThat(bob.last("welcome").getInteger("score")).as("question 0 answered wrong").isZero();
    again.answer(
        bob.last("welcome").getString("playerId"), "b2", 1, Response.choice(0), now + SECOND);
    assertThat(bob.last("answer_ack").getString("re")).isEqualTo("b2");
    again.next(now + 2 * SECOND);
    assertThat(ada.last("reveal").getInteger("answered")).isEqualTo(2);
    assertThat(ada.last("result").getInteger("streak")).isEqualTo(2);
    assertThat(bob.last("result").getInteger("streak")).isEqualTo(1);
  }

  private static String stored(String name) throws java.io.IOException {
    try (var in = RoomCheckpointTest.class.getResourceAsStream("/checkpoints/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The tokens the room gave Ada and Bob when the paused checkpoint was written. */
  private static final String PAUSED_ADA = "YlTJ7_wiZHAi8vWd9-ye2udR33PqHO8a-lvIHQXZrtA";

  private static final String PAUSED_BOB = "Mdo89t4CLVzk6rLWfKPT0ke5BEgkW_1HJKO6YU5Ymdk";

  @Test
  @DisplayName(
      "a room the previous release stored while the host had paused the timer stays paused with the time it had left")
  void previousReleasePaused() throws Exception {
    // Written by the previous release: Ada and Bob joined, question 0 (20 s) was shown at T0, Ada
    // answered it right at T0 + 2 s, the host paused at T0 + 5 s (15 s left), and the server
    // stopped at T0 + 9 s.
    long takenAt = T0 + 9 * SECOND;
    long now = takenAt + 30 * SECOND;
    RoomGame again =
        RoomGame.restore(
            RoomCheckpoint.fromJson(new JsonObject(stored("v1-question-paused.json"))),
            QUESTIONS,
            rules,
            log,
            now);

    assertThat(again.phase()).isEqualTo(Phase.QUESTION);
    RecordingChannel host = new RecordingChannel();
    again.attachHost(host, now);
    assertThat(host.last("welcome").getBoolean("paused")).isTrue();
    RecordingChannel ada = new RecordingChannel();
    again.resume(PAUSED_ADA, ada, now);
    JsonObject welcome = ada.last("welcome");
    assertThat(welcome.getBoolean("paused")).isTrue();
    assertThat(welcome.getBoolean("answered")).isTrue();
    assertThat(welcome.getJsonObject("current").getLong("remainingMs"))
        .as("paused with 15 s left: the time the room was down takes none of it")
        .isEqualTo(15 * SECOND);
    RecordingChannel bob = new RecordingChannel();
    again.resume(PAUSED_BOB, bob, now);
    String bobId = bob.last("welcome").getString("playerId");
    assertThatThrownBy(() -> again.answer(bobId, "b", 0, Response.choice(1), now + SECOND))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("paused");

    again.resumeTimer(now + 2 * SECOND);
    assertThat(bob.last("resumed").getLong("remainingMs")).isEqualTo(15 * SECOND);
    again.answer(bobId, "b", 0, Response.choice(1), now + 3 * SECOND);
    assertThat(bob.last("answer_ack").getString("re")).isEqualTo("b");
    again.tick(now + 2 * SECOND + 15 * SECOND);

    assertThat(again.phase()).as("the question ends when its time is up").isEqualTo(Phase.REVEAL);
    assertThat(ada.last("reveal").getInteger("answered")).isEqualTo(2);
    assertThat(ada.last("result").getInteger("score")).as("her answer from before").isPositive();
    assertThat(bob.last("result").getInteger("score")).isZero();
  }

  /** The tokens the room gave its players when the podium checkpoint was written. */
  private static final String PODIUM_ADA = "f5Ec33OW_30k5OCJDmMcfEst6CP2XUDxKI9RvJ9bWyI";

  private static final String PODIUM_BOB = "7crtJEx3V48GJA5gNd3axDEQxRyDeuhq8TNdu1nmCs4";

  @Test
  @DisplayName(
      "a room the previous release stored on the podium shows the same standings and closes when its ten minutes are up")
  void previousReleasePodium() throws Exception {
    // Written by the previous release: Ada, Bob and Cy played all three questions (Ada every one
    // right, Bob two, Cy none), the podium went up at T0 + 18 s and the server stopped at T0 +
    // 19 s.
    long takenAt = T0 + 19 * SECOND;
    long now = takenAt + 30 * SECOND;
    RoomGame again =
        RoomGame.restore(
            RoomCheckpoint.fromJson(new JsonObject(stored("v1-podium.json"))),
            QUESTIONS,
            rules,
            log,
            now);

    assertThat(again.phase()).isEqualTo(Phase.PODIUM);
    RecordingChannel host = new RecordingChannel();
    again.attachHost(host, now);
    JsonObject podium = host.last("welcome").getJsonObject("current");
    assertThat(podium.getString("type")).isEqualTo("podium");
    assertThat(
            podium.getJsonArray("ranking").stream()
                .map(r -> ((JsonObject) r).getString("nickname")))
        .containsExactly("Ada", "Bob", "Cy");
    RecordingChannel ada = new RecordingChannel();
    again.resume(PODIUM_ADA, ada, now);
    assertThat(ada.last("welcome").getString("phase")).isEqualTo("podium");
    JsonObject adaStanding = ada.last("welcome").getJsonObject("standing");
    assertThat(adaStanding.getInteger("rank")).isEqualTo(1);
    assertThat(adaStanding.getInteger("score")).isEqualTo(3200);
    assertThat(adaStanding.getInteger("correct")).isEqualTo(3);
    RecordingChannel bob = new RecordingChannel();
    again.resume(PODIUM_BOB, bob, now);
    assertThat(bob.last("welcome").getJsonObject("standing").getInteger("rank")).isEqualTo(2);
    assertThat(log.standings).as("the final standings were recorded before, not again").isEmpty();

    // Up at T0 + 18 s, the podium had 9 min 59 s left when the room went down.
    long closes = now + RoomGame.PODIUM_LINGER.toMillis() - SECOND;
    again.tick(closes - 1);
    assertThat(again.closed()).isFalse();
    again.tick(closes);
    assertThat(again.closed()).isTrue();
    assertThat(ada.last("closed").getString("reason")).isEqualTo("The game is over.");
  }
}
