package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.room.Protocol;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Eventually;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/** Live rooms end to end: real WebSockets, a real PostgreSQL, the whole server in this JVM. */
@ExtendWith(VertxExtension.class)
@DisplayName("A live room over WebSockets")
class LiveRoomTest {

  private static final TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
  private static Quizhall quizhall;
  private static Api api;
  private static Vertx vertx;
  private static String hostAccount;
  private static String deckId;

  /** The answers of the sample deck, so players can answer right or wrong on purpose. */
  private static AnswerKey answerKey;

  private final List<SocketClient> sockets = new ArrayList<>();

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
    hostAccount = api.signUpAndIn("quizmaster", "hosting all day");
    JsonArray decks = api.get("/api/decks", hostAccount).bodyAsJsonArray();
    deckId = decks.getJsonObject(0).getString("id");
    answerKey = new AnswerKey(quizhall.pool(), deckId);
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @AfterEach
  void closeSockets() {
    sockets.forEach(SocketClient::close);
  }

  private SocketClient socket() {
    SocketClient socket = SocketClient.connect(vertx, quizhall.httpPort());
    sockets.add(socket);
    return socket;
  }

  private JsonObject openRoom(int questions) {
    HttpResponse<Buffer> room =
        api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", deckId)
                .put("questionCount", questions)
                .put("secondsPerQuestion", 20)
                .put("leadIn", false),
            hostAccount);
    assertThat(room.statusCode()).as(room.bodyAsString()).isEqualTo(201);
    return room.bodyAsJsonObject();
  }

  private SocketClient host(JsonObject room) {
    SocketClient host = socket();
    host.takeConsole(room);
    return host;
  }

  private SocketClient player(JsonObject room, String nickname) {
    SocketClient player = socket();
    player.send(
        "join",
        new JsonObject()
            .put("code", room.getString("code").toLowerCase())
            .put("nickname", nickname));
    JsonObject welcome = player.await("welcome");
    assertThat(welcome.getString("nickname")).isEqualTo(nickname);
    return player;
  }

  /** An answer message for the question: the right one, or a wrong one. */
  private static JsonObject answerTo(JsonObject question, boolean right) {
    return answerKey
        .answer(question.getString("questionId"), right)
        .put("index", question.getInteger("index"));
  }

  @Test
  @DisplayName(
      "a room opens with a 3-2-1: the first question's deadline has the lead-in added, an answer during it is refused, and one just after it scores as a quick answer")
  void leadInAddedToTheFirstDeadline() {
    HttpResponse<Buffer> opened =
        api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", deckId)
                .put("questionCount", 1)
                .put("secondsPerQuestion", 20),
            hostAccount);
    assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
    JsonObject room = opened.bodyAsJsonObject();
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    assertThat(ada.seen().get(0).getJsonObject("settings").getLong("leadInMs"))
        .as("the welcome says so")
        .isEqualTo(3000);
    assertThat(host.reply(host.send("start")).getString("type")).isEqualTo("ok");

    JsonObject question = ada.await("question");
    long leadIn = question.getLong("leadInMs");
    assertThat(leadIn).isEqualTo(3000);
    assertThat(question.getLong("deadline") - question.getLong("sentAt"))
        .as("the whole time per question comes after the lead-in")
        .isEqualTo(leadIn + 20_000);
    assertThat(question.getLong("remainingMs")).isEqualTo(leadIn + 20_000);
    JsonObject early = ada.reply(ada.send("answer", answerTo(question, true)));
    assertThat(early.getString("code")).as(early.encode()).isEqualTo("not_open_yet");

    clock.advance(Duration.ofMillis(leadIn));
    JsonObject reply = ada.reply(ada.send("answer", answerTo(question, true)));
    assertThat(reply.getString("type"))
        .as("taken once the lead-in is over: " + reply.encode())
        .isEqualTo("answer_ack");
    // Timed from the end of the 3-2-1 the answer is an instant one: timed from the question's
    // sending, it would be three
    // seconds into twenty, 925 points.
    assertThat(ada.awaitAbout("result", 0).getInteger("points"))
        .as("the lead-in cost no answering time")
        .isEqualTo(1000);
  }

  @Test
  @DisplayName(
      "a WebSocket opened from another site's page is refused; from Quizhall's own page or outside a browser it opens")
  void origin() {
    io.vertx.core.http.WebSocketClient client = vertx.createWebSocketClient();
    try {
      Throwable refused =
          client
              .connect(
                  new io.vertx.core.http.WebSocketConnectOptions()
                      .setPort(quizhall.httpPort())
                      .setHost("127.0.0.1")
                      .setURI("/ws")
                      .addHeader("Origin", "https://evil.example"))
              .transform(done -> io.vertx.core.Future.succeededFuture(done.cause()))
              .await();
      assertThat(refused).as("the upgrade is refused").isNotNull();
      assertThat(refused.getMessage()).contains("403");

      io.vertx.core.http.WebSocket own =
          client
              .connect(
                  new io.vertx.core.http.WebSocketConnectOptions()
                      .setPort(quizhall.httpPort())
                      .setHost("127.0.0.1")
                      .setURI("/ws")
                      .addHeader("Origin", "http://127.0.0.1:" + quizhall.httpPort()))
              .await();
      assertThat(own.isClosed()).isFalse();
      own.close().await();
    } finally {
      client.close().await();
    }
    SocketClient noOrigin = socket();
    assertThat(noOrigin.reply(noOrigin.send("ping")).getString("type")).isEqualTo("pong");
  }

  @Test
  @DisplayName(
      "a host command names the screen it was pressed on: a second 'next' meant for the question is refused and does not skip the leaderboard")
  void staleHostCommand() {
    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    host.drain();
    assertThat(
            host.reply(host.send("start", new JsonObject().put("at", "lobby"))).getString("type"))
        .isEqualTo("ok");
    JsonObject question = ada.await("question");
    assertThat(question.getInteger("index")).isZero();

    String first = host.send("next", new JsonObject().put("at", "question:0"));
    String second = host.send("next", new JsonObject().put("at", "question:0"));
    assertThat(host.reply(first).getString("type")).as("the first tap reveals").isEqualTo("ok");
    JsonObject refused = host.reply(second);
    assertThat(refused.getString("type")).isEqualTo("error");
    assertThat(refused.getString("code")).isEqualTo("stale_command");
    assertThat(ada.await("reveal").getInteger("index")).isZero();

    assertThat(
            host.reply(host.send("start", new JsonObject().put("at", "lobby"))).getString("code"))
        .as("a stale start is refused before the phase is even looked at")
        .isEqualTo("stale_command");
    SocketClient again = host(room);
    JsonObject welcome =
        again.seen().stream()
            .filter(m -> "welcome".equals(m.getString("type")))
            .findFirst()
            .orElseThrow();
    assertThat(welcome.getString("phase"))
        .as("the refused tap changed nothing: still the reveal")
        .isEqualTo("reveal");
    assertThat(welcome.getString("at"))
        .as("and the welcome says where the room is")
        .isEqualTo("reveal:0");

    assertThat(again.reply(again.send("next")).getString("type"))
        .as("a command without 'at' still works")
        .isEqualTo("ok");
    assertThat(ada.await("leaderboard").getInteger("index")).isZero();
    assertThat(
            again
                .reply(again.send("next", new JsonObject().put("at", "leaderboard:0")))
                .getString("type"))
        .isEqualTo("ok");
    assertThat(ada.await("question").getInteger("index")).isEqualTo(1);
    assertThat(again.reply(again.send("next", new JsonObject().put("at", 3))).getString("code"))
        .as("an 'at' that is not a string is refused by the schema")
        .isEqualTo("invalid_field");
  }

  @Test
  @DisplayName(
      "the account that opened a room takes its console with its sign-in instead of the host token; nobody else's sign-in does")
  void ownerTakesTheConsole() {
    JsonObject room = openRoom(1);
    SocketClient first = host(room);
    SocketClient stranger = socket();
    String otherAccount = api.signUpAndIn("someone_else", "not the host at all");
    JsonObject refused =
        stranger.reply(
            stranger.send(
                "host",
                new JsonObject()
                    .put("code", room.getString("code"))
                    .put("accountToken", otherAccount)));
    assertThat(refused.getString("code")).isEqualTo("not_room_owner");
    assertThat(
            stranger
                .reply(
                    stranger.send(
                        "host",
                        new JsonObject()
                            .put("code", room.getString("code"))
                            .put("accountToken", "made-up")))
                .getString("code"))
        .isEqualTo("invalid_token");
    assertThat(
            stranger
                .reply(stranger.send("host", new JsonObject().put("code", room.getString("code"))))
                .getString("code"))
        .as("neither a host token nor a sign-in")
        .isEqualTo("invalid_field");

    SocketClient owner = socket();
    owner.send(
        "host",
        new JsonObject().put("code", room.getString("code")).put("accountToken", hostAccount));
    JsonObject welcome = owner.await("welcome");
    assertThat(welcome.getString("role")).isEqualTo("host");
    assertThat(welcome.containsKey("hostToken")).as("the host token is never handed out").isFalse();
    assertThat(first.awaitClose())
        .as("the console in the first tab is taken over")
        .isEqualTo(Protocol.CLOSE_REPLACED);
    SocketClient ada = player(room, "Ada");
    assertThat(owner.reply(owner.send("start")).getString("type")).isEqualTo("ok");
    assertThat(ada.await("question").getInteger("index")).isZero();
  }

  @Test
  @DisplayName("/metrics counts open rooms, open sockets, connected players and accepted answers")
  void metrics() {
    double answersBefore = api.metric("quizhall_answers_total");
    // Earlier tests' sockets are closed, but the server may not have noticed yet.
    Eventually.holds(
        "earlier tests' players to be gone", () -> api.metric("quizhall_players_connected") == 0);
    JsonObject room = openRoom(1);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Metrics");
    Eventually.holds(
        "Ada, and not the host, to count as a connected player",
        () -> api.metric("quizhall_players_connected") == 1);
    host.send("start");
    JsonObject question = ada.await("question");
    ada.reply(ada.send("answer", answerTo(question, true)));

    assertThat(api.metric("quizhall_rooms_open")).isGreaterThanOrEqualTo(1);
    assertThat(api.metric("quizhall_sockets_open")).isGreaterThanOrEqualTo(2);
    assertThat(api.metric("quizhall_answers_total")).isEqualTo(answersBefore + 1);
    assertThat(api.metric("quizhall_write_queue_rows")).isGreaterThanOrEqualTo(0);
    assertThat(api.metric("quizhall_database_write_failures_total")).isZero();
    ada.close();
    Eventually.holds(
        "a player whose socket closed to stop counting as connected",
        () -> api.metric("quizhall_players_connected") == 0);
  }

  @Test
  @DisplayName(
      "a host and five players play a whole game; the database and the results agree with what players were told")
  void fullGame() {
    JsonObject room = openRoom(3);
    SocketClient host = host(room);
    List<SocketClient> players = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      players.add(player(room, "player" + i));
    }
    host.send("start");
    int acked = 0;
    for (int q = 0; q < 3; q++) {
      for (int i = 0; i < players.size(); i++) {
        SocketClient player = players.get(i);
        JsonObject question = player.await("question");
        assertThat(question.getInteger("index")).isEqualTo(q);
        assertThat(question.fieldNames()).doesNotContain("correct", "answer", "accepted");
        String id = player.send("answer", answerTo(question, (i + q) % 3 != 0));
        assertThat(player.reply(id).getString("type")).isEqualTo("answer_ack");
        acked++;
      }
      for (SocketClient player : players) {
        player.awaitAbout("reveal", q);
        player.awaitAbout("result", q);
      }
      host.await("reveal");
      host.send("next");
      for (SocketClient player : players) {
        assertThat(player.await("leaderboard").getJsonArray("top")).hasSize(5);
      }
      host.send("next");
    }
    Map<String, JsonObject> standings = new HashMap<>();
    for (int i = 0; i < players.size(); i++) {
      players.get(i).await("podium");
      standings.put("player" + i, players.get(i).await("standing"));
    }
    JsonObject podium = host.await("podium");
    assertThat(podium.getJsonArray("ranking")).hasSize(5);
    assertThat(podium.getJsonArray("top")).hasSize(3);

    String gameId = podium.getString("gameId");
    HttpResponse<Buffer> resultsResponse =
        api.get("/api/games/" + gameId + "/results", hostAccount);
    assertThat(resultsResponse.statusCode()).isEqualTo(200);
    long stored =
        quizhall
            .pool()
            .preparedQuery("SELECT count(*) FROM answers WHERE game_id = $1")
            .execute(Tuple.of(UUID.fromString(gameId)))
            .await()
            .iterator()
            .next()
            .getLong(0);
    assertThat(stored).as("every acknowledged answer is stored").isEqualTo(acked);

    JsonObject results = resultsResponse.bodyAsJsonObject();
    assertThat(results.getBoolean("finished")).isTrue();
    for (Object p : results.getJsonArray("players")) {
      JsonObject line = (JsonObject) p;
      JsonObject told = standings.get(line.getString("nickname"));
      assertThat(line.getInteger("score")).isEqualTo(told.getInteger("score"));
      assertThat(line.getInteger("rank")).isEqualTo(told.getInteger("rank"));
      assertThat(line.getInteger("correct")).isEqualTo(told.getInteger("correct"));
    }
    JsonArray questions = results.getJsonArray("questions");
    assertThat(questions).hasSize(3);
    assertThat(questions.getJsonObject(0).getInteger("answered")).isEqualTo(5);

    HttpResponse<Buffer> csv = api.get("/api/games/" + gameId + "/results.csv", hostAccount);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString().lines().findFirst())
        .contains("rank,nickname,score,correct,answered,mean_response_ms");
    assertThat(csv.bodyAsString()).contains("player0", "correct_rate");

    String outsider = api.signUpAndIn("nosy_neighbour", "not my game");
    assertThat(api.get("/api/games/" + gameId + "/results", outsider).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/games/" + gameId + "/results").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("the host chooses who sits: members only, and how many seats one address may take")
  void seatRules() {
    HttpResponse<Buffer> bad =
        api.postJson(
            "/api/rooms",
            new JsonObject().put("deckId", deckId).put("seatsPerAddress", 0),
            hostAccount);
    assertThat(errorCode(bad)).isEqualTo("invalid_field");
    JsonObject membersOnly =
        api.postJson(
                "/api/rooms",
                new JsonObject().put("deckId", deckId).put("guestsAllowed", false),
                hostAccount)
            .bodyAsJsonObject();
    SocketClient guest = socket();
    JsonObject refused =
        guest.reply(
            guest.send(
                "join",
                new JsonObject()
                    .put("code", membersOnly.getString("code"))
                    .put("nickname", "Guest")));
    assertThat(refused.getString("code")).isEqualTo("sign_in_required");
    String member = api.signUpAndIn("seated_member", "members only please");
    guest.send(
        "join",
        new JsonObject()
            .put("code", membersOnly.getString("code"))
            .put("nickname", "Member")
            .put("accountToken", member));
    assertThat(guest.await("welcome").getString("nickname")).isEqualTo("Member");

    JsonObject small =
        api.postJson(
                "/api/rooms",
                new JsonObject().put("deckId", deckId).put("seatsPerAddress", 2),
                hostAccount)
            .bodyAsJsonObject();
    player(small, "One");
    player(small, "Two");
    SocketClient third = socket();
    JsonObject full =
        third.reply(
            third.send(
                "join",
                new JsonObject().put("code", small.getString("code")).put("nickname", "Three")));
    assertThat(full.getString("code"))
        .as("a third seat from this address")
        .isEqualTo("too_many_seats");
  }

  @Test
  @DisplayName(
      "a seated player cannot look a live question up: its id is no deck question's, and the deck shows no keys")
  void liveQuestionsCannotBeLookedUp() {
    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    String learner = api.signUpAndIn("curious_player", "looking things up");
    SocketClient player = socket();
    player.send(
        "join",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("nickname", "Curious")
            .put("accountToken", learner));
    player.await("welcome");
    host.send("start");
    JsonObject question = player.await("question");

    JsonArray deck = api.get("/api/decks/" + deckId + "/questions", learner).bodyAsJsonArray();
    List<String> deckIds = deck.stream().map(q -> ((JsonObject) q).getString("id")).toList();
    assertThat(deckIds).doesNotContain(question.getString("questionId"));
    for (Object q : deck) {
      assertThat(((JsonObject) q).fieldNames())
          .doesNotContain("correct", "accepted", "explanation", "source");
    }
    HttpResponse<Buffer> practice =
        api.postJson(
            "/api/decks/" + deckId + "/practice/answers",
            new JsonObject().put("questionId", question.getString("questionId")).put("choice", 0),
            learner);
    assertThat(errorCode(practice))
        .as("practice knows no live question id")
        .isEqualTo("question_not_found");

    // Matching the prompt finds the deck question, but practice keeps its key while the game runs.
    JsonObject same =
        deck.stream()
            .map(JsonObject.class::cast)
            .filter(
                q ->
                    q.getString("prompt").equals(question.getString("prompt"))
                        && java.util.Objects.equals(
                            q.getJsonArray("options"), question.getJsonArray("options")))
            .findFirst()
            .orElseThrow();
    HttpResponse<Buffer> lookedUp =
        api.postJson(
            "/api/decks/" + deckId + "/practice/answers",
            answerTo(question, false).put("questionId", same.getString("id")),
            learner);
    assertThat(lookedUp.statusCode()).isEqualTo(409);
    assertThat(errorCode(lookedUp)).isEqualTo("question_in_play");
    assertThat(lookedUp.bodyAsString()).doesNotContain("\"answer\"");
    JsonArray round =
        api.get("/api/decks/" + deckId + "/practice?count=50", learner)
            .bodyAsJsonObject()
            .getJsonArray("questions");
    assertThat(round.stream().map(q -> ((JsonObject) q).getString("id")))
        .doesNotContain(same.getString("id"));
  }

  @Test
  @DisplayName(
      "a player who reconnects mid-question resumes the seat, sees the time left and still answers")
  void reconnect() {
    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    SocketClient bob = player(room, "Bob");
    String token = ada.seen().get(0).getString("resumeToken");
    host.send("start");
    JsonObject question = ada.await("question");
    bob.await("question");

    ada.close();
    SocketClient again = socket();
    again.send(
        "resume", new JsonObject().put("code", room.getString("code")).put("resumeToken", token));
    JsonObject welcome = again.await("welcome");

    assertThat(welcome.getString("nickname")).isEqualTo("Ada");
    assertThat(welcome.getJsonObject("current").getString("type")).isEqualTo("question");
    assertThat(welcome.getJsonObject("current").getLong("remainingMs"))
        .isPositive()
        .isLessThanOrEqualTo(20_000);
    String id = again.send("answer", answerTo(question, true));
    assertThat(again.reply(id).getString("type")).isEqualTo("answer_ack");
    bob.send("answer", answerTo(question, false));
    assertThat(again.await("result").getBoolean("correct")).isTrue();
  }

  @Test
  @DisplayName("duplicate, stale and late answers are refused with a reason and score nothing")
  void refusedAnswers() {
    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    SocketClient bob = player(room, "Bob");
    host.send("start");
    JsonObject question = ada.await("question");

    String first = ada.send("answer", answerTo(question, true));
    assertThat(ada.reply(first).getString("type")).isEqualTo("answer_ack");
    String again = ada.send("answer", answerTo(question, false));
    assertThat(ada.reply(again).getString("code")).isEqualTo("already_answered");
    String stale = bob.send("answer", answerTo(question, true).put("index", 1));
    assertThat(bob.reply(stale).getString("code")).isEqualTo("stale_question");

    clock.advance(Duration.ofSeconds(21));
    try {
      String late = bob.send("answer", answerTo(question, true));
      assertThat(bob.reply(late).getString("code")).isEqualTo("too_late");
    } finally {
      clock.advance(Duration.ofSeconds(-21));
    }
    host.send("next");
    JsonObject result = bob.await("result");
    assertThat(result.getBoolean("answered")).isFalse();
    assertThat(result.getInteger("score")).isZero();
  }

  @Test
  @DisplayName(
      "to the letter of the protocol: re echoes the id as sent, ping works before a join, late is too_late")
  void toTheLetter() {
    SocketClient early = socket();
    early.sendRaw("{\"v\":1,\"type\":\"ping\",\"id\":1000}");
    JsonObject pong = early.await("pong");
    assertThat(pong.getValue("re")).as("a number stays a number").isEqualTo(1000);
    early.sendRaw("{\"v\":1,\"type\":\"ping\"}");
    JsonObject bare =
        early.await(
            m ->
                m.getString("type").equals("pong")
                    && !Integer.valueOf(1000).equals(m.getValue("re")),
            "the pong to the ping without an id");
    assertThat(bare.containsKey("re")).as("no id, no re (not re: null)").isFalse();

    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    SocketClient bob = player(room, "Bob");
    host.send("start");
    JsonObject question = ada.await("question");
    ada.sendRaw(answerTo(question, true).put("v", 1).put("type", "answer").put("id", 7).encode());
    assertThat(ada.await("answer_ack").getValue("re")).isEqualTo(7);
    String next = host.send("next");
    assertThat(host.reply(next).getString("type")).isEqualTo("ok");
    bob.await("reveal");
    String late = bob.send("answer", answerTo(question, true));
    assertThat(bob.reply(late).getString("code"))
        .as("its question closed before it came")
        .isEqualTo("too_late");
  }

  @Test
  @DisplayName("a player the host removes in the lobby leaves no line in the saved results")
  void kickedInTheLobby() {
    JsonObject room = openRoom(1);
    SocketClient host = host(room);
    SocketClient troll = player(room, "Troll");
    SocketClient ada = player(room, "Ada");
    String kick =
        host.send(
            "kick", new JsonObject().put("playerId", troll.seen().get(0).getString("playerId")));
    assertThat(host.reply(kick).getString("type")).isEqualTo("ok");
    host.send("start");
    JsonObject question = ada.await("question");
    ada.send("answer", answerTo(question, true));
    ada.await("reveal");
    host.send("end");
    ada.await("podium");

    JsonObject results =
        api.get("/api/games/" + room.getString("gameId") + "/results", hostAccount)
            .bodyAsJsonObject();
    assertThat(
            results.getJsonArray("players").stream()
                .map(p -> ((JsonObject) p).getString("nickname")))
        .containsExactly("Ada");
  }

  @Test
  @DisplayName("a kicked player is disconnected and cannot come back with their resume token")
  void kicked() {
    JsonObject room = openRoom(1);
    SocketClient host = host(room);
    SocketClient troll = player(room, "Troll");
    String token = troll.seen().get(0).getString("resumeToken");
    String playerId = troll.seen().get(0).getString("playerId");

    String kick = host.send("kick", new JsonObject().put("playerId", playerId));
    assertThat(host.reply(kick).getString("type")).isEqualTo("ok");
    troll.await("kicked");
    assertThat(troll.awaitClose()).isEqualTo(Protocol.CLOSE_KICKED);

    SocketClient back = socket();
    String resume =
        back.send(
            "resume",
            new JsonObject().put("code", room.getString("code")).put("resumeToken", token));
    assertThat(back.reply(resume).getString("code")).isEqualTo("kicked");
  }

  @Test
  @DisplayName(
      "malformed, oversized, binary and unknown messages get errors, and the connection and game go on")
  void badFrames() {
    JsonObject room = openRoom(1);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");

    ada.sendRaw("this is not json");
    assertThat(ada.await("error").getString("code")).isEqualTo("malformed_json");
    ada.sendRaw("[1,2,3]");
    assertThat(ada.await("error").getString("code")).isEqualTo("malformed_json");
    ada.sendRaw("{\"type\":\"ping\"}");
    assertThat(ada.await("error").getString("code")).isEqualTo("unsupported_version");
    String unknown = ada.send("teleport");
    assertThat(ada.reply(unknown).getString("code")).isEqualTo("unknown_type");
    ada.sendRaw("{\"v\":1,\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
    assertThat(ada.await("error").getString("code")).isEqualTo("message_too_large");
    ada.sendBinary(new byte[] {1, 2, 3});
    assertThat(ada.await("error").getString("code")).isEqualTo("binary_not_supported");
    String hostOnly = ada.send("start");
    assertThat(ada.reply(hostOnly).getString("code")).isEqualTo("not_host");
    String badField = ada.send("answer", new JsonObject().put("index", "zero").put("choice", 0));
    assertThat(ada.reply(badField).getString("code")).isEqualTo("invalid_field");

    String ping = ada.send("ping");
    assertThat(ada.reply(ping).getString("type")).isEqualTo("pong");
    String nul =
        ada.send("join", new JsonObject().put("code", "ABCDEF").put("nickname", "nul\u0000byte"));
    assertThat(ada.reply(nul).getString("code")).isIn("invalid_field", "already_joined");
    host.send("start");
    JsonObject question = ada.await("question");
    String answer = ada.send("answer", answerTo(question, true));
    assertThat(ada.reply(answer).getString("type")).isEqualTo("answer_ack");
    assertThat(ada.awaitAbout("result", 0).getBoolean("correct")).isTrue();
  }

  @Test
  @DisplayName("joining needs an open room, a valid host token, and a free nickname")
  void joinErrors() {
    JsonObject room = openRoom(1);
    player(room, "Grace");

    SocketClient stranger = socket();
    String wrongCode =
        stranger.send("join", new JsonObject().put("code", "ZZZZZZ").put("nickname", "x"));
    assertThat(stranger.reply(wrongCode).getString("code")).isEqualTo("room_not_found");
    String taken =
        stranger.send(
            "join", new JsonObject().put("code", room.getString("code")).put("nickname", "GRACE"));
    assertThat(stranger.reply(taken).getString("code")).isEqualTo("nickname_taken");
    String fakeHost =
        stranger.send(
            "host", new JsonObject().put("code", room.getString("code")).put("hostToken", "guess"));
    assertThat(stranger.reply(fakeHost).getString("code")).isEqualTo("invalid_host_token");
    stranger.send(
        "join", new JsonObject().put("code", room.getString("code")).put("nickname", "Hopper"));
    assertThat(stranger.await("welcome").getString("nickname")).isEqualTo("Hopper");
  }

  @Test
  @DisplayName(
      "a flood of bad frames with good ones mixed in (never 100 refusals in a row) is closed with 4008")
  void floodWithGoodMessagesMixedIn() {
    JsonObject room = openRoom(1);
    SocketClient flooder = player(room, "Flooder");
    try {
      for (int burst = 0; burst < 20 && !flooder.isClosed(); burst++) {
        for (int i = 0; i < 60; i++) {
          flooder.sendRaw("{not json");
        }
        flooder.send("ping");
      }
    } catch (RuntimeException closedWhileSending) {
      // The server closed the connection part way through the flood: what this test wants.
    }

    assertThat(flooder.awaitClose()).isEqualTo(Protocol.CLOSE_POLICY);
    flooder.drain();
    long errors = flooder.seen().stream().filter(m -> "error".equals(m.getString("type"))).count();
    assertThat(errors)
        .as("errors the server wrote for 1,220 frames")
        .isLessThanOrEqualTo(Connection.FRAMES_PER_SECOND);
  }

  @Test
  @DisplayName(
      "more than 20 messages a second are throttled with rate_limited, and the connection stays usable")
  void rateLimit() {
    JsonObject room = openRoom(1);
    SocketClient ada = player(room, "Ada");
    double limitedBefore = api.metric("quizhall_rate_limited_total{limit=\"socket_messages\"");

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(ada.send("ping"));
    }
    int pongs = 0;
    int limited = 0;
    for (String id : ids) {
      JsonObject reply = ada.reply(id);
      if (reply.getString("type").equals("pong")) {
        pongs++;
      } else if ("rate_limited".equals(reply.getString("code"))) {
        limited++;
      }
    }
    assertThat(pongs).as("one join and up to 20 pings fit in the first second").isBetween(15, 25);
    assertThat(api.metric("quizhall_rate_limited_total{limit=\"socket_messages\""))
        .as("counted on /metrics")
        .isEqualTo(limitedBefore + limited);
    assertThat(limited).isEqualTo(40 - pongs);
    assertThat(ada.isClosed()).isFalse();
  }

  @Test
  @DisplayName("a host who reloads gets the console back with the token, mid-game")
  void hostResumes() {
    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    host.send("start");
    ada.await("question");
    host.close();

    SocketClient again = host(room);
    JsonObject welcome = again.seen().get(0);
    assertThat(welcome.getString("phase")).isEqualTo("question");
    assertThat(welcome.getJsonObject("current").getInteger("index")).isZero();
    assertThat(welcome.getJsonArray("roster")).hasSize(1);
    String next = again.send("next");
    assertThat(again.reply(next).getString("type")).isEqualTo("ok");
    assertThat(ada.await("reveal").getInteger("index")).isZero();
  }

  @Test
  @DisplayName(
      "players read their game's results with their sign-in or, as guests, with their resume token")
  void resultsForPlayers() {
    JsonObject room = openRoom(1);
    SocketClient host = host(room);
    String ownToken = api.signUpAndIn("signed_player", "playing signed in");
    SocketClient signed = socket();
    signed.send(
        "join",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("nickname", "Signed")
            .put("accountToken", ownToken));
    signed.await("welcome");
    SocketClient guest = player(room, "Guest");
    String guestToken = guest.seen().get(0).getString("resumeToken");
    host.send("start");
    JsonObject question = signed.await("question");
    signed.send("answer", answerTo(question, true));
    guest.send("answer", answerTo(question, false));
    host.await("reveal");
    host.send("end");
    String gameId = host.await("podium").getString("gameId");

    HttpResponse<Buffer> mine = api.get("/api/games/" + gameId + "/results", ownToken);
    assertThat(api.get("/api/games/" + gameId + "/results", hostAccount).statusCode())
        .isEqualTo(200);
    HttpResponse<Buffer> guests =
        api.send(
            io.vertx.core.http.HttpMethod.GET,
            "/api/games/" + gameId + "/results",
            null,
            null,
            null);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(
            mine.bodyAsJsonObject().getJsonArray("players").getJsonObject(0).getString("nickname"))
        .isEqualTo("Signed");
    assertThat(guests.statusCode()).isEqualTo(401);
    HttpResponse<Buffer> asGuest =
        api.getWithAuthorization("/api/games/" + gameId + "/results", "Player " + guestToken);
    assertThat(asGuest.statusCode()).isEqualTo(200);
    assertThat(
            api.getWithAuthorization("/api/games/" + gameId + "/results", "Player not-a-token")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "a player who joins with an invalid sign-in token is told so and may join as a guest instead")
  void badAccountToken() {
    JsonObject room = openRoom(1);
    SocketClient ada = socket();
    String id =
        ada.send(
            "join",
            new JsonObject()
                .put("code", room.getString("code"))
                .put("nickname", "Ada")
                .put("accountToken", "bogus"));
    assertThat(ada.reply(id).getString("code")).isEqualTo("invalid_token");
    ada.send("join", new JsonObject().put("code", room.getString("code")).put("nickname", "Ada"));
    assertThat(ada.await("welcome").getString("nickname")).isEqualTo("Ada");
  }

  @Test
  @DisplayName("players cannot read a game's results while it is still being played; the host can")
  void noResultsMidGame() {
    JsonObject room = openRoom(2);
    SocketClient host = host(room);
    SocketClient guest = player(room, "Peeker");
    String token = guest.seen().get(0).getString("resumeToken");
    String gameId = guest.seen().get(0).getString("gameId");
    host.send("start");
    JsonObject question = guest.await("question");
    SocketClient other = player(room, "Other");
    other.send("answer", answerTo(question, true));

    HttpResponse<Buffer> peek =
        api.getWithAuthorization("/api/games/" + gameId + "/results", "Player " + token);
    assertThat(peek.statusCode()).isEqualTo(409);
    assertThat(peek.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("game_in_progress");
    assertThat(api.get("/api/games/" + gameId + "/results", hostAccount).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "choose two, ordering and matching are played with lists of indices, scored all or nothing, and stored")
  void listAnswers() {
    HttpResponse<Buffer> created =
        api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", deckId)
                .put("questionCount", 12)
                .put("secondsPerQuestion", 20)
                .put("leadIn", false)
                .put("kinds", new JsonArray(List.of("list_members", "ordering", "matching"))),
            hostAccount);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject room = created.bodyAsJsonObject();
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    SocketClient bob = player(room, "Bob");
    host.send("start");
    Set<String> types = new HashSet<>();
    int count = room.getInteger("questionCount");
    for (int q = 0; q < count; q++) {
      JsonObject question = ada.await("question");
      bob.await("question");
      String type = question.getString("answerType");
      types.add(type);
      assertThat(question.fieldNames())
          .doesNotContain("correct", "answer", "accepted", "pairs", "explanation");
      switch (type) {
        case "multiple_response" -> assertThat(question.getInteger("choose")).isEqualTo(2);
        case "ordering" -> assertThat(question.getJsonArray("items").size()).isBetween(3, 6);
        case "matching" ->
            assertThat(question.getJsonArray("right")).hasSameSizeAs(question.getJsonArray("left"));
        default -> throw new AssertionError("not a list question: " + question);
      }
      String a = ada.send("answer", answerTo(question, true));
      assertThat(ada.reply(a).getString("type")).isEqualTo("answer_ack");
      String b = bob.send("answer", answerTo(question, false));
      assertThat(bob.reply(b).getString("type")).isEqualTo("answer_ack");
      JsonObject reveal = ada.awaitAbout("reveal", q);
      assertThat(reveal.getJsonArray("correct").getList())
          .isEqualTo(answerTo(question, true).getJsonArray("choices").getList());
      if (type.equals("multiple_response")) {
        int picks = 0;
        for (Object n : reveal.getJsonArray("distribution")) {
          picks += (Integer) n;
        }
        assertThat(picks).as("two picks from each of two players").isEqualTo(4);
      } else {
        assertThat(reveal.getJsonObject("distribution"))
            .isEqualTo(new JsonObject().put("correct", 1).put("incorrect", 1));
      }
      assertThat(ada.awaitAbout("result", q).getBoolean("correct")).isTrue();
      JsonObject bobs = bob.awaitAbout("result", q);
      assertThat(bobs.getBoolean("correct"))
          .as("a nearly right answer scores nothing live")
          .isFalse();
      assertThat(bobs.getInteger("points")).isZero();
      host.await("reveal");
      host.send("next");
      host.await("leaderboard");
      host.send("next");
    }
    assertThat(types).containsExactlyInAnyOrder("multiple_response", "ordering", "matching");
    String gameId = host.await("podium").getString("gameId");
    long stored =
        quizhall
            .pool()
            .preparedQuery(
                "SELECT count(*) FROM answers WHERE game_id = $1 AND cardinality(choices) >= 2")
            .execute(Tuple.of(UUID.fromString(gameId)))
            .await()
            .iterator()
            .next()
            .getLong(0);
    assertThat(stored).isEqualTo(2L * count);
    JsonObject results =
        api.get("/api/games/" + gameId + "/results", hostAccount).bodyAsJsonObject();
    for (Object p : results.getJsonArray("players")) {
      JsonObject line = (JsonObject) p;
      assertThat(line.getInteger("correct"))
          .isEqualTo(line.getString("nickname").equals("Ada") ? count : 0);
    }
  }

  @Test
  @DisplayName("a typed answer holding a NUL character is refused, not acknowledged and then lost")
  void nulCharacter() {
    JsonObject room = openRoom(1);
    SocketClient host = host(room);
    SocketClient ada = player(room, "Ada");
    host.send("start");
    JsonObject question = ada.await("question");

    String id =
        ada.send(
            "answer",
            new JsonObject().put("index", question.getInteger("index")).put("text", "S3\u0000"));

    assertThat(ada.reply(id).getString("code")).isEqualTo("invalid_field");
  }
}
