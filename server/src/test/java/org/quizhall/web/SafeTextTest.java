package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.TestServer;

/** Whatever people type, as a nickname or in their notes, is shown as text and never runs. */
@DisplayName("Text from people in the browser")
class SafeTextTest {

  private static final String PAYLOAD = "<img src=x onerror=alert(1)>";

  /**
   * Nicknames are at most 20 characters, so the nickname carries the shortest tag that would show
   * if parsed.
   */
  private static final String NICKNAME = "<img src=x>";

  private static Quizhall quizhall;
  private static Browser host;
  private static Browser player;

  @BeforeAll
  static void start() {
    quizhall = TestServer.start(Clock.systemUTC());
    host = Browser.desktop("safety-host", quizhall.httpPort());
    player = Browser.phone("safety-player", quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    Stream.of(host, player).filter(b -> b != null).forEach(Browser::close);
    quizhall.close();
  }

  @Test
  @DisplayName(
      "a deck title, a line of notes and a nickname holding HTML show as text, and no dialog opens")
  void htmlIsShownAsText() {
    host.go("/host");
    host.find("#tab-sign-up").click();
    host.find("#username").sendKeys("careful_host");
    host.find("#password").sendKeys("escaping matters");
    host.find("#account-submit").click();
    host.find("#deck-title").sendKeys(PAYLOAD);
    host.find("#deck-notes")
        .sendKeys(
            String.join(
                "\n",
                "# Web safety",
                "## Cross-site scripting",
                "- Attackers write " + PAYLOAD + " into forms",
                "- Escaping output stops it",
                "- Attackers hide scripts in user input",
                "## Content security policy",
                "- Blocks inline scripts",
                "- Limits where scripts load from",
                "- Is sent as a response header"));
    host.find("#create-deck").click();

    assertThat(host.textOf("#deck-title", PAYLOAD))
        .as("the title is shown as typed")
        .isEqualTo(PAYLOAD);
    assertThat(host.textOf("#app", "Attackers write " + PAYLOAD))
        .as("the notes line is shown as written")
        .contains("Attackers write " + PAYLOAD + " into forms");
    host.screenshot("safety-deck-preview");
    assertThat(host.dialogOpens()).as("a dialog opened on the deck preview").isFalse();
    assertThat(host.all("img[src='x']")).isEmpty();
    host.find("a[href='/host']").click();
    assertThat(host.textOf("#deck-list", PAYLOAD)).contains(PAYLOAD);
    assertThat(host.dialogOpens()).as("a dialog opened on the deck preview").isFalse();
    assertThat(host.all("img[src='x']")).isEmpty();

    host.driver.navigate().back();
    host.find("#open-room").click();
    String code = host.find("#room-code").getText();
    player.go("/join/" + code);
    player.find("#nickname").sendKeys(NICKNAME, Keys.ENTER);
    assertThat(player.textOf("#me-name", NICKNAME)).isEqualTo(NICKNAME);
    assertThat(host.textOf("#roster", NICKNAME)).contains(NICKNAME);
    player.screenshot("safety-player-lobby");
    host.screenshot("safety-host-roster");

    for (Browser browser : new Browser[] {host, player}) {
      assertThat(browser.dialogOpens()).as("a dialog opened").isFalse();
      assertThat(browser.all("img[src='x']")).as("an <img> was made from text").isEmpty();
    }
  }
}
