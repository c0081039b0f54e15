package org.quizhall.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.Response;
import org.quizhall.deck.Source;
import org.quizhall.game.Scoring;
import org.quizhall.problem.Problem;

@DisplayName("The rules of a live room")
class RoomGameTest {

  static final long T0 = 1_800_000_000_000L;
  static final long SECOND = 1000;
  static final Question CHOICE =
      new Question(
          "q-choice",
          QuestionType.MULTIPLE_CHOICE,
          "list_member",
          "Which of these is a Lambda trigger?",
          List.of("Route 53", "CloudFront", "S3", "Glacier"),
          2,
          List.of(),
          "Many AWS services can trigger Lambda: S3",
          new Source(12, "- S3", List.of("AWS Lambda", "Many AWS services can trigger Lambda")),
          "AWS Lambda");
  static final Question TRUE_FALSE =
      new Question(
          "q-tf",
          QuestionType.TRUE_FALSE,
          "true_false",
          "True or false: Lambda's max timeout is 900 seconds.",
          List.of("True", "False"),
          0,
          List.of(),
          "Max timeout can be set is 900 seconds",
          new Source(31, "- Max timeout can be set is 900 seconds", List.of("AWS Lambda")),
          "AWS Lambda");
  static final Question TYPED =
      new Question(
          "q-typed",
          QuestionType.TYPED,
          "cloze",
          "Lambda pulls data from ____ in batches.",
          List.of(),
          -1,
          List.of("Kinesis"),
          "Kinesis (Lambda is pulling the data from Kinesis in batches)",
          new Source(13, "- Kinesis", List.of("AWS Lambda")),
          "AWS Lambda");

  RecordingGameLog log;
  RoomGame game;
  RecordingChannel host;

  RoomGame newGame(RoomSettings settings) {
    log = new RecordingGameLog();
    game =
        new RoomGame(
            "ABCDEF",
            UUID.randomUUID(),
            List.of(CHOICE, TRUE_FALSE, TYPED),
            settings,
            new NicknameRules(List.of("badword")),
            log,
            T0);
    host = new RecordingChannel();
    game.attachHost(host, T0);
    return game;
  }

  static RoomSettings settings() {
    return new RoomSettings(20, true, Duration.ZERO, 100);
  }

  RecordingChannel join(String nickname) {
    RecordingChannel channel = new RecordingChannel();
    game.join(nickname, null, null, channel, T0);
    return channel;
  }

  static String playerId(RecordingChannel channel) {
    return channel.last("welcome").getString("playerId");
  }

  static String resumeToken(RecordingChannel channel) {
    return channel.ofType("welcome").get(0).getString("resumeToken");
  }

  @BeforeEach
  void setUp() {
    newGame(settings());
  }

  @Nested
  @DisplayName("scoring")
  class ScoringRules {

    @Test
    @DisplayName(
        "a correct answer earns 1000 within half a second, 750 at half time, 500 at the deadline")
    void speed() {
      long t = 20_000;
      assertThat(Scoring.points(true, 0, t, 1, true)).isEqualTo(1000);
      assertThat(Scoring.points(true, 499, t, 1, true)).isEqualTo(1000);
      assertThat(Scoring.points(true, 10_000, t, 1, true)).isEqualTo(750);
      assertThat(Scoring.points(true, 20_000, t, 1, true)).isEqualTo(500);
      assertThat(Scoring.points(true, 2_000, t, 1, true)).isEqualTo(950);
    }

    @Test
    @DisplayName(
        "streaks add 100 per answer from the second on, capped at 500; wrong answers earn nothing")
    void streaks() {
      assertThat(Scoring.points(true, 0, 20_000, 2, true)).isEqualTo(1100);
      assertThat(Scoring.points(true, 0, 20_000, 6, true)).isEqualTo(1500);
      assertThat(Scoring.points(true, 0, 20_000, 9, true)).isEqualTo(1500);
      assertThat(Scoring.points(false, 0, 20_000, 0, true)).isZero();
    }

    @Test
    @DisplayName("without speed scoring a correct answer is a flat 1000")
    void flat() {
      assertThat(Scoring.points(true, 19_000, 20_000, 4, false)).isEqualTo(1000);
    }
  }

  @Nested
  @DisplayName("a round")
  class Round {

    @Test
    @DisplayName("a question carries the server's deadline and never the answer")
    void questionHidesAnswer() {
      RecordingChannel ada = join("Ada");
      game.tick(T0 + 500);

      game.start(T0 + SECOND);

      JsonObject question = ada.last("question");
      assertThat(question.getLong("deadline")).isEqualTo(T0 + SECOND + 20 * SECOND);
      assertThat(question.getLong("remainingMs")).isEqualTo(20 * SECOND);
      assertThat(question.getJsonArray("options")).hasSize(4);
      assertThat(question.fieldNames())
          .doesNotContain("correct", "answer", "accepted", "explanation");
      assertThat(game.nextWakeup()).isEqualTo(T0 + 21 * SECOND);
    }

    @Test
    @DisplayName(
        "a question its owner gave its own time runs for that time, and speed is scored against it")
    void ownTime() {
      Question quick =
          new Question(
              "q-quick",
              QuestionType.MULTIPLE_CHOICE,
              "own",
              "Which of these is a Lambda trigger?",
              List.of("Route 53", "CloudFront", "S3", "Glacier"),
              2,
              List.of(),
              "S3 triggers Lambda",
              new Source(0, "", List.of()),
              "AWS Lambda",
              List.of(),
              List.of(),
              List.of(),
              8);
      log = new RecordingGameLog();
      game =
          new RoomGame(
              "ABCDEF",
              UUID.randomUUID(),
              List.of(quick, CHOICE),
              settings(),
              new NicknameRules(List.of()),
              log,
              T0);
      game.attachHost(new RecordingChannel(), T0);
      RecordingChannel ada = join("Ada");
      RecordingChannel bob = join("Bob");
      game.start(T0);

      assertThat(ada.last("question").getLong("durationMs")).isEqualTo(8 * SECOND);
      assertThat(ada.last("question").getLong("deadline")).isEqualTo(T0 + 8 * SECOND);
      game.answer(playerId(ada), "a1", 0, Response.choice(2), T0 + 4 * SECOND);
      game.tick(T0 + 7 * SECOND);
      assertThat(game.phase()).as("the room's 20 s do not apply").isEqualTo(Phase.QUESTION);
      game.tick(T0 + 8 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.REVEAL);
      assertThat(ada.last("result").getInteger("points"))
          .as("half of 8 s: 750, as half of 20 s would be")
          .isEqualTo(750);

      game.next(T0 + 9 * SECOND);
      game.next(T0 + 10 * SECOND);
      assertThat(bob.last("question").getLong("durationMs"))
          .as("the next one takes the room's time")
          .isEqualTo(20 * SECOND);
    }

    @Test
    @DisplayName(
        "an answer is acknowledged only once it is stored, the game does not wait for it, and a refused one is an error")
    void acknowledgedWhenStored() {
      RecordingChannel ada = join("Ada");
      RecordingChannel bob = join("Bob");
      game.start(T0);
      log.holdReceipts = true;

      game.answer(playerId(ada), "a1", 0, Response.choice(2), T0 + 2 * SECOND);
      game.answer(playerId(bob), "b1", 0, Response.choice(1), T0 + 3 * SECOND);

      assertThat(ada.ofType("answer_ack")).as("not stored yet").isEmpty();
      assertThat(game.phase())
          .as("the reveal does not wait for the database")
          .isEqualTo(Phase.REVEAL);

      log.heldReceipts.get(0).stored(true);
      log.heldReceipts.get(1).stored(false);

      assertThat(ada.last("answer_ack").getString("re")).isEqualTo("a1");
      assertThat(ada.last("answer_ack").getInteger("index")).isZero();
      assertThat(bob.ofType("answer_ack")).isEmpty();
      assertThat(bob.last("error").getString("code")).isEqualTo("answer_not_saved");
      assertThat(bob.last("error").getString("re")).isEqualTo("b1");
    }

    @Test
    @DisplayName(
        "an answer is acknowledged to its player only, and reveals at once when everyone has answered")
    void earlyReveal() {
      RecordingChannel ada = join("Ada");
      RecordingChannel bob = join("Bob");
      game.start(T0);

      game.answer(playerId(ada), "a1", 0, Response.choice(2), T0 + 2 * SECOND);

      assertThat(ada.last("answer_ack").getString("re")).isEqualTo("a1");
      assertThat(ada.last("answer_ack").fieldNames()).doesNotContain("correct", "points");
      assertThat(bob.ofType("answer_ack")).isEmpty();
      assertThat(game.phase()).isEqualTo(Phase.QUESTION);

      game.answer(playerId(bob), "b1", 0, Response.choice(1), T0 + 3 * SECOND);

      assertThat(game.phase()).isEqualTo(Phase.REVEAL);
      JsonObject reveal = bob.last("reveal");
      assertThat(reveal.getInteger("correct")).isEqualTo(2);
      assertThat(reveal.getString("answer")).isEqualTo("S3");
      assertThat(reveal.getJsonArray("distribution").getList()).containsExactly(0, 1, 1, 0);
      assertThat(reveal.getJsonObject("source").getInteger("line")).isEqualTo(12);
      assertThat(ada.last("result").getInteger("points")).isEqualTo(950);
      assertThat(ada.last("result").getInteger("rank")).isEqualTo(1);
      assertThat(bob.last("result").getBoolean("correct")).isFalse();
      assertThat(bob.last("result").getInteger("points")).isZero();
      assertThat(log.answers).hasSize(2);
    }

    @Test
    @DisplayName("the deadline reveals the question, and an answer after it is refused as too late")
    void deadline() {
      RecordingChannel ada = join("Ada");
      join("Bob");
      game.start(T0);

      game.answer(playerId(join("Cy")), null, 0, Response.choice(2), T0 + 20 * SECOND);
      assertThatThrownBy(
              () -> game.answer(playerId(ada), "late", 0, Response.choice(2), T0 + 20 * SECOND + 1))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("too_late"));

      game.tick(T0 + 20 * SECOND + 1);
      assertThat(game.phase()).isEqualTo(Phase.REVEAL);
      assertThat(ada.last("result").getBoolean("answered")).isFalse();
    }

    @Test
    @DisplayName("one answer per player per question; answers to another question are stale")
    void duplicateAndStale() {
      RecordingChannel ada = join("Ada");
      join("Bob");
      game.start(T0);
      game.answer(playerId(ada), "1", 0, Response.choice(0), T0 + SECOND);

      assertThatThrownBy(
              () -> game.answer(playerId(ada), "2", 0, Response.choice(2), T0 + 2 * SECOND))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("already_answered"));
      assertThatThrownBy(
              () -> game.answer(playerId(ada), "3", 1, Response.choice(0), T0 + 2 * SECOND))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("stale_question"));
      assertThatThrownBy(
              () -> game.answer(playerId(ada), "4", 0, Response.choice(7), T0 + 2 * SECOND))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isIn("already_answered", "invalid_choice"));
      assertThat(log.answers).hasSize(1);
    }

    @Test
    @DisplayName("a choice outside the options and a typed answer to a choice question are refused")
    void invalidAnswers() {
      RecordingChannel ada = join("Ada");
      game.start(T0);

      assertThatThrownBy(() -> game.answer(playerId(ada), "1", 0, Response.choice(4), T0 + SECOND))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_choice"));
      assertThatThrownBy(() -> game.answer(playerId(ada), "2", 0, Response.text("S3"), T0 + SECOND))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_answer"));
      assertThat(game.phase()).isEqualTo(Phase.QUESTION);
    }

    @Test
    @DisplayName("typed answers are judged ignoring case and with one typo allowed")
    void typed() {
      RecordingChannel ada = join("Ada");
      RecordingChannel bob = join("Bob");
      game.start(T0);
      for (int step = 0; step < 6; step++) {
        game.next(T0 + SECOND);
      }
      assertThat(ada.last("question").getString("answerType")).isEqualTo("typed");
      assertThat(ada.last("question").fieldNames()).doesNotContain("options");

      game.answer(playerId(ada), "t", 2, Response.text("  kinesls "), T0 + 2 * SECOND);
      game.answer(playerId(bob), "t", 2, Response.text("SQS"), T0 + 2 * SECOND);

      assertThat(ada.last("result").getBoolean("correct")).isTrue();
      assertThat(bob.last("result").getBoolean("correct")).isFalse();
      assertThat(bob.last("reveal").getJsonObject("distribution").getInteger("correct"))
          .isEqualTo(1);
    }

    @Test
    @DisplayName(
        "answer counts: the host gets every change at most every 250 ms, each player one a second, a quarter of them per tick")
    void aggregatedCounts() {
      List<RecordingChannel> players = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        players.add(join("player" + i));
      }
      game.start(T0);
      game.tick(T0 + SECOND / 2); // the roster update the joins asked for
      long deadline = players.get(0).last("question").getLong("deadline");
      for (int i = 0; i < 20; i++) {
        game.answer(playerId(players.get(i)), null, 0, Response.choice(1), T0 + SECOND + i * 10);
      }
      assertThat(players).allSatisfy(p -> assertThat(p.ofType("answers")).isEmpty());

      List<Integer> perTick = tickCounts(players, 20);

      assertThat(host.ofType("answers")).hasSize(1);
      assertThat(host.last("answers").getInteger("answered")).isEqualTo(20);
      assertThat(perTick)
          .as("never the whole room at once")
          .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(8));
      assertThat(perTick).as("a second of ticks").hasSize(RoomGame.MIN_COUNT_SLICES);
      assertThat(players)
          .allSatisfy(
              p -> {
                assertThat(p.ofType("answers")).hasSize(1);
                assertThat(p.last("answers").getInteger("answered")).isEqualTo(20);
              });
      assertThat(game.nextWakeup())
          .as("no more count ticks once everyone is current")
          .isEqualTo(deadline);

      game.answer(playerId(players.get(20)), null, 0, Response.choice(1), T0 + 3 * SECOND);
      tickCounts(players, 21);
      assertThat(host.ofType("answers")).as("the host follows every change").hasSize(2);
      assertThat(players)
          .allSatisfy(p -> assertThat(p.last("answers").getInteger("answered")).isEqualTo(21));
    }

    @Test
    @DisplayName("in a room of 1,200 players the count goes to at most 250 of them per tick")
    void countsInABigRoom() {
      newGame(new RoomSettings(20, true, Duration.ZERO, 5_000));
      List<RecordingChannel> players = new java.util.ArrayList<>();
      for (int i = 0; i < 1_200; i++) {
        players.add(join("player" + i));
      }
      game.start(T0);
      game.tick(T0 + SECOND / 2); // the roster update the joins asked for
      game.answer(playerId(players.get(0)), null, 0, Response.choice(1), T0 + SECOND);

      List<Integer> perTick = tickCounts(players, 1);

      assertThat(perTick)
          .hasSize(5)
          .allSatisfy(n -> assertThat(n).isBetween(1, RoomGame.COUNT_SLICE_SIZE));
      assertThat(players).allSatisfy(p -> assertThat(p.ofType("answers")).hasSize(1));
    }

    /**
     * Ticks the room until every player has been shown {@code answered}; how many got a count at
     * each tick.
     */
    private List<Integer> tickCounts(List<RecordingChannel> players, int answered) {
      List<Integer> perTick = new java.util.ArrayList<>();
      for (int tick = 0; tick < 100; tick++) {
        if (players.stream()
            .allMatch(
                p ->
                    !p.ofType("answers").isEmpty()
                        && p.last("answers").getInteger("answered") == answered)) {
          return perTick;
        }
        long before = players.stream().mapToLong(p -> p.ofType("answers").size()).sum();
        game.tick(game.nextWakeup());
        perTick.add(
            (int) (players.stream().mapToLong(p -> p.ofType("answers").size()).sum() - before));
      }
      throw new AssertionError("the count never reached every player");
    }

    @Test
    @DisplayName(
        "the host can end a question early and step through reveal, leaderboard and podium")
    void hostSteps() {
      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.next(T0 + SECOND);
      assertThat(game.phase()).isEqualTo(Phase.REVEAL);
      game.next(T0 + 2 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.LEADERBOARD);
      assertThat(ada.last("leaderboard").getJsonArray("top")).hasSize(1);
      game.next(T0 + 3 * SECOND);
      assertThat(ada.last("question").getInteger("index")).isEqualTo(1);
      game.end(T0 + 4 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.PODIUM);
      assertThat(log.finished).isNotNull();
      game.next(T0 + 5 * SECOND);
      assertThat(game.closed()).isTrue();
      assertThat(ada.closeCode).isEqualTo(Protocol.CLOSE_ROOM_CLOSED);
    }

    @Test
    @DisplayName("with auto-advance the room moves on by itself after reveal and leaderboard")
    void autoAdvance() {
      newGame(new RoomSettings(20, true, Duration.ofSeconds(5), 100));
      RecordingChannel ada = join("Ada");
      game.tick(T0 + 500);
      game.start(T0 + SECOND);
      game.answer(playerId(ada), null, 0, Response.choice(2), T0 + 2 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.REVEAL);
      game.tick(T0 + 2 * SECOND + RoomGame.AGGREGATE_INTERVAL_MS);
      assertThat(host.last("roster").getJsonArray("roster").getJsonObject(0).getInteger("score"))
          .isPositive();
      assertThat(game.nextWakeup()).isEqualTo(T0 + 7 * SECOND);

      game.tick(T0 + 7 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.LEADERBOARD);
      game.tick(T0 + 12 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.QUESTION);
      assertThat(ada.last("question").getInteger("index")).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("streaks and ranking")
  class Ranking {

    @Test
    @DisplayName("consecutive correct answers build a streak bonus; a missed question resets it")
    void streak() {
      newGame(new RoomSettings(20, true, Duration.ZERO, 100));
      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.answer(playerId(ada), null, 0, Response.choice(2), T0 + 100);
      assertThat(ada.last("result").getInteger("points")).isEqualTo(1000);
      game.next(T0 + SECOND);
      game.next(T0 + SECOND);
      game.answer(playerId(ada), null, 1, Response.choice(0), T0 + SECOND + 100);
      assertThat(ada.last("result").getInteger("points")).isEqualTo(1100);
      assertThat(ada.last("result").getInteger("streak")).isEqualTo(2);
      game.next(T0 + 2 * SECOND);
      game.next(T0 + 2 * SECOND);
      game.tick(T0 + 23 * SECOND);
      assertThat(ada.last("result").getInteger("streak")).isZero();
      assertThat(ada.last("result").getInteger("score")).isEqualTo(2100);
    }

    @Test
    @DisplayName("equal scores are ranked by total response time, faster first")
    void tieBreak() {
      newGame(new RoomSettings(20, false, Duration.ZERO, 100));
      RecordingChannel slow = join("Slow");
      RecordingChannel fast = join("Fast");
      game.start(T0);
      game.answer(playerId(slow), null, 0, Response.choice(2), T0 + 9 * SECOND);
      game.answer(playerId(fast), null, 0, Response.choice(2), T0 + 3 * SECOND);

      assertThat(fast.last("result").getInteger("score"))
          .isEqualTo(slow.last("result").getInteger("score"));
      assertThat(fast.last("result").getInteger("rank")).isEqualTo(1);
      assertThat(slow.last("result").getInteger("rank")).isEqualTo(2);
    }

    @Test
    @DisplayName(
        "the podium gives players the top three and their own standing, and the host the full ranking")
    void podium() {
      List<RecordingChannel> players = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        players.add(join("p" + i));
      }
      game.start(T0);
      for (int i = 0; i < 5; i++) {
        game.answer(
            playerId(players.get(i)),
            null,
            0,
            Response.choice(i % 2 == 0 ? 2 : 0),
            T0 + (i + 1) * SECOND);
      }
      game.end(T0 + 10 * SECOND);

      JsonObject podium = players.get(4).last("podium");
      assertThat(podium.getJsonArray("top")).hasSize(3);
      assertThat(podium.containsKey("ranking")).isFalse();
      assertThat(players.get(4).last("standing").getInteger("rank")).isEqualTo(3);
      assertThat(host.last("podium").getJsonArray("ranking")).hasSize(5);
      assertThat(log.standings).extracting(GameLogStanding::rank).containsExactly(1, 2, 3, 4, 5);
    }
  }

  /** Shorthand so assertions read naturally. */
  interface GameLogStanding {
    static int rank(org.quizhall.game.GameLog.Standing standing) {
      return standing.rank();
    }
  }

  @Nested
  @DisplayName("host controls")
  class HostControls {

    @Test
    @DisplayName(
        "pausing stops the clock: answers wait, and the pause does not count against response time")
    void pause() {
      RecordingChannel ada = join("Ada");
      join("Bob");
      game.start(T0);

      game.pause(T0 + 5 * SECOND);
      assertThat(ada.last("paused").getLong("remainingMs")).isEqualTo(15 * SECOND);
      assertThatThrownBy(
              () -> game.answer(playerId(ada), null, 0, Response.choice(2), T0 + 6 * SECOND))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("paused"));
      game.tick(T0 + 60 * SECOND);
      assertThat(game.phase()).isEqualTo(Phase.QUESTION);

      game.resumeTimer(T0 + 100 * SECOND);
      assertThat(ada.last("resumed").getLong("deadline")).isEqualTo(T0 + 115 * SECOND);
      game.answer(playerId(ada), null, 0, Response.choice(2), T0 + 105 * SECOND);
      assertThat(log.answers.get(0).responseMs()).isEqualTo(10 * SECOND);
    }

    @Test
    @DisplayName(
        "a kicked player is told, disconnected, and can neither resume nor rejoin with their account")
    void kick() {
      RecordingChannel ada = new RecordingChannel();
      UUID account = UUID.randomUUID();
      game.join("Ada", account, null, ada, T0);

      game.kick(playerId(ada), 0, T0 + SECOND);

      assertThat(ada.ofType("kicked")).hasSize(1);
      assertThat(ada.closeCode).isEqualTo(Protocol.CLOSE_KICKED);
      assertThatThrownBy(
              () -> game.resume(resumeToken(ada), new RecordingChannel(), T0 + 2 * SECOND))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("kicked"));
      assertThatThrownBy(
              () -> game.join("Ada again", account, null, new RecordingChannel(), T0 + 2 * SECOND))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("kicked"));
      assertThat(game.playerCount()).isZero();
    }

    @Test
    @DisplayName("a locked room refuses new players but lets seated ones resume")
    void lock() {
      RecordingChannel ada = join("Ada");
      game.lock(true, T0);

      assertThatThrownBy(() -> join("Late"))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("room_locked"));
      game.resume(resumeToken(ada), new RecordingChannel(), T0 + SECOND);
      game.lock(false, T0 + 2 * SECOND);
      join("Late");
      assertThat(game.playerCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a room whose host is away for 10 minutes closes")
    void hostAway() {
      RecordingChannel ada = join("Ada");
      game.hostDisconnected(host, T0 + SECOND);

      game.tick(T0 + SECOND + Duration.ofMinutes(10).toMillis() - 1);
      assertThat(game.closed()).isFalse();
      assertThat(game.nextWakeup()).isEqualTo(T0 + SECOND + Duration.ofMinutes(10).toMillis());
      game.tick(T0 + SECOND + Duration.ofMinutes(10).toMillis());

      assertThat(game.closed()).isTrue();
      assertThat(ada.last("closed").getString("reason")).contains("host");
      assertThat(ada.closeCode).isEqualTo(Protocol.CLOSE_ROOM_CLOSED);
    }
  }

  @Nested
  @DisplayName("seats")
  class Seats {

    private RoomSettings settings(boolean guests, int perAddress) {
      return new RoomSettings(20, true, Duration.ZERO, 100, guests, perAddress);
    }

    @Test
    @DisplayName("a members-only room refuses guests and seats signed-in players")
    void membersOnly() {
      newGame(settings(false, 60));
      assertThatThrownBy(() -> game.join("Guest", null, "10.0.0.1", new RecordingChannel(), T0))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("sign_in_required"));
      game.join("Member", UUID.randomUUID(), "10.0.0.1", new RecordingChannel(), T0);
      assertThat(game.playerCount()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "one address holds at most the host's number of seats; a seat given up frees its place")
    void perAddress() {
      newGame(settings(true, 3));
      List<RecordingChannel> school = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RecordingChannel channel = new RecordingChannel();
        game.join("Student" + i, null, "203.0.113.5", channel, T0);
        school.add(channel);
      }
      assertThatThrownBy(
              () -> game.join("Student3", null, "203.0.113.5", new RecordingChannel(), T0))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("too_many_seats"));
      game.join("Elsewhere", null, "198.51.100.9", new RecordingChannel(), T0);

      game.leave(playerId(school.get(0)), T0 + SECOND);
      game.join("Student3", null, "203.0.113.5", new RecordingChannel(), T0 + SECOND);
      assertThat(game.playerCount()).isEqualTo(4);
    }

    @Test
    @DisplayName(
        "a kicked guest's network takes no new guests for the host's chosen minutes; signed-in players still join")
    void kickedGuestStaysOut() {
      newGame(settings(true, 60));
      RecordingChannel troll = new RecordingChannel();
      game.join("Troll", null, "198.51.100.66", troll, T0);
      game.kick(playerId(troll), 10, T0 + SECOND);
      assertThatThrownBy(
              () ->
                  game.join(
                      "Innocent", null, "198.51.100.66", new RecordingChannel(), T0 + 2 * SECOND))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("kicked"));
      game.join(
          "Member", UUID.randomUUID(), "198.51.100.66", new RecordingChannel(), T0 + 2 * SECOND);
      game.join("Elsewhere", null, "203.0.113.9", new RecordingChannel(), T0 + 2 * SECOND);
      game.join(
          "Later", null, "198.51.100.66", new RecordingChannel(), T0 + SECOND + 10 * 60 * SECOND);
      assertThat(game.playerCount()).isEqualTo(3);
    }
  }

  @Nested
  @DisplayName("reconnecting")
  class Reconnecting {

    @Test
    @DisplayName(
        "a player who comes back mid-question gets the question with the time that is left, and their score")
    void resumeSnapshot() {
      RecordingChannel ada = join("Ada");
      join("Bob");
      game.start(T0);
      game.answer(playerId(ada), null, 0, Response.choice(2), T0 + SECOND);
      game.next(T0 + 2 * SECOND);
      game.next(T0 + 2 * SECOND);
      game.next(T0 + 3 * SECOND);
      game.disconnected(playerId(ada), ada, T0 + 4 * SECOND);

      RecordingChannel again = new RecordingChannel();
      game.resume(resumeToken(ada), again, T0 + 8 * SECOND);

      JsonObject welcome = again.last("welcome");
      assertThat(welcome.getString("playerId")).isEqualTo(playerId(ada));
      assertThat(welcome.getInteger("score"))
          .isEqualTo(975)
          .isEqualTo(ada.last("result").getInteger("score"));
      assertThat(welcome.getBoolean("answered")).isFalse();
      JsonObject current = welcome.getJsonObject("current");
      assertThat(current.getString("type")).isEqualTo("question");
      assertThat(current.getInteger("index")).isEqualTo(1);
      assertThat(current.getLong("remainingMs")).isEqualTo(15 * SECOND);
      game.answer(playerId(ada), null, 1, Response.choice(0), T0 + 9 * SECOND);
      assertThat(again.ofType("answer_ack")).hasSize(1);
    }

    @Test
    @DisplayName("resuming on a second connection replaces the first")
    void replaced() {
      RecordingChannel first = join("Ada");
      RecordingChannel second = new RecordingChannel();

      game.resume(resumeToken(first), second, T0 + SECOND);

      assertThat(first.closeCode).isEqualTo(Protocol.CLOSE_REPLACED);
      game.disconnected(playerId(first), first, T0 + 2 * SECOND);
      assertThat(game.playerCount()).isEqualTo(1);
      game.start(T0 + 3 * SECOND);
      assertThat(second.ofType("question")).hasSize(1);
    }

    @Test
    @DisplayName(
        "a disconnected player who has answered keeps the seat and nickname for 120 s, then it is released")
    void seatReserved() {
      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.answer(playerId(ada), null, 0, Response.choice(0), T0 + SECOND);
      game.disconnected(playerId(ada), ada, T0 + SECOND);

      game.tick(T0 + 60 * SECOND);
      assertThatThrownBy(() -> join("ADA"))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("nickname_taken"));
      game.tick(T0 + SECOND + 120 * SECOND);

      assertThatThrownBy(
              () -> game.resume(resumeToken(ada), new RecordingChannel(), T0 + 122 * SECOND))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("seat_not_found"));
      join("ADA");
    }

    @Test
    @DisplayName(
        "once the game runs, a seat that never answered is kept only 15 s; in the lobby, 120 s")
    void unusedSeatBrief() {
      RecordingChannel waiting = join("Waiting");
      game.disconnected(playerId(waiting), waiting, T0);
      game.tick(T0 + 60 * SECOND);
      game.resume(resumeToken(waiting), new RecordingChannel(), T0 + 60 * SECOND);

      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.disconnected(playerId(ada), ada, T0 + SECOND);
      game.tick(T0 + 10 * SECOND);
      RecordingChannel back = new RecordingChannel();
      game.resume(resumeToken(ada), back, T0 + 10 * SECOND);
      assertThat(back.ofType("welcome")).as("a reload within 15 s keeps the seat").hasSize(1);

      game.disconnected(playerId(ada), back, T0 + 11 * SECOND);
      game.tick(T0 + 26 * SECOND);
      assertThat(game.playerCount()).isEqualTo(1);
      join("Ada");
    }

    @Test
    @DisplayName("a signed-in player who joins again gets their own seat back, never a second one")
    void accountTakesSeatBack() {
      UUID account = UUID.randomUUID();
      RecordingChannel phone = new RecordingChannel();
      game.join("Ada", account, null, phone, T0);
      game.start(T0 + SECOND);
      game.answer(playerId(phone), null, 0, Response.choice(2), T0 + 2 * SECOND);
      game.leave(playerId(phone), T0 + 3 * SECOND);

      RecordingChannel laptop = new RecordingChannel();
      game.join("Someone new", account, null, laptop, T0 + 4 * SECOND);

      JsonObject welcome = laptop.last("welcome");
      assertThat(welcome.getString("playerId")).isEqualTo(playerId(phone));
      assertThat(welcome.getString("nickname")).isEqualTo("Ada");
      assertThat(welcome.getInteger("score")).isPositive();
      assertThat(game.playerCount()).isEqualTo(1);
      RecordingChannel tablet = new RecordingChannel();
      game.join("Ada", account, null, tablet, T0 + 5 * SECOND);
      assertThat(laptop.closeCode).isEqualTo(Protocol.CLOSE_REPLACED);
      assertThat(game.playerCount()).isEqualTo(1);
      assertThat(log.joined).hasSize(1);
    }

    @Test
    @DisplayName("an unknown resume token finds no seat")
    void unknownToken() {
      assertThatThrownBy(() -> game.resume("made-up", new RecordingChannel(), T0))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("seat_not_found"));
    }
  }

  @Nested
  @DisplayName("nicknames")
  class Nicknames {

    @Test
    @DisplayName("are 1 to 20 characters after trimming, unique regardless of case")
    void lengthAndUniqueness() {
      join("  Grace  ");
      assertThat(host.messages).isNotEmpty();
      assertThatThrownBy(() -> join("grace"))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("nickname_taken"));
      assertThatThrownBy(() -> join("   "))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_nickname"));
      assertThatThrownBy(() -> join("x".repeat(21)))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_nickname"));
      join("x".repeat(20));
    }

    @Test
    @DisplayName(
        "refuse control and direction-changing characters, and words on the list however they are spelled")
    void refused() {
      assertThatThrownBy(() -> join("bad\u0007bell"))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_nickname"));
      assertThatThrownBy(() -> join("abc\u202Eevil"))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_nickname"));
      assertThatThrownBy(() -> join("B4D w0rd"))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("nickname_not_allowed"));
      join("Zoë 🦊");
    }

    @Test
    @DisplayName(
        "cannot pass for a seated player with look-alike letters or hide behind invisible ones")
    void lookAlikes() {
      join("Ada");
      for (String lookAlike : List.of("\u0410da", "Ａｄａ", "ADA", "Adа")) {
        assertThatThrownBy(() -> join(lookAlike))
            .as(lookAlike)
            .isInstanceOfSatisfying(
                Problem.class, p -> assertThat(p.code()).isEqualTo("nickname_taken"));
      }
      for (String invisible : List.of("\u3164", "Ada\u3164", "\u2800\u2800", "Bo\u00A0b")) {
        assertThatThrownBy(() -> join(invisible))
            .as(invisible)
            .isInstanceOfSatisfying(
                Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_nickname"));
      }
      NicknameRules rules = new NicknameRules(List.of("scum", "idiot"));
      for (String hidden : List.of("scum", "SCUM", "1d1ot", "|d|ot", "\u0455\u0441um")) {
        assertThatThrownBy(() -> rules.check(hidden))
            .as(hidden)
            .isInstanceOfSatisfying(
                Problem.class, p -> assertThat(p.code()).isEqualTo("nickname_not_allowed"));
      }
      join("Adam");
    }
  }

  @Nested
  @DisplayName("the 3-2-1 before the first question")
  class LeadIn {

    static final long LEAD_IN = 3 * SECOND;

    @BeforeEach
    void withLeadIn() {
      newGame(
          new RoomSettings(
              20, true, Duration.ZERO, 100, true, 60, Duration.ofMillis(LEAD_IN), null));
    }

    @Test
    @DisplayName(
        "the first question's deadline is the lead-in later: answers are refused during it, and speed counts from its end")
    void addedToTheDeadline() {
      RecordingChannel ada = join("Ada");
      join("Bob");
      game.start(T0);

      JsonObject question = ada.last("question");
      assertThat(question.getLong("leadInMs")).isEqualTo(LEAD_IN);
      assertThat(question.getLong("deadline"))
          .as("the whole 20 s after the 3-2-1")
          .isEqualTo(T0 + LEAD_IN + 20 * SECOND);
      assertThat(question.getLong("remainingMs")).isEqualTo(LEAD_IN + 20 * SECOND);
      assertThatThrownBy(
              () -> game.answer(playerId(ada), null, 0, Response.choice(2), T0 + LEAD_IN - 1))
          .isInstanceOfSatisfying(
              Problem.class, p -> assertThat(p.code()).isEqualTo("not_open_yet"));
      assertThat(log.answers).as("nothing taken during the lead-in").isEmpty();

      game.answer(playerId(ada), null, 0, Response.choice(2), T0 + LEAD_IN + 400);
      assertThat(log.answers.get(0).responseMs())
          .as("timed from the end of the 3-2-1")
          .isEqualTo(400);
      assertThat(log.answers.get(0).points()).as("a quick answer scores in full").isEqualTo(1000);
      game.tick(T0 + 20 * SECOND + LEAD_IN - 1);
      assertThat(game.phase()).as("still open in its last millisecond").isEqualTo(Phase.QUESTION);
      game.tick(T0 + 20 * SECOND + LEAD_IN);
      assertThat(game.phase()).isEqualTo(Phase.REVEAL);
    }

    @Test
    @DisplayName("only the first question has it: the next one opens at once with its own time")
    void onlyTheFirst() {
      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.next(T0 + 5 * SECOND);
      game.next(T0 + 6 * SECOND);
      game.next(T0 + 7 * SECOND);
      JsonObject second = ada.last("question");
      assertThat(second.getInteger("index")).isEqualTo(1);
      assertThat(second.getLong("leadInMs")).isZero();
      assertThat(second.getLong("deadline")).isEqualTo(T0 + 27 * SECOND);
      game.answer(playerId(ada), null, 1, Response.choice(0), T0 + 7 * SECOND);
      assertThat(log.answers).hasSize(1);
    }

    @Test
    @DisplayName("a player who comes back during the lead-in gets what is left of it")
    void resumedDuringIt() {
      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.disconnected(playerId(ada), ada, T0 + SECOND);
      RecordingChannel again = new RecordingChannel();
      game.resume(resumeToken(ada), again, T0 + 2 * SECOND);
      JsonObject current = again.last("welcome").getJsonObject("current");
      assertThat(current.getLong("leadInMs")).isEqualTo(SECOND);
      assertThat(current.getLong("remainingMs")).isEqualTo(21 * SECOND);
    }

    @Test
    @DisplayName(
        "a pause during the lead-in ends it: after the resume the question is open with all its time")
    void pausedDuringIt() {
      RecordingChannel ada = join("Ada");
      game.start(T0);
      game.pause(T0 + SECOND);
      assertThat(ada.last("paused").getLong("remainingMs")).isEqualTo(20 * SECOND);
      game.resumeTimer(T0 + 10 * SECOND);
      assertThat(ada.last("resumed").getLong("deadline")).isEqualTo(T0 + 30 * SECOND);
      game.answer(playerId(ada), null, 0, Response.choice(2), T0 + 10 * SECOND + 500);
      assertThat(log.answers.get(0).responseMs()).isEqualTo(500);
    }
  }
}
