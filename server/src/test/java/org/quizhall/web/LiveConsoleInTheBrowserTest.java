package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.SocketClient;
import org.quizhall.testing.TestServer;

/** The console on a projector-sized window and players on phone-sized ones, in real Chromium. */
@ExtendWith(VertxExtension.class)
@DisplayName("The live console and the phones")
class LiveConsoleInTheBrowserTest {

  private static Quizhall quizhall;
  private static Api api;
  private static Vertx vertx;
  private static String hostAccount;
  private static String deckId;
  private static AnswerKey answerKey;
  private Browser projector;
  private Browser phone;
  private SocketClient hostSocket;

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    hostAccount = api.signUpAndIn("projector_host", "hosting on the wall");
    deckId = api.firstDeckId(hostAccount);
    answerKey = new AnswerKey(quizhall.pool(), deckId);
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  @AfterEach
  void closeBrowsers() {
    if (projector != null) projector.close();
    if (phone != null) phone.close();
    if (hostSocket != null) hostSocket.close();
  }

  private static JsonObject openRoom(int questions) {
    return api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", deckId)
                .put("questionCount", questions)
                .put("secondsPerQuestion", 120)
                .put("kinds", new JsonArray().add("list_member")),
            hostAccount)
        .bodyAsJsonObject();
  }

  private void hostDoes(String command) {
    assertThat(hostSocket.reply(hostSocket.send(command)).getString("type"))
        .as(command)
        .isEqualTo("ok");
  }

  private static void join(Browser player, String code, String nickname) {
    player.go("/join/" + code);
    player.find("#nickname").sendKeys(nickname, Keys.ENTER);
    player.find("#player-count");
  }

  /**
   * The console of a room opened over the API, in a tab that holds its host key as the deck page
   * leaves it.
   */
  private static void openConsole(Browser browser, JsonObject room) {
    browser.go("/");
    browser.script(
        "sessionStorage.setItem('quizhall.host', JSON.stringify({code: arguments[0], hostToken: arguments[1],"
            + " gameId: arguments[2], joinUrl: arguments[3]}));",
        room.getString("code"),
        room.getString("hostToken"),
        room.getString("gameId"),
        room.getString("joinUrl"));
    browser.go("/host/" + room.getString("code"));
    browser.find("#room-code");
  }

  private static boolean allAnswersDisabled(Browser player) {
    return Boolean.TRUE.equals(
        player.script(
            "const b = [...document.querySelectorAll('#answers button')]; return b.length > 0 && b.every(x => x.disabled);"));
  }

  private static String textContent(Browser browser, String css) {
    Object text =
        browser.script(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    return text == null ? "" : text.toString();
  }

  @Test
  @DisplayName(
      "while the host pauses, a phone's answers are off and a tap does nothing; after the resume the player answers and it counts")
  void pauseAndAnswerAfter() {
    JsonObject room = openRoom(1);
    hostSocket = hostOver(room);
    phone = Browser.smallPhone("pausing-player", quizhall.httpPort());
    join(phone, room.getString("code"), "Pia");

    hostDoes("start");
    int right =
        answerKey
            .question(phone.find("#question-prompt").getAttribute("data-question-id"))
            .getInteger("correct");
    // Paused during the 3-2-1, which the pause ends.
    hostDoes("pause");
    phone.waitUntil(
        "the answers to be turned off while paused",
        () -> allAnswersDisabled(phone) && textContent(phone, "#answer-status").contains("Paused"));
    assertThat(phone.all("#lead-in")).as("the pause ended the 3-2-1").isEmpty();
    phone.find("button[data-option='" + right + "']").click();
    phone.focused().sendKeys(String.valueOf(right + 1));
    assertThat(phone.all("button.option.chosen")).as("a tap while paused picks nothing").isEmpty();

    hostDoes("unpause");
    phone.waitUntil("the answers to come back after the resume", () -> !allAnswersDisabled(phone));
    phone.find("button[data-option='" + right + "']").click();
    // The only player's answer brings the reveal at once.
    assertThat(phone.textOf("#my-result", "Right"))
        .as("the answer after the pause counted")
        .contains("✓ Right! +");
    assertThat(hostSocket.await("reveal").getInteger("answered")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a tap and a key press during the 3-2-1 answer nothing; after it the player has the question's whole time and the answer counts")
  void tapDuringTheLeadIn() {
    JsonObject room = openRoom(1);
    hostSocket = hostOver(room);
    phone = Browser.smallPhone("eager-player", quizhall.httpPort());
    join(phone, room.getString("code"), "Eve");

    hostDoes("start");
    JsonObject question = hostSocket.awaitAbout("question", 0);
    assertThat(question.getLong("leadInMs")).isEqualTo(3000);
    phone.find("#lead-in");
    int right =
        answerKey
            .question(phone.find("#question-prompt").getAttribute("data-question-id"))
            .getInteger("correct");
    // A tap where the right answer's tile is: it lands on the 3-2-1 that covers it.
    new Actions(phone.driver)
        .moveToElement(
            phone.driver.findElement(
                org.openqa.selenium.By.cssSelector("button[data-option='" + right + "']")))
        .click()
        .perform();
    phone.focused().sendKeys(String.valueOf(right + 1));
    assertThat(phone.all("#lead-in"))
        .as("still counting down: the test tapped during the 3-2-1")
        .isNotEmpty();
    assertThat(phone.all("button.option.chosen")).as("the tap picked nothing").isEmpty();
    assertThat(allAnswersDisabled(phone)).as("the answers are off during the 3-2-1").isTrue();

    phone.afterTheLeadIn();
    phone.waitUntil("the answers to come on after the 3-2-1", () -> !allAnswersDisabled(phone));
    int secondsLeft =
        Integer.parseInt(textContent(phone, ".countdown-label").replaceAll("[^0-9]", ""));
    assertThat(secondsLeft)
        .as("the question's 120 s start after the 3-2-1")
        .isGreaterThanOrEqualTo(118);
    assertThat(hostSocket.seen())
        .as("no answer reached the room during the 3-2-1")
        .noneMatch(m -> "answers".equals(m.getString("type")) && m.getInteger("answered") > 0);
    phone.find("button[data-option='" + right + "']").click();
    assertThat(phone.textOf("#my-result", "Right")).contains("✓ Right! +");
    assertThat(hostSocket.await("reveal").getInteger("answered")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the projector's sound switch is remembered after a reload, and the podium rises unless less motion is asked for")
  void soundsAndMotion() {
    JsonObject room = openRoom(1);
    projector = Browser.projector("sounding-host", quizhall.httpPort());
    openConsole(projector, room);
    assertThat(projector.find("#sound").getAttribute("aria-pressed"))
        .as("sounds start on")
        .isEqualTo("true");
    projector.find("#sound").click();
    projector.textOf("#sound", "Sound off");
    projector.go("/host/" + room.getString("code"));
    projector.find("#room-code");
    assertThat(projector.find("#sound").getAttribute("aria-pressed"))
        .as("off, as left")
        .isEqualTo("false");

    String podiumMotion =
        "const ol = document.createElement('ol'); ol.className = 'podium';"
            + " const li = document.createElement('li'); li.className = 'place place-1'; ol.append(li);"
            + " document.body.append(ol); const name = getComputedStyle(li).animationName; ol.remove(); return name;";
    assertThat(projector.script(podiumMotion)).isEqualTo("podium-rise");
    projector.reducedMotion(true);
    assertThat(projector.script(podiumMotion)).isEqualTo("none");
    projector.reducedMotion(false);
  }

  @Test
  @DisplayName(
      "a double click on 'reveal' on a projector shows the reveal and stays there: the leaderboard is not skipped to")
  void doubleClickedReveal() {
    JsonObject room = openRoom(2);
    projector = Browser.projector("double-clicking-host", quizhall.httpPort());
    openConsole(projector, room);
    phone = Browser.smallPhone("watching-player", quizhall.httpPort());
    join(phone, room.getString("code"), "Wes");
    projector.textOf("#roster", "Wes");

    projector.find("#next").click();
    projector.find("#question-prompt");
    projector.textOf("#next", "Reveal the answer now");
    projector.afterTheLeadIn();
    new Actions(projector.driver).doubleClick(projector.find("#next")).perform();
    projector.find("#reveal-answer");
    projector.textOf("#next", "Show the leaderboard");
    projector.waitUntil(
        "the console to take presses again", () -> projector.find("#next").isEnabled());
    assertThat(projector.all("#reveal-answer")).as("still the reveal").isNotEmpty();
    assertThat(projector.all("#leaderboard")).as("no leaderboard yet").isEmpty();
    assertThat(phone.all("#leaderboard")).as("nor on the phone").isEmpty();
    phone.find("#reveal-answer");
  }

  @Test
  @DisplayName(
      "the signed-in owner opens the console in a fresh window without the host key and runs the game from there")
  void ownerFromAnyTab() {
    JsonObject room = openRoom(1);
    projector = Browser.projector("first-console", quizhall.httpPort());
    openConsole(projector, room);
    projector.textOf("#player-count", "0 players");

    phone = Browser.desktop("second-console", quizhall.httpPort());
    phone.go("/");
    phone.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: 'projector_host'}));",
        hostAccount);
    phone.go("/host/" + room.getString("code"));
    assertThat(phone.find("#room-code").getText()).isEqualTo(room.getString("code"));
    phone.waitUntil("the second console to be connected", () -> phone.find("#next").isEnabled());
    projector.textOf("#host-message", "opened in another tab");
    assertThat(projector.find("#next").isEnabled()).as("the first console only watches").isFalse();

    phone.find("#next").click();
    phone.find("#question-prompt");
    projector.afterTheLeadIn();
    projector.find("#take-over").click();
    projector.find("#question-prompt");
    projector.waitUntil(
        "the first console to run the game again", () -> projector.find("#next").isEnabled());
    phone.textOf("#host-message", "opened in another tab");
  }

  @Test
  @DisplayName(
      "the host page lists the owner's open rooms, and 'Open console' runs a room whose tab was closed")
  void openRoomsOnTheHostPage() {
    JsonObject room = openRoom(1);
    String code = room.getString("code");
    projector = Browser.desktop("returning-host", quizhall.httpPort());
    projector.go("/");
    projector.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: 'projector_host'}));",
        hostAccount);
    projector.go("/host");
    String row = projector.textOf("#open-rooms tr[data-code='" + code + "']", code);
    assertThat(row).contains("waiting to start", "0");
    projector.find("#open-rooms tr[data-code='" + code + "'] a").click();
    assertThat(projector.find("#room-code").getText()).isEqualTo(code);
    projector.waitUntil("the console to run the room", () -> projector.find("#next").isEnabled());
  }

  @Test
  @DisplayName(
      "the deck page's room form offers every option of the API, checks them, shows the API's refusal at the field, and the room plays as chosen")
  void roomFormOptions() {
    projector = Browser.desktop("form-host", quizhall.httpPort());
    projector.go("/");
    projector.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: 'projector_host'}));",
        hostAccount);
    projector.go("/decks/" + deckId);
    projector.find("#room-form");
    assertThat(projector.all("#room-kinds input.room-kind").size())
        .as("the deck's kinds to choose from")
        .isGreaterThan(1);
    assertThat(projector.all("#room-group")).as("a group to play for").hasSize(1);
    assertThat(projector.all("#room-review")).as("and a review round").hasSize(1);
    projector.find("#room-options summary").click();

    org.openqa.selenium.WebElement autoAdvance = projector.find("#room-auto-advance");
    autoAdvance.clear();
    autoAdvance.sendKeys("61");
    projector.find("#open-room").click();
    assertThat(projector.textOf("#room-message", "0 to 60"))
        .contains("Moving on by itself takes 0 to 60 seconds");
    assertThat(projector.focused().getAttribute("id")).isEqualTo("room-auto-advance");
    autoAdvance.clear();
    autoAdvance.sendKeys("5");

    // More seats per address than the server seats in a room: the API refuses, and the form shows
    // it at the field.
    org.openqa.selenium.WebElement seats = projector.find("#room-seats");
    seats.clear();
    seats.sendKeys("9999999");
    projector.find("#open-room").click();
    assertThat(projector.textOf("#room-message", "seatsPerAddress"))
        .contains("seatsPerAddress must be a whole number from 1 to");
    assertThat(projector.focused().getAttribute("id")).isEqualTo("room-seats");
    seats.clear();
    seats.sendKeys("30");
    projector.find("#room-lead-in").click();
    projector.find("#room-guests").click();
    for (org.openqa.selenium.WebElement kind : projector.all("#room-kinds input.room-kind")) {
      if (kind.isSelected() != "list_member".equals(kind.getAttribute("value"))) kind.click();
    }
    projector.find("#open-room").click();
    String code = projector.find("#room-code").getText();

    try (SocketClient guest = SocketClient.connect(vertx, quizhall.httpPort());
        SocketClient member = SocketClient.connect(vertx, quizhall.httpPort())) {
      JsonObject refused =
          guest.reply(
              guest.send("join", new JsonObject().put("code", code).put("nickname", "Guest")));
      assertThat(refused.getString("code"))
          .as("guests were turned off")
          .isEqualTo("sign_in_required");
      member.send(
          "join",
          new JsonObject()
              .put("code", code)
              .put("nickname", "Member")
              .put("accountToken", api.signUpAndIn("form_player", "playing the form's room")));
      JsonObject settings = member.await("welcome").getJsonObject("settings");
      assertThat(settings.getLong("autoAdvanceSeconds")).isEqualTo(5);
      assertThat(settings.getLong("leadInMs")).as("no 3-2-1").isZero();
      assertThat(settings.getInteger("seatsPerAddress")).isEqualTo(30);
      projector.textOf("#player-count", "1 player");
      projector.find("#next").click();
      JsonObject first = member.await("question");
      assertThat(first.getString("kind")).as("only the kind chosen").isEqualTo("list_member");
      assertThat(first.getLong("leadInMs")).isZero();
    }
  }

  @Test
  @DisplayName("another signed-in account gets no console for a room it did not open")
  void strangerGetsNoConsole() {
    JsonObject room = openRoom(1);
    String stranger = api.signUpAndIn("not_the_host", "someone else entirely");
    phone = Browser.smallPhone("stranger", quizhall.httpPort());
    phone.go("/");
    phone.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: 'not_the_host'}));",
        stranger);
    phone.go("/host/" + room.getString("code"));
    phone.textOf("#not-owner", "Only the account that opened this room");
    assertThat(phone.find("#next").isEnabled()).isFalse();
  }

  /**
   * The bottom of the lowest element matching {@code css}, against the window's height: true when
   * all are above the fold.
   */
  private static boolean aboveTheFold(Browser browser, String css) {
    return Boolean.TRUE.equals(
        browser.script(
            "const all = [...document.querySelectorAll(arguments[0])];"
                + " return all.length > 0 && all.every(e => e.getBoundingClientRect().bottom <= window.innerHeight);",
            css));
  }

  private static double fontPx(Browser browser, String css) {
    return ((Number)
            browser.script(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);",
                css))
        .doubleValue();
  }

  /** The most lines any option's text takes. */
  private static long optionLines(Browser browser, String css) {
    return ((Number)
            browser.script(
                "return Math.max(...[...document.querySelectorAll(arguments[0])].map(e =>"
                    + " Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || 20))));",
                css))
        .longValue();
  }

  private static boolean overflowsSideways(Browser browser) {
    return Boolean.TRUE.equals(
        browser.script("return document.documentElement.scrollWidth > window.innerWidth;"));
  }

  @Test
  @DisplayName(
      "on a 1280x720 projector the lobby shows a large code and names popping in; a 3-2-1 starts the game; the question and its answers fit above the fold with a small code strip, on a 390 px phone too")
  void projectorAndPhone() {
    JsonObject room = openRoom(2);
    projector = Browser.projector("projector", quizhall.httpPort());
    openConsole(projector, room);
    assertThat(fontPx(projector, "#room-code"))
        .as("the code is large in the lobby")
        .isGreaterThanOrEqualTo(64);
    assertThat(
            ((Number)
                    projector.script(
                        "return document.getElementById('qr').getBoundingClientRect().width;"))
                .doubleValue())
        .as("and so is the QR code")
        .isGreaterThanOrEqualTo(160);
    assertThat(projector.all(".top .nav").get(0).isDisplayed())
        .as("no site menu on the console")
        .isFalse();

    phone = Browser.smallPhone("phone-player", quizhall.httpPort());
    join(phone, room.getString("code"), "Ada");
    projector.textOf("#lobby-names", "Ada");
    assertThat(projector.find("#lobby-names li").getAttribute("class"))
        .as("a newcomer pops in")
        .contains("joined");
    assertThat(phone.all(".top .nav").get(0).isDisplayed())
        .as("no site menu (nor Sign out) on the phone during play")
        .isFalse();
    assertThat(overflowsSideways(phone))
        .as("the phone's lobby is no wider than the phone")
        .isFalse();
    projector.screenshot("host-lobby-projector");

    projector.find("#next").click();
    projector.find("#lead-in");
    assertThat(textContent(projector, "#lead-in")).contains("Get ready");
    phone.find("#lead-in");
    projector.waitUntil(
        "the 3-2-1 to end on the projector", () -> projector.all("#lead-in").isEmpty());
    phone.waitUntil("and on the phone", () -> phone.all("#lead-in").isEmpty());

    projector.find("#question-prompt");
    assertThat(
            aboveTheFold(
                projector,
                "#question-prompt, #question-options .option, #answered-count, .countdown"))
        .as("the question, its answers, the count and the timer are above the fold at 1280x720")
        .isTrue();
    assertThat(fontPx(projector, "#room-code"))
        .as("the code shrinks to a strip during play")
        .isLessThanOrEqualTo(40);
    assertThat(fontPx(projector, "#answered-count"))
        .as("the answer count is large")
        .isGreaterThanOrEqualTo(24);
    assertThat(fontPx(projector, ".countdown-label"))
        .as("so is the timer")
        .isGreaterThanOrEqualTo(24);
    assertThat(optionLines(projector, "#question-options .option-text"))
        .as("options do not wrap a word a line")
        .isLessThanOrEqualTo(3);
    projector.screenshot("host-question-projector");

    phone.find("#question-prompt");
    assertThat(aboveTheFold(phone, "#question-prompt, #answers button.option"))
        .as("the phone's answers are above the fold")
        .isTrue();
    assertThat(overflowsSideways(phone)).isFalse();
    phone.screenshot("player-question-phone");

    projector.viewport(1920, 1080);
    projector.waitUntil(
        "the window to be 1920 wide",
        () -> ((Number) projector.script("return window.innerWidth;")).intValue() >= 1900);
    assertThat(
            aboveTheFold(
                projector,
                "#question-prompt, #question-options .option, #answered-count, .countdown"))
        .as("and at 1920x1080")
        .isTrue();
    projector.screenshot("host-question-1080p");
  }

  @Test
  @DisplayName(
      "no page is wider than a phone-sized window: home, join, host, groups, a group, My record and results")
  void noPageOverflowsAPhone() {
    JsonObject room = openRoom(1);
    hostSocket = hostOver(room);
    try (SocketClient guest = SocketClient.connect(vertx, quizhall.httpPort())) {
      guest.send(
          "join",
          new JsonObject().put("code", room.getString("code")).put("nickname", "Maximiliana Long"));
      guest.await("welcome");
      JsonObject group =
          api.postJson(
                  "/api/groups",
                  new JsonObject()
                      .put("name", "Biology revision, Thursdays")
                      .put("description", "Weekly exam prep for the whole of year twelve"),
                  hostAccount)
              .bodyAsJsonObject();
      phone = Browser.smallPhone("narrow-phone", quizhall.httpPort());
      phone.go("/");
      phone.script(
          "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: 'projector_host'}));",
          hostAccount);
      String[][] pages = {
        {"/", "Quizhall"},
        {"/join", "Join"},
        {"/host", "Your decks"},
        {"/account/groups", "Biology revision"},
        {"/account/groups/" + group.getString("id"), "Group leaderboard"},
        {"/account/record", "Recent games"},
        {"/results/" + room.getString("gameId"), "Maximiliana"},
      };
      for (int width : new int[] {390, 430}) {
        phone.viewport(width, 800);
        for (String[] page : pages) {
          phone.go(page[0]);
          phone.textOf("main", page[1]);
          // Headless Chromium keeps a window at least about 400 px wide, so the page is held to the
          // window it got.
          assertThat(overflowsSideways(phone))
              .as(
                  "%s at %d px (window %s px)",
                  page[0], width, phone.script("return window.innerWidth;"))
              .isFalse();
          if (width == 390 && page[0].startsWith("/results/")) {
            phone.screenshot("results-phone");
          }
        }
      }
    }
  }

  /** A host socket on the room, by its host token, once the server has welcomed it. */
  private SocketClient hostOver(JsonObject room) {
    SocketClient socket = SocketClient.connect(vertx, quizhall.httpPort());
    socket.send(
        "host",
        new JsonObject()
            .put("code", room.getString("code"))
            .put("hostToken", room.getString("hostToken")));
    socket.await("welcome");
    return socket;
  }
}
