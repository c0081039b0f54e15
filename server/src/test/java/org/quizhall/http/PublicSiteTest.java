package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;
import org.quizhall.testing.Api;
import org.quizhall.testing.Closing;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/** How the server presents itself to the outside: metrics, host names, TLS and the join link. */
@ExtendWith(VertxExtension.class)
@DisplayName("The public face of the server")
class PublicSiteTest {

  @RegisterExtension final Closing open = new Closing();

  private Quizhall start(JsonObject settings) {
    Quizhall server =
        TestServer.start(
            new TestClock(Instant.parse("2026-12-01T10:00:00Z")), TestDatabase.fresh(), settings);
    open.add(server);
    return server;
  }

  private WebClient client(Vertx vertx) {
    WebClient client = WebClient.create(vertx);
    open.add(client::close);
    return client;
  }

  @Test
  @DisplayName(
      "/metrics answers this machine, or the holder of the metrics token; a client behind a proxy gets 404")
  void metrics(Vertx vertx) {
    Quizhall local = start(new JsonObject().put(QuizhallConfig.TRUSTED_PROXIES, "127.0.0.1"));
    WebClient web = client(vertx);
    assertThat(web.get(local.httpPort(), "127.0.0.1", "/metrics").send().await().statusCode())
        .isEqualTo(200);
    HttpResponse<Buffer> outsider =
        web.get(local.httpPort(), "127.0.0.1", "/metrics")
            .putHeader("X-Forwarded-For", "198.51.100.7")
            .send()
            .await();
    assertThat(outsider.statusCode()).as("a client the proxy forwards").isEqualTo(404);
    assertThat(outsider.bodyAsString()).doesNotContain("jvm_");

    Quizhall tokened =
        start(new JsonObject().put(QuizhallConfig.METRICS_TOKEN, "scrape-secret-123"));
    assertThat(web.get(tokened.httpPort(), "127.0.0.1", "/metrics").send().await().statusCode())
        .as("with a token set, even this machine needs it")
        .isEqualTo(404);
    assertThat(
            web.get(tokened.httpPort(), "127.0.0.1", "/metrics")
                .bearerTokenAuthentication("wrong")
                .send()
                .await()
                .statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> scraped =
        web.get(tokened.httpPort(), "127.0.0.1", "/metrics")
            .bearerTokenAuthentication("scrape-secret-123")
            .send()
            .await();
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.bodyAsString()).contains("quizhall_rooms_open");
  }

  @Test
  @DisplayName(
      "with host names set, a request naming another host is refused (DNS rebinding); health checks pass")
  void hostNames(Vertx vertx) {
    Quizhall server = start(new JsonObject().put(QuizhallConfig.ALLOWED_HOSTS, "quiz.example.org"));
    WebClient web = client(vertx);
    HttpResponse<Buffer> other =
        web.get(server.httpPort(), "127.0.0.1", "/api/decks")
            .virtualHost("evil.example.net")
            .send()
            .await();
    assertThat(other.statusCode()).isEqualTo(421);
    assertThat(Api.errorCode(other)).isEqualTo("unknown_host");
    assertThat(
            web.get(server.httpPort(), "127.0.0.1", "/api/decks")
                .virtualHost("quiz.example.org")
                .send()
                .await()
                .statusCode())
        .isEqualTo(200);
    assertThat(
            web.get(server.httpPort(), "127.0.0.1", "/health/live")
                .virtualHost("evil.example.net")
                .send()
                .await()
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "the join link and QR code use the public URL, never the request's Host; HTTPS sites send HSTS")
  void publicUrl(Vertx vertx) {
    Quizhall server =
        start(new JsonObject().put(QuizhallConfig.PUBLIC_URL, "https://quiz.example.org/"));
    Api api = new Api(vertx, server.httpPort());
    open.add(api);
    String token = api.signUpAndIn("public_host", "hosting in public");
    JsonObject room = api.openRoom(token, api.firstDeckId(token), 1, 20);
    assertThat(room.getString("joinUrl"))
        .isEqualTo("https://quiz.example.org/join/" + room.getString("code"));
    HttpResponse<Buffer> page =
        client(vertx)
            .get(server.httpPort(), "127.0.0.1", "/")
            .virtualHost("attacker.example")
            .send()
            .await();
    assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");

    Quizhall plain = start(new JsonObject());
    HttpResponse<Buffer> http =
        client(vertx)
            .get(plain.httpPort(), "127.0.0.1", "/")
            .putHeader("X-Forwarded-Proto", "https")
            .send()
            .await();
    assertThat(http.getHeader("Strict-Transport-Security"))
        .as("an untrusted X-Forwarded-Proto is not believed")
        .isNull();
  }

  @Test
  @DisplayName(
      "without a public URL, a host on localhost gets the join link and QR on this machine's network address")
  void localhostHostGetsTheNetworkAddress(Vertx vertx) {
    Quizhall server =
        TestServer.start(
            new TestClock(Instant.parse("2026-12-01T10:00:00Z")),
            TestDatabase.fresh(),
            new JsonObject(),
            List.of("192.168.1.20", "10.0.0.5"));
    open.add(server);
    int port = server.httpPort();
    Api api = new Api(vertx, port);
    open.add(api);
    String token = api.signUpAndIn("lan_host", "hosting on the lan");
    String code = api.openRoom(token, api.firstDeckId(token), 1, 20).getString("code");
    WebClient web = client(vertx);

    // The console asks for the room the way the host's browser does: Host names localhost,
    // 127.0.0.1 or [::1].
    String lanLink = "http://192.168.1.20:" + port + "/join/" + code;
    for (String loopback : List.of("localhost", "127.0.0.1", "[::1]")) {
      JsonObject room =
          web.post(port, "127.0.0.1", "/api/rooms")
              .putHeader("Host", loopback + ":" + port)
              .bearerTokenAuthentication(token)
              .sendJsonObject(
                  new JsonObject().put("deckId", api.firstDeckId(token)).put("questionCount", 1))
              .await()
              .bodyAsJsonObject();
      assertThat(room.getString("joinUrl"))
          .as("opened on " + loopback)
          .isEqualTo("http://192.168.1.20:" + port + "/join/" + room.getString("code"));
      HttpResponse<Buffer> qr =
          web.get(port, "127.0.0.1", "/api/rooms/" + code + "/qr.svg")
              .putHeader("Host", loopback + ":" + port)
              .send()
              .await();
      assertThat(qr.bodyAsString()).as("QR on " + loopback).isEqualTo(JoinCodes.svg(lanLink));
    }

    HttpResponse<Buffer> named =
        web.get(port, "127.0.0.1", "/api/rooms/" + code + "/qr.svg")
            .putHeader("Host", "quiz.school.lan:" + port)
            .send()
            .await();
    assertThat(named.bodyAsString())
        .as("a host on a network name keeps it")
        .isEqualTo(JoinCodes.svg("http://quiz.school.lan:" + port + "/join/" + code));

    // With host names configured, a network address not among them would be refused (421): the link
    // stays put.
    Quizhall named2 =
        TestServer.start(
            new TestClock(Instant.parse("2026-12-01T10:00:00Z")),
            TestDatabase.fresh(),
            new JsonObject().put(QuizhallConfig.ALLOWED_HOSTS, "localhost,127.0.0.1"),
            List.of("192.168.1.20"));
    open.add(named2);
    Api namedApi = new Api(vertx, named2.httpPort());
    open.add(namedApi);
    String namedHost = namedApi.signUpAndIn("named_host", "hosting by name only");
    JsonObject namedRoom =
        web.post(named2.httpPort(), "127.0.0.1", "/api/rooms")
            .putHeader("Host", "localhost:" + named2.httpPort())
            .bearerTokenAuthentication(namedHost)
            .sendJsonObject(
                new JsonObject()
                    .put("deckId", namedApi.firstDeckId(namedHost))
                    .put("questionCount", 1))
            .await()
            .bodyAsJsonObject();
    assertThat(namedRoom.getString("joinUrl"))
        .as("no link to an address the server refuses")
        .doesNotContain("192.168.1.20");

    Quizhall alone = start(new JsonObject());
    Api offline = new Api(vertx, alone.httpPort());
    open.add(offline);
    String other = offline.signUpAndIn("no_lan_host", "hosting with no lan");
    JsonObject room = offline.openRoom(other, offline.firstDeckId(other), 1, 20);
    assertThat(room.getString("joinUrl"))
        .as("a machine on no network keeps the address the host used")
        .isEqualTo("http://127.0.0.1:" + alone.httpPort() + "/join/" + room.getString("code"));
  }
}
