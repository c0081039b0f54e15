package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestServer;

/**
 * Every screen of the web client with real data in it (a teacher's deck, a group with a member, an
 * assignment, a mock exam sitting coming up, a finished group game), each checked by axe-core and
 * for sideways scrolling on a projector and on 320–430 px phones. The game is played with the
 * keyboard only, by the host on the console and by the player on a phone.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Every screen, on a projector and on phones")
class EveryScreenInTheBrowserTest {

  private static final String TEACHER = "tess_teacher";
  private static final String MEMBER = "maximiliana_member";

  private static Quizhall quizhall;
  private static Api api;
  private static String teacherToken;
  private static String memberToken;
  private static String deckId;
  private static JsonObject group;
  private static String assignmentId;
  private static String sittingId;
  private static String gameId;
  private static String gameCode;

  /** The teacher's laptop, projected: the console and the teacher's pages. */
  private static Browser projector;

  /** The member's phone. */
  private static Browser phone;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    teacherToken = api.signUpAndIn(TEACHER, "teaching year twelve");
    memberToken = api.signUpAndIn(MEMBER, "a member of the group");
    deckId = api.firstDeckId(teacherToken);
    group =
        api.postJson(
                "/api/groups",
                new JsonObject()
                    .put("name", "Biology revision, Thursdays")
                    .put(
                        "description",
                        "Weekly exam prep for the whole of year twelve, with past papers"),
                teacherToken)
            .bodyAsJsonObject();
    assertThat(
            api.postJson(
                    "/api/groups/join",
                    new JsonObject().put("inviteCode", group.getString("inviteCode")),
                    memberToken)
                .statusCode())
        .isEqualTo(200);
    api.postJson(
        "/api/groups/" + group.getString("id") + "/decks",
        new JsonObject().put("deckId", deckId),
        teacherToken);
    java.time.Instant now = java.time.Instant.now();
    var assignment =
        api.postJson(
            "/api/groups/" + group.getString("id") + "/assignments",
            new JsonObject()
                .put("deckId", deckId)
                .put("title", "Week 1 revision")
                .put("questionCount", 2)
                .put("opensAt", now.minusSeconds(60).toString())
                .put("closesAt", now.plusSeconds(7 * 86400).toString()),
            teacherToken);
    assertThat(assignment.statusCode()).as(assignment.bodyAsString()).isEqualTo(201);
    assignmentId = assignment.bodyAsJsonObject().getString("id");
    var exam =
        api.postJson(
            "/api/exams",
            new JsonObject()
                .put("deckId", deckId)
                .put("title", "Mock exam, term 1")
                .put("questionCount", 5),
            teacherToken);
    assertThat(exam.statusCode()).as(exam.bodyAsString()).isEqualTo(201);
    var sitting =
        api.postJson(
            "/api/groups/" + group.getString("id") + "/sittings",
            new JsonObject()
                .put("examId", exam.bodyAsJsonObject().getString("id"))
                .put("startsAt", now.plusSeconds(3600).toString()),
            teacherToken);
    assertThat(sitting.statusCode()).as(sitting.bodyAsString()).isEqualTo(201);
    sittingId = sitting.bodyAsJsonObject().getString("id");
    projector = Browser.projector("screens-projector", quizhall.httpPort());
    phone = Browser.smallPhone("screens-phone", quizhall.httpPort());
    Screens.resize(projector, 1280, 720);
    Screens.resize(phone, 390, 844);
  }

  @AfterAll
  static void stop() {
    if (!Screens.MILDER_FINDINGS.isEmpty()) {
      System.out.println("axe findings below serious: " + Screens.MILDER_FINDINGS);
    }
    if (projector != null) projector.close();
    if (phone != null) phone.close();
    api.close();
    quizhall.close();
  }

  @Test
  @Order(1)
  @DisplayName(
      "signed out: home, sign in, join, host and a group invite pass axe and fit every phone")
  void signedOut() {
    visit(phone, "/", "#hero-title", "Turn your study notes", "home");
    visit(phone, "/account", "main", "Sign in", "sign-in");
    phone.find("#tab-sign-up").click();
    phone.find("#username");
    check(phone, "sign-up", Screens.PHONE);
    visit(phone, "/join", "#join-title", "Join a game", "join");
    visit(phone, "/host", "#host-sign-in", "Sign in to host", "host-signed-out");
    visit(
        phone,
        "/join/group/" + group.getString("inviteCode"),
        "main",
        "invited",
        "group-invite-signed-out");
  }

  @Test
  @Order(2)
  @DisplayName(
      "a group game by keyboard only: the host starts, reveals and moves on with Tab and Enter, the player joins and answers with Tab and Space; every phase passes axe and fits every phone")
  void liveGameByKeyboard() {
    signIn(phone, MEMBER, memberToken);
    signIn(projector, TEACHER, teacherToken);
    JsonObject room =
        api.postJson(
                "/api/rooms",
                new JsonObject()
                    .put("deckId", deckId)
                    .put("questionCount", 2)
                    .put("secondsPerQuestion", 120)
                    .put("groupId", group.getString("id"))
                    .put("kinds", new JsonArray().add("definition")),
                teacherToken)
            .bodyAsJsonObject();
    assertThat(room.getString("code")).as(room.encode()).isNotNull();
    gameId = room.getString("gameId");
    gameCode = room.getString("code");
    AnswerKey answerKey = new AnswerKey(quizhall.pool(), deckId);
    projector.go("/host/" + room.getString("code"));
    projector.find("#room-code");
    check(projector, "host-lobby-empty", Screens.PROJECTOR);

    phone.go("/join");
    // On a loaded machine the page can answer before its focus has settled: wait for it, briefly.
    phone.waitUntil(
        "the code box to have the focus", () -> "code".equals(phone.focused().getAttribute("id")));
    phone.focused().sendKeys(room.getString("code"), Keys.TAB);
    assertThat(phone.focused().getAttribute("id")).isEqualTo("nickname");
    phone.focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "Maximiliana", Keys.ENTER);
    phone.textOf("#player-count", "1 player");
    projector.textOf("#lobby-names", "Maximiliana");
    check(phone, "player-lobby", Screens.PHONE);
    check(projector, "host-lobby", Screens.PROJECTOR);

    pressWithKeyboard(projector, "#next", "Start the game");
    projector.waitUntil(
        "the 3-2-1 to end on the projector", () -> projector.all("#lead-in").isEmpty());
    phone.waitUntil("and on the phone", () -> phone.all("#lead-in").isEmpty());
    projector.find("#question-prompt");
    phone.find("#question-prompt");
    check(projector, "host-question", Screens.PROJECTOR);
    check(phone, "player-question", Screens.PHONE);

    int right =
        answerKey
            .question(phone.find("#question-prompt").getAttribute("data-question-id"))
            .getInteger("correct");
    tabTo(phone, "button[data-option='" + right + "']");
    phone.focused().sendKeys(Keys.SPACE);
    assertThat(phone.textOf("#my-result", "Right")).contains("✓ Right! +");
    projector.find("#reveal-answer, .reveal-options");
    check(phone, "player-reveal", Screens.PHONE);
    check(projector, "host-reveal", Screens.PROJECTOR);

    pressWithKeyboard(projector, "#next", "Show the leaderboard");
    phone.textOf("#my-rank", "You are 1st of 1");
    projector.textOf("#stage", "Leaderboard");
    check(phone, "player-leaderboard", Screens.PHONE);
    check(projector, "host-leaderboard", Screens.PROJECTOR);

    pressWithKeyboard(projector, "#next", "");
    phone.textOf(".question-count", "Question 2 of 2");
    pressWithKeyboard(projector, "#pause", "Pause");
    phone.textOf("#answer-status", "Paused");
    phone.waitUntil(
        "the answers to be off while paused",
        () -> phone.all("#answers button.option:not(:disabled)").isEmpty());
    check(phone, "player-question-paused", Screens.PHONE);
    check(projector, "host-question-paused", Screens.PROJECTOR);
    pressWithKeyboard(projector, "#pause", "Resume");
    phone.waitUntil(
        "the answers to be on again", () -> phone.all("#answers button.option:disabled").isEmpty());
    pressWithKeyboard(projector, "#next", "Reveal the answer now");
    phone.find("#reveal-answer");
    check(phone, "player-reveal-missed", Screens.PHONE);
    pressWithKeyboard(projector, "#next", "Show the leaderboard");
    projector.textOf("#stage", "Final scores");
    pressWithKeyboard(projector, "#next", "");
    projector.textOf("#podium", "Maximiliana");
    phone.textOf("#my-standing", "You finished 1st of 1");
    check(projector, "host-podium", Screens.PROJECTOR);
    check(phone, "player-podium", Screens.PHONE);
  }

  @Test
  @Order(3)
  @DisplayName(
      "signed in with a deck, a group, an assignment and a finished game: every page passes axe and fits every phone")
  void signedInPages() {
    assertThat(gameId).as("the game of the test before").isNotNull();
    String groupPage = "/account/groups/" + group.getString("id");
    signIn(projector, TEACHER, teacherToken);
    visit(projector, "/", "#hero-title", "Turn your study notes", "home-signed-in");
    visit(projector, "/host", "main", "Your decks", "decks");
    visit(projector, "/decks/" + deckId, "#deck-summary", "questions from", "deck-editor");
    visit(projector, "/account", "#account-title", "Your account", "account");
    visit(projector, "/account/groups", "main", "Biology revision", "groups");
    visit(projector, groupPage, "#group-leaderboard", MEMBER, "group-owner");
    visit(
        projector,
        "/account/sittings/" + sittingId,
        ".sitting-clock",
        "Starts in",
        "sitting-owner");
    visit(projector, "/results/" + gameId, "#results-players", "Maximiliana", "results");
    visit(projector, "/account/record", "#record-totals", "Games", "record-host");

    signIn(phone, MEMBER, memberToken);
    visit(phone, groupPage, "#group-leaderboard", MEMBER, "group-member");
    visit(phone, "/account/sittings/" + sittingId, ".sitting-clock", "Starts in", "sitting-member");
    visit(
        phone,
        "/join/group/" + group.getString("inviteCode"),
        "main",
        "Signed in as",
        "group-invite");
    visit(phone, "/join/" + gameCode, "#join-title", "Join a game", "join-with-code");
    visit(phone, "/account/record", "#record-history", "room", "record");
    visit(phone, "/results/" + gameId, "#results-players", "Maximiliana", "results-player");
    visit(
        phone,
        "/account/assignments/" + assignmentId,
        "#assignment-title",
        "Week 1 revision",
        "assignment");
    visit(phone, "/decks/" + deckId + "/practice", ".question-count", "Question 1 of", "practice");
    visit(phone, "/decks/" + deckId + "/readiness", "#readiness-verdict", "", "readiness");
  }

  /**
   * What is wrong on the screens the running test has looked at; it fails at its end, naming them
   * all.
   */
  private final List<String> problems = new ArrayList<>();

  private void check(Browser browser, String name, Screens.Size restore) {
    problems.addAll(Screens.check(browser, name, restore));
  }

  @AfterEach
  void noProblems() {
    assertThat(problems)
        .as("axe's serious and critical violations, and pages wider than the window")
        .isEmpty();
  }

  private void visit(Browser browser, String path, String css, String text, String name) {
    browser.go(path);
    browser.textOf(css, text, java.time.Duration.ofSeconds(20));
    check(browser, name, browser == projector ? Screens.PROJECTOR : Screens.PHONE);
  }

  private static void signIn(Browser browser, String username, String token) {
    browser.go("/");
    browser.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: arguments[1]}));",
        token,
        username);
  }

  /**
   * Tabs through the page until {@code css} has the focus, and checks that the focus can be seen.
   */
  private static void tabTo(Browser browser, String css) {
    for (int i = 0; i < 40 && !focusedMatches(browser, css); i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    }
    assertThat(focusedMatches(browser, css)).as("Tab reaches " + css).isTrue();
    assertThat(
            browser.script(
                "const s = getComputedStyle(document.activeElement);"
                    + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;"))
        .as("the focus on " + css + " is outlined")
        .isEqualTo(true);
  }

  private static boolean focusedMatches(Browser browser, String css) {
    return Boolean.TRUE.equals(
        browser.script(
            "return document.activeElement && document.activeElement.matches(arguments[0]);", css));
  }

  /**
   * Moves the focus to the control with Tab, waits for it to be ready with the label, and presses
   * Enter.
   */
  private static void pressWithKeyboard(Browser browser, String css, String label) {
    browser.waitUntil(
        css + " to be ready",
        () ->
            Boolean.TRUE.equals(
                browser.script(
                    "const b = document.querySelector(arguments[0]); return !!b && !b.disabled && b.textContent.includes(arguments[1]);",
                    css,
                    label)));
    tabTo(browser, css);
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
  }
}
