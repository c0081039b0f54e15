package org.quizhall.app;

/** A reason Quizhall cannot start, worded for the operator: what failed and what to do. */
public final class StartupException extends RuntimeException {

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
