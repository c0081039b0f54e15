package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.Closing;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/**
 * A console opened on localhost, as the README's first run does: phones are sent to an address they
 * can open.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The join address on a console opened on localhost")
class JoinAddressInTheBrowserTest {

  @RegisterExtension final Closing open = new Closing();

  /**
   * A console on 127.0.0.1 for a room opened there, on a machine with the given network addresses.
   */
  private Browser console(Vertx vertx, List<String> networkAddresses, String name) {
    Quizhall server =
        TestServer.start(
            Clock.systemUTC(), TestDatabase.fresh(), new JsonObject(), networkAddresses);
    open.add(server);
    Api api = new Api(vertx, server.httpPort());
    open.add(api);
    String token = api.signUpAndIn(name, "hosting on localhost");
    JsonObject room = api.openRoom(token, api.firstDeckId(token), 1, 60);
    Browser browser = Browser.projector(name, server.httpPort());
    open.add(browser);
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
    return browser;
  }

  @Test
  @DisplayName("names the machine's network address in a notice, the join link and the QR code")
  void networkAddressOffered(Vertx vertx) {
    Browser browser = console(vertx, List.of("192.168.1.20"), "lan_console");
    String origin = "http://192.168.1.20:" + browser.script("return location.port;");

    browser.textOf("#join-notice", "Phones cannot open localhost: ask players to open " + origin);
    assertThat(browser.find("#join-link").getAttribute("href")).startsWith(origin + "/join/");
    assertThat(browser.find("#join-link").getText()).startsWith("192.168.1.20:");
    assertThat(browser.script("return document.querySelector('#qr').naturalWidth > 0;"))
        .as("the QR code (its link is checked in PublicSiteTest)")
        .isEqualTo(true);
    browser.screenshot("console-on-localhost", ".join-panel");
  }

  @Test
  @DisplayName(
      "a console opened in another window by the signed-in owner shows the same link, from the server")
  void otherWindowGetsTheLink(Vertx vertx) {
    Quizhall server =
        TestServer.start(
            Clock.systemUTC(), TestDatabase.fresh(), new JsonObject(), List.of("192.168.1.20"));
    open.add(server);
    Api api = new Api(vertx, server.httpPort());
    open.add(api);
    String token = api.signUpAndIn("other_window", "hosting from a second window");
    JsonObject room = api.openRoom(token, api.firstDeckId(token), 1, 60);
    Browser browser = Browser.projector("other_window", server.httpPort());
    open.add(browser);
    browser.go("/");
    browser.script(
        "localStorage.setItem('quizhall.session', JSON.stringify({token: arguments[0], username: 'other_window'}));",
        token);
    browser.go("/host/" + room.getString("code"));
    browser.find("#room-code");
    String origin = "http://192.168.1.20:" + browser.script("return location.port;");
    browser.waitUntil(
        "the link from the server",
        () -> browser.find("#join-link").getText().startsWith("192.168.1.20:"));
    assertThat(browser.find("#join-link").getAttribute("href"))
        .isEqualTo(origin + "/join/" + room.getString("code"));
    browser.textOf("#join-notice", "ask players to open " + origin);
  }

  @Test
  @DisplayName("without a network address, says how to give phones one")
  void noNetworkAddress(Vertx vertx) {
    Browser browser = console(vertx, List.of(), "no_lan_console");

    browser.textOf("#join-notice", "set QUIZHALL_PUBLIC_URL");
    assertThat(browser.find("#join-link").getAttribute("href")).startsWith("http://127.0.0.1:");
  }
}
