package org.quizhall.problem;

/**
 * A failure the person on the other end caused and can act on: bad input, a missing sign-in, a name
 * already taken. Every capability reports these one way, and the HTTP and WebSocket edges turn them
 * into the one error shape ({@code {"error":{"code","message"}}}).
 */
public final class Problem extends RuntimeException {

  /** What sort of failure this is; the edges map each kind to a status or close code. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    UNSUPPORTED_MEDIA,
    UNPROCESSABLE,
    TOO_MANY_REQUESTS,
    /** Not the caller's fault: a part the server needs (the database) is not answering. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;

  public Problem(Kind kind, String code, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
  }

  public static Problem invalid(String code, String message) {
    return new Problem(Kind.INVALID, code, message);
  }

  public static Problem unauthenticated(String code, String message) {
    return new Problem(Kind.UNAUTHENTICATED, code, message);
  }

  public static Problem notFound(String code, String message) {
    return new Problem(Kind.NOT_FOUND, code, message);
  }

  public static Problem conflict(String code, String message) {
    return new Problem(Kind.CONFLICT, code, message);
  }

  public Kind kind() {
    return kind;
  }

  /** A stable snake_case code that clients can branch on. */
  public String code() {
    return code;
  }
}
