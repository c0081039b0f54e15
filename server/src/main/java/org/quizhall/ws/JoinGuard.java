package org.quizhall.ws;

import io.vertx.core.Future;
import org.quizhall.limits.Limit;
import org.quizhall.limits.RateLimits;

/**
 * Limits failed room look-ups per address (joins, resumes and host sign-ins with unknown codes or
 * wrong tokens over the socket, and QR codes asked for over HTTP), which is what guessing room
 * codes looks like: every place that tells whether a code exists counts here, in the {@link
 * Limit#ROOM_LOOKUP_FAILURES_PER_ADDRESS} bucket (shared by the nodes of a cluster). Successful
 * look-ups are not limited: a whole class often shares one address.
 */
public final class JoinGuard {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JoinGuard.class);

  private final RateLimits limits;

  public JoinGuard(RateLimits limits) {
    this.limits = limits;
  }

  /** Whether the address has used up its failed look-ups for now. */
  public Future<Boolean> blocked(String address) {
    return limits.waitMs(Limit.ROOM_LOOKUP_FAILURES_PER_ADDRESS, address).map(wait -> wait > 0);
  }

  /**
   * Counts a look-up that found no room, or a host token that was wrong; completes once counted, so
   * the refusal is sent only after it (a guesser cannot outrun the count).
   */
  public Future<Void> failed(String address) {
    return limits
        .take(Limit.ROOM_LOOKUP_FAILURES_PER_ADDRESS, address)
        .<Void>mapEmpty()
        .recover(
            e -> {
              log.warn(
                  "A failed room look-up from {} could not be counted: {}", address, e.toString());
              return Future.succeededFuture();
            });
  }
}
