package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
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

@ExtendWith(VertxExtension.class)
@DisplayName("Open rooms per account")
class OpenRoomsTest {

  @RegisterExtension final Closing open = new Closing();

  @Test
  @DisplayName(
      "one account holds at most the configured rooms open at once; other accounts are not held back")
  void capped(Vertx vertx) {
    Quizhall server =
        TestServer.start(
            new TestClock(Instant.parse("2026-12-01T10:00:00Z")),
            TestDatabase.fresh(),
            new JsonObject().put(QuizhallConfig.OPEN_ROOMS_PER_ACCOUNT, 2));
    open.add(server);
    Api api = new Api(vertx, server.httpPort());
    open.add(api);
    String script = api.signUpAndIn("room_hoarder", "opens rooms all day");
    String deck = api.firstDeckId(script);
    api.openRoom(script, deck, 1, 20);
    api.openRoom(script, deck, 1, 20);
    HttpResponse<Buffer> third =
        api.postJson("/api/rooms", new JsonObject().put("deckId", deck), script);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(Api.errorCode(third)).isEqualTo("too_many_rooms");
    String teacher = api.signUpAndIn("other_teacher", "one class today");
    assertThat(api.openRoom(teacher, deck, 1, 20).getString("code"))
        .as("another account")
        .isNotBlank();
  }

  @Test
  @DisplayName(
      "a host's open rooms are listed as opened at the server's time, however far it is from the database's")
  void openedOnTheServersClock(Vertx vertx) {
    // Years from the database's own clock: a room recorded at the database's time would look 12
    // hours stale and drop off the host's list.
    TestClock clock = new TestClock(Instant.parse("2031-05-01T09:00:00Z"));
    Quizhall server = open.add(TestServer.start(clock, TestDatabase.fresh()));
    Api api = open.add(new Api(vertx, server.httpPort()));
    String host = api.signUpAndIn("far_future_host", "hosts in another year");
    String code = api.openRoom(host, api.firstDeckId(host), 1, 20).getString("code");

    JsonArray rooms = api.get("/api/rooms", host).bodyAsJsonArray();

    assertThat(rooms).hasSize(1);
    assertThat(rooms.getJsonObject(0).getString("code")).isEqualTo(code);
    assertThat(Instant.parse(rooms.getJsonObject(0).getString("openedAt")))
        .isEqualTo(clock.instant());
  }

  @Test
  @DisplayName("a weak-spot round outside a group is refused with the reason, and no room opens")
  void weakSpotsNeedAGroup(Vertx vertx) {
    Quizhall server =
        TestServer.start(
            new TestClock(Instant.parse("2026-12-01T10:00:00Z")), TestDatabase.fresh());
    open.add(server);
    Api api = new Api(vertx, server.httpPort());
    open.add(api);
    String host = api.signUpAndIn("lone_reviewer", "reviews alone at night");
    String deck = api.firstDeckId(host);
    HttpResponse<Buffer> refused =
        api.postJson(
            "/api/rooms", new JsonObject().put("deckId", deck).put("weakSpots", true), host);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Api.errorCode(refused)).isEqualTo("invalid_field");
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("groupId");
    assertThat(api.get("/api/rooms", host).bodyAsJsonArray()).isEmpty();
  }
}
