package org.quizhall.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test opened (servers, clients, sockets, databases), closed after each test in the reverse
 * order, so a client goes before the server it talks to. Register it as a field:
 * {@code @RegisterExtension final Closing open = new Closing();} then {@code open.add(thing)}.
 */
public final class Closing implements AfterEachCallback {

  private final List<AutoCloseable> things = new ArrayList<>();

  /**
   * Closes {@code thing} after the test; returns it, so it can wrap the expression that opens it.
   */
  public <T extends AutoCloseable> T add(T thing) {
    things.add(thing);
    return thing;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Exception first = null;
    for (int i = things.size() - 1; i >= 0; i--) {
      try {
        things.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    things.clear();
    if (first != null) {
      throw first;
    }
  }
}
