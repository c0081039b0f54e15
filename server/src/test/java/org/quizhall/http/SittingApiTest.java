package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.http.ExamApiTest.created;
import static org.quizhall.http.ExamApiTest.indexOf;
import static org.quizhall.http.ExamApiTest.ok;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * Group sittings of a mock exam: scheduled by the group's owner, sat by the members at the same
 * time on the server's clock, watched live without a single answer showing, and closed with the
 * group's results and a board of their own.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Group sittings")
class SittingApiTest {

  private static final String MC = "Which molecule carries energy in cells?";
  private static final String TF = "DNA is a protein.";
  private static final String TYPED = "Name the organelle that holds the genes.";
  private static final String MR = "Which two of these are block storage?";
  private static final String ORDERING = "Put the OSI layers in order from the bottom.";
  private static final String MATCHING = "Match each protocol to its port.";

  private static final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
  private static Quizhall quizhall;
  private static Api api;
  private static String owner;
  private static String exam;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn("sitting_owner", "keeps the exam hall");
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=Every%20type",
            owner,
            "text/csv",
            Buffer.buffer(ExamApiTest.QUESTIONS));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    String deck = imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
    exam =
        created(
                api.postJson(
                    "/api/exams",
                    new JsonObject()
                        .put("deckId", deck)
                        .put("title", "December mock")
                        .put("questionCount", 6)
                        .put("minutes", 30)
                        .put("passPercent", 50)
                        .put("shuffleOptions", true),
                    owner))
            .getString("id");
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "two members sit it together: refused early, answered counts but no answers while it runs, a late joiner"
          + " refused, then the group's domains, the questions most missed and the board, worked by hand")
  void twoMembersSitItTogether() {
    String ana = api.signUpAndIn("sitter_ana", "sits it on her laptop");
    String ben = api.signUpAndIn("sitter_ben", "sits it on his phone");
    String cleo = api.signUpAndIn("sitter_cleo", "comes too late");
    String stranger = api.signUpAndIn("sitter_stranger", "not in the group");
    String group = newGroup("Thursday mock exams", ana, ben, cleo);

    Instant startsAt = clock.instant().plus(Duration.ofMinutes(10));
    JsonObject scheduled =
        created(
            api.postJson(
                "/api/groups/" + group + "/sittings",
                new JsonObject()
                    .put("examId", exam)
                    .put("startsAt", startsAt.toString())
                    .put("lateJoinMinutes", 5),
                owner));
    String sitting = scheduled.getString("id");
    assertThat(scheduled.getString("title")).isEqualTo("December mock");
    assertThat(scheduled.getString("state")).isEqualTo("scheduled");
    assertThat(scheduled.getInteger("questionCount")).isEqualTo(6);
    assertThat(scheduled.getLong("startsInMs")).isEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(scheduled.getString("lateJoinUntil"))
        .isEqualTo(startsAt.plus(Duration.ofMinutes(5)).toString());
    assertThat(scheduled.getString("endsAt"))
        .isEqualTo(startsAt.plus(Duration.ofMinutes(30)).toString());
    assertNoKeys(scheduled);

    // Members see it on the group's list, not yet startable; nobody outside the group sees it.
    JsonObject listed = onlySitting(okList(api.get("/api/groups/" + group + "/sittings", ana)));
    assertThat(listed.getString("id")).isEqualTo(sitting);
    assertThat(listed.getBoolean("canStart")).isFalse();
    assertThat(listed.getBoolean("owner")).isFalse();
    assertThat(listed.containsKey("examId")).as("the exam is the owner's").isFalse();
    assertThat(errorCode(api.get("/api/sittings/" + sitting, stranger)))
        .isEqualTo("sitting_not_found");

    HttpResponse<Buffer> early = api.postJson(attemptsOf(sitting), new JsonObject(), ana);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(errorCode(early)).isEqualTo("sitting_not_started");
    assertThat(Api.errorMessage(early)).contains(startsAt.toString(), "10 minutes");

    // At the start Ana begins with the whole 30 minutes; Ben two minutes late, with 28.
    clock.advance(Duration.ofMinutes(10));
    JsonObject anaAttempt = created(api.postJson(attemptsOf(sitting), new JsonObject(), ana));
    assertThat(anaAttempt.getString("sittingId")).isEqualTo(sitting);
    assertThat(anaAttempt.getLong("remainingSeconds")).isEqualTo(30 * 60);
    assertNoKeys(anaAttempt);
    assertThat(errorCode(api.postJson(attemptsOf(sitting), new JsonObject(), ana)))
        .as("one attempt each")
        .isEqualTo("already_started");
    clock.advance(Duration.ofMinutes(2));
    JsonObject benAttempt = created(api.postJson(attemptsOf(sitting), new JsonObject(), ben));
    assertThat(benAttempt.getLong("remainingSeconds"))
        .as("a late joiner's attempt ends with the sitting")
        .isEqualTo(28 * 60);
    assertThat(prompts(benAttempt))
        .as("the same questions for everyone")
        .isEqualTo(prompts(anaAttempt));

    // Ana: right on the multiple choice, true/false, typed and choose-two; the ordering wrong, the
    // matching left unanswered (4 of 6). Ben: only the multiple choice and the matching right (2).
    answer(ana, anaAttempt, MC, true);
    answer(ana, anaAttempt, TF, true);
    answer(ana, anaAttempt, TYPED, true);
    answer(ana, anaAttempt, MR, true);
    answer(ana, anaAttempt, ORDERING, false);
    answer(ben, benAttempt, MC, true);
    answer(ben, benAttempt, TF, false);
    answer(ben, benAttempt, TYPED, false);

    // The owner watches: who has begun and how many each has answered, never what.
    HttpResponse<Buffer> watched = api.get("/api/sittings/" + sitting + "/progress", owner);
    JsonObject progress = ok(watched);
    assertThat(progress.getString("state")).isEqualTo("open");
    Map<String, JsonObject> byName = new HashMap<>();
    progress
        .getJsonArray("members")
        .forEach(m -> byName.put(((JsonObject) m).getString("username"), (JsonObject) m));
    assertThat(byName.keySet())
        .as("the owner only watches, so is not listed")
        .containsExactlyInAnyOrder("sitter_ana", "sitter_ben", "sitter_cleo");
    assertThat(byName.get("sitter_ana").getString("state")).isEqualTo("sitting");
    assertThat(byName.get("sitter_ana").getInteger("answered")).isEqualTo(5);
    assertThat(byName.get("sitter_ben").getInteger("answered")).isEqualTo(3);
    assertThat(byName.get("sitter_cleo").getString("state")).isEqualTo("not_started");
    for (JsonObject member : byName.values()) {
      assertThat(member.fieldNames())
          .containsExactlyInAnyOrder(
              "username",
              "inGroup",
              "state",
              "answered",
              "questionCount",
              "startedAt",
              "submittedAt",
              "submittedBy");
    }
    assertNoKeys(progress);
    assertThat(watched.bodyAsString())
        .as("no answer or option text reaches the watching owner")
        .doesNotContainIgnoringCase("nucleus")
        .doesNotContain("Ribosome", "ATP", "Instance store", "\"choice");
    assertThat(progress.getJsonObject("counts"))
        .isEqualTo(new JsonObject().put("members", 4).put("started", 2).put("submitted", 0));

    // Members see how many have begun, but not who or how far, and nothing of the results yet.
    assertThat(errorCode(api.get("/api/sittings/" + sitting + "/progress", ana)))
        .isEqualTo("not_owner");
    assertThat(ok(api.get("/api/sittings/" + sitting, ana)).getJsonObject("counts"))
        .isEqualTo(progress.getJsonObject("counts"));
    assertThat(errorCode(api.get("/api/sittings/" + sitting + "/results", owner)))
        .isEqualTo("sitting_not_closed");
    assertThat(errorCode(api.get(board(group, sitting), owner))).isEqualTo("sitting_not_closed");

    // Ana submits; her report waits for the close, so she cannot tell Ben the keys.
    ok(
        api.postJson(
            "/api/attempts/" + anaAttempt.getString("id") + "/submit", new JsonObject(), ana));
    HttpResponse<Buffer> tooSoon =
        api.get("/api/attempts/" + anaAttempt.getString("id") + "/report", ana);
    assertThat(tooSoon.statusCode()).isEqualTo(409);
    assertThat(errorCode(tooSoon)).isEqualTo("sitting_not_closed");
    JsonObject mine = ok(api.get("/api/sittings/" + sitting, ana)).getJsonObject("mine");
    assertThat(mine.getString("state")).isEqualTo("submitted");
    assertThat(mine.getValue("correct")).as("the score waits for the close too").isNull();

    // Six minutes after the start, past the five minutes' late-join limit: Cleo may not begin.
    clock.advance(Duration.ofMinutes(4));
    HttpResponse<Buffer> late = api.postJson(attemptsOf(sitting), new JsonObject(), cleo);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(errorCode(late)).isEqualTo("late_join_closed");
    answer(ben, benAttempt, MR, false);
    answer(ben, benAttempt, ORDERING, false);
    answer(ben, benAttempt, MATCHING, true);
    assertThat(ok(api.get("/api/sittings/" + sitting, ben)).getString("state"))
        .as("Ben is still sitting it")
        .isEqualTo("open");

    // Ben never submits: at the sitting's end his saved answers are submitted for him.
    clock.advance(Duration.ofMinutes(24));
    JsonObject closed = ok(api.get("/api/sittings/" + sitting, cleo));
    assertThat(closed.getString("state")).isEqualTo("closed");
    assertThat(closed.getString("closedAt")).isEqualTo(closed.getString("endsAt"));
    JsonObject benAfter = ok(api.get("/api/attempts/" + benAttempt.getString("id"), ben));
    assertThat(benAfter.getString("submittedBy")).isEqualTo("deadline");

    // By hand: Cells is ana 3 of 3 and Ben 1 of 3, 4 of 6; Storage 1 of 3 each, 2 of 6.
    JsonObject results = ok(api.get("/api/sittings/" + sitting + "/results", cleo));
    assertThat(results.getInteger("sat")).isEqualTo(2);
    assertThat(results.getInteger("passed")).as("4 of 6 passes 50%, 2 of 6 does not").isEqualTo(1);
    assertThat(results.getDouble("averagePercent")).as("6 right of 12").isEqualTo(50.0);
    Map<String, String> domains = new HashMap<>();
    results
        .getJsonArray("domains")
        .forEach(
            d -> {
              JsonObject domain = (JsonObject) d;
              domains.put(
                  domain.getString("topic"),
                  domain.getInteger("correct") + "/" + domain.getInteger("total"));
            });
    assertThat(domains).isEqualTo(Map.of("Cells", "4/6", "Storage", "2/6"));
    // Missed: the ordering by both; the true/false, typed and choose-two by Ben; the matching by
    // Ana (unanswered). The multiple choice by nobody.
    JsonArray missed = results.getJsonArray("mostMissed");
    assertThat(missed).hasSize(5);
    JsonObject worst = missed.getJsonObject(0);
    assertThat(worst.getString("prompt")).isEqualTo(ORDERING);
    assertThat(worst.getInteger("wrong")).isEqualTo(2);
    assertThat(worst.getInteger("sat")).isEqualTo(2);
    List<JsonObject> ones = new ArrayList<>();
    for (int i = 1; i < missed.size(); i++) {
      ones.add(missed.getJsonObject(i));
    }
    assertThat(ones.stream().map(m -> m.getInteger("wrong"))).containsOnly(1);
    assertThat(ones.stream().map(m -> m.getString("prompt").replace(" (Choose two.)", "")))
        .containsExactlyInAnyOrder(TF, TYPED, MR, MATCHING);
    assertThat(ones.stream().map(m -> m.getInteger("index")))
        .as("ties in the order the questions were asked")
        .isSorted();
    assertThat(
            ones.stream()
                .filter(m -> m.getString("prompt").equals(MATCHING))
                .findFirst()
                .orElseThrow()
                .getInteger("unanswered"))
        .isEqualTo(1);
    assertNoKeys(results);

    // The sitting's own board: Ana first with 4 right and a pass, then Ben, who sat 28 minutes.
    JsonObject sittingBoard = ok(api.get(board(group, sitting), ben));
    assertThat(sittingBoard.getString("board")).isEqualTo("sitting");
    JsonArray entries = sittingBoard.getJsonArray("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.getJsonObject(0).getString("username")).isEqualTo("sitter_ana");
    assertThat(entries.getJsonObject(0).getInteger("correct")).isEqualTo(4);
    assertThat(entries.getJsonObject(0).getBoolean("passed")).isTrue();
    assertThat(entries.getJsonObject(1).getString("username")).isEqualTo("sitter_ben");
    assertThat(entries.getJsonObject(1).getInteger("rank")).isEqualTo(2);
    assertThat(entries.getJsonObject(1).getBoolean("passed")).isFalse();
    assertThat(entries.getJsonObject(1).getLong("durationMs"))
        .isEqualTo(Duration.ofMinutes(28).toMillis());
    assertThat(errorCode(api.get(board(group, sitting), stranger))).isEqualTo("group_not_found");

    // Ana's own report, as after an attempt sat alone, now the sitting is over.
    JsonObject report = ok(api.get("/api/attempts/" + anaAttempt.getString("id") + "/report", ana));
    assertThat(report.getString("sittingId")).isEqualTo(sitting);
    assertThat(report.getJsonObject("score").getInteger("correct")).isEqualTo(4);
    assertThat(report.getJsonObject("score").getBoolean("passed")).isTrue();
    assertThat(
            ok(api.get("/api/sittings/" + sitting, ana))
                .getJsonObject("mine")
                .getInteger("correct"))
        .isEqualTo(4);
    assertThat(errorCode(api.get("/api/sittings/" + sitting + "/results", stranger)))
        .isEqualTo("sitting_not_found");
  }

  @Test
  @DisplayName(
      "a sitting closes as soon as everyone has submitted, and a member joining afterwards cannot open it again")
  void closesWhenEveryoneHasSubmitted() {
    String dana = api.signUpAndIn("sitter_dana", "the only one sitting");
    String group = newGroup("Just the two of us", dana);
    String sitting =
        created(
                api.postJson(
                    "/api/groups/" + group + "/sittings",
                    new JsonObject()
                        .put("examId", exam)
                        .put("title", "Quick one")
                        .put("startsAt", clock.instant().toString()),
                    owner))
            .getString("id");
    JsonObject attempt = created(api.postJson(attemptsOf(sitting), new JsonObject(), dana));
    assertThat(ok(api.get("/api/sittings/" + sitting, owner)).getString("state")).isEqualTo("open");
    ok(
        api.postJson(
            "/api/attempts/" + attempt.getString("id") + "/submit", new JsonObject(), dana));

    JsonObject closed = ok(api.get("/api/sittings/" + sitting, owner));
    assertThat(closed.getString("state")).isEqualTo("closed");
    assertThat(closed.getString("closedAt")).isEqualTo(clock.instant().toString());
    assertThat(ok(api.get("/api/sittings/" + sitting + "/results", dana)).getInteger("sat"))
        .isEqualTo(1);

    String late = api.signUpAndIn("sitter_late", "joined the group afterwards");
    joinGroup(group, late);
    assertThat(ok(api.get("/api/sittings/" + sitting, late)).getString("state"))
        .isEqualTo("closed");
    assertThat(errorCode(api.postJson(attemptsOf(sitting), new JsonObject(), late)))
        .isEqualTo("sitting_closed");
  }

  @Test
  @DisplayName(
      "only the group's owner schedules and cancels, a sitting that has begun cannot be cancelled, its exam cannot be"
          + " deleted under it, and bad settings get clear codes")
  void schedulingRules() {
    String eve = api.signUpAndIn("sitter_eve", "a member who tries");
    String stranger = api.signUpAndIn("sitter_nobody", "outside every group");
    String group = newGroup("Rules", eve);
    String path = "/api/groups/" + group + "/sittings";
    JsonObject valid =
        new JsonObject()
            .put("examId", exam)
            .put("startsAt", clock.instant().plus(Duration.ofHours(1)).toString());

    HttpResponse<Buffer> byMember = api.postJson(path, valid, eve);
    assertThat(byMember.statusCode()).isEqualTo(403);
    assertThat(errorCode(byMember)).isEqualTo("not_owner");
    assertThat(errorCode(api.postJson(path, valid, stranger))).isEqualTo("group_not_found");
    assertThat(okList(api.get(path, eve))).isEmpty();

    record Case(Function<JsonObject, JsonObject> change, int status, String code) {}
    Instant now = clock.instant();
    List<Case> cases =
        List.of(
            new Case(
                b -> b.put("startsAt", now.minus(Duration.ofMinutes(5)).toString()),
                400,
                "invalid_start"),
            new Case(
                b -> b.put("startsAt", now.plus(Duration.ofDays(61)).toString()),
                400,
                "invalid_start"),
            new Case(b -> b.put("startsAt", "tomorrow at nine"), 400, "invalid_field"),
            new Case(b -> b.put("lateJoinMinutes", 0), 400, "invalid_late_join"),
            new Case(b -> b.put("lateJoinMinutes", 31), 400, "invalid_late_join"),
            new Case(b -> b.put("lateJoinMinutes", "five"), 400, "invalid_late_join"),
            new Case(b -> b.put("title", " "), 400, "invalid_title"),
            new Case(b -> b.put("room", 12), 400, "invalid_field"),
            new Case(b -> b.put("examId", "not an id"), 400, "invalid_field"),
            new Case(
                b -> b.put("examId", java.util.UUID.randomUUID().toString()),
                404,
                "exam_not_found"));
    for (Case c : cases) {
      JsonObject body = c.change().apply(valid.copy());
      HttpResponse<Buffer> response = api.postJson(path, body, owner);
      assertThat(response.statusCode())
          .as("%s: %s", body, response.bodyAsString())
          .isEqualTo(c.status());
      assertThat(errorCode(response)).as(body.encode()).isEqualTo(c.code());
    }
    JsonObject withoutStart = valid.copy();
    withoutStart.remove("startsAt");
    assertThat(errorCode(api.postJson(path, withoutStart, owner))).isEqualTo("invalid_field");

    // An exam of someone else's is not the owner's to schedule.
    String theirs =
        created(
                api.postJson(
                    "/api/exams",
                    new JsonObject().put("deckId", api.firstDeckId(eve)).put("questionCount", 3),
                    eve))
            .getString("id");
    assertThat(errorCode(api.postJson(path, valid.copy().put("examId", theirs), owner)))
        .isEqualTo("exam_not_found");

    // Scheduled an hour ahead: the exam changed afterwards changes nothing about the sitting.
    JsonObject upcoming = created(api.postJson(path, valid, owner));
    String id = upcoming.getString("id");
    ok(api.patchJson("/api/exams/" + exam, new JsonObject().put("minutes", 45), owner));
    assertThat(ok(api.get("/api/sittings/" + id, eve)).getInteger("minutes")).isEqualTo(30);
    ok(api.patchJson("/api/exams/" + exam, new JsonObject().put("minutes", 30), owner));
    HttpResponse<Buffer> deleting = api.delete("/api/exams/" + exam, owner);
    assertThat(deleting.statusCode()).as("the members' sitting would go with it").isEqualTo(409);
    assertThat(errorCode(deleting)).isEqualTo("exam_in_sitting");

    assertThat(api.delete("/api/sittings/" + id, eve).statusCode()).isEqualTo(403);
    assertThat(api.delete("/api/sittings/" + id, stranger).statusCode()).isEqualTo(404);
    assertThat(api.delete("/api/sittings/" + id, owner).statusCode()).isEqualTo(204);
    assertThat(errorCode(api.get("/api/sittings/" + id, eve))).isEqualTo("sitting_not_found");

    String begun =
        created(api.postJson(path, valid.copy().put("startsAt", clock.instant().toString()), owner))
            .getString("id");
    HttpResponse<Buffer> tooLate = api.delete("/api/sittings/" + begun, owner);
    assertThat(tooLate.statusCode()).isEqualTo(409);
    assertThat(errorCode(tooLate)).isEqualTo("sitting_started");
  }

  @Test
  @DisplayName(
      "practice on the sitting's deck neither shows nor answers its questions while it runs, and does after it closes")
  void practiceCannotGiveTheKeysAway() {
    String fay = api.signUpAndIn("sitter_fay", "tempted to look it up");
    String group = newGroup("Honest sitters", fay);
    JsonObject owned = ok(api.get("/api/exams/" + exam, owner));
    String deck = owned.getString("deckId");
    String sitting = sharedAndUnderWay(group, deck, exam);
    JsonObject attempt = created(api.postJson(attemptsOf(sitting), new JsonObject(), fay));
    JsonObject mc =
        attempt.getJsonArray("questions").stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getString("type").equals("multiple_choice"))
            .findFirst()
            .orElseThrow();
    JsonObject practice =
        new JsonObject()
            .put("questionId", mc.getString("id"))
            .put("choice", 0)
            .put("responseMs", 900);

    HttpResponse<Buffer> refused =
        api.postJson("/api/decks/" + deck + "/practice/answers", practice, fay);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(errorCode(refused)).isEqualTo("question_in_play");
    assertThat(ok(api.get("/api/decks/" + deck + "/practice?count=10", fay)).encode())
        .as("the round leaves the sitting's questions out")
        .doesNotContain(mc.getString("id"));

    ok(api.postJson("/api/attempts/" + attempt.getString("id") + "/submit", new JsonObject(), fay));
    assertThat(ok(api.get("/api/sittings/" + sitting, fay)).getString("state")).isEqualTo("closed");
    assertThat(
            ok(api.postJson("/api/decks/" + deck + "/practice/answers", practice, fay))
                .containsKey("key"))
        .as("after the close practice answers it, key and all")
        .isTrue();
  }

  @Test
  @DisplayName(
      "a live room on the sitting's deck cannot ask its questions while it runs, and can after it closes")
  void roomsCannotGiveTheKeysAway() {
    String gil = api.signUpAndIn("sitter_gil", "would host a quick round");
    String group = newGroup("Roomless sitters", gil);
    // A deck and an exam of their own: the room this test leaves open asks only their questions.
    String deck = twoQuestionDeck();
    String twoQuestions = examOf(deck, 2);
    String sitting = sharedAndUnderWay(group, deck, twoQuestions);
    JsonObject attempt = created(api.postJson(attemptsOf(sitting), new JsonObject(), gil));
    // The sitting asks both of the deck's questions: a room would reveal their keys.
    JsonObject room = new JsonObject().put("deckId", deck).put("questionCount", 2);
    for (String host : List.of(gil, owner)) {
      HttpResponse<Buffer> refused = api.postJson("/api/rooms", room, host);
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
      assertThat(errorCode(refused)).isEqualTo("question_in_play");
    }

    ok(api.postJson("/api/attempts/" + attempt.getString("id") + "/submit", new JsonObject(), gil));
    assertThat(ok(api.get("/api/sittings/" + sitting, gil)).getString("state")).isEqualTo("closed");
    HttpResponse<Buffer> opened = api.postJson("/api/rooms", room, gil);
    assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
    assertThat(opened.bodyAsJsonObject().getInteger("questionCount")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a sitting scheduled for later already holds its questions back from rooms, which draw from the rest")
  void roomsDrawAroundAScheduledSitting() {
    String hal = api.signUpAndIn("sitter_hal", "plans ahead");
    String group = newGroup("Sitters to be", hal);
    String deck = twoQuestionDeck();
    String sitting = shared(group, deck, examOf(deck, 1), clock.instant().plusSeconds(3600));

    JsonObject room = new JsonObject().put("deckId", deck).put("questionCount", 2);
    HttpResponse<Buffer> opened = api.postJson("/api/rooms", room, hal);
    assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
    assertThat(opened.bodyAsJsonObject().getInteger("questionCount"))
        .as("the room asks only the question the sitting does not")
        .isEqualTo(1);

    assertThat(api.delete("/api/sittings/" + sitting, owner).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> after = api.postJson("/api/rooms", room, hal);
    assertThat(after.statusCode()).as(after.bodyAsString()).isEqualTo(201);
    assertThat(after.bodyAsJsonObject().getInteger("questionCount"))
        .as("once cancelled, both may be asked again")
        .isEqualTo(2);
  }

  // Helpers.

  /** An exam of the owner's of {@code questions} questions of 10 minutes on {@code deck}. */
  private static String examOf(String deck, int questions) {
    return created(
            api.postJson(
                "/api/exams",
                new JsonObject()
                    .put("deckId", deck)
                    .put("questionCount", questions)
                    .put("minutes", 10),
                owner))
        .getString("id");
  }

  /** A deck of the owner's with exactly two questions, imported from CSV; returns its id. */
  private static String twoQuestionDeck() {
    HttpResponse<Buffer> imported =
        api.send(
            HttpMethod.POST,
            "/api/decks/import?title=Two%20questions",
            owner,
            "text/csv",
            Buffer.buffer(
                """
                topic,type,prompt,option1,option2,option3,option4,correct
                Moons,multiple_choice,Which planet has the moon Titan?,Saturn,Jupiter,Mars,Venus,1
                Moons,multiple_choice,Which planet has the moon Europa?,Jupiter,Saturn,Mars,Venus,1
                """));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    return imported.bodyAsJsonObject().getJsonObject("deck").getString("id");
  }

  /** A group of the owner's with {@code members} in it; returns its id. */
  private static String newGroup(String name, String... members) {
    JsonObject group =
        created(api.postJson("/api/groups", new JsonObject().put("name", name), owner));
    for (String member : members) {
      ok(
          api.postJson(
              "/api/groups/join",
              new JsonObject().put("inviteCode", group.getString("inviteCode")),
              member));
    }
    return group.getString("id");
  }

  /**
   * Shares the owner's {@code deck} with the group (so members may practise it and host rooms on
   * it) and schedules a sitting of {@code exam} starting now; returns the sitting's id.
   */
  private static String sharedAndUnderWay(String group, String deck, String exam) {
    return shared(group, deck, exam, clock.instant());
  }

  /**
   * Shares {@code deck} with the group and schedules a sitting of {@code exam} at {@code startsAt}.
   */
  private static String shared(String group, String deck, String exam, java.time.Instant startsAt) {
    assertThat(
            api.postJson(
                    "/api/groups/" + group + "/decks", new JsonObject().put("deckId", deck), owner)
                .statusCode())
        .isEqualTo(204);
    return created(
            api.postJson(
                "/api/groups/" + group + "/sittings",
                new JsonObject().put("examId", exam).put("startsAt", startsAt.toString()),
                owner))
        .getString("id");
  }

  private static void joinGroup(String group, String member) {
    String invite = ok(api.get("/api/groups/" + group, owner)).getString("inviteCode");
    ok(api.postJson("/api/groups/join", new JsonObject().put("inviteCode", invite), member));
  }

  private static String attemptsOf(String sitting) {
    return "/api/sittings/" + sitting + "/attempts";
  }

  private static String board(String group, String sitting) {
    return "/api/groups/" + group + "/leaderboard?sitting=" + sitting + "&period=week";
  }

  private static JsonObject onlySitting(JsonArray all) {
    assertThat(all).hasSize(1);
    return all.getJsonObject(0);
  }

  private static List<String> prompts(JsonObject attempt) {
    return attempt.getJsonArray("questions").stream()
        .map(q -> ((JsonObject) q).getString("prompt"))
        .toList();
  }

  /**
   * Nothing of a key, an accepted answer, an explanation or a notes line anywhere in the answer: no
   * question in it carries one.
   */
  private static void assertNoKeys(Object json) {
    if (json instanceof JsonObject object) {
      if (object.containsKey("prompt")) {
        assertThat(object.fieldNames())
            .as("a question shown before the keys may be: %s", object)
            .doesNotContain("correct", "accepted", "pairs", "explanation", "source", "key");
      }
      object.forEach(field -> assertNoKeys(field.getValue()));
    } else if (json instanceof JsonArray array) {
      array.forEach(SittingApiTest::assertNoKeys);
    }
  }

  /** Answers the question whose prompt begins with {@code prompt}: with the key, or wrongly. */
  private static void answer(String who, JsonObject attempt, String prompt, boolean right) {
    JsonObject q =
        attempt.getJsonArray("questions").stream()
            .map(JsonObject.class::cast)
            .filter(x -> x.getString("prompt").startsWith(prompt))
            .findFirst()
            .orElseThrow();
    JsonArray options = q.getJsonArray("options");
    JsonObject body =
        switch (q.getString("type")) {
          case "multiple_choice" ->
              new JsonObject().put("choice", indexOf(options, right ? "ATP" : "DNA"));
          case "true_false" ->
              new JsonObject().put("choice", indexOf(options, right ? "False" : "True"));
          case "typed" -> new JsonObject().put("text", right ? " nucleus " : "Ribosome");
          case "multiple_response" ->
              new JsonObject()
                  .put(
                      "choices",
                      new JsonArray(
                          (right ? List.of("EBS", "Instance store") : List.of("EBS", "S3"))
                              .stream().map(o -> indexOf(options, o)).sorted().toList()));
          case "ordering" -> {
            JsonArray items = q.getJsonArray("items");
            List<String> order =
                right
                    ? List.of("Physical", "Data link", "Network", "Transport")
                    : List.of("Transport", "Physical", "Data link", "Network");
            yield new JsonObject()
                .put("choices", new JsonArray(order.stream().map(o -> indexOf(items, o)).toList()));
          }
          case "matching" -> {
            Map<String, String> ports =
                right
                    ? Map.of("HTTP", "80", "SSH", "22", "DNS", "53")
                    : Map.of("HTTP", "22", "SSH", "80", "DNS", "53");
            JsonArray rights = q.getJsonArray("right");
            yield new JsonObject()
                .put(
                    "choices",
                    new JsonArray(
                        q.getJsonArray("left").stream()
                            .map(term -> indexOf(rights, ports.get((String) term)))
                            .toList()));
          }
          default -> throw new IllegalStateException(q.encode());
        };
    ok(
        api.putJson(
            "/api/attempts/" + attempt.getString("id") + "/answers/" + q.getInteger("index"),
            body,
            who));
  }

  private static JsonArray okList(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonArray();
  }
}
