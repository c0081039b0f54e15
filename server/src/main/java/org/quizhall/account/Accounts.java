package org.quizhall.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.quizhall.problem.Problem;

/** Sign-up, sign-in, who-am-I and sign-out. Slow hashing runs on worker threads. */
public final class Accounts {

  private static final String WRONG_CREDENTIALS = "The username or password is not right.";

  private final Vertx vertx;
  private final AccountStore store;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Duration sessionTtl;

  /** Compared against when the username is unknown, so both failures cost the same time. */
  private final String decoyHash;

  public Accounts(Vertx vertx, Pool pool, PasswordHasher hasher, Clock clock, Duration sessionTtl) {
    this.vertx = vertx;
    this.store = new AccountStore(pool);
    this.hasher = hasher;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
    this.decoyHash = hasher.hash("decoy password that matches nothing");
  }

  public Future<Account> register(String username, String password) {
    try {
      Credentials.checkUsername(username);
      Credentials.checkNewPassword(username, password);
    } catch (Problem invalid) {
      return Future.failedFuture(invalid);
    }
    return vertx
        .executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> store.insert(username, hash))
        .map(
            inserted ->
                inserted.orElseThrow(
                    () ->
                        Problem.conflict(
                            "username_taken",
                            "The username '" + username + "' is already taken.")));
  }

  public Future<Session> signIn(String username, String password) {
    if (username == null || password == null) {
      return Future.failedFuture(
          Problem.invalid("invalid_credentials", "username and password are both required."));
    }
    String folded = Credentials.fold(username);
    // A name no account can have never reaches the database; the password is still hashed, so the
    // answer takes
    // as long as for any other wrong name.
    Future<Optional<AccountStore.StoredAccount>> lookup =
        folded == null ? Future.succeededFuture(Optional.empty()) : store.findByUsername(folded);
    return lookup
        .compose(
            found ->
                vertx.executeBlocking(
                    () ->
                        passwordMatches(password, found)
                            ? found
                            : Optional.<AccountStore.StoredAccount>empty(),
                    false))
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(
                    Problem.unauthenticated("wrong_credentials", WRONG_CREDENTIALS));
              }
              return openSession(found.get().account());
            });
  }

  /** The account behind a bearer token, or an authentication problem. */
  public Future<Account> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(
          Problem.unauthenticated("not_signed_in", "Sign in first: this needs a bearer token."));
    }
    return store
        .findBySession(SessionToken.digest(token), clock.instant())
        .map(
            found ->
                found.orElseThrow(
                    () ->
                        Problem.unauthenticated(
                            "invalid_token",
                            "The session has expired or was signed out: sign in again.")));
  }

  public Future<Void> signOut(String token) {
    return authenticate(token)
        .compose(account -> store.deleteSession(SessionToken.digest(token)))
        .mapEmpty();
  }

  /**
   * Changes the password of the account behind {@code token} after checking the current one (a
   * stolen session alone cannot lock the owner out), and ends every other session: a device that
   * had the old password is out.
   */
  public Future<Void> changePassword(String token, String currentPassword, String newPassword) {
    if (currentPassword == null || newPassword == null) {
      return Future.failedFuture(
          Problem.invalid("invalid_field", "currentPassword and newPassword are both required."));
    }
    return authenticate(token)
        .compose(
            account -> {
              Credentials.checkNewPassword(account.username(), newPassword);
              return store
                  .passwordHash(account.id())
                  .compose(
                      stored ->
                          vertx.executeBlocking(
                              () -> {
                                if (stored.isEmpty()
                                    || !hasher.verify(currentPassword, stored.get())) {
                                  throw Problem.unauthenticated(
                                      "wrong_credentials", "The current password is not right.");
                                }
                                return hasher.hash(newPassword);
                              },
                              false))
                  .compose(
                      hash -> store.changePassword(account.id(), hash, SessionToken.digest(token)));
            });
  }

  /** Ends every session of the account behind {@code token}, this one included. */
  public Future<Integer> signOutEverywhere(String token) {
    return authenticate(token).compose(account -> store.deleteSessions(account.id()));
  }

  /** Removes sessions that can no longer be used; run now and then. */
  public Future<Integer> forgetExpiredSessions() {
    return store.deleteExpiredSessions(clock.instant());
  }

  private Future<Session> openSession(Account account) {
    String token = SessionToken.create();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(sessionTtl);
    return store
        .insertSession(SessionToken.digest(token), account.id(), now, expiresAt)
        .map(v -> new Session(token, expiresAt, account));
  }

  /** Always runs one hash, against the decoy when the name is unknown, so timing tells nothing. */
  private boolean passwordMatches(String password, Optional<AccountStore.StoredAccount> found) {
    return hasher.verify(
            password, found.map(AccountStore.StoredAccount::passwordHash).orElse(decoyHash))
        && found.isPresent();
  }
}
