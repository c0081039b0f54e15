package org.quizhall.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-ins, sign-ups and password changes refused with 429 for coming too often; read by the
 * metrics.
 */
public final class LimitHits {

  private final AtomicLong signIns = new AtomicLong();
  private final AtomicLong signUps = new AtomicLong();
  private final AtomicLong passwordChanges = new AtomicLong();

  public long signIns() {
    return signIns.get();
  }

  public long signUps() {
    return signUps.get();
  }

  public long passwordChanges() {
    return passwordChanges.get();
  }

  void passwordChangeRefused() {
    passwordChanges.incrementAndGet();
  }

  void signInRefused() {
    signIns.incrementAndGet();
  }

  void signUpRefused() {
    signUps.incrementAndGet();
  }
}
