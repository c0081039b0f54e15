package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.deck.QuestionJson;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.Eventually;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestServer;

@ExtendWith(VertxExtension.class)
@DisplayName("Study groups, leaderboards, mastery and review rounds")
class GroupApiTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Vertx vertx;
  private static String sampleDeck;
  private static AnswerKey answerKey;
  private final List<SocketClient> sockets = new ArrayList<>();

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    quizhall = TestServer.start(java.time.Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    sampleDeck = api.get("/api/decks").bodyAsJsonArray().getJsonObject(0).getString("id");
    answerKey = new AnswerKey(quizhall.pool(), sampleDeck);
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

  private static JsonObject group(String owner, String name) {
    HttpResponse<Buffer> created =
        api.postJson(
            "/api/groups",
            new JsonObject().put("name", name).put("description", "Weekly exam prep"),
            owner);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> join(String token, String invite) {
    return api.postJson("/api/groups/join", new JsonObject().put("inviteCode", invite), token);
  }

  private SocketClient socket() {
    SocketClient socket = SocketClient.connect(vertx, quizhall.httpPort());
    sockets.add(socket);
    return socket;
  }

  /**
   * After a game in which the group missed two questions (the second by Bob, the third by both), a
   * review round asked for 10 has those 2, and says so: in the API's answer, in the lobby's
   * welcome, and members see the room open on the group page until it closes.
   */
  private void reviewRoundSaysWhatItIs(String owner, String member, String groupId) {
    HttpResponse<Buffer> opened =
        api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", sampleDeck)
                .put("groupId", groupId)
                .put("weakSpots", true)
                .put("questionCount", 10),
            owner);
    assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
    JsonObject room = opened.bodyAsJsonObject();
    assertThat(room.getInteger("questionCount")).isEqualTo(2);
    JsonObject round = room.getJsonObject("round");
    assertThat(round.getString("kind")).isEqualTo("review");
    assertThat(round.getInteger("requested")).isEqualTo(10);
    assertThat(round.getString("title"))
        .isEqualTo("Review round: 2 questions on what the group missed most");
    assertThat(round.getString("why"))
        .isEqualTo("only 2 questions the group missed (10 asked for)");

    SocketClient host = socket();
    host.send(
        "host",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("hostToken", room.getString("hostToken")));
    assertThat(host.await("welcome").getJsonObject("round"))
        .as("the console is told")
        .isEqualTo(round);
    SocketClient player = socket();
    player.send(
        "join",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("nickname", "Reviewer")
            .put("accountToken", member));
    assertThat(player.await("welcome").getJsonObject("round"))
        .as("and so is each phone's lobby")
        .isEqualTo(round);

    JsonObject live =
        api.get("/api/groups/" + groupId, member)
            .bodyAsJsonObject()
            .getJsonArray("liveRooms")
            .getJsonObject(0);
    assertThat(live.getString("code"))
        .as("a member sees the room open")
        .isEqualTo(room.getString("code"));
    assertThat(live.getString("phase")).isEqualTo("lobby");
    assertThat(live.getInteger("players")).isEqualTo(1);
    JsonObject mine =
        api.get("/api/rooms", owner).bodyAsJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("code").equals(room.getString("code")))
            .findFirst()
            .orElseThrow();
    assertThat(mine.getString("groupId")).isEqualTo(groupId);
    assertThat(mine.getString("deck")).isNotBlank();

    // Ended in the lobby the room closes at once (an ok may or may not come before).
    host.send("end");
    host.await("closed");
    player.await("closed");
    io.vertx.core.json.JsonArray after =
        api.get("/api/groups/" + groupId, member).bodyAsJsonObject().getJsonArray("liveRooms");
    assertThat(after.encode())
        .as("a closed room is no longer listed")
        .doesNotContain(room.getString("code"));
    assertThat(api.get("/api/rooms", owner).bodyAsString()).doesNotContain(room.getString("code"));
  }

  /**
   * Plays a whole group game: each player answers right or wrong as {@code right} says, per
   * question.
   */
  private String playGroupGame(
      String hostToken,
      String groupId,
      Map<String, String> players,
      boolean weakSpots,
      java.util.function.BiPredicate<String, Integer> right,
      List<JsonObject> reveals) {
    JsonObject body =
        new JsonObject()
            .put("deckId", sampleDeck)
            .put("groupId", groupId)
            .put("questionCount", 3)
            .put("leadIn", false);
    if (weakSpots) {
      body.put("weakSpots", true);
    }
    HttpResponse<Buffer> opened = api.postJson("/api/rooms", body, hostToken);
    assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
    JsonObject room = opened.bodyAsJsonObject();
    SocketClient host = socket();
    host.send(
        "host",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("hostToken", room.getString("hostToken")));
    host.await("welcome");
    Map<String, SocketClient> sockets = new HashMap<>();
    players.forEach(
        (nickname, token) -> {
          SocketClient player = socket();
          JsonObject join =
              new JsonObject().put("code", room.getString("code")).put("nickname", nickname);
          if (token != null) {
            join.put("accountToken", token);
          }
          player.send("join", join);
          player.await("welcome");
          sockets.put(nickname, player);
        });
    host.send("start");
    for (int q = 0; q < room.getInteger("questionCount"); q++) {
      JsonObject question = null;
      for (Map.Entry<String, SocketClient> entry : sockets.entrySet()) {
        question = entry.getValue().await("question");
        JsonObject answer =
            answerKey
                .answer(question.getString("questionId"), right.test(entry.getKey(), q))
                .put("index", q);
        entry.getValue().send("answer", answer);
      }
      reveals.add(host.await("reveal"));
      host.send("next");
      host.await("leaderboard");
      host.send("next");
    }
    return host.await("podium").getString("gameId");
  }

  @Nested
  @DisplayName("membership")
  class Membership {

    @Test
    @DisplayName(
        "an owner creates a group, a friend joins with the invite, both see it with their roles")
    void createAndJoin() {
      String owner = api.signUpAndIn("grp_owner", "owner password");
      String friend = api.signUpAndIn("grp_friend", "friend password");
      JsonObject group = group(owner, "Cloud certs");

      assertThat(group.getString("inviteCode")).hasSize(10);
      HttpResponse<Buffer> joined = join(friend, group.getString("inviteCode").toLowerCase());
      assertThat(joined.statusCode()).isEqualTo(200);
      assertThat(joined.bodyAsJsonObject().getString("id")).isEqualTo(group.getString("id"));
      assertThat(join(friend, group.getString("inviteCode")).statusCode())
          .as("joining twice is harmless")
          .isEqualTo(200);

      JsonArray mine = api.get("/api/groups", friend).bodyAsJsonArray();
      assertThat(mine).hasSize(1);
      assertThat(mine.getJsonObject(0).getString("role")).isEqualTo("member");
      assertThat(mine.getJsonObject(0).getInteger("members")).isEqualTo(2);
      JsonObject detail = api.get("/api/groups/" + group.getString("id"), owner).bodyAsJsonObject();
      assertThat(
              detail.getJsonArray("memberList").stream()
                  .map(m -> ((JsonObject) m).getString("username")))
          .containsExactlyInAnyOrder("grp_owner", "grp_friend");
    }

    @Test
    @DisplayName(
        "only the owner renames, rotates the invite, removes members and deletes; members may leave")
    void ownerPowers() {
      String owner = api.signUpAndIn("pow_owner", "owner password");
      String member = api.signUpAndIn("pow_member", "member password");
      String other = api.signUpAndIn("pow_other", "other password");
      JsonObject group = group(owner, "Powers");
      String id = group.getString("id");
      join(member, group.getString("inviteCode"));
      join(other, group.getString("inviteCode"));

      HttpResponse<Buffer> renameByMember =
          api.send(
              HttpMethod.PATCH,
              "/api/groups/" + id,
              member,
              "application/json",
              new JsonObject().put("name", "Mine").toBuffer());
      assertThat(renameByMember.statusCode()).isEqualTo(403);
      HttpResponse<Buffer> rename =
          api.send(
              HttpMethod.PATCH,
              "/api/groups/" + id,
              owner,
              "application/json",
              new JsonObject().put("name", "Renamed").toBuffer());
      assertThat(rename.bodyAsJsonObject().getString("name")).isEqualTo("Renamed");

      String newInvite =
          api.postJson("/api/groups/" + id + "/invite", new JsonObject(), owner)
              .bodyAsJsonObject()
              .getString("inviteCode");
      assertThat(newInvite).isNotEqualTo(group.getString("inviteCode"));
      String late = api.signUpAndIn("pow_late", "late password");
      assertThat(join(late, group.getString("inviteCode")).statusCode()).isEqualTo(404);
      assertThat(join(late, newInvite).statusCode()).isEqualTo(200);

      assertThat(api.delete("/api/groups/" + id + "/members/pow_other", member).statusCode())
          .isEqualTo(403);
      assertThat(api.delete("/api/groups/" + id + "/members/pow_other", owner).statusCode())
          .isEqualTo(204);
      assertThat(api.get("/api/groups/" + id, other).statusCode()).isEqualTo(404);
      assertThat(join(other, newInvite).statusCode())
          .as("a removed member and the code they knew")
          .isEqualTo(404);
      assertThat(api.get("/api/groups/" + id, other).statusCode()).isEqualTo(404);
      String afterRemoval =
          api.get("/api/groups/" + id, owner).bodyAsJsonObject().getString("inviteCode");
      assertThat(afterRemoval).as("the group has a new code to hand out").isNotEqualTo(newInvite);
      assertThat(api.delete("/api/groups/" + id + "/members/me", member).statusCode())
          .isEqualTo(204);
      assertThat(api.delete("/api/groups/" + id + "/members/me", owner).statusCode())
          .isEqualTo(409);

      assertThat(api.delete("/api/groups/" + id, late).statusCode()).isEqualTo(403);
      assertThat(api.delete("/api/groups/" + id, owner).statusCode()).isEqualTo(204);
      assertThat(api.get("/api/groups/" + id, owner).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName(
        "outsiders and members of another group get 404 and no data from every group endpoint")
    void outsiders() {
      String owner = api.signUpAndIn("out_owner", "owner password");
      String stranger = api.signUpAndIn("out_stranger", "stranger password");
      String elsewhere = api.signUpAndIn("out_elsewhere", "elsewhere password");
      String id = group(owner, "Private study").getString("id");
      group(elsewhere, "Another group");

      for (String token : List.of(stranger, elsewhere)) {
        assertThat(api.get("/api/groups/" + id, token).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/groups/" + id + "/leaderboard?period=all", token).statusCode())
            .isEqualTo(404);
        assertThat(
                api.postJson("/api/groups/" + id + "/invite", new JsonObject(), token).statusCode())
            .isEqualTo(404);
        assertThat(api.delete("/api/groups/" + id, token).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/groups/" + id + "/members/me", token).statusCode())
            .isEqualTo(404);
        assertThat(
                api.postJson(
                        "/api/groups/" + id + "/decks",
                        new JsonObject().put("deckId", sampleDeck),
                        token)
                    .statusCode())
            .isEqualTo(404);
        HttpResponse<Buffer> room =
            api.postJson(
                "/api/rooms", new JsonObject().put("deckId", sampleDeck).put("groupId", id), token);
        assertThat(room.statusCode()).isEqualTo(404);
        assertThat(api.get("/api/groups", token).bodyAsString()).doesNotContain(id);
      }
      assertThat(api.get("/api/groups/" + id).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a deck shared with the group is visible to members only")
    void sharedDeck() {
      String owner = api.signUpAndIn("deck_sharer", "owner password");
      String member = api.signUpAndIn("deck_reader", "member password");
      String outsider = api.signUpAndIn("deck_outsider", "outsider password");
      JsonObject group = group(owner, "Sharing");
      join(member, group.getString("inviteCode"));
      String deckId =
          api.postJson(
                  "/api/decks",
                  new JsonObject()
                      .put("title", "Shared")
                      .put(
                          "notes",
                          "Glossary\n- ATP: the molecule cells use to carry energy\n- DNA: the molecule that carries genes\n- RNA: the molecule that copies genes\n- Enzyme: a protein that speeds up reactions\n"),
                  owner)
              .bodyAsJsonObject()
              .getString("id");
      assertThat(api.get("/api/decks/" + deckId, member).statusCode()).isEqualTo(404);

      HttpResponse<Buffer> shared =
          api.postJson(
              "/api/groups/" + group.getString("id") + "/decks",
              new JsonObject().put("deckId", deckId),
              owner);
      assertThat(shared.statusCode()).as(shared.bodyAsString()).isEqualTo(204);

      assertThat(api.get("/api/decks/" + deckId, member).statusCode()).isEqualTo(200);
      assertThat(api.get("/api/decks/" + deckId + "/questions", member).statusCode())
          .isEqualTo(200);
      assertThat(api.get("/api/decks/" + deckId, outsider).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("bad group input gets clear errors")
    void badInput() {
      String owner = api.signUpAndIn("bad_grp", "owner password");
      assertThat(errorCode(api.postJson("/api/groups", new JsonObject().put("name", " "), owner)))
          .isEqualTo("invalid_name");
      assertThat(
              errorCode(
                  api.postJson("/api/groups", new JsonObject().put("name", "x".repeat(81)), owner)))
          .isEqualTo("invalid_name");
      assertThat(errorCode(join(owner, "NOPE"))).isEqualTo("invite_not_found");
      String id = group(owner, "Periods").getString("id");
      assertThat(errorCode(api.get("/api/groups/" + id + "/leaderboard?period=decade", owner)))
          .isEqualTo("invalid_period");
      assertThat(api.get("/api/groups/not-an-id", owner).statusCode()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName(
      "a group room counts its signed-in members on the group leaderboard; guests play but do not count")
  void groupLeaderboard() {
    String owner = api.signUpAndIn("lb_owner", "owner password");
    String ada = api.signUpAndIn("lb_ada", "ada password");
    String bob = api.signUpAndIn("lb_bob", "bob password");
    JsonObject group = group(owner, "Leaderboard");
    join(ada, group.getString("inviteCode"));
    join(bob, group.getString("inviteCode"));

    Map<String, String> players = new java.util.LinkedHashMap<>();
    players.put("Ada", ada);
    players.put("Bob", bob);
    players.put("Guest", null);
    playGroupGame(
        owner,
        group.getString("id"),
        players,
        false,
        (who, q) -> who.equals("Ada") || (who.equals("Bob") && q == 0),
        new ArrayList<>());

    JsonObject board =
        api.get("/api/groups/" + group.getString("id") + "/leaderboard?period=week", ada)
            .bodyAsJsonObject();
    JsonArray entries = board.getJsonArray("entries");
    assertThat(entries.stream().map(e -> ((JsonObject) e).getString("username")))
        .containsExactly("lb_ada", "lb_bob");
    JsonObject first = entries.getJsonObject(0);
    assertThat(first.getDouble("accuracy")).isEqualTo(1.0);
    assertThat(first.getInteger("games")).isEqualTo(1);
    assertThat(first.getLong("points")).isGreaterThan(entries.getJsonObject(1).getLong("points"));
    JsonArray byAccuracy =
        api.get("/api/groups/" + group.getString("id") + "/leaderboard?period=all&by=accuracy", bob)
            .bodyAsJsonObject()
            .getJsonArray("entries");
    assertThat(byAccuracy.getJsonObject(1).getDouble("accuracy"))
        .isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.001));

    JsonObject stats = api.get("/api/me/stats", ada).bodyAsJsonObject();
    assertThat(stats.getInteger("gamesPlayed")).isEqualTo(1);
    assertThat(stats.getInteger("bestStreak")).isEqualTo(3);
    assertThat(stats.getJsonArray("history").getJsonObject(0).getInteger("rank")).isEqualTo(1);
    JsonArray best =
        api.get("/api/decks/" + sampleDeck + "/leaderboard")
            .bodyAsJsonObject()
            .getJsonArray("best");
    assertThat(best.stream().map(b -> ((JsonObject) b).getString("nickname")))
        .as("a group's private games stay off the deck's public best games")
        .doesNotContain("Ada", "Guest");
  }

  @Test
  @DisplayName("every answer of a signed-in player updates their memory of that question")
  void masteryFromGames() {
    String owner = api.signUpAndIn("ms_owner", "owner password");
    String learner = api.signUpAndIn("ms_learner", "learner password");
    JsonObject group = group(owner, "Mastery");
    join(learner, group.getString("inviteCode"));
    playGroupGame(
        owner,
        group.getString("id"),
        Map.of("Learner", learner),
        false,
        (who, q) -> q != 1,
        new ArrayList<>());

    Eventually.gives(
        "three cards in the learner's spaced repetition",
        Duration.ofSeconds(5),
        () -> {
          long cards =
              quizhall
                  .pool()
                  .preparedQuery(
                      "SELECT count(*) FROM mastery m JOIN accounts a ON a.id = m.account_id WHERE a.username = $1")
                  .execute(Tuple.of("ms_learner"))
                  .await()
                  .iterator()
                  .next()
                  .getLong(0);
          assertThat(cards).isEqualTo(3);
          return cards;
        });
    long lapsed =
        quizhall
            .pool()
            .preparedQuery(
                "SELECT count(*) FROM mastery m JOIN accounts a ON a.id = m.account_id"
                    + " WHERE a.username = $1 AND m.state = 'relearning'")
            .execute(Tuple.of("ms_learner"))
            .await()
            .iterator()
            .next()
            .getLong(0);
    assertThat(lapsed).as("the missed question is marked for relearning").isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the weak-spot round asks what the group missed, and its reveal shows the group's earlier accuracy")
  void weakSpots() {
    String owner = api.signUpAndIn("ws_owner", "owner password");
    String ada = api.signUpAndIn("ws_ada", "ada password");
    String bob = api.signUpAndIn("ws_bob", "bob password");
    JsonObject group = group(owner, "Weak spots");
    join(ada, group.getString("inviteCode"));
    join(bob, group.getString("inviteCode"));
    HttpResponse<Buffer> tooEarly =
        api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", sampleDeck)
                .put("groupId", group.getString("id"))
                .put("weakSpots", true),
            owner);
    assertThat(tooEarly.statusCode()).isEqualTo(422);

    Map<String, String> players = new java.util.LinkedHashMap<>();
    players.put("Ada", ada);
    players.put("Bob", bob);
    List<JsonObject> first = new ArrayList<>();
    playGroupGame(
        owner,
        group.getString("id"),
        players,
        false,
        (who, q) -> q == 0 || (q == 1 && who.equals("Ada")),
        first);
    String missedByAll = first.get(2).getJsonObject("source").getString("text");
    reviewRoundSaysWhatItIs(owner, ada, group.getString("id"));

    List<JsonObject> review = new ArrayList<>();
    playGroupGame(owner, group.getString("id"), players, true, (who, q) -> true, review);

    assertThat(review).hasSize(2);
    assertThat(review.get(0).getJsonObject("source").getString("text")).isEqualTo(missedByAll);
    assertThat(review.get(0).getDouble("groupAccuracy")).isEqualTo(0.0);
    assertThat(review.get(1).getDouble("groupAccuracy")).isEqualTo(0.5);
  }

  @Test
  @DisplayName(
      "solo practice serves new questions without answers, judges each answer and schedules it again")
  void practice() {
    String learner = api.signUpAndIn("solo_learner", "practice password");
    JsonObject round =
        api.get("/api/decks/" + sampleDeck + "/practice?count=5", learner).bodyAsJsonObject();
    JsonArray questions = round.getJsonArray("questions");
    assertThat(questions).hasSize(5);
    JsonObject first = questions.getJsonObject(0);
    assertThat(first.getString("status")).isEqualTo("new");
    assertThat(first.fieldNames()).doesNotContain("correct", "accepted", "explanation");

    JsonObject key = answerKey.question(first.getString("id"));
    JsonObject wrong =
        answerKey
            .answer(first.getString("id"), false)
            .put("questionId", first.getString("id"))
            .put("responseMs", 3000);
    JsonObject result =
        api.postJson("/api/decks/" + sampleDeck + "/practice/answers", wrong, learner)
            .bodyAsJsonObject();
    assertThat(result.getBoolean("correct")).isFalse();
    assertThat(result.getString("answer")).isEqualTo(QuestionJson.fromJson(key).answer());
    assertThat(result.getJsonObject("mastery").getString("rating")).isEqualTo("again");

    JsonObject next =
        api.get("/api/decks/" + sampleDeck + "/practice?count=5", learner).bodyAsJsonObject();
    assertThat(next.getJsonArray("questions").getJsonObject(0).getString("id"))
        .isNotEqualTo(first.getString("id"));
    HttpResponse<Buffer> unknown =
        api.postJson(
            "/api/decks/" + sampleDeck + "/practice/answers",
            new JsonObject().put("questionId", "nope").put("choice", 0),
            learner);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(api.get("/api/decks/" + sampleDeck + "/practice").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "practice gives partial credit for an ordering half right, and counts it right only when it is all right")
  void practicePartialCredit() {
    String learner = api.signUpAndIn("order_learner", "practice password");
    JsonArray all = api.get("/api/decks/" + sampleDeck + "/questions", learner).bodyAsJsonArray();
    JsonObject ordering =
        all.stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getString("type").equals("ordering"))
            .findFirst()
            .orElseThrow();
    assertThat(ordering.fieldNames())
        .as("a learner sees the items shuffled, not their order")
        .doesNotContain("correct");
    String id = ordering.getString("id");
    JsonArray served = ordering.getJsonArray("items");
    List<Integer> right =
        new ArrayList<>(answerKey.answer(id, true).getJsonArray("choices").getList());
    List<Integer> half = new ArrayList<>(right);
    java.util.Collections.swap(half, 0, 1);

    JsonObject partly =
        api.postJson(
                "/api/decks/" + sampleDeck + "/practice/answers",
                new JsonObject()
                    .put("questionId", id)
                    .put("choices", new JsonArray(half))
                    .put("responseMs", 4000),
                learner)
            .bodyAsJsonObject();
    assertThat(partly.getBoolean("correct")).isFalse();
    assertThat(partly.getDouble("credit"))
        .isEqualTo(Math.round((served.size() - 2) * 1000.0 / served.size()) / 1000.0);
    assertThat(partly.getJsonObject("key").getJsonArray("correct").getList()).isEqualTo(right);
    assertThat(partly.getJsonObject("mastery").getString("rating")).isEqualTo("again");

    JsonObject whole =
        api.postJson(
                "/api/decks/" + sampleDeck + "/practice/answers",
                new JsonObject()
                    .put("questionId", id)
                    .put("choices", new JsonArray(right))
                    .put("responseMs", 4000),
                learner)
            .bodyAsJsonObject();
    assertThat(whole.getBoolean("correct")).isTrue();
    assertThat(whole.getDouble("credit")).isEqualTo(1.0);

    HttpResponse<Buffer> shape =
        api.postJson(
            "/api/decks/" + sampleDeck + "/practice/answers",
            new JsonObject().put("questionId", id).put("choice", 0),
            learner);
    assertThat(shape.statusCode()).isEqualTo(400);
    assertThat(shape.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("invalid_answer");
  }

  @Test
  @DisplayName(
      "a self-paced assignment: members answer inside the window at their own pace and the leaderboard moves")
  void assignment() {
    String owner = api.signUpAndIn("as_owner", "owner password");
    String ada = api.signUpAndIn("as_ada", "ada password");
    String outsider = api.signUpAndIn("as_outsider", "outsider password");
    JsonObject group = group(owner, "Homework");
    join(ada, group.getString("inviteCode"));
    java.time.Instant now = java.time.Instant.now();
    JsonObject request =
        new JsonObject()
            .put("deckId", sampleDeck)
            .put("questionCount", 4)
            .put("title", "Week 1 homework")
            .put("opensAt", now.minusSeconds(60).toString())
            .put("closesAt", now.plusSeconds(3600).toString());
    HttpResponse<Buffer> created =
        api.postJson("/api/groups/" + group.getString("id") + "/assignments", request, owner);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");

    JsonObject assignment = api.get("/api/assignments/" + id, ada).bodyAsJsonObject();
    JsonArray questions = assignment.getJsonArray("questions");
    assertThat(questions).hasSize(4);
    assertThat(questions.getJsonObject(0).fieldNames()).doesNotContain("correct", "accepted");
    for (int i = 0; i < 2; i++) {
      JsonObject answer =
          answerKey.answerAt(assignment.getString("gameId"), i, true).put("index", i);
      JsonObject result =
          api.postJson("/api/assignments/" + id + "/answers", answer, ada).bodyAsJsonObject();
      assertThat(result.getBoolean("correct")).isTrue();
      assertThat(result.getInteger("score")).isEqualTo(1000 * (i + 1));
      if (i == 0) {
        HttpResponse<Buffer> again =
            api.postJson("/api/assignments/" + id + "/answers", answer, ada);
        assertThat(errorCode(again)).isEqualTo("already_answered");
      }
    }
    JsonObject board = api.get("/api/assignments/" + id + "/leaderboard", owner).bodyAsJsonObject();
    assertThat(board.getBoolean("open")).isTrue();
    assertThat(board.getJsonArray("entries").getJsonObject(0).getString("username"))
        .isEqualTo("as_ada");
    assertThat(board.getJsonArray("entries").getJsonObject(0).getInteger("points")).isEqualTo(2000);
    JsonArray listed =
        api.get("/api/groups/" + group.getString("id") + "/assignments", ada).bodyAsJsonArray();
    assertThat(listed.getJsonObject(0).getInteger("answered")).isEqualTo(2);
    JsonArray groupBoard =
        api.get("/api/groups/" + group.getString("id") + "/leaderboard?period=all", ada)
            .bodyAsJsonObject()
            .getJsonArray("entries");
    assertThat(groupBoard.getJsonObject(0).getLong("points")).isEqualTo(2000);

    assertThat(api.get("/api/assignments/" + id, outsider).statusCode()).isEqualTo(404);
    assertThat(
            api.postJson(
                    "/api/assignments/" + id + "/answers",
                    new JsonObject().put("index", 2).put("choice", 0),
                    outsider)
                .statusCode())
        .isEqualTo(404);

    JsonObject later =
        request
            .copy()
            .put("opensAt", now.plusSeconds(3600).toString())
            .put("closesAt", now.plusSeconds(7200).toString());
    String future =
        api.postJson("/api/groups/" + group.getString("id") + "/assignments", later, owner)
            .bodyAsJsonObject()
            .getString("id");
    HttpResponse<Buffer> early =
        api.postJson(
            "/api/assignments/" + future + "/answers",
            new JsonObject().put("index", 0).put("choice", 0),
            ada);
    assertThat(errorCode(early)).isEqualTo("not_open_yet");
    JsonObject backwards = request.copy().put("closesAt", now.minusSeconds(120).toString());
    assertThat(
            errorCode(
                api.postJson(
                    "/api/groups/" + group.getString("id") + "/assignments", backwards, owner)))
        .isEqualTo("invalid_window");
  }
}
