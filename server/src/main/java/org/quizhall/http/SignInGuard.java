package org.quizhall.http;

import io.vertx.core.Future;
import org.quizhall.account.Credentials;
import org.quizhall.limits.Limit;
import org.quizhall.limits.RateLimits;

/**
 * Slows down password guessing and account farming with the buckets of {@link RateLimits}. Failed sign-ins are
 * counted per account name and address together, and per address: after the free ones each further attempt waits for
 * its bucket to refill, and a right password clears that pair's count. Counting per name alone let anyone keep an
 * owner out by guessing now and then; now the guesser waits and the owner, from an address that has not been
 * guessing, signs in. Addresses get more free failures than pairs, because a whole class often shares one address.
 */
final class SignInGuard {

  private final RateLimits limits;

  SignInGuard(RateLimits limits) {
    this.limits = limits;
  }

  /** How long a sign-in for {@code name} from {@code address} must still wait; 0 when it may go ahead. */
  Future<Long> signInWaitMs(String name, String address) {
    String pair = pair(name, address);
    Future<Long> busy = limits.waitMs(Limit.SIGN_INS_PER_ADDRESS, address);
    Future<Long> pairWait = limits.waitMs(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS, pair);
    Future<Long> addressWait = limits.waitMs(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address);
    // Guessing spread over many addresses slows the addresses that took part in it, never the owner's own.
    Future<Long> spread = limits.used(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS, pair)
        .compose(used -> used ? limits.waitMs(Limit.SIGN_IN_FAILURES_PER_NAME, name(name)) : Future.succeededFuture(0L));
    return Future.all(busy, pairWait, addressWait, spread)
        .map(all -> Math.max(Math.max(busy.result(), pairWait.result()), Math.max(addressWait.result(), spread.result())));
  }

  /**
   * Counts a sign-in as failed before the password is checked (checking takes a moment on purpose), so that guesses
   * sent in parallel cannot all slip through before the first failure is counted.
   */
  Future<Void> signInAttempted(String name, String address) {
    return Future.all(
            limits.take(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS, pair(name, address)),
            limits.take(Limit.SIGN_IN_FAILURES_PER_NAME, name(name)),
            limits.take(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address))
        .mapEmpty();
  }

  /**
   * The attempt was right after all: the pair's failures are cleared, the address gets its token back, and the
   * success counts among the address's sign-ins of the minute (each one cost a password hash).
   */
  Future<Void> signedIn(String name, String address) {
    return Future.all(
            limits.take(Limit.SIGN_INS_PER_ADDRESS, address),
            limits.reset(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS, pair(name, address)),
            limits.giveBack(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address),
            limits.giveBack(Limit.SIGN_IN_FAILURES_PER_NAME, name(name)))
        .mapEmpty();
  }

  /** How long an account creation from {@code address} must still wait; 0 when it may go ahead (and is counted). */
  Future<Long> createWaitMs(String address) {
    return limits.take(Limit.ACCOUNTS_PER_ADDRESS, address);
  }

  /** One key per account, whatever the case it is typed in: the same folding the database lookup uses. */
  private static String name(String name) {
    String folded = name == null ? null : Credentials.fold(name);
    return folded == null ? "\u0001" + (name == null ? "" : name.strip()) : folded;
  }

  private static String pair(String name, String address) {
    return name(name) + '\u0000' + address;
  }
}
