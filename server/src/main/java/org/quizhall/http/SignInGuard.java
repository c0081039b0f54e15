package org.quizhall.http;

import io.vertx.core.Future;
import org.quizhall.account.Credentials;
import org.quizhall.limits.Limit;
import org.quizhall.limits.RateLimits;

/**
 * Slows down password guessing and account farming with the buckets of {@link RateLimits}. A
 * sign-in takes its tokens before the password is checked (checking takes a moment on purpose), so
 * guesses sent in parallel, to one node or to several, cannot slip through before they are counted:
 * per account name and address together, and per address; a right password gives them back.
 * Counting per name alone let anyone keep an owner out by guessing now and then; now the guesser
 * waits and the owner, from an address that has not been guessing, signs in. Addresses get more
 * free failures than pairs, because a whole class often shares one address.
 */
final class SignInGuard {

  /**
   * Earlier failures of a pair after which guessing spread over addresses slows it too: one typo is
   * not enough.
   */
  static final int SPREAD_AFTER = 2;

  private final RateLimits limits;

  SignInGuard(RateLimits limits) {
    this.limits = limits;
  }

  /**
   * What counting a sign-in took, to give back if the password is right; or how long it must wait.
   */
  record Attempt(long waitMs, boolean pairTaken, boolean nameTaken, boolean addressTaken) {
    boolean allowed() {
      return waitMs == 0;
    }
  }

  /**
   * Counts a sign-in for {@code name} from {@code address} as failed until its password is found
   * right. The address is counted first, so a refused address stores nothing per name; a refused
   * attempt takes nothing.
   */
  Future<Attempt> attempt(String name, String address) {
    String pair = pair(name, address);
    return limits
        .waitMs(Limit.SIGN_INS_PER_ADDRESS, address)
        .compose(
            busy -> {
              if (busy > 0) {
                return Future.succeededFuture(new Attempt(busy, false, false, false));
              }
              return limits
                  .take(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address)
                  .compose(
                      byAddress -> {
                        if (!byAddress.taken()) {
                          return Future.succeededFuture(
                              new Attempt(byAddress.waitMs(), false, false, false));
                        }
                        return limits
                            .take(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS, pair)
                            .compose(
                                byPair -> {
                                  if (!byPair.taken()) {
                                    return limits
                                        .giveBack(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address)
                                        .map(new Attempt(byPair.waitMs(), false, false, false));
                                  }
                                  int earlier =
                                      Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS.capacity()
                                          - 1
                                          - (int) byPair.left();
                                  return limits
                                      .take(Limit.SIGN_IN_FAILURES_PER_NAME, name(name))
                                      .compose(
                                          byName -> {
                                            // Guessing spread over many addresses slows the
                                            // addresses that keep failing on the name, never the
                                            // owner's own, nor one that mistyped once.
                                            if (!byName.taken() && earlier >= SPREAD_AFTER) {
                                              return Future.all(
                                                      limits.giveBack(
                                                          Limit.SIGN_IN_FAILURES_PER_ADDRESS,
                                                          address),
                                                      limits.giveBack(
                                                          Limit
                                                              .SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS,
                                                          pair))
                                                  .map(
                                                      new Attempt(
                                                          byName.waitMs(), false, false, false));
                                            }
                                            return Future.succeededFuture(
                                                new Attempt(0, true, byName.taken(), true));
                                          });
                                });
                      });
            });
  }

  /**
   * The attempt was right after all: the pair's failures are cleared, the tokens it took come back,
   * and the success counts among the address's sign-ins of the minute (each one cost a password
   * hash).
   */
  Future<Void> signedIn(String name, String address, Attempt attempt) {
    return Future.all(
            limits.take(Limit.SIGN_INS_PER_ADDRESS, address),
            limits.reset(Limit.SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS, pair(name, address)),
            attempt.addressTaken()
                ? limits.giveBack(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address)
                : Future.succeededFuture(),
            attempt.nameTaken()
                ? limits.giveBack(Limit.SIGN_IN_FAILURES_PER_NAME, name(name))
                : Future.succeededFuture())
        .mapEmpty();
  }

  /**
   * How long an account creation from {@code address} must still wait; 0 when it may go ahead (and
   * is counted).
   */
  Future<Long> createWaitMs(String address) {
    return limits.take(Limit.ACCOUNTS_PER_ADDRESS, address).map(RateLimits.Taken::waitMs);
  }

  /**
   * One key per account, whatever the case it is typed in: the same folding the database lookup
   * uses. Names no account can have share one key, so made-up names cannot fill the limits' memory.
   */
  private static String name(String name) {
    String folded = name == null ? null : Credentials.fold(name);
    return folded == null ? "\u0001not-a-username" : folded;
  }

  private static String pair(String name, String address) {
    return name(name) + '\u0000' + address;
  }
}
