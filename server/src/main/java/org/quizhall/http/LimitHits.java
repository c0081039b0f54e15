package org.quizhall.http;

import java.util.concurrent.atomic.AtomicLong;

/** Sign-ins and sign-ups refused with 429 for coming too often from one name or address; read by the metrics. */
public final class LimitHits {

  private final AtomicLong signIns = new AtomicLong();
  private final AtomicLong signUps = new AtomicLong();

  public long signIns() {
    return signIns.get();
  }

  public long signUps() {
    return signUps.get();
  }

  void signInRefused() {
    signIns.incrementAndGet();
  }

  void signUpRefused() {
    signUps.incrementAndGet();
  }
}
