package org.quizhall.account;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Every SQL statement about accounts and sessions, in one place. */
final class AccountStore {

  /** An account row with its stored hash, for the sign-in check only. */
  record StoredAccount(Account account, String passwordHash) {}

  private final Pool pool;

  AccountStore(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the account, or returns empty when the name is taken (in any letter case). */
  Future<Optional<Account>> insert(String username, String passwordHash) {
    return pool.preparedQuery(
            "INSERT INTO accounts (username, password_hash) VALUES ($1, $2)"
                + " ON CONFLICT ((lower(username))) DO NOTHING RETURNING id, username")
        .execute(Tuple.of(username, passwordHash))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  /**
   * @param username folded by {@link Credentials#fold}; lower() on both sides keeps a database's
   *     locale out of it
   */
  Future<Optional<StoredAccount>> findByUsername(String username) {
    return pool.preparedQuery(
            "SELECT id, username, password_hash FROM accounts WHERE lower(username) = lower($1)")
        .execute(Tuple.of(username))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(
                        new StoredAccount(
                            account(rows.iterator().next()),
                            rows.iterator().next().getString("password_hash"))));
  }

  Future<Void> insertSession(byte[] tokenDigest, UUID accountId, Instant now, Instant expiresAt) {
    return pool.preparedQuery(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at)"
                + " VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(Buffer.buffer(tokenDigest), accountId, utc(now), utc(expiresAt)))
        .mapEmpty();
  }

  Future<Optional<Account>> findBySession(byte[] tokenDigest, Instant now) {
    return pool.preparedQuery(
            "SELECT a.id, a.username FROM sessions s JOIN accounts a ON a.id = s.account_id"
                + " WHERE s.token_hash = $1 AND s.expires_at > $2")
        .execute(Tuple.of(Buffer.buffer(tokenDigest), utc(now)))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  Future<Boolean> deleteSession(byte[] tokenDigest) {
    return pool.preparedQuery("DELETE FROM sessions WHERE token_hash = $1")
        .execute(Tuple.of(Buffer.buffer(tokenDigest)))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The account's password hash, for checking the current password before a change. */
  Future<Optional<String>> passwordHash(UUID accountId) {
    return pool.preparedQuery("SELECT password_hash FROM accounts WHERE id = $1")
        .execute(Tuple.of(accountId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getString(0)));
  }

  /**
   * Sets a new password and ends every session of the account but {@code keep} (null: all of them).
   */
  Future<Void> changePassword(UUID accountId, String passwordHash, byte[] keep) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("UPDATE accounts SET password_hash = $2 WHERE id = $1")
                .execute(Tuple.of(accountId, passwordHash))
                .compose(
                    v ->
                        connection
                            .preparedQuery(
                                "DELETE FROM sessions WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2")
                            .execute(
                                Tuple.of(accountId, keep == null ? null : Buffer.buffer(keep))))
                .mapEmpty());
  }

  /** Ends every session of the account. */
  Future<Integer> deleteSessions(UUID accountId) {
    return pool.preparedQuery("DELETE FROM sessions WHERE account_id = $1")
        .execute(Tuple.of(accountId))
        .map(rows -> rows.rowCount());
  }

  Future<Integer> deleteExpiredSessions(Instant now) {
    return pool.preparedQuery("DELETE FROM sessions WHERE expires_at <= $1")
        .execute(Tuple.of(utc(now)))
        .map(rows -> rows.rowCount());
  }

  private static Account account(Row row) {
    return new Account(row.getUUID("id"), row.getString("username"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
