package org.quizhall.limits;

import java.time.Duration;

/**
 * Every rate limit Quizhall applies, in one place: a bucket of {@code capacity} tokens per key (an
 * address, an account name, both), refilled evenly over {@code period}. Each limited act takes a
 * token; with none left it waits for the next. docs/operations.md lists them with their defaults.
 */
public enum Limit {
  /** Failed sign-ins for one account name from one address: five, then one every three minutes. */
  SIGN_IN_FAILURES_PER_NAME_AND_ADDRESS(5, Duration.ofMinutes(15)),
  /**
   * Failed sign-ins from one address, whatever the name: a class shares one address and mistypes,
   * so fifty, then one every eighteen seconds.
   */
  SIGN_IN_FAILURES_PER_ADDRESS(50, Duration.ofMinutes(15)),
  /**
   * Failed sign-ins for one account name from every address together (guessing spread over many
   * addresses). It slows only the addresses that have failed on that name themselves, never the
   * owner's own.
   */
  SIGN_IN_FAILURES_PER_NAME(50, Duration.ofMinutes(15)),
  /**
   * Password changes of one account that gave a wrong current password: a stolen session token must
   * not let anyone guess the password it was opened with. Five, then one every three minutes.
   */
  PASSWORD_CHANGE_FAILURES_PER_ACCOUNT(5, Duration.ofMinutes(15)),
  /**
   * Right sign-ins from one address: each costs a password hash; a class of 40 signs in well below
   * this.
   */
  SIGN_INS_PER_ADDRESS(120, Duration.ofMinutes(1)),
  /**
   * Accounts created from one address: a school signs a year group up in an hour; a script does not
   * get far.
   */
  ACCOUNTS_PER_ADDRESS(200, Duration.ofHours(1)),
  /**
   * Failed room look-ups from one address (unknown codes, wrong host tokens, QR codes of rooms that
   * do not exist): enough for a class mistyping a code, far too few for guessing 27^6 codes.
   */
  ROOM_LOOKUP_FAILURES_PER_ADDRESS(100, Duration.ofMinutes(1)),
  /** Messages one socket may send: bursts of 20, 20 a second on average. */
  SOCKET_MESSAGES(20, Duration.ofSeconds(1)),
  /**
   * Frames of any kind one socket may send, bad ones included; past it the socket is closed. A hard
   * 100 in each second, so a flood never gets more than 100 error replies out of the server before
   * it is cut off.
   */
  SOCKET_FRAMES(100, Duration.ofSeconds(1), true);

  private final int capacity;
  private final Duration period;
  private final boolean perWindow;

  Limit(int capacity, Duration period) {
    this(capacity, period, false);
  }

  /**
   * @param perWindow the tokens come back all at once each period, rather than one by one over it
   */
  Limit(int capacity, Duration period, boolean perWindow) {
    this.capacity = capacity;
    this.period = period;
    this.perWindow = perWindow;
  }

  /**
   * Whether the tokens come back all at once each period (a hard cap per second) rather than
   * evenly.
   */
  public boolean perWindow() {
    return perWindow;
  }

  public int capacity() {
    return capacity;
  }

  public Duration period() {
    return period;
  }

  /** The name used in keys and in the metrics: "sign_in_failures_per_address". */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
