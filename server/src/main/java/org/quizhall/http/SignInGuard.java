package org.quizhall.http;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing and account farming. Failed sign-ins are counted per account name
 * and address together, and per address: after a few free failures each further one makes the next
 * attempt wait, twice as long each time (1 s, 2 s, 4 s ... up to 15 minutes), and a success clears
 * that pair's count. Counting per name alone let anyone keep an owner out by guessing once every 15
 * minutes; now the guesser waits and the owner, from an address that has not been guessing, signs in.
 * Addresses get more free failures than pairs, because a whole class often shares one address.
 * Account creation is limited per address and hour. Safe to use from every event loop.
 */
final class SignInGuard {

  static final int FREE_FAILURES_PER_NAME_AND_ADDRESS = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 50;
  static final long FIRST_WAIT_MS = 1_000;
  static final long MAX_WAIT_MS = 15 * 60_000;
  /** A school behind one address signs a whole year group up in an hour; a script farming accounts does not get far. */
  static final int ACCOUNTS_PER_ADDRESS_HOUR = 200;
  static final long HOUR_MS = 3_600_000;
  /** Right sign-ins from one address a minute: each costs a password hash; a class of 40 signs in well below. */
  static final int SIGN_INS_PER_ADDRESS_MINUTE = 120;
  static final long MINUTE_MS = 60_000;

  private record Failures(int count, long until, long lastAt) {}

  private record Window(long startedAt, int count) {}

  private final ConcurrentHashMap<String, Failures> byNameAndAddress = new ConcurrentHashMap<>();
  /**
   * Failures per account from every address together: guessing spread over many addresses. It slows only the
   * addresses that have themselves failed on the account, so the owner signing in from their own still gets in.
   */
  private final ConcurrentHashMap<String, Failures> byName = new ConcurrentHashMap<>();
  static final int FREE_FAILURES_PER_NAME = 50;
  private final ConcurrentHashMap<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Window> created = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Window> signIns = new ConcurrentHashMap<>();

  /** How long a sign-in for {@code name} from {@code address} must still wait; 0 when it may go ahead. */
  long signInWaitMs(String name, String address, long now) {
    Window w = signIns.get(address);
    long busy = w != null && now - w.startedAt() < MINUTE_MS && w.count() >= SIGN_INS_PER_ADDRESS_MINUTE
        ? w.startedAt() + MINUTE_MS - now : 0;
    Failures pair = byNameAndAddress.get(key(name, address));
    long spread = pair == null ? 0 : wait(byName.get(key(name, "")), now);
    return Math.max(Math.max(busy, spread), Math.max(wait(pair, now), wait(byAddress.get(address), now)));
  }

  /**
   * Counts a sign-in as failed before the password is checked (checking takes a moment on purpose),
   * so that guesses sent in parallel cannot all slip through before the first failure is counted.
   */
  void signInAttempted(String name, String address, long now) {
    byNameAndAddress.compute(key(name, address), (k, f) -> next(f, FREE_FAILURES_PER_NAME_AND_ADDRESS, now));
    byName.compute(key(name, ""), (k, f) -> next(f, FREE_FAILURES_PER_NAME, now));
    byAddress.compute(address, (k, f) -> next(f, FREE_FAILURES_PER_ADDRESS, now));
  }

  /** The attempt was right after all: the pair's count is cleared and the address's taken back by one. */
  /** The success also counts in {@code address}'s minute of sign-ins (each one cost a password hash). */
  void signedIn(String name, String address, long now) {
    signIns.compute(address, (k, w) -> w == null || now - w.startedAt() >= MINUTE_MS
        ? new Window(now, 1) : new Window(w.startedAt(), w.count() + 1));
    byNameAndAddress.remove(key(name, address));
    byAddress.computeIfPresent(address, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.until(), f.lastAt()));
  }

  /** How long an account creation from {@code address} must still wait; 0 when it may go ahead (and is counted). */
  long createWaitMs(String address, long now) {
    long[] wait = {0};
    created.compute(
        address,
        (k, w) -> {
          if (w == null || now - w.startedAt() >= HOUR_MS) {
            return new Window(now, 1);
          }
          if (w.count() >= ACCOUNTS_PER_ADDRESS_HOUR) {
            wait[0] = w.startedAt() + HOUR_MS - now;
            return w;
          }
          return new Window(w.startedAt(), w.count() + 1);
        });
    return wait[0];
  }

  /** Forgets what no longer holds anyone back, so the maps do not grow with every name and address ever seen. */
  void sweep(long now) {
    byName.values().removeIf(f -> f.until() <= now && now - f.lastAt() >= HOUR_MS);
    byNameAndAddress.values().removeIf(f -> f.until() <= now && now - f.lastAt() >= HOUR_MS);
    byAddress.values().removeIf(f -> f.until() <= now && now - f.lastAt() >= HOUR_MS);
    created.values().removeIf(w -> now - w.startedAt() >= HOUR_MS);
    signIns.values().removeIf(w -> now - w.startedAt() >= MINUTE_MS);
  }

  private static Failures next(Failures failures, int free, long now) {
    int count = failures == null ? 1 : failures.count() + 1;
    long until = now;
    if (count >= free) {
      int doublings = Math.min(count - free, 30);
      until = now + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS << doublings);
    }
    return new Failures(count, until, now);
  }

  private static long wait(Failures failures, long now) {
    return failures == null ? 0 : Math.max(0, failures.until() - now);
  }

  private static String key(String name, String address) {
    return (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) + '\u0000' + address;
  }
}
