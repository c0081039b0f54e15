package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.quizhall.account.Account;
import org.quizhall.account.Accounts;
import org.quizhall.limits.Limit;
import org.quizhall.limits.RateLimits;

/** Sign-up, sign-in, who-am-I and sign-out over REST. */
final class AccountRoutes {

  /** Account bodies are a name and a password: anything larger is not a real request. */
  static final long BODY_LIMIT = 64 * 1024;

  private final Accounts accounts;
  private final SignInGuard guard;
  private final RateLimits limits;

  private final ClientAddress clientAddress;
  private final LimitHits hits;

  AccountRoutes(Accounts accounts, ClientAddress clientAddress, LimitHits hits, RateLimits limits) {
    this.accounts = accounts;
    this.guard = new SignInGuard(limits);
    this.limits = limits;
    this.clientAddress = clientAddress;
    this.hits = hits;
  }

  private String address(RoutingContext ctx) {
    return clientAddress.of(ctx.request());
  }

  /** Refuses with 429 and Retry-After when {@code waitMs} is positive; true if it did. */
  private static boolean tooSoon(RoutingContext ctx, long waitMs, String message) {
    if (waitMs <= 0) {
      return false;
    }
    long seconds = Math.max(1, (waitMs + 999) / 1000);
    ctx.response().putHeader("Retry-After", String.valueOf(seconds));
    ApiErrors.send(
        ctx.response(), 429, "too_many_attempts", message + " Try again in " + seconds + " s.");
    return true;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post("/api/accounts").handler(body).handler(this::register);
    router.post("/api/sessions").handler(body).handler(this::signIn);
    router.get("/api/me").handler(this::me);
    router.delete("/api/sessions/current").handler(this::signOut);
    router.delete("/api/sessions").handler(this::signOutEverywhere);
    router.put("/api/me/password").handler(body).handler(this::changePassword);
  }

  private void changePassword(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    String token = BearerToken.from(ctx);
    // Counted per account, taken before the current password is checked (and given back when it is
    // right), so a
    // stolen session cannot send its guesses in parallel.
    accounts
        .authenticate(token)
        .compose(
            account ->
                limits
                    .take(Limit.PASSWORD_CHANGE_FAILURES_PER_ACCOUNT, account.id().toString())
                    .map(taken -> new Object[] {account, taken}))
        .onFailure(ctx::fail)
        .onSuccess(
            found -> {
              org.quizhall.account.Account account = (org.quizhall.account.Account) found[0];
              RateLimits.Taken taken = (RateLimits.Taken) found[1];
              if (tooSoon(ctx, taken.waitMs(), "Too many wrong current passwords.")) {
                hits.passwordChangeRefused();
                return;
              }
              accounts
                  .changePassword(
                      token,
                      JsonBodies.string(body, "currentPassword"),
                      JsonBodies.string(body, "newPassword"))
                  .onSuccess(
                      v ->
                          limits
                              .giveBack(
                                  Limit.PASSWORD_CHANGE_FAILURES_PER_ACCOUNT,
                                  account.id().toString())
                              .onComplete(given -> ctx.response().setStatusCode(204).end()))
                  .onFailure(
                      e -> {
                        boolean guessed =
                            e instanceof org.quizhall.problem.Problem p
                                && p.code().equals("wrong_credentials");
                        if (guessed) {
                          ctx.fail(e);
                        } else {
                          limits
                              .giveBack(
                                  Limit.PASSWORD_CHANGE_FAILURES_PER_ACCOUNT,
                                  account.id().toString())
                              .onComplete(given -> ctx.fail(e));
                        }
                      });
            });
  }

  private void signOutEverywhere(RoutingContext ctx) {
    accounts
        .signOutEverywhere(BearerToken.from(ctx))
        .onSuccess(ended -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void register(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    guard
        .createWaitMs(address(ctx))
        .onFailure(ctx::fail)
        .onSuccess(
            wait -> {
              if (tooSoon(ctx, wait, "Too many accounts were created from your address.")) {
                hits.signUpRefused();
                return;
              }
              accounts
                  .register(
                      JsonBodies.string(body, "username"), JsonBodies.string(body, "password"))
                  .onSuccess(account -> Responses.json(ctx, 201, accountJson(account)))
                  .onFailure(ctx::fail);
            });
  }

  private void signIn(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    String username = JsonBodies.string(body, "username");
    String password = JsonBodies.string(body, "password");
    String address = address(ctx);
    guard
        .attempt(username, address)
        .onFailure(ctx::fail)
        .onSuccess(
            attempt -> {
              if (tooSoon(ctx, attempt.waitMs(), "Too many failed sign-ins.")) {
                hits.signInRefused();
                return;
              }
              accounts
                  .signIn(username, password)
                  .compose(
                      session ->
                          guard
                              .signedIn(username, address, attempt)
                              // The session exists: a limit that could not be told is no reason to
                              // withhold it.
                              .recover(e -> Future.succeededFuture())
                              .map(session))
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
            });
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
