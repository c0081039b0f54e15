package org.quizhall.http;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

/**
 * Who may do what: every REST endpoint tried by four callers, with the status each should get.
 *
 * <ul>
 *   <li><b>anonymous</b>: no sign-in;
 *   <li><b>another user</b>: signed in, with no tie to the resource (not in the group, not a
 *       player);
 *   <li><b>member</b>: signed in and a member of the study group the resource belongs to or is
 *       shared with (for a game: a group member who played in it);
 *   <li><b>owner</b>: the account that made the resource, or the group's owner (for a game: its
 *       host).
 * </ul>
 *
 * Signed-in-only endpoints answer 401 to anonymous callers. Whoever may not see a resource gets
 * 404, exactly as if it did not exist; whoever may see it but not change it gets 403. Every refusal
 * is the JSON error shape and gives nothing away (no title, name, invite code, username or answer),
 * and a refused change has changed nothing. Rows that change something get a fresh resource for
 * each caller, so the rows can run in any order.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Who may do what: every REST endpoint × anonymous, another user, member, owner")
class AuthorizationMatrixTest {

  /** The matrix. One row per endpoint and resource; the four numbers are what each caller gets. */
  static List<Row> matrix() {
    return List.of(
        //  method    route                                  tried on
        // anon  other member owner
        // Accounts and sessions: open to all, or about the caller's own account.
        row("POST", "/api/accounts", "a new account", 201, 201, 201, 201, Try::signUp),
        row(
            "POST",
            "/api/sessions",
            "signing in to a spare account",
            200,
            200,
            200,
            200,
            Try::signIn),
        row("GET", "/api/me", "the caller's own account", 401, 200, 200, 200, Try::me),
        row(
            "DELETE",
            "/api/sessions/current",
            "the caller's own session",
            401,
            204,
            204,
            204,
            Try::signOut),
        row(
            "DELETE",
            "/api/sessions",
            "every session of a fresh account",
            401,
            204,
            204,
            204,
            Try::signOutEverywhere),
        row(
            "PUT",
            "/api/me/password",
            "a fresh account's password",
            401,
            204,
            204,
            204,
            Try::changePassword),
        row("GET", "/api/me/stats", "the caller's own record", 401, 200, 200, 200, Try::stats),
        // Decks: public sample decks for everyone; a deck shared with the group for its members;
        // changes for the deck's owner only.
        row("GET", "/api/decks", "the decks the caller may see", 200, 200, 200, 200, Try::deckList),
        row("POST", "/api/decks", "a new deck", 401, 201, 201, 201, Try::createDeck),
        row(
            "POST",
            "/api/decks",
            "a new deck from an uploaded file",
            401,
            201,
            201,
            201,
            Try::uploadDeck),
        row(
            "GET",
            "/api/decks/{id}",
            "the group's shared deck",
            404,
            404,
            200,
            200,
            Try.readDeck("")),
        row(
            "GET",
            "/api/decks/{id}",
            "the owner's private deck",
            404,
            404,
            404,
            200,
            Try::readPrivateDeck),
        row(
            "GET",
            "/api/decks/{id}",
            "a public sample deck",
            200,
            200,
            200,
            200,
            Try.readSample("")),
        row(
            "GET",
            "/api/decks/{id}/questions",
            "the group's shared deck",
            404,
            404,
            200,
            200,
            Try.readDeck("/questions")),
        row(
            "GET",
            "/api/decks/{id}/questions",
            "a public sample deck",
            200,
            200,
            200,
            200,
            Try.readSample("/questions")),
        row(
            "GET",
            "/api/decks/{id}/leaderboard",
            "the group's shared deck",
            404,
            404,
            200,
            200,
            Try.readDeck("/leaderboard")),
        row(
            "GET",
            "/api/decks/{id}/leaderboard",
            "a public sample deck",
            200,
            200,
            200,
            200,
            Try.readSample("/leaderboard")),
        row(
            "GET",
            "/api/decks/{id}/practice",
            "the group's shared deck",
            401,
            404,
            200,
            200,
            Try.readDeck("/practice")),
        row(
            "GET",
            "/api/decks/{id}/practice",
            "a public sample deck",
            401,
            200,
            200,
            200,
            Try.readSample("/practice")),
        row(
            "POST",
            "/api/decks/{id}/practice/answers",
            "the group's shared deck",
            401,
            404,
            200,
            200,
            Try::practiceAnswer),
        row(
            "PUT",
            "/api/decks/{id}",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::replaceSharedDeck),
        row(
            "PUT",
            "/api/decks/{id}",
            "a sample deck, which nobody owns",
            401,
            403,
            403,
            403,
            Try::replaceSample),
        row(
            "PUT",
            "/api/decks/{id}",
            "the shared deck, from a file",
            401,
            404,
            403,
            200,
            Try::uploadOverSharedDeck),
        row(
            "DELETE",
            "/api/decks/{id}",
            "the group's shared deck",
            401,
            404,
            403,
            204,
            Try::deleteSharedDeck),
        row(
            "DELETE",
            "/api/decks/{id}",
            "a sample deck, which nobody owns",
            401,
            403,
            403,
            403,
            Try::deleteSample),
        row(
            "PATCH",
            "/api/decks/{id}",
            "renaming the group's shared deck",
            401,
            404,
            403,
            200,
            Try::renameSharedDeck),
        row(
            "PATCH",
            "/api/decks/{id}",
            "a sample deck, which nobody owns",
            401,
            403,
            403,
            403,
            Try::renameSample),
        row(
            "GET",
            "/api/decks/{id}/notes",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::readNotes),
        row(
            "POST",
            "/api/decks/{id}/duplicate",
            "the group's shared deck",
            401,
            404,
            403,
            201,
            Try::duplicateDeck),
        row(
            "POST",
            "/api/decks/{id}/questions",
            "the group's shared deck",
            401,
            404,
            403,
            201,
            Try::addQuestion),
        row(
            "GET",
            "/api/decks/{id}/questions/{qid}",
            "the group's shared deck",
            404,
            404,
            200,
            200,
            Try::readQuestion),
        row(
            "PATCH",
            "/api/decks/{id}/questions/{qid}",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::editQuestion),
        row(
            "PATCH",
            "/api/decks/{id}/questions/{qid}",
            "a sample deck, which nobody owns",
            401,
            403,
            403,
            403,
            Try::editSampleQuestion),
        row(
            "DELETE",
            "/api/decks/{id}/questions/{qid}",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::hideQuestion),
        row(
            "POST",
            "/api/decks/{id}/questions/{qid}/restore",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::restoreQuestion),
        row(
            "POST",
            "/api/decks/{id}/questions/{qid}/revert",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::revertQuestion),
        row(
            "GET",
            "/api/decks/{id}/analysis",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::analysis),
        row(
            "GET",
            "/api/decks/{id}/export",
            "the group's shared deck",
            401,
            404,
            403,
            200,
            Try::exportDeck),
        row(
            "GET",
            "/api/decks/{id}/export",
            "a sample deck, which nobody owns",
            401,
            403,
            403,
            403,
            Try::exportSample),
        row(
            "POST",
            "/api/decks/{id}/import",
            "the group's shared deck",
            401,
            404,
            403,
            201,
            Try::importCards),
        row(
            "POST",
            "/api/decks/import",
            "a new deck from a file of cards",
            401,
            201,
            201,
            201,
            Try::importNewDeck),
        // Study groups: outsiders learn nothing; members read and play; the owner manages.
        row("GET", "/api/groups", "the caller's groups", 401, 200, 200, 200, Try::myGroups),
        row("POST", "/api/groups", "a new group", 401, 201, 201, 201, Try::createGroup),
        row(
            "POST",
            "/api/groups/join",
            "a group, with its invite code",
            401,
            200,
            200,
            200,
            Try::join),
        row("GET", "/api/groups/{id}", "the group", 401, 404, 200, 200, Try::readGroup),
        row("PATCH", "/api/groups/{id}", "renaming the group", 401, 404, 403, 200, Try::rename),
        row(
            "DELETE",
            "/api/groups/{id}",
            "deleting the group",
            401,
            404,
            403,
            204,
            Try::deleteGroup),
        row(
            "POST",
            "/api/groups/{id}/invite",
            "a new invite code",
            401,
            404,
            403,
            200,
            Try::rotateInvite),
        row(
            "DELETE",
            "/api/groups/{id}/members/me",
            "leaving the group",
            401,
            404,
            204,
            409,
            Try::leave),
        row(
            "DELETE",
            "/api/groups/{id}/members/{username}",
            "removing another member",
            401,
            404,
            403,
            204,
            Try::removeMember),
        row(
            "POST",
            "/api/groups/{id}/decks",
            "sharing the caller's own deck",
            401,
            404,
            204,
            204,
            Try::shareDeck),
        row(
            "GET",
            "/api/groups/{id}/leaderboard",
            "the group's leaderboard",
            401,
            404,
            200,
            200,
            Try::groupLeaderboard),
        row(
            "GET",
            "/api/groups/{id}/assignments",
            "the group's assignments",
            401,
            404,
            200,
            200,
            Try::assignments),
        row(
            "POST",
            "/api/groups/{id}/assignments",
            "setting an assignment",
            401,
            404,
            201,
            201,
            Try::setAssignment),
        // Assignments belong to the group's members.
        row(
            "GET",
            "/api/assignments/{id}",
            "the group's assignment",
            401,
            404,
            200,
            200,
            Try::readAssignment),
        row(
            "POST",
            "/api/assignments/{id}/answers",
            "an answer to the assignment",
            401,
            404,
            200,
            200,
            Try::answerAssignment),
        row(
            "GET",
            "/api/assignments/{id}/leaderboard",
            "the assignment's standings",
            401,
            404,
            200,
            200,
            Try::assignmentLeaderboard),
        // Rooms and games: a group room for the group's members; results for the host and the
        // players.
        row(
            "POST",
            "/api/rooms",
            "a group room, the group's deck",
            401,
            404,
            201,
            201,
            Try::openGroupRoom),
        row("GET", "/api/rooms", "the caller's own open rooms", 401, 200, 200, 200, Try::myRooms),
        row(
            "GET",
            "/api/rooms/{code}/qr.svg",
            "an open room's join code",
            200,
            200,
            200,
            200,
            Try::qrCode),
        row(
            "GET",
            "/api/games/{id}/results",
            "a finished group game",
            401,
            404,
            200,
            200,
            Try.results("")),
        row(
            "GET",
            "/api/games/{id}/results.csv",
            "a finished group game",
            401,
            404,
            200,
            200,
            Try.results(".csv")),
        // The gradebook is the host's: players see the results, not each other's answers.
        row(
            "GET",
            "/api/games/{id}/answers",
            "a finished group game",
            401,
            404,
            403,
            200,
            Try.gradebook("/answers")),
        row(
            "GET",
            "/api/games/{id}/players.csv",
            "a finished group game",
            401,
            404,
            403,
            200,
            Try.gradebook("/players.csv")),
        row(
            "GET",
            "/api/games/{id}/questions.csv",
            "a finished group game",
            401,
            404,
            403,
            200,
            Try.gradebook("/questions.csv")),
        row(
            "GET",
            "/api/games/{id}/answers.csv",
            "a finished group game",
            401,
            404,
            403,
            200,
            Try.gradebook("/answers.csv")),
        row(
            "GET",
            "/api/games/{id}/results.xlsx",
            "a finished group game",
            401,
            404,
            403,
            200,
            Try.gradebook("/results.xlsx")),
        // Flags come from the game's players; its host has no seat to flag from.
        row(
            "POST",
            "/api/games/{id}/flags",
            "a finished group game's question",
            401,
            404,
            201,
            404,
            Try::flagQuestion),
        // Mock exams are their owner's: set on a deck they own, sat by them alone. A group member
        // who may see the
        // deck may not set an exam on it, nor see the owner's exams or attempts.
        row(
            "POST",
            "/api/exams",
            "an exam on the group's shared deck (anyone who can read a deck sets one of their own)",
            401,
            404,
            201,
            201,
            Try::createExam),
        row("GET", "/api/exams", "the caller's exams", 401, 200, 200, 200, Try::myExams),
        row("GET", "/api/exams/{id}", "the owner's exam", 401, 404, 404, 200, Try::readExam),
        row(
            "PATCH",
            "/api/exams/{id}",
            "renaming a fresh exam",
            401,
            404,
            404,
            200,
            Try::renameExam),
        row(
            "DELETE",
            "/api/exams/{id}",
            "deleting a fresh exam",
            401,
            404,
            404,
            204,
            Try::deleteExam),
        row(
            "POST",
            "/api/exams/{id}/attempts",
            "starting a fresh exam",
            401,
            404,
            404,
            201,
            Try::startAttempt),
        row(
            "GET",
            "/api/attempts/{id}",
            "the owner's attempt under way",
            401,
            404,
            404,
            200,
            Try::readAttempt),
        row(
            "PUT",
            "/api/attempts/{id}/answers/{index}",
            "an answer in a fresh attempt",
            401,
            404,
            404,
            200,
            Try::answerAttempt),
        row(
            "PUT",
            "/api/attempts/{id}/flags/{index}",
            "a flag in a fresh attempt",
            401,
            404,
            404,
            200,
            Try::flagAttempt),
        row(
            "POST",
            "/api/attempts/{id}/submit",
            "submitting a fresh attempt",
            401,
            404,
            404,
            200,
            Try::submitAttempt),
        row(
            "GET",
            "/api/attempts/{id}/report",
            "the owner's submitted attempt",
            401,
            404,
            404,
            200,
            Try::attemptReport),
        // Group sittings: the group's owner schedules, cancels and watches them; its members see
        // them, begin their own attempt and, once a sitting closes, its results and board.
        row(
            "POST",
            "/api/groups/{id}/sittings",
            "scheduling a sitting of the owner's exam",
            401,
            404,
            403,
            201,
            Try::scheduleSitting),
        row(
            "GET",
            "/api/groups/{id}/sittings",
            "the group's sittings",
            401,
            404,
            200,
            200,
            Try::groupSittings),
        row(
            "GET",
            "/api/sittings/{id}",
            "the group's upcoming sitting",
            401,
            404,
            200,
            200,
            Try::readSitting),
        row(
            "DELETE",
            "/api/sittings/{id}",
            "cancelling a fresh upcoming sitting",
            401,
            404,
            403,
            204,
            Try::cancelSitting),
        row(
            "POST",
            "/api/sittings/{id}/attempts",
            "beginning a fresh sitting under way",
            401,
            404,
            201,
            201,
            Try::beginSitting),
        row(
            "GET",
            "/api/sittings/{id}/progress",
            "a sitting the member is sitting now",
            401,
            404,
            403,
            200,
            Try::sittingProgress),
        row(
            "GET",
            "/api/sittings/{id}/results",
            "a closed sitting's results",
            401,
            404,
            200,
            200,
            Try::sittingResults),
        row(
            "GET",
            "/api/groups/{id}/leaderboard",
            "a closed sitting's own board",
            401,
            404,
            200,
            200,
            Try::sittingBoard),
        // Readiness is always the caller's own, on any deck they can read; an exam named in it must
        // be theirs.
        row(
            "GET",
            "/api/decks/{id}/readiness",
            "the group's shared deck",
            401,
            404,
            200,
            200,
            Try::readiness),
        row(
            "GET",
            "/api/decks/{id}/readiness",
            "a public sample deck",
            401,
            200,
            200,
            200,
            Try.readSample("/readiness")),
        row(
            "GET",
            "/api/decks/{id}/readiness",
            "the shared deck against the owner's exam (?exam=)",
            401,
            404,
            404,
            200,
            Try::readinessForExam));
  }

  private static Row row(
      String method,
      String route,
      String triedOn,
      int anonymous,
      int anotherUser,
      int member,
      int owner,
      Trial trial) {
    return new Row(method, route, triedOn, anonymous, anotherUser, member, owner, trial);
  }

  enum Caller {
    ANONYMOUS("anonymous"),
    ANOTHER_USER("another user"),
    MEMBER("member"),
    OWNER("owner");

    final String label;

    Caller(String label) {
      this.label = label;
    }
  }

  /** One endpoint tried on one resource: the status each caller should get, and how to try it. */
  record Row(
      String method,
      String route,
      String triedOn,
      int anonymous,
      int anotherUser,
      int member,
      int owner,
      Trial trial) {

    String endpoint() {
      return method + " " + route;
    }

    int expected(Caller caller) {
      return switch (caller) {
        case ANONYMOUS -> anonymous;
        case ANOTHER_USER -> anotherUser;
        case MEMBER -> member;
        case OWNER -> owner;
      };
    }
  }

  /** Makes whatever fresh resource the call needs, then calls the endpoint as {@code caller}. */
  @FunctionalInterface
  interface Trial {
    Attempt run(Caller caller);
  }

  /**
   * One call as one caller: what it answered, what a refusal must not give away besides the usual
   * secrets, what must still hold after a refusal, and what the answer must show when allowed.
   */
  static final class Attempt {
    final HttpResponse<Buffer> response;
    final List<String> secrets = new ArrayList<>();
    Runnable unchangedIfRefused = () -> {};
    Consumer<HttpResponse<Buffer>> ifAllowed = response -> {};

    Attempt(HttpResponse<Buffer> response) {
      this.response = response;
    }

    Attempt secret(String text) {
      secrets.add(text);
      return this;
    }

    Attempt unchangedIfRefused(Runnable check) {
      this.unchangedIfRefused = check;
      return this;
    }

    Attempt ifAllowed(Consumer<HttpResponse<Buffer>> check) {
      this.ifAllowed = check;
      return this;
    }
  }

  // What the callers must never read unless they may: the names and titles of the owner's things.
  private static final String GROUP_NAME = "Night owls revision";
  private static final String GROUP_DESCRIPTION = "Cell biology before the December exam";
  private static final String SHARED_DECK_TITLE = "Cell biology glossary";
  private static final String FRESH_DECK_TITLE = "Cell biology, second draft";
  private static final String PRIVATE_DECK_TITLE = "My own unfinished notes";
  private static final String ASSIGNMENT_TITLE = "Week 3 homework";
  private static final String EXAM_TITLE = "Mock exam before December";
  private static final String SITTING_TITLE = "The group's December sitting";
  private static final String PLAYER_NICKNAME = "Owlet";
  private static final String OWNER_NAME = "hall_owner";
  private static final String MEMBER_NAME = "hall_member";
  private static final String CLASSMATE_NAME = "hall_classmate";
  private static final String STRANGER_NAME = "hall_stranger";
  private static final String SPARE_NAME = "hall_spare";
  private static final String PASSWORD = "correct horse battery";
  private static final java.util.concurrent.atomic.AtomicInteger FRESH =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final String NOTES =
      """
      Glossary
      - ATP: the molecule cells use to carry energy
      - DNA: the molecule that carries genes
      - RNA: the molecule that copies genes
      - Enzyme: a protein that speeds up reactions
      """;

  private static final TestClock clock =
      new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private static Vertx vertx;
  private static Quizhall quizhall;
  private static Api api;

  private static String owner;
  private static String member;
  private static String classmate;
  private static String stranger;

  private static String sampleDeck;
  private static JsonObject sampleBefore;
  private static String privateDeck;
  private static StudyGroup group;
  private static String sharedDeck;
  private static JsonObject practiceAnswer;
  private static String practiceAnswerText;
  private static String assignment;
  private static JsonObject assignmentAnswer;
  private static String gameId;
  private static String openRoomCode;
  private static String exam;
  private static String openAttempt;
  private static String submittedAttempt;
  private static String upcomingSitting;
  private static String runningSitting;
  private static String closedSitting;

  /** A study group made by the owner, with the member and a classmate in it. */
  record StudyGroup(String id, String inviteCode) {}

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn(OWNER_NAME, PASSWORD);
    member = api.signUpAndIn(MEMBER_NAME, PASSWORD);
    classmate = api.signUpAndIn(CLASSMATE_NAME, PASSWORD);
    stranger = api.signUpAndIn(STRANGER_NAME, PASSWORD);
    api.signUpAndIn(SPARE_NAME, PASSWORD);

    sampleBefore = api.get("/api/decks").bodyAsJsonArray().getJsonObject(0);
    assertThat(sampleBefore.getBoolean("sample")).isTrue();
    sampleDeck = sampleBefore.getString("id");
    privateDeck = newDeck(owner, PRIVATE_DECK_TITLE);
    group = newGroup();
    sharedDeck = newSharedDeck(SHARED_DECK_TITLE);

    AnswerKey key = new AnswerKey(quizhall.pool(), sharedDeck);

    JsonObject request =
        new JsonObject()
            .put("deckId", sharedDeck)
            .put("questionCount", 2)
            .put("title", ASSIGNMENT_TITLE)
            .put("opensAt", clock.instant().minus(Duration.ofMinutes(1)).toString())
            .put("closesAt", clock.instant().plus(Duration.ofHours(1)).toString());
    assignment =
        created(api.postJson("/api/groups/" + group.id() + "/assignments", request, owner), 201)
            .getString("id");
    String assignmentGame =
        api.get("/api/assignments/" + assignment, owner).bodyAsJsonObject().getString("gameId");
    assignmentAnswer = key.answerAt(assignmentGame, 0, true).put("index", 0);

    gameId = playGroupGame(key);
    exam = newExam();
    openAttempt = newAttempt(exam);
    submittedAttempt = newAttempt(newExam());
    created(
        api.postJson("/api/attempts/" + submittedAttempt + "/submit", new JsonObject(), owner),
        200);
    upcomingSitting = newSitting(Duration.ofHours(1));
    runningSitting = newSitting(Duration.ZERO);
    beginSitting(runningSitting, member);
    // Closed early: every member but the owner has begun and submitted.
    closedSitting = newSitting(Duration.ZERO);
    for (String sitter : List.of(member, classmate)) {
      created(
          api.postJson(
              "/api/attempts/" + beginSitting(closedSitting, sitter) + "/submit",
              new JsonObject(),
              sitter),
          200);
    }
    assertThat(created(api.get("/api/sittings/" + closedSitting, owner), 200).getString("state"))
        .isEqualTo("closed");
    openRoomCode =
        created(
                api.postJson(
                    "/api/rooms",
                    new JsonObject().put("deckId", sampleDeck).put("questionCount", 1),
                    owner),
                201)
            .getString("code");

    // A question no running game asks, so practice may reveal its key.
    String questionId =
        api.get("/api/decks/" + sharedDeck + "/practice?count=1", owner)
            .bodyAsJsonObject()
            .getJsonArray("questions")
            .getJsonObject(0)
            .getString("id");
    JsonObject practised = key.question(questionId);
    practiceAnswer = key.answer(questionId, true).put("questionId", questionId);
    practiceAnswerText =
        practised.getJsonArray("accepted") != null && !practised.getJsonArray("accepted").isEmpty()
            ? practised.getJsonArray("accepted").getString(0)
            : practised.getJsonArray("options").getString(practised.getInteger("correct"));
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @TestFactory
  @DisplayName("each endpoint as each caller")
  Stream<DynamicContainer> matrixCells() {
    return matrix().stream()
        .map(
            row ->
                DynamicContainer.dynamicContainer(
                    row.endpoint() + " — " + row.triedOn(),
                    Stream.of(Caller.values())
                        .map(
                            caller ->
                                DynamicTest.dynamicTest(
                                    row.endpoint()
                                        + " as "
                                        + caller.label
                                        + " → "
                                        + row.expected(caller),
                                    () -> check(row, caller)))));
  }

  @Test
  @DisplayName("the matrix tries every route the API serves (RestFuzzTest.ROUTES)")
  void coversEveryRoute() {
    Set<String> served =
        RestFuzzTest.ROUTES.stream().map(route -> route[0] + " " + route[1]).collect(toSet());
    Set<String> tried = matrix().stream().map(Row::endpoint).collect(toSet());
    assertThat(tried).containsExactlyInAnyOrderElementsOf(served);
  }

  private static void check(Row row, Caller caller) {
    Attempt attempt = row.trial().run(caller);
    HttpResponse<Buffer> response = attempt.response;
    int expected = row.expected(caller);
    String body = response.bodyAsString() == null ? "" : response.bodyAsString();
    assertThat(response.statusCode())
        .as(
            "%s (%s) as %s answered: %s",
            row.endpoint(), row.triedOn(), caller.label, abbreviate(body))
        .isEqualTo(expected);
    if (expected < 400) {
      attempt.ifAllowed.accept(response);
      return;
    }
    assertThat(Api.isErrorJson(response))
        .as("a refusal is {\"error\":{\"code\",\"message\"}}, not %s", abbreviate(body))
        .isTrue();
    assertThat(Api.errorCode(response))
        .as("the route itself exists: the refusal comes from it, not from the catch-all")
        .isNotEqualTo("not_found");
    List<String> secrets =
        new ArrayList<>(
            List.of(
                GROUP_NAME,
                GROUP_DESCRIPTION,
                SHARED_DECK_TITLE,
                FRESH_DECK_TITLE,
                PRIVATE_DECK_TITLE,
                ASSIGNMENT_TITLE,
                EXAM_TITLE,
                SITTING_TITLE,
                PLAYER_NICKNAME,
                OWNER_NAME,
                MEMBER_NAME,
                CLASSMATE_NAME,
                group.inviteCode()));
    secrets.addAll(attempt.secrets);
    for (String secret : secrets) {
      assertThat(body).as("the refusal gives nothing away").doesNotContain(secret);
    }
    attempt.unchangedIfRefused.run();
  }

  /** The calls, one per row; each makes the fresh resources it changes. */
  static final class Try {

    private Try() {}

    // Accounts and sessions.

    static Attempt signUp(Caller who) {
      String username = "new_" + who.name().toLowerCase();
      return new Attempt(api.postJson("/api/accounts", credentials(username), token(who)))
          .ifAllowed(
              r -> assertThat(r.bodyAsJsonObject().getString("username")).isEqualTo(username));
    }

    static Attempt signIn(Caller who) {
      return new Attempt(api.postJson("/api/sessions", credentials(SPARE_NAME), token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getJsonObject("account").getString("username"))
                      .isEqualTo(SPARE_NAME));
    }

    static Attempt me(Caller who) {
      return new Attempt(api.get("/api/me", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getString("username"))
                      .as("the caller's own account")
                      .isEqualTo(username(who)));
    }

    /**
     * Signs a fresh account in twice and ends both sessions with one of them (the caller's own
     * stay).
     */
    static Attempt signOutEverywhere(Caller who) {
      String name = "everywhere" + FRESH.incrementAndGet();
      String first = who == Caller.ANONYMOUS ? null : api.signUpAndIn(name, PASSWORD);
      String second = who == Caller.ANONYMOUS ? null : api.signUpAndIn(name, PASSWORD);
      return new Attempt(api.delete("/api/sessions", first))
          .ifAllowed(
              r -> {
                assertThat(api.get("/api/me", first).statusCode()).isEqualTo(401);
                assertThat(api.get("/api/me", second).statusCode())
                    .as("the other device is signed out too")
                    .isEqualTo(401);
              });
    }

    /**
     * Changes a fresh account's password: the old one stops working, other sessions end, this one
     * goes on.
     */
    static Attempt changePassword(Caller who) {
      String name = "changer" + FRESH.incrementAndGet();
      String session = who == Caller.ANONYMOUS ? null : api.signUpAndIn(name, PASSWORD);
      String other = who == Caller.ANONYMOUS ? null : api.signUpAndIn(name, PASSWORD);
      JsonObject change =
          new JsonObject()
              .put("currentPassword", PASSWORD)
              .put("newPassword", "a brand new passphrase");
      return new Attempt(
              api.send(
                  HttpMethod.PUT,
                  "/api/me/password",
                  session,
                  "application/json",
                  change.toBuffer()))
          .ifAllowed(
              r -> {
                assertThat(api.get("/api/me", session).statusCode())
                    .as("this session goes on")
                    .isEqualTo(200);
                assertThat(api.get("/api/me", other).statusCode())
                    .as("another device is signed out")
                    .isEqualTo(401);
                assertThat(
                        api.postJson(
                                "/api/sessions",
                                new JsonObject().put("username", name).put("password", PASSWORD))
                            .statusCode())
                    .as("the old password")
                    .isEqualTo(401);
                assertThat(
                        api.postJson(
                                "/api/sessions",
                                new JsonObject()
                                    .put("username", name)
                                    .put("password", "a brand new passphrase"))
                            .statusCode())
                    .isEqualTo(200);
              });
    }

    static Attempt signOut(Caller who) {
      // A second session of the caller's account, so that signing it out leaves the caller's usual
      // one alone.
      String session = who == Caller.ANONYMOUS ? null : api.signUpAndIn(username(who), PASSWORD);
      return new Attempt(api.delete("/api/sessions/current", session))
          .ifAllowed(
              r -> {
                assertThat(api.get("/api/me", session).statusCode())
                    .as("the signed-out token no longer works")
                    .isEqualTo(401);
                assertThat(api.get("/api/me", token(who)).statusCode())
                    .as("the caller's other session still works")
                    .isEqualTo(200);
              });
    }

    static Attempt stats(Caller who) {
      return new Attempt(api.get("/api/me/stats", token(who)))
          .ifAllowed(
              r -> {
                String history = r.bodyAsJsonObject().getJsonArray("history").encode();
                if (who == Caller.MEMBER) {
                  assertThat(history).as("the member played the group game").contains(gameId);
                } else {
                  assertThat(history).as("only games the caller played").doesNotContain(gameId);
                }
              });
    }

    // Decks.

    static Attempt deckList(Caller who) {
      return new Attempt(api.get("/api/decks", token(who)))
          .ifAllowed(
              r -> {
                List<String> titles = titles(r.bodyAsJsonArray());
                assertThat(titles)
                    .as("sample decks are for everyone")
                    .contains(sampleBefore.getString("title"));
                boolean inGroup = who == Caller.MEMBER || who == Caller.OWNER;
                assertThat(titles.contains(SHARED_DECK_TITLE))
                    .as("the group's deck, for its members")
                    .isEqualTo(inGroup);
                assertThat(titles.contains(PRIVATE_DECK_TITLE))
                    .as("a private deck, for its owner")
                    .isEqualTo(who == Caller.OWNER);
              });
    }

    static Attempt createDeck(Caller who) {
      return new Attempt(
          api.postJson("/api/decks", deckBody("Deck of the " + who.label), token(who)));
    }

    static Attempt uploadDeck(Caller who) {
      return new Attempt(
          api.upload(
              HttpMethod.POST,
              "/api/decks",
              token(who),
              "notes.md",
              "text/markdown",
              NOTES.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              java.util.Map.of("title", "Upload of the " + who.label)));
    }

    static Attempt uploadOverSharedDeck(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      HttpResponse<Buffer> response =
          api.upload(
              HttpMethod.PUT,
              "/api/decks/" + deck,
              token(who),
              "notes.md",
              "text/markdown",
              NOTES.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              java.util.Map.of("title", "Taken over"));
      return new Attempt(response)
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/decks/" + deck, owner)
                              .bodyAsJsonObject()
                              .getString("title"))
                      .as("the deck keeps its title")
                      .isEqualTo(FRESH_DECK_TITLE))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/decks/" + deck, member)
                              .bodyAsJsonObject()
                              .getString("title"))
                      .as("the members see the new version")
                      .isEqualTo("Taken over"));
    }

    static Trial readDeck(String suffix) {
      return who ->
          new Attempt(api.get("/api/decks/" + sharedDeck + suffix, token(who)))
              .secret(practiceAnswerText)
              .ifAllowed(
                  r -> {
                    if (suffix.isEmpty()) {
                      assertThat(r.bodyAsJsonObject().getString("title"))
                          .isEqualTo(SHARED_DECK_TITLE);
                    }
                  });
    }

    static Attempt readPrivateDeck(Caller who) {
      return new Attempt(api.get("/api/decks/" + privateDeck, token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getString("title"))
                      .isEqualTo(PRIVATE_DECK_TITLE));
    }

    static Trial readSample(String suffix) {
      return who -> new Attempt(api.get("/api/decks/" + sampleDeck + suffix, token(who)));
    }

    static Attempt practiceAnswer(Caller who) {
      return new Attempt(
              api.postJson(
                  "/api/decks/" + sharedDeck + "/practice/answers", practiceAnswer, token(who)))
          .secret(practiceAnswerText)
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getBoolean("correct")).isTrue());
    }

    static Attempt replaceSharedDeck(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      HttpResponse<Buffer> response =
          api.send(
              HttpMethod.PUT,
              "/api/decks/" + deck,
              token(who),
              "application/json",
              deckBody("Taken over").toBuffer());
      return new Attempt(response)
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/decks/" + deck, owner)
                              .bodyAsJsonObject()
                              .getString("title"))
                      .as("the deck keeps its title")
                      .isEqualTo(FRESH_DECK_TITLE))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/decks/" + deck, member)
                              .bodyAsJsonObject()
                              .getString("title"))
                      .as("the members see the new version")
                      .isEqualTo("Taken over"));
    }

    static Attempt replaceSample(Caller who) {
      HttpResponse<Buffer> response =
          api.send(
              HttpMethod.PUT,
              "/api/decks/" + sampleDeck,
              token(who),
              "application/json",
              deckBody("Taken over").toBuffer());
      return new Attempt(response).unchangedIfRefused(Try::sampleUnchanged);
    }

    static Attempt deleteSharedDeck(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      return new Attempt(api.delete("/api/decks/" + deck, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(status("/api/decks/" + deck, member))
                      .as("the deck is still there")
                      .isEqualTo(200))
          .ifAllowed(
              r ->
                  assertThat(status("/api/decks/" + deck, owner))
                      .as("the deck is gone")
                      .isEqualTo(404));
    }

    static Attempt deleteSample(Caller who) {
      return new Attempt(api.delete("/api/decks/" + sampleDeck, token(who)))
          .unchangedIfRefused(Try::sampleUnchanged);
    }

    static Attempt renameSharedDeck(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      return new Attempt(
              api.patchJson(
                  "/api/decks/" + deck, new JsonObject().put("title", "Taken over"), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/decks/" + deck, owner)
                              .bodyAsJsonObject()
                              .getString("title"))
                      .as("the deck keeps its title")
                      .isEqualTo(FRESH_DECK_TITLE))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/decks/" + deck, member)
                              .bodyAsJsonObject()
                              .getString("title"))
                      .as("the members see the new title")
                      .isEqualTo("Taken over"));
    }

    static Attempt renameSample(Caller who) {
      return new Attempt(
              api.patchJson(
                  "/api/decks/" + sampleDeck,
                  new JsonObject().put("title", "Taken over"),
                  token(who)))
          .unchangedIfRefused(Try::sampleUnchanged);
    }

    static Attempt readNotes(Caller who) {
      return new Attempt(api.get("/api/decks/" + sharedDeck + "/notes", token(who)))
          .secret("the molecule cells use to carry energy")
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getString("notes")).isEqualTo(NOTES));
    }

    static Attempt duplicateDeck(Caller who) {
      return new Attempt(
              api.postJson("/api/decks/" + sharedDeck + "/duplicate", new JsonObject(), token(who)))
          .ifAllowed(
              r -> {
                String copy = r.bodyAsJsonObject().getString("id");
                assertThat(r.bodyAsJsonObject().getString("title"))
                    .isEqualTo(SHARED_DECK_TITLE + " (copy)");
                assertThat(status("/api/decks/" + copy, member))
                    .as("a copy is private to its owner")
                    .isEqualTo(404);
                assertThat(api.get("/api/decks/" + copy + "/questions", owner).bodyAsJsonArray())
                    .hasSameSizeAs(
                        api.get("/api/decks/" + sharedDeck + "/questions", owner)
                            .bodyAsJsonArray());
              });
    }

    private static final JsonObject OWN_QUESTION =
        new JsonObject()
            .put("type", "multiple_choice")
            .put("prompt", "Which molecule carries a cell's genes?")
            .put("options", new JsonArray(List.of("DNA", "ATP", "Water")))
            .put("correct", 0);

    static Attempt addQuestion(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      int before =
          api.get("/api/decks/" + deck, owner).bodyAsJsonObject().getInteger("questionCount");
      return new Attempt(
              api.postJson("/api/decks/" + deck + "/questions", OWN_QUESTION, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/decks/" + deck, owner)
                              .bodyAsJsonObject()
                              .getInteger("questionCount"))
                      .as("no question was added")
                      .isEqualTo(before))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/decks/" + deck, member)
                              .bodyAsJsonObject()
                              .getInteger("questionCount"))
                      .as("the members' deck has it")
                      .isEqualTo(before + 1));
    }

    static Attempt readQuestion(Caller who) {
      String id = firstQuestion(sharedDeck).getString("id");
      return new Attempt(api.get("/api/decks/" + sharedDeck + "/questions/" + id, token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().containsKey("explanation"))
                      .as("the key and explanation are the owner's only")
                      .isEqualTo(who == Caller.OWNER));
    }

    static Attempt editQuestion(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      JsonObject question = firstQuestion(deck);
      String path = "/api/decks/" + deck + "/questions/" + question.getString("id");
      return new Attempt(
              api.patchJson(path, new JsonObject().put("prompt", "Taken over?"), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(api.get(path, owner).bodyAsJsonObject().getString("prompt"))
                      .isEqualTo(question.getString("prompt")))
          .ifAllowed(
              r ->
                  assertThat(api.get(path, member).bodyAsJsonObject().getString("prompt"))
                      .isEqualTo("Taken over?"));
    }

    static Attempt editSampleQuestion(Caller who) {
      String id =
          api.get("/api/decks/" + sampleDeck + "/questions")
              .bodyAsJsonArray()
              .getJsonObject(0)
              .getString("id");
      return new Attempt(
              api.patchJson(
                  "/api/decks/" + sampleDeck + "/questions/" + id,
                  new JsonObject().put("prompt", "Taken over?"),
                  token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/decks/" + sampleDeck + "/questions/" + id)
                              .bodyAsJsonObject()
                              .getString("prompt"))
                      .isNotEqualTo("Taken over?"));
    }

    static Attempt hideQuestion(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      String path = "/api/decks/" + deck + "/questions/" + firstQuestion(deck).getString("id");
      return new Attempt(api.delete(path, token(who)))
          .unchangedIfRefused(
              () -> assertThat(status(path, member)).as("still asked").isEqualTo(200))
          .ifAllowed(
              r ->
                  assertThat(status(path, member))
                      .as("a hidden question is not the members' to read")
                      .isEqualTo(404));
    }

    static Attempt restoreQuestion(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      String path = "/api/decks/" + deck + "/questions/" + firstQuestion(deck).getString("id");
      assertThat(api.delete(path, owner).statusCode()).isEqualTo(200);
      return new Attempt(api.postJson(path + "/restore", new JsonObject(), token(who)))
          .unchangedIfRefused(
              () -> assertThat(status(path, member)).as("still hidden").isEqualTo(404))
          .ifAllowed(r -> assertThat(status(path, member)).as("asked again").isEqualTo(200));
    }

    static Attempt revertQuestion(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      JsonObject question = firstQuestion(deck);
      String path = "/api/decks/" + deck + "/questions/" + question.getString("id");
      assertThat(
              api.patchJson(path, new JsonObject().put("prompt", "An edit of mine?"), owner)
                  .statusCode())
          .isEqualTo(200);
      return new Attempt(api.postJson(path + "/revert", new JsonObject(), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(api.get(path, owner).bodyAsJsonObject().getString("prompt"))
                      .isEqualTo("An edit of mine?"))
          .ifAllowed(
              r ->
                  assertThat(api.get(path, member).bodyAsJsonObject().getString("prompt"))
                      .isEqualTo(question.getString("prompt")));
    }

    static Attempt exportDeck(Caller who) {
      // An export holds every answer key: what nobody but the owner may read.
      return new Attempt(api.get("/api/decks/" + sharedDeck + "/export?format=csv", token(who)))
          .secret(practiceAnswerText)
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsString())
                      .startsWith("\uFEFFid,topic,type")
                      .contains(practiceAnswerText));
    }

    static Attempt exportSample(Caller who) {
      return new Attempt(api.get("/api/decks/" + sampleDeck + "/export?format=anki", token(who)));
    }

    private static final String CARDS =
        "Mitochondrion\tthe organelle that releases energy\n"
            + "Chloroplast\tthe organelle where photosynthesis happens\nRibosome\tthe organelle that builds proteins\n"
            + "Nucleus\tthe organelle that holds the genes\n";

    static Attempt importCards(Caller who) {
      String deck = newSharedDeck(FRESH_DECK_TITLE);
      int before =
          api.get("/api/decks/" + deck, owner).bodyAsJsonObject().getInteger("questionCount");
      return new Attempt(
              api.send(
                  HttpMethod.POST,
                  "/api/decks/" + deck + "/import",
                  token(who),
                  "text/tab-separated-values",
                  Buffer.buffer(CARDS)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/decks/" + deck, owner)
                              .bodyAsJsonObject()
                              .getInteger("questionCount"))
                      .as("no question was added")
                      .isEqualTo(before))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/decks/" + deck, member)
                              .bodyAsJsonObject()
                              .getInteger("questionCount"))
                      .as("the members' deck has the cards")
                      .isEqualTo(before + 4));
    }

    static Attempt importNewDeck(Caller who) {
      return new Attempt(
              api.send(
                  HttpMethod.POST,
                  "/api/decks/import?title=Cards",
                  token(who),
                  "text/tab-separated-values",
                  Buffer.buffer(CARDS)))
          .ifAllowed(
              r -> {
                String deck = r.bodyAsJsonObject().getJsonObject("deck").getString("id");
                assertThat(status("/api/decks/" + deck, token(who)))
                    .as("the caller's new deck")
                    .isEqualTo(200);
                assertThat(status("/api/decks/" + deck, who == Caller.OWNER ? stranger : owner))
                    .as("private to them")
                    .isEqualTo(404);
              });
    }

    private static JsonObject firstQuestion(String deck) {
      return api.get("/api/decks/" + deck + "/questions", owner).bodyAsJsonArray().getJsonObject(0);
    }

    private static void sampleUnchanged() {
      JsonObject now = api.get("/api/decks/" + sampleDeck).bodyAsJsonObject();
      assertThat(now.getString("title"))
          .as("the sample deck is untouched")
          .isEqualTo(sampleBefore.getString("title"));
      assertThat(now.getInteger("questionCount"))
          .isEqualTo(sampleBefore.getInteger("questionCount"));
    }

    // Study groups.

    static Attempt myGroups(Caller who) {
      return new Attempt(api.get("/api/groups", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsString().contains(group.id()))
                      .as("the caller's groups, and only theirs")
                      .isEqualTo(who != Caller.ANOTHER_USER));
    }

    static Attempt createGroup(Caller who) {
      return new Attempt(
              api.postJson(
                  "/api/groups",
                  new JsonObject().put("name", "Group of the " + who.label),
                  token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getString("role")).isEqualTo("owner"));
    }

    static Attempt join(Caller who) {
      StudyGroup fresh = newGroup();
      return new Attempt(
              api.postJson(
                  "/api/groups/join",
                  new JsonObject().put("inviteCode", fresh.inviteCode()),
                  token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getString("role"))
                      .as("joining never changes an owner into a member")
                      .isEqualTo(who == Caller.OWNER ? "owner" : "member"));
    }

    static Attempt readGroup(Caller who) {
      return new Attempt(api.get("/api/groups/" + group.id(), token(who)))
          .ifAllowed(
              r -> {
                assertThat(r.bodyAsJsonObject().getString("name")).isEqualTo(GROUP_NAME);
                assertThat(r.bodyAsJsonObject().getJsonArray("memberList").encode())
                    .contains(MEMBER_NAME, CLASSMATE_NAME);
              });
    }

    static Attempt rename(Caller who) {
      StudyGroup fresh = newGroup();
      HttpResponse<Buffer> response =
          api.send(
              HttpMethod.PATCH,
              "/api/groups/" + fresh.id(),
              token(who),
              "application/json",
              new JsonObject().put("name", "Renamed").toBuffer());
      return new Attempt(response)
          .unchangedIfRefused(
              () ->
                  assertThat(groupAsOwner(fresh).getString("name"))
                      .as("the name stays")
                      .isEqualTo(GROUP_NAME))
          .ifAllowed(r -> assertThat(groupAsOwner(fresh).getString("name")).isEqualTo("Renamed"));
    }

    static Attempt deleteGroup(Caller who) {
      StudyGroup fresh = newGroup();
      return new Attempt(api.delete("/api/groups/" + fresh.id(), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(status("/api/groups/" + fresh.id(), member))
                      .as("the group is still there")
                      .isEqualTo(200))
          .ifAllowed(
              r ->
                  assertThat(status("/api/groups/" + fresh.id(), member))
                      .as("the group is gone")
                      .isEqualTo(404));
    }

    static Attempt rotateInvite(Caller who) {
      StudyGroup fresh = newGroup();
      return new Attempt(
              api.postJson("/api/groups/" + fresh.id() + "/invite", new JsonObject(), token(who)))
          .secret(fresh.inviteCode())
          .unchangedIfRefused(
              () ->
                  assertThat(groupAsOwner(fresh).getString("inviteCode"))
                      .as("the invite stays")
                      .isEqualTo(fresh.inviteCode()))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getString("inviteCode"))
                      .isNotEqualTo(fresh.inviteCode()));
    }

    static Attempt leave(Caller who) {
      StudyGroup fresh = newGroup();
      return new Attempt(api.delete("/api/groups/" + fresh.id() + "/members/me", token(who)))
          .unchangedIfRefused(
              () -> {
                JsonObject now = groupAsOwner(fresh);
                assertThat(now.getString("role"))
                    .as("the owner is still the owner")
                    .isEqualTo("owner");
                assertThat(now.getInteger("members")).as("nobody left").isEqualTo(3);
              })
          .ifAllowed(
              r ->
                  assertThat(status("/api/groups/" + fresh.id(), member))
                      .as("the member is out")
                      .isEqualTo(404));
    }

    static Attempt removeMember(Caller who) {
      StudyGroup fresh = newGroup();
      return new Attempt(
              api.delete("/api/groups/" + fresh.id() + "/members/" + CLASSMATE_NAME, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(status("/api/groups/" + fresh.id(), classmate))
                      .as("the classmate is still in")
                      .isEqualTo(200))
          .ifAllowed(
              r ->
                  assertThat(status("/api/groups/" + fresh.id(), classmate))
                      .as("the classmate is out")
                      .isEqualTo(404));
    }

    static Attempt shareDeck(Caller who) {
      // Each signed-in caller shares a new deck of their own; the anonymous call names the owner's
      // private deck.
      String deck = who == Caller.ANONYMOUS ? privateDeck : newDeck(token(who), FRESH_DECK_TITLE);
      return new Attempt(
              api.postJson(
                  "/api/groups/" + group.id() + "/decks",
                  new JsonObject().put("deckId", deck),
                  token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(status("/api/decks/" + deck, classmate))
                      .as("the deck stays out of the group")
                      .isEqualTo(404))
          .ifAllowed(
              r ->
                  assertThat(status("/api/decks/" + deck, classmate))
                      .as("the group's members see the deck")
                      .isEqualTo(200));
    }

    static Attempt groupLeaderboard(Caller who) {
      return new Attempt(
              api.get("/api/groups/" + group.id() + "/leaderboard?period=all", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getJsonArray("entries").encode())
                      .contains(MEMBER_NAME));
    }

    static Attempt assignments(Caller who) {
      return new Attempt(api.get("/api/groups/" + group.id() + "/assignments", token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsString()).contains(ASSIGNMENT_TITLE));
    }

    static Attempt setAssignment(Caller who) {
      String title = "Set by the " + who.label;
      JsonObject request =
          new JsonObject()
              .put("deckId", sharedDeck)
              .put("questionCount", 2)
              .put("title", title)
              .put("opensAt", clock.instant().toString())
              .put("closesAt", clock.instant().plus(Duration.ofDays(7)).toString());
      return new Attempt(
              api.postJson("/api/groups/" + group.id() + "/assignments", request, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/groups/" + group.id() + "/assignments", owner)
                              .bodyAsString())
                      .as("no assignment was set")
                      .doesNotContain(title))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/groups/" + group.id() + "/assignments", classmate)
                              .bodyAsString())
                      .contains(title));
    }

    // Assignments.

    static Attempt readAssignment(Caller who) {
      return new Attempt(api.get("/api/assignments/" + assignment, token(who)))
          .ifAllowed(
              r -> assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo(ASSIGNMENT_TITLE));
    }

    static Attempt answerAssignment(Caller who) {
      return new Attempt(
              api.postJson(
                  "/api/assignments/" + assignment + "/answers", assignmentAnswer, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/assignments/" + assignment + "/leaderboard", owner)
                              .bodyAsString())
                      .as("the refused answer left no mark on the standings")
                      .doesNotContain(STRANGER_NAME))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getBoolean("correct")).isTrue());
    }

    static Attempt assignmentLeaderboard(Caller who) {
      return new Attempt(api.get("/api/assignments/" + assignment + "/leaderboard", token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().containsKey("entries")).isTrue());
    }

    // Rooms and games.

    static Attempt openGroupRoom(Caller who) {
      JsonObject request =
          new JsonObject()
              .put("deckId", sharedDeck)
              .put("groupId", group.id())
              .put("questionCount", 1);
      return new Attempt(api.postJson("/api/rooms", request, token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getString("code")).hasSize(6));
    }

    static Attempt myRooms(Caller who) {
      return new Attempt(api.get("/api/rooms", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsString().contains(openRoomCode))
                      .as("the caller's open rooms, and only theirs")
                      .isEqualTo(who == Caller.OWNER));
    }

    static Attempt qrCode(Caller who) {
      return new Attempt(api.get("/api/rooms/" + openRoomCode + "/qr.svg", token(who)))
          .ifAllowed(r -> assertThat(r.getHeader("Content-Type")).startsWith("image/svg+xml"));
    }

    static Trial gradebook(String suffix) {
      return who ->
          new Attempt(api.get("/api/games/" + gameId + suffix, token(who)))
              .secret(practiceAnswerText)
              .ifAllowed(
                  r -> assertThat(r.body().length()).as("the host's gradebook").isPositive());
    }

    static Attempt flagQuestion(Caller who) {
      return new Attempt(
              api.postJson(
                  "/api/games/" + gameId + "/flags",
                  new JsonObject()
                      .put("index", 0)
                      .put("reason", "unclear")
                      .put("comment", "Hard to read"),
                  token(who)))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/decks/" + sharedDeck + "/analysis", owner).bodyAsString())
                      .as("the owner sees the flag")
                      .contains("Hard to read"));
    }

    static Attempt analysis(Caller who) {
      return new Attempt(api.get("/api/decks/" + sharedDeck + "/analysis", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getJsonArray("questions"))
                      .hasSameSizeAs(
                          api.get("/api/decks/" + sharedDeck + "/questions", owner)
                              .bodyAsJsonArray()));
    }

    // Mock exams.

    static Attempt createExam(Caller who) {
      String title = "Exam set by the " + who.label;
      JsonObject body =
          new JsonObject().put("deckId", sharedDeck).put("title", title).put("questionCount", 2);
      return new Attempt(api.postJson("/api/exams", body, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(api.get("/api/exams", owner).bodyAsString())
                      .as("no exam was set")
                      .doesNotContain(title))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo(title));
    }

    static Attempt myExams(Caller who) {
      return new Attempt(api.get("/api/exams", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsString().contains(exam))
                      .as("the caller's exams, and only theirs")
                      .isEqualTo(who == Caller.OWNER));
    }

    static Attempt readExam(Caller who) {
      return new Attempt(api.get("/api/exams/" + exam, token(who)))
          .ifAllowed(
              r -> assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo(EXAM_TITLE));
    }

    static Attempt renameExam(Caller who) {
      String fresh = newExam();
      return new Attempt(
              api.patchJson(
                  "/api/exams/" + fresh, new JsonObject().put("title", "Renamed exam"), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(created(api.get("/api/exams/" + fresh, owner), 200).getString("title"))
                      .isEqualTo(EXAM_TITLE))
          .ifAllowed(
              r -> assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo("Renamed exam"));
    }

    static Attempt deleteExam(Caller who) {
      String fresh = newExam();
      return new Attempt(api.delete("/api/exams/" + fresh, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(status("/api/exams/" + fresh, owner))
                      .as("the exam is still there")
                      .isEqualTo(200))
          .ifAllowed(
              r ->
                  assertThat(status("/api/exams/" + fresh, owner))
                      .as("the exam is gone")
                      .isEqualTo(404));
    }

    static Attempt startAttempt(Caller who) {
      String fresh = newExam();
      return new Attempt(
              api.postJson("/api/exams/" + fresh + "/attempts", new JsonObject(), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          created(api.get("/api/exams/" + fresh, owner), 200)
                              .getJsonArray("attempts"))
                      .as("no attempt was started")
                      .isEmpty())
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getJsonArray("questions")).isNotEmpty());
    }

    static Attempt readiness(Caller who) {
      return new Attempt(api.get("/api/decks/" + sharedDeck + "/readiness", token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getJsonArray("exams").encode().contains(exam))
                      .as("the caller's own exams only")
                      .isEqualTo(who == Caller.OWNER));
    }

    static Attempt readinessForExam(Caller who) {
      return new Attempt(
              api.get("/api/decks/" + sharedDeck + "/readiness?exam=" + exam, token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getJsonObject("exam").getString("id"))
                      .isEqualTo(exam));
    }

    static Attempt readAttempt(Caller who) {
      return new Attempt(api.get("/api/attempts/" + openAttempt, token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getString("state")).isEqualTo("open"));
    }

    static Attempt answerAttempt(Caller who) {
      String fresh = newAttempt(newExam());
      JsonObject answer = fittingAnswer(firstAttemptQuestion(fresh));
      return new Attempt(api.putJson("/api/attempts/" + fresh + "/answers/0", answer, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(firstAttemptQuestion(fresh).getValue("answer"))
                      .as("no answer was saved")
                      .isNull())
          .ifAllowed(
              r ->
                  assertThat(firstAttemptQuestion(fresh).getJsonObject("answer"))
                      .isEqualTo(answer));
    }

    static Attempt flagAttempt(Caller who) {
      String fresh = newAttempt(newExam());
      return new Attempt(
              api.putJson(
                  "/api/attempts/" + fresh + "/flags/0",
                  new JsonObject().put("flagged", true),
                  token(who)))
          .unchangedIfRefused(
              () -> assertThat(firstAttemptQuestion(fresh).getBoolean("flagged")).isFalse())
          .ifAllowed(r -> assertThat(firstAttemptQuestion(fresh).getBoolean("flagged")).isTrue());
    }

    static Attempt submitAttempt(Caller who) {
      String fresh = newAttempt(newExam());
      return new Attempt(
              api.postJson("/api/attempts/" + fresh + "/submit", new JsonObject(), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          created(api.get("/api/attempts/" + fresh, owner), 200).getString("state"))
                      .as("the attempt is still under way")
                      .isEqualTo("open"))
          .ifAllowed(
              r -> assertThat(r.bodyAsJsonObject().getString("state")).isEqualTo("submitted"));
    }

    static Attempt attemptReport(Caller who) {
      return new Attempt(api.get("/api/attempts/" + submittedAttempt + "/report", token(who)))
          .ifAllowed(
              r ->
                  assertThat(
                          r.bodyAsJsonObject()
                              .getJsonArray("questions")
                              .getJsonObject(0)
                              .containsKey("explanation"))
                      .isTrue());
    }

    // Group sittings.

    static Attempt scheduleSitting(Caller who) {
      String title = "Sitting set by the " + who.label;
      JsonObject body =
          new JsonObject()
              .put("examId", exam)
              .put("title", title)
              .put("startsAt", clock.instant().plus(Duration.ofDays(1)).toString());
      return new Attempt(api.postJson("/api/groups/" + group.id() + "/sittings", body, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          api.get("/api/groups/" + group.id() + "/sittings", owner).bodyAsString())
                      .as("no sitting was scheduled")
                      .doesNotContain(title))
          .ifAllowed(
              r ->
                  assertThat(
                          api.get("/api/groups/" + group.id() + "/sittings", classmate)
                              .bodyAsString())
                      .contains(title));
    }

    static Attempt groupSittings(Caller who) {
      return new Attempt(api.get("/api/groups/" + group.id() + "/sittings", token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsString()).contains(upcomingSitting, SITTING_TITLE));
    }

    static Attempt readSitting(Caller who) {
      return new Attempt(api.get("/api/sittings/" + upcomingSitting, token(who)))
          .ifAllowed(
              r -> assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo(SITTING_TITLE));
    }

    static Attempt cancelSitting(Caller who) {
      String fresh = newSitting(Duration.ofHours(2));
      return new Attempt(api.delete("/api/sittings/" + fresh, token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(status("/api/sittings/" + fresh, owner))
                      .as("the sitting is still on")
                      .isEqualTo(200))
          .ifAllowed(
              r ->
                  assertThat(status("/api/sittings/" + fresh, classmate))
                      .as("the sitting is gone")
                      .isEqualTo(404));
    }

    static Attempt beginSitting(Caller who) {
      String fresh = newSitting(Duration.ZERO);
      return new Attempt(
              api.postJson("/api/sittings/" + fresh + "/attempts", new JsonObject(), token(who)))
          .unchangedIfRefused(
              () ->
                  assertThat(
                          created(api.get("/api/sittings/" + fresh, owner), 200)
                              .getJsonObject("counts")
                              .getInteger("started"))
                      .as("nobody began")
                      .isZero())
          .ifAllowed(
              r -> {
                assertThat(r.bodyAsJsonObject().getString("sittingId")).isEqualTo(fresh);
                assertThat(r.bodyAsJsonObject().getJsonArray("questions")).isNotEmpty();
              });
    }

    static Attempt sittingProgress(Caller who) {
      return new Attempt(api.get("/api/sittings/" + runningSitting + "/progress", token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsString()).contains(MEMBER_NAME, "\"sitting\""));
    }

    static Attempt sittingResults(Caller who) {
      return new Attempt(api.get("/api/sittings/" + closedSitting + "/results", token(who)))
          .ifAllowed(r -> assertThat(r.bodyAsJsonObject().getInteger("sat")).isEqualTo(2));
    }

    static Attempt sittingBoard(Caller who) {
      return new Attempt(
              api.get(
                  "/api/groups/" + group.id() + "/leaderboard?sitting=" + closedSitting,
                  token(who)))
          .ifAllowed(
              r ->
                  assertThat(r.bodyAsJsonObject().getJsonArray("entries").encode())
                      .contains(MEMBER_NAME, CLASSMATE_NAME));
    }

    static Trial results(String suffix) {
      return who ->
          new Attempt(api.get("/api/games/" + gameId + "/results" + suffix, token(who)))
              .ifAllowed(r -> assertThat(r.bodyAsString()).contains(PLAYER_NICKNAME));
    }
  }

  // Setting the scene.

  /** An exam of the owner's on the shared deck, long enough that no test's clock runs it out. */
  private static String newExam() {
    JsonObject body =
        new JsonObject()
            .put("deckId", sharedDeck)
            .put("title", EXAM_TITLE)
            .put("questionCount", 2)
            .put("minutes", 600);
    return created(api.postJson("/api/exams", body, owner), 201).getString("id");
  }

  /** A sitting of the owner's exam for the group, starting {@code from} now. */
  private static String newSitting(Duration from) {
    JsonObject body =
        new JsonObject()
            .put("examId", exam)
            .put("title", SITTING_TITLE)
            .put("startsAt", clock.instant().plus(from).toString());
    return created(api.postJson("/api/groups/" + group.id() + "/sittings", body, owner), 201)
        .getString("id");
  }

  /** Begins {@code who}'s attempt at the sitting; returns the attempt's id. */
  private static String beginSitting(String sitting, String who) {
    return created(
            api.postJson("/api/sittings/" + sitting + "/attempts", new JsonObject(), who), 201)
        .getString("id");
  }

  private static String newAttempt(String examId) {
    return created(api.postJson("/api/exams/" + examId + "/attempts", new JsonObject(), owner), 201)
        .getString("id");
  }

  /** The owner's view of their attempt's first question. */
  private static JsonObject firstAttemptQuestion(String attemptId) {
    return created(api.get("/api/attempts/" + attemptId, owner), 200)
        .getJsonArray("questions")
        .getJsonObject(0);
  }

  /** An answer that fits the question (right or wrong does not matter here). */
  private static JsonObject fittingAnswer(JsonObject question) {
    java.util.function.IntFunction<JsonArray> first =
        n -> new JsonArray(java.util.stream.IntStream.range(0, n).boxed().toList());
    return switch (question.getString("type")) {
      case "typed" -> new JsonObject().put("text", "a guess");
      case "multiple_response" ->
          new JsonObject().put("choices", first.apply(question.getInteger("choose")));
      case "ordering" ->
          new JsonObject().put("choices", first.apply(question.getJsonArray("items").size()));
      case "matching" ->
          new JsonObject().put("choices", first.apply(question.getJsonArray("left").size()));
      default -> new JsonObject().put("choice", 0);
    };
  }

  private static String token(Caller who) {
    return switch (who) {
      case ANONYMOUS -> null;
      case ANOTHER_USER -> stranger;
      case MEMBER -> member;
      case OWNER -> owner;
    };
  }

  private static String username(Caller who) {
    return switch (who) {
      case ANONYMOUS -> null;
      case ANOTHER_USER -> STRANGER_NAME;
      case MEMBER -> MEMBER_NAME;
      case OWNER -> OWNER_NAME;
    };
  }

  private static JsonObject credentials(String username) {
    return new JsonObject().put("username", username).put("password", PASSWORD);
  }

  private static JsonObject deckBody(String title) {
    return new JsonObject().put("title", title).put("notes", NOTES);
  }

  private static JsonObject created(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  private static String newDeck(String token, String title) {
    return created(api.postJson("/api/decks", deckBody(title), token), 201).getString("id");
  }

  /** A group of the owner's with the member and a classmate in it. */
  private static StudyGroup newGroup() {
    JsonObject made =
        created(
            api.postJson(
                "/api/groups",
                new JsonObject().put("name", GROUP_NAME).put("description", GROUP_DESCRIPTION),
                owner),
            201);
    StudyGroup fresh = new StudyGroup(made.getString("id"), made.getString("inviteCode"));
    for (String token : List.of(member, classmate)) {
      created(
          api.postJson(
              "/api/groups/join", new JsonObject().put("inviteCode", fresh.inviteCode()), token),
          200);
    }
    return fresh;
  }

  /** A deck of the owner's, shared with the group. */
  private static String newSharedDeck(String title) {
    String deck = newDeck(owner, title);
    HttpResponse<Buffer> shared =
        api.postJson(
            "/api/groups/" + group.id() + "/decks", new JsonObject().put("deckId", deck), owner);
    assertThat(shared.statusCode()).as(shared.bodyAsString()).isEqualTo(204);
    return deck;
  }

  private static int status(String path, String token) {
    return api.get(path, token).statusCode();
  }

  private static JsonObject groupAsOwner(StudyGroup which) {
    return created(api.get("/api/groups/" + which.id(), owner), 200);
  }

  /**
   * One question in a group room hosted by the owner, answered by the member; returns the finished
   * game's id.
   */
  private static String playGroupGame(AnswerKey key) {
    JsonObject request =
        new JsonObject()
            .put("deckId", sharedDeck)
            .put("groupId", group.id())
            .put("questionCount", 1)
            .put("leadIn", false);
    JsonObject room = created(api.postJson("/api/rooms", request, owner), 201);
    try (SocketClient host = SocketClient.connect(vertx, quizhall.httpPort());
        SocketClient player = SocketClient.connect(vertx, quizhall.httpPort())) {
      host.send(
          "host",
          new JsonObject()
              .put("code", room.getString("code"))
              .put("hostToken", room.getString("hostToken")));
      host.await("welcome");
      player.send(
          "join",
          new JsonObject()
              .put("code", room.getString("code"))
              .put("nickname", PLAYER_NICKNAME)
              .put("accountToken", member));
      player.await("welcome");
      host.send("start");
      JsonObject question = player.await("question");
      player.send(
          "answer",
          key.answer(question.getString("questionId"), true)
              .put("index", question.getInteger("index")));
      host.await("reveal");
      host.send("end");
      host.await("podium");
    }
    return room.getString("gameId");
  }

  private static List<String> titles(JsonArray decks) {
    List<String> titles = new ArrayList<>();
    decks.forEach(deck -> titles.add(((JsonObject) deck).getString("title")));
    return titles;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
