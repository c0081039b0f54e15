package org.quizhall.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.quizhall.account.Account;
import org.quizhall.account.Accounts;

/** Sign-up, sign-in, who-am-I and sign-out over REST. */
final class AccountRoutes {

  /** Account bodies are a name and a password: anything larger is not a real request. */
  static final long BODY_LIMIT = 64 * 1024;

  private final Accounts accounts;

  AccountRoutes(Accounts accounts) {
    this.accounts = accounts;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post("/api/accounts").handler(body).handler(this::register);
    router.post("/api/sessions").handler(body).handler(this::signIn);
    router.get("/api/me").handler(this::me);
    router.delete("/api/sessions/current").handler(this::signOut);
  }

  private void register(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    accounts
        .register(JsonBodies.string(body, "username"), JsonBodies.string(body, "password"))
        .onSuccess(account -> Responses.json(ctx, 201, accountJson(account)))
        .onFailure(ctx::fail);
  }

  private void signIn(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    accounts
        .signIn(JsonBodies.string(body, "username"), JsonBodies.string(body, "password"))
        .onSuccess(
            session ->
                Responses.json(
                    ctx,
                    200,
                    new JsonObject()
                        .put("token", session.token())
                        .put("expiresAt", session.expiresAt().toString())
                        .put("account", accountJson(session.account()))))
        .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    accounts
        .authenticate(BearerToken.from(ctx))
        .onSuccess(account -> Responses.json(ctx, 200, accountJson(account)))
        .onFailure(ctx::fail);
  }

  private void signOut(RoutingContext ctx) {
    accounts
        .signOut(BearerToken.from(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static JsonObject accountJson(Account account) {
    return new JsonObject().put("id", account.id().toString()).put("username", account.username());
  }
}
