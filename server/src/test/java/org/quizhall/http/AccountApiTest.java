package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;
import static org.quizhall.testing.Api.errorMessage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
@DisplayName("Accounts over REST")
class AccountApiTest {

  private static final TestClock clock = new TestClock(Instant.parse("2026-11-01T09:00:00Z"));
  private static Quizhall quizhall;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(clock);
    api = new Api(vertx, quizhall.httpPort());
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  private static JsonObject credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password);
  }

  @Nested
  @DisplayName("signing up")
  class SigningUp {

    @Test
    @DisplayName("creates an account and answers 201 with its id and name")
    void created() {
      HttpResponse<Buffer> response =
          api.postJson("/api/accounts", credentials("grace_h", "analytical engine"));

      assertThat(response.statusCode()).isEqualTo(201);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("username")).isEqualTo("grace_h");
      assertThat(body.getString("id")).matches("[0-9a-f-]{36}");
      assertThat(body.fieldNames()).containsExactlyInAnyOrder("id", "username");
    }

    @Test
    @DisplayName("refuses a name that is taken in any letter case with 409")
    void duplicate() {
      assertThat(
              api.postJson("/api/accounts", credentials("Linus.T", "penguins rule")).statusCode())
          .isEqualTo(201);

      HttpResponse<Buffer> again =
          api.postJson("/api/accounts", credentials("linus.t", "another password"));

      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(errorCode(again)).isEqualTo("username_taken");
    }

    @ParameterizedTest(name = "username \"{0}\"")
    @ValueSource(
        strings = {
          "ab",
          "thirty-three-characters-long-name",
          "space name",
          "émile",
          "semi;colon",
          ""
        })
    @DisplayName("refuses a username outside 3-32 characters of [A-Za-z0-9_.-] and says so")
    void badUsername(String username) {
      HttpResponse<Buffer> response =
          api.postJson("/api/accounts", credentials(username, "long enough"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("invalid_username");
      assertThat(errorMessage(response)).contains("username");
    }

    @Test
    @DisplayName("accepts usernames of exactly 3 and 32 characters")
    void usernameBounds() {
      assertThat(api.postJson("/api/accounts", credentials("abc", "long enough")).statusCode())
          .isEqualTo(201);
      assertThat(
              api.postJson("/api/accounts", credentials("a".repeat(32), "long enough"))
                  .statusCode())
          .isEqualTo(201);
    }

    @Test
    @DisplayName("refuses a password shorter than 8 or longer than 256 characters")
    void badPassword() {
      HttpResponse<Buffer> tooShort =
          api.postJson("/api/accounts", credentials("shorty", "seven77"));
      HttpResponse<Buffer> tooLong =
          api.postJson("/api/accounts", credentials("longy", "x".repeat(257)));

      assertThat(tooShort.statusCode()).isEqualTo(400);
      assertThat(errorCode(tooShort)).isEqualTo("invalid_password");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(errorMessage(tooLong)).contains("password");
      assertThat(api.postJson("/api/sessions", credentials("shorty", "seven77")).statusCode())
          .isEqualTo(401);
    }

    @Test
    @DisplayName("refuses a field of the wrong JSON type, naming it")
    void wrongType() {
      HttpResponse<Buffer> response =
          api.postJson(
              "/api/accounts", new JsonObject().put("username", 42).put("password", "long enough"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("invalid_field");
      assertThat(errorMessage(response)).contains("username");
    }

    @Test
    @DisplayName("answers malformed JSON and non-object JSON with 400 malformed_json")
    void malformed() {
      HttpResponse<Buffer> broken =
          api.send(
              HttpMethod.POST,
              "/api/accounts",
              null,
              "application/json",
              Buffer.buffer("{\"username\": "));
      HttpResponse<Buffer> array =
          api.send(
              HttpMethod.POST, "/api/accounts", null, "application/json", Buffer.buffer("[1,2]"));
      HttpResponse<Buffer> empty =
          api.send(HttpMethod.POST, "/api/accounts", null, "application/json", Buffer.buffer());

      for (HttpResponse<Buffer> response : new HttpResponse[] {broken, array, empty}) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("malformed_json");
      }
    }

    @Test
    @DisplayName("answers a body that is not declared JSON with 415")
    void wrongContentType() {
      HttpResponse<Buffer> form =
          api.send(
              HttpMethod.POST,
              "/api/accounts",
              null,
              "application/x-www-form-urlencoded",
              Buffer.buffer("username=abc&password=long+enough"));
      HttpResponse<Buffer> none =
          api.send(
              HttpMethod.POST,
              "/api/accounts",
              null,
              null,
              credentials("abcd", "long enough").toBuffer());

      assertThat(form.statusCode()).isEqualTo(415);
      assertThat(errorCode(form)).isEqualTo("unsupported_media_type");
      assertThat(none.statusCode()).isEqualTo(415);
    }

    @Test
    @DisplayName("answers a body over 64 KiB with 413 and creates nothing")
    void tooLarge() {
      JsonObject huge = credentials("bigbody", "long enough").put("padding", "x".repeat(70 * 1024));

      HttpResponse<Buffer> response = api.postJson("/api/accounts", huge);

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(errorCode(response)).isEqualTo("body_too_large");
      assertThat(api.postJson("/api/sessions", credentials("bigbody", "long enough")).statusCode())
          .isEqualTo(401);
    }
  }

  @Nested
  @DisplayName("signing in and out")
  class Sessions {

    @Test
    @DisplayName("a sign-in returns a token that identifies the account at /api/me")
    void signInAndMe() {
      HttpResponse<Buffer> created =
          api.postJson("/api/accounts", credentials("ada", "lovelace1815"));
      HttpResponse<Buffer> session =
          api.postJson("/api/sessions", credentials("ADA", "lovelace1815"));

      assertThat(session.statusCode()).isEqualTo(200);
      String token = session.bodyAsJsonObject().getString("token");
      Instant expiresAt = Instant.parse(session.bodyAsJsonObject().getString("expiresAt"));
      assertThat(token).hasSizeGreaterThanOrEqualTo(43);
      assertThat(expiresAt).isEqualTo(clock.instant().plus(Duration.ofDays(30)));

      HttpResponse<Buffer> me = api.get("/api/me", token);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.bodyAsJsonObject().getString("id"))
          .isEqualTo(created.bodyAsJsonObject().getString("id"));
      assertThat(me.bodyAsJsonObject().getString("username")).isEqualTo("ada");
    }

    @Test
    @DisplayName("a wrong password and an unknown user get the same 401 answer")
    void wrongCredentials() {
      api.postJson("/api/accounts", credentials("babbage", "difference"));

      HttpResponse<Buffer> wrongPassword =
          api.postJson("/api/sessions", credentials("babbage", "difference!"));
      HttpResponse<Buffer> unknownUser =
          api.postJson("/api/sessions", credentials("nobody_here", "difference"));

      assertThat(wrongPassword.statusCode()).isEqualTo(401);
      assertThat(unknownUser.statusCode()).isEqualTo(401);
      assertThat(wrongPassword.bodyAsString()).isEqualTo(unknownUser.bodyAsString());
    }

    @Test
    @DisplayName(
        "after five wrong passwords an account waits (429, Retry-After), even for the right one; other accounts do not")
    void signInBackOff() {
      api.postJson("/api/accounts", credentials("lovelace", "analytical engine"));
      api.postJson("/api/accounts", credentials("hopper", "compiler first"));
      double limitedBefore = api.metric("quizhall_rate_limited_total{limit=\"sign_ins\"");
      for (int i = 0; i < 5; i++) {
        assertThat(
                api.postJson("/api/sessions", credentials("lovelace", "guess " + i)).statusCode())
            .isEqualTo(401);
      }

      HttpResponse<Buffer> right =
          api.postJson("/api/sessions", credentials("Lovelace", "analytical engine"));

      assertThat(right.statusCode()).isEqualTo(429);
      assertThat(errorCode(right)).isEqualTo("too_many_attempts");
      assertThat(Integer.parseInt(right.getHeader("Retry-After")))
          .as("until the next try, three minutes away")
          .isBetween(1, 180);
      assertThat(api.metric("quizhall_rate_limited_total{limit=\"sign_ins\""))
          .as("counted on /metrics")
          .isEqualTo(limitedBefore + 1);
      assertThat(
              api.postJson("/api/sessions", credentials("hopper", "compiler first")).statusCode())
          .as("another account from the same address")
          .isEqualTo(200);
    }

    @Test
    @DisplayName(
        "a username is one account in any case, and a look-alike outside its letters is no account at all")
    void usernameFolding() {
      assertThat(
              api.postJson("/api/accounts", credentials("irene_adler", "a scandal in bohemia"))
                  .statusCode())
          .isEqualTo(201);
      assertThat(
              api.postJson("/api/accounts", credentials("IRENE_ADLER", "another password here"))
                  .statusCode())
          .as("the same name in capitals")
          .isEqualTo(409);
      assertThat(
              api.postJson("/api/sessions", credentials("Irene_Adler", "a scandal in bohemia"))
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<Buffer> lookAlike =
          api.postJson("/api/sessions", credentials("\u0130rene_adler", "a scandal in bohemia"));
      assertThat(lookAlike.statusCode())
          .as("a dotted capital I is not the account's i")
          .isEqualTo(401);
      assertThat(errorCode(lookAlike)).isEqualTo("wrong_credentials");
      for (int i = 0; i < 5; i++) {
        String name =
            List.of("irene_adler", "IRENE_ADLER", "Irene_Adler", "iRENE_ADLER", "irene_ADLER")
                .get(i);
        assertThat(
                api.postJson("/api/sessions", credentials(name, "wrong guess " + i)).statusCode())
            .isEqualTo(401);
      }
      assertThat(
              api.postJson("/api/sessions", credentials("irene_adler", "a scandal in bohemia"))
                  .statusCode())
          .as("guesses in five spellings count as five against one name")
          .isEqualTo(429);
    }

    @Test
    @DisplayName(
        "a common password, or one equal to the username, is refused at sign-up and at a change")
    void weakPasswords() {
      for (String weak : List.of("password123", "Qwertyuiop", "iloveyou", "12345678")) {
        HttpResponse<Buffer> refused = api.postJson("/api/accounts", credentials("weakling", weak));
        assertThat(refused.statusCode()).as(weak).isEqualTo(400);
        assertThat(errorCode(refused)).isEqualTo("weak_password");
      }
      assertThat(errorCode(api.postJson("/api/accounts", credentials("samename1", "SameName1"))))
          .isEqualTo("weak_password");
      String token = api.signUpAndIn("changes_mind", "a long good passphrase");
      HttpResponse<Buffer> weakChange =
          api.send(
              io.vertx.core.http.HttpMethod.PUT,
              "/api/me/password",
              token,
              "application/json",
              new JsonObject()
                  .put("currentPassword", "a long good passphrase")
                  .put("newPassword", "password1")
                  .toBuffer());
      assertThat(errorCode(weakChange)).isEqualTo("weak_password");
      HttpResponse<Buffer> wrongCurrent =
          api.send(
              io.vertx.core.http.HttpMethod.PUT,
              "/api/me/password",
              token,
              "application/json",
              new JsonObject()
                  .put("currentPassword", "not it at all")
                  .put("newPassword", "another fine passphrase")
                  .toBuffer());
      assertThat(wrongCurrent.statusCode()).isEqualTo(401);
      assertThat(errorCode(wrongCurrent)).isEqualTo("wrong_credentials");
      assertThat(
              api.postJson("/api/sessions", credentials("changes_mind", "a long good passphrase"))
                  .statusCode())
          .as("nothing changed")
          .isEqualTo(200);
    }

    @Test
    @DisplayName("a stolen session cannot guess its account's password through a password change")
    void passwordChangeBackOff() {
      String token = api.signUpAndIn("stolen_session", "the real passphrase");
      double limitedBefore = api.metric("quizhall_rate_limited_total{limit=\"password_changes\"");
      for (int i = 0; i < 5; i++) {
        HttpResponse<Buffer> guess =
            api.send(
                io.vertx.core.http.HttpMethod.PUT,
                "/api/me/password",
                token,
                "application/json",
                new JsonObject()
                    .put("currentPassword", "guess " + i)
                    .put("newPassword", "taken over now")
                    .toBuffer());
        assertThat(guess.statusCode()).isEqualTo(401);
      }
      HttpResponse<Buffer> right =
          api.send(
              io.vertx.core.http.HttpMethod.PUT,
              "/api/me/password",
              token,
              "application/json",
              new JsonObject()
                  .put("currentPassword", "the real passphrase")
                  .put("newPassword", "taken over now")
                  .toBuffer());
      assertThat(right.statusCode()).as("even the right one waits now").isEqualTo(429);
      assertThat(right.getHeader("Retry-After")).isNotNull();
      assertThat(api.metric("quizhall_rate_limited_total{limit=\"password_changes\""))
          .as("counted on /metrics")
          .isEqualTo(limitedBefore + 1);
      assertThat(
              api.postJson("/api/sessions", credentials("stolen_session", "the real passphrase"))
                  .statusCode())
          .as("the password was not changed")
          .isEqualTo(200);
    }

    @Test
    @DisplayName("a missing field in a sign-in is a 400, not a 5xx")
    void missingField() {
      HttpResponse<Buffer> response =
          api.postJson("/api/sessions", new JsonObject().put("username", "ada"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("invalid_credentials");
    }

    @Test
    @DisplayName("/api/me without a token or with an unknown token is 401")
    void noToken() {
      HttpResponse<Buffer> none = api.get("/api/me");
      HttpResponse<Buffer> unknown = api.get("/api/me", "not-a-real-token");

      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(errorCode(none)).isEqualTo("not_signed_in");
      assertThat(unknown.statusCode()).isEqualTo(401);
      assertThat(errorCode(unknown)).isEqualTo("invalid_token");
    }

    @Test
    @DisplayName("signing out answers 204 and the token stops working")
    void signOut() {
      String token = api.signUpAndIn("leaving_user", "see you later");

      HttpResponse<Buffer> out = api.delete("/api/sessions/current", token);

      assertThat(out.statusCode()).isEqualTo(204);
      assertThat(api.get("/api/me", token).statusCode()).isEqualTo(401);
      assertThat(api.delete("/api/sessions/current", token).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a token stops working once it expires after 30 days")
    void expiry() {
      String token = api.signUpAndIn("time_traveller", "tick tock clock");
      assertThat(api.get("/api/me", token).statusCode()).isEqualTo(200);

      clock.advance(Duration.ofDays(30).plusSeconds(1));
      try {
        HttpResponse<Buffer> expired = api.get("/api/me", token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(errorCode(expired)).isEqualTo("invalid_token");
      } finally {
        clock.advance(Duration.ofDays(-30).minusSeconds(1));
      }
    }
  }

  @Nested
  @DisplayName("errors and operations")
  class Operations {

    @Test
    @DisplayName("an unknown route is a JSON 404")
    void unknownRoute() {
      HttpResponse<Buffer> api404 = api.get("/api/nothing-here");
      HttpResponse<Buffer> page404 = api.get("/no/such/page.html");

      assertThat(api404.statusCode()).isEqualTo(404);
      assertThat(errorCode(api404)).isEqualTo("not_found");
      assertThat(page404.statusCode()).isEqualTo(404);
      assertThat(page404.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    @DisplayName("health: live and ready (the database answers) are both UP")
    void health() {
      HttpResponse<Buffer> live = api.get("/health/live");
      HttpResponse<Buffer> ready = api.get("/health/ready");

      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("UP");
      assertThat(ready.bodyAsString()).contains("database");
    }

    @Test
    @DisplayName("/metrics serves Prometheus text including HTTP server metrics")
    void metrics() {
      api.get("/health/live");

      HttpResponse<Buffer> metrics = api.get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.bodyAsString()).contains("# TYPE").contains("vertx_http_server_requests");
    }

    @Test
    @DisplayName("the landing page is served with a Content-Security-Policy")
    void landingPage() {
      HttpResponse<Buffer> page = api.get("/");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.bodyAsString()).contains("Quizhall");
      assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    @DisplayName("neither a password nor a token ever appears in the log")
    void secretsStayOutOfLogs() {
      Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      ListAppender<ILoggingEvent> captured = new ListAppender<>();
      captured.start();
      root.addAppender(captured);
      try {
        String password = "super-secret-pass-9431";
        String token = api.signUpAndIn("logged_user", password);
        api.get("/api/me", token);
        api.postJson("/api/sessions", credentials("logged_user", password + "x"));
        api.delete("/api/sessions/current", token);

        assertThat(captured.list).isNotEmpty();
        assertThat(captured.list)
            .extracting(ILoggingEvent::getFormattedMessage)
            .noneMatch(line -> line.contains(password) || line.contains(token));
      } finally {
        root.detachAppender(captured);
      }
    }
  }
}
