package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
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
}
