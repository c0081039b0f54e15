package org.quizhall.app;

/** A reason Quizhall cannot start, worded for the operator: what failed and what to do. */
public final class StartupException extends RuntimeException {

  private final String step;

  public StartupException(String message, Throwable cause) {
    this(null, message, cause);
  }

  /** The failure of one start-up step: {@code step} names it (the database, http...). */
  public StartupException(String step, String message, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  /** The start-up step that failed, or null when the failure was not a step's. */
  public String step() {
    return step;
  }
}
