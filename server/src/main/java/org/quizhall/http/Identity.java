package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.function.BiFunction;
import org.quizhall.account.Account;
import org.quizhall.account.Accounts;

/** Who is asking: a signed-in account (required or optional) from the bearer token. */
final class Identity {

  private final Accounts accounts;

  Identity(Accounts accounts) {
    this.accounts = accounts;
  }

  Future<Account> required(RoutingContext ctx) {
    return accounts.authenticate(BearerToken.from(ctx));
  }

  /** The caller's account id, or null when no token was sent; a bad token is still refused. */
  Future<UUID> optionalId(RoutingContext ctx) {
    String token = BearerToken.from(ctx);
    return token == null
        ? Future.succeededFuture(null)
        : accounts.authenticate(token).map(Account::id);
  }

  /**
   * Answers a request about one thing named by the path's {@code id}, for the signed-in caller:
   * {@code action} gets its id (a malformed one is the same 404 {@code notFound} as an unknown one)
   * and the caller's, and its result is the answer with {@code status}.
   */
  void answerAbout(
      RoutingContext ctx,
      String notFound,
      int status,
      BiFunction<UUID, UUID, Future<JsonObject>> action) {
    UUID id = Ids.uuid(ctx, "id", notFound);
    required(ctx)
        .compose(account -> action.apply(id, account.id()))
        .onSuccess(result -> Responses.json(ctx, status, result))
        .onFailure(ctx::fail);
  }
}
