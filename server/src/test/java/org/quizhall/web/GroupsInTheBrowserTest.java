package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.AnswerKey;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestServer;

/**
 * A study group as its members use it: the owner makes it and hosts, a friend joins by the invite
 * link, both play a group room signed in, the group leaderboard shows them both, and the weak-spot
 * round asks what they missed.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A study group in the browser")
class GroupsInTheBrowserTest {

  private static final String OWNER = "olive_owner";
  private static final String OWNER_PASSWORD = "owner of the group";
  private static final String MEMBER = "bea_member";
  private static final String MEMBER_PASSWORD = "member of the group";

  private static Quizhall quizhall;
  private static Api api;

  /** The owner's laptop: the group page and the host console. */
  private static Browser owner;

  /** The owner's phone, signed in as the owner, to play. */
  private static Browser ownerPhone;

  /** The invited member's phone. */
  private static Browser bea;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    owner = Browser.desktop("group-owner", quizhall.httpPort());
    ownerPhone = Browser.phone("group-owner-phone", quizhall.httpPort());
    bea = Browser.phone("group-member", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    Stream.of(owner, ownerPhone, bea).filter(b -> b != null).forEach(Browser::close);
    api.close();
    quizhall.close();
  }

  @Test
  @DisplayName(
      "create a group, invite, a friend joins by link, both play a group room, the leaderboard shows both, and a weak-spot round asks what was missed")
  void groupRoundTrip() {
    // The owner makes an account and a group.
    owner.go("/account/groups");
    signUp(owner, OWNER, OWNER_PASSWORD);
    owner.find("#group-name").sendKeys("Cell club");
    owner.find("#group-description").sendKeys("Biology 101, Thursday evenings");
    owner.screenshot("groups-mine");
    owner.find("#create-group").click();
    owner.textOf("#group-title", "Cell club");
    owner.textOf("#member-list", OWNER);
    String inviteLink = owner.find("#invite-link").getAttribute("href");
    String inviteCode = owner.find("#invite-code-text").getText();
    assertThat(inviteCode).matches("[A-Z0-9]{10}");
    assertThat(inviteLink).endsWith("/join/group/" + inviteCode);
    String groupPath = owner.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    assertThat(groupPath).matches("/account/groups/[0-9a-f-]{36}");
    owner.screenshot("group-owner");
    owner.screenshot("group-owner-invite", "#members-title");

    // The friend opens the invite link, makes an account on the spot, and joins.
    bea.go(inviteLink.replaceFirst("^https?://[^/]+", ""));
    bea.textOf("#gate-title", "invited");
    signUp(bea, MEMBER, MEMBER_PASSWORD);
    assertThat(bea.find("#invite-code").getAttribute("value"))
        .as("the code in the link is filled in")
        .isEqualTo(inviteCode);
    bea.screenshot("group-invite");
    bea.find("#join-group").click();
    bea.textOf("#group-title", "Cell club");
    assertThat(bea.textOf("#member-list", MEMBER)).contains(OWNER, "★ owner");
    assertThat(bea.all("#leave-group")).as("a member can leave").hasSize(1);
    assertThat(bea.all("#delete-group")).as("only the owner can delete").isEmpty();
    bea.screenshot("group-member", "#members-title");

    // The owner signs in on a phone too, to play as well as host.
    ownerPhone.go("/account");
    ownerPhone.find("#username").sendKeys(OWNER);
    ownerPhone.find("#password").sendKeys(OWNER_PASSWORD, Keys.ENTER);
    ownerPhone.find("#new-deck-title");

    // A group room of two questions, opened from the group page.
    owner.driver.navigate().refresh();
    owner.textOf("#member-list", MEMBER);
    String deckId = owner.find("#group-deck").getAttribute("value");
    setNumber(owner, "#group-question-count", 2);
    setNumber(owner, "#group-seconds", 240);
    owner.find("#open-group-room").click();
    String code = owner.find("#room-code").getText();
    assertThat(code).matches("[A-Z0-9]{6}");
    AnswerKey answerKey = new AnswerKey(quizhall.pool(), deckId);

    // Bea, on the group page, is told the room is open and goes straight into it.
    bea.go(groupPath);
    assertThat(bea.textOf("#live-rooms", "A live room is open"))
        .contains("room " + code, "waiting to start");
    bea.find("#live-rooms a.join-live").click();
    bea.waitUntil(
        "the join page of the room", () -> bea.driver.getCurrentUrl().endsWith("/join/" + code));
    joinSignedIn(ownerPhone, code, OWNER);
    joinSignedIn(bea, code, MEMBER);
    owner.textOf("#player-count", "2 players");
    owner.screenshot("group-room-lobby");

    owner.find("#next").click();
    String missed = null;
    for (int question = 0; question < 2; question++) {
      JsonObject key =
          answerKey.question(bea.find("#question-prompt").getAttribute("data-question-id"));
      answer(ownerPhone, key, true);
      // Bea gets the second question wrong: that is what the weak-spot round must come back to.
      answer(bea, key, question == 0);
      if (question == 1) {
        missed = key.getString("id");
        bea.textOf("#my-result", "Not right");
        bea.screenshot("group-room-reveal-wrong");
      } else {
        bea.textOf("#my-result", "Right");
      }
      owner.find("#next").click();
      owner.textOf("#next", question == 1 ? "Show the podium" : "Next question");
      owner.find("#next").click();
    }
    owner.textOf("#podium", MEMBER);
    owner.screenshot("group-room-podium");

    // The group leaderboard shows both members, by points and by accuracy.
    owner.go(groupPath);
    waitForLeaderboard(owner, OWNER, MEMBER);
    assertThat(owner.find("#lb-period-week").getAttribute("aria-selected")).isEqualTo("true");
    String byPoints = owner.find("#group-leaderboard tbody").getText();
    assertThat(byPoints.indexOf(OWNER))
        .as("the owner, right twice, is ahead")
        .isLessThan(byPoints.indexOf(MEMBER));
    owner.screenshot("group-leaderboard-week", "#leaderboard-title");
    owner.find("#lb-by-accuracy").click();
    owner.textOf("#group-leaderboard caption", "by accuracy");
    assertThat(owner.textOf("#group-leaderboard tbody", "50%")).contains("100%");
    owner.find("#lb-period-all").click();
    owner.textOf("#group-leaderboard caption", "All time");
    assertThat(owner.textOf("#group-leaderboard tbody", MEMBER)).contains(OWNER);
    owner.screenshot("group-leaderboard-all-time", "#leaderboard-title");

    // The member's own record has the game.
    bea.go("/account/record");
    bea.find("#record-history");
    bea.screenshot("my-record");
    assertThat(bea.textOf("#record-history tbody", "room " + code)).contains("2nd of 2");
    assertThat(bea.find("#record-totals").getText()).contains("50%");

    // The weak-spot round asks the question the group missed, and the reveal says how the group did
    // before.
    setNumber(owner, "#group-question-count", 5);
    setNumber(owner, "#group-seconds", 240);
    owner.find("#open-weak-round").click();
    String weakCode = owner.find("#room-code").getText();
    assertThat(weakCode).isNotEqualTo(code);
    // Asked for 5, it has the one question the group missed, and the console and the phone's lobby
    // say so.
    assertThat(owner.textOf("#round-note", "Review round"))
        .isEqualTo(
            "Review round: 1 question on what the group missed most – only 1 question the group missed (5 asked for).");
    joinSignedIn(bea, weakCode, MEMBER);
    assertThat(bea.textOf("#round-note", "Review round"))
        .contains("on what the group missed most", "only 1 question the group missed");
    owner.textOf("#player-count", "1 player");
    owner.find("#next").click();
    String asked = bea.find("#question-prompt").getAttribute("data-question-id");
    assertThat(answerKey.question(asked).getString("id"))
        .as("the weak-spot round opens with the question Bea got wrong")
        .isEqualTo(missed);
    bea.screenshot("weak-spot-question");
    answer(bea, answerKey.question(asked), true);
    assertThat(bea.textOf("#group-accuracy", "of the time before"))
        .isEqualTo("Your group got this right 50% of the time before.");
    bea.screenshot("weak-spot-reveal");
    owner.textOf("#group-accuracy", "50%");
    owner.screenshot("weak-spot-host-reveal");
  }

  private static void signUp(Browser browser, String username, String password) {
    browser.find("#tab-sign-up").click();
    browser.find("#username").sendKeys(username);
    browser.find("#password").sendKeys(password);
    browser.find("#account-submit").click();
    browser.waitUntil("the sign-in to finish", () -> browser.all("#account-form").isEmpty());
  }

  private static void setNumber(Browser browser, String css, int value) {
    WebElement input = browser.find(css);
    input.clear();
    input.sendKeys(String.valueOf(value));
  }

  /** Joins with the nickname the sign-in fills in, counting the game for the account. */
  private static void joinSignedIn(Browser player, String code, String username) {
    player.go("/join/" + code);
    assertThat(player.find("#nickname").getAttribute("value")).isEqualTo(username);
    assertThat(player.find("#count-for-account").isSelected())
        .as("a signed-in player's game counts for the account")
        .isTrue();
    if (username.equals(MEMBER)) player.screenshot("player-join-signed-in");
    player.find("#join-submit").click();
    player.find("#player-count");
  }

  private static void answer(Browser player, JsonObject key, boolean right) {
    player.find("#question-prompt");
    player.answer(AnswerKey.answerTo(key, right));
    player.waitUntil(
        "the answer to be locked in",
        () ->
            !player.all("#reveal-answer").isEmpty()
                || player.all("#answer-status").stream()
                    .anyMatch(s -> s.getText().contains("Answer locked in")));
  }

  /**
   * The group's games are written in batches, so the page's Refresh is pressed until both members
   * are in.
   */
  private static void waitForLeaderboard(Browser browser, String... names) {
    int[] polls = {0};
    browser.waitUntil(
        "the group leaderboard to show " + String.join(" and ", names),
        () -> {
          String text =
              browser.all("#group-leaderboard").stream()
                  .map(WebElement::getText)
                  .findFirst()
                  .orElse("");
          if (Stream.of(names).allMatch(text::contains)) return true;
          if (++polls[0] % 10 == 0 && !browser.all("#refresh-leaderboard").isEmpty())
            browser.find("#refresh-leaderboard").click();
          return false;
        });
  }
}
