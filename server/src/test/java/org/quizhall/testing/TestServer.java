package org.quizhall.testing;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import org.quizhall.app.DatabaseSettings;
import org.quizhall.app.Quizhall;
import org.quizhall.app.QuizhallConfig;

/** A whole Quizhall in the test JVM, on a fresh database and a free port. */
public final class TestServer {

  private TestServer() {}

  public static Quizhall start(Clock clock) {
    return start(clock, TestDatabase.fresh());
  }

  /** A Quizhall on a database an earlier one used, as after a restart. */
  public static Quizhall start(Clock clock, DatabaseSettings database) {
    return start(clock, database, new JsonObject());
  }

  /** The same with further settings (cluster mode, say) on top. */
  public static Quizhall start(Clock clock, DatabaseSettings database, JsonObject more) {
    return start(clock, database, more, List.of());
  }

  /** The same on a machine whose private network addresses are {@code networkAddresses}. */
  public static Quizhall start(
      Clock clock, DatabaseSettings database, JsonObject more, List<String> networkAddresses) {
    QuizhallConfig config =
        QuizhallConfig.from(
            more.copy()
                .put(QuizhallConfig.HTTP_HOST, "127.0.0.1")
                .put(QuizhallConfig.HTTP_PORT, 0)
                .put(QuizhallConfig.DATABASE_URL, database.jdbcUrl())
                .put(QuizhallConfig.DATABASE_USER, database.user())
                .put(QuizhallConfig.DATABASE_PASSWORD, database.password())
                .put(QuizhallConfig.SHUTDOWN_GRACE_SECONDS, 1));
    return Quizhall.start(config, clock, networkAddresses);
  }

  /**
   * Two nodes clustered over Hazelcast on loopback, on one database; closing the pair stops both, B
   * first.
   */
  public record TwoNodes(Quizhall a, Quizhall b) implements AutoCloseable {
    @Override
    public void close() {
      try {
        b.close();
      } finally {
        a.close();
      }
    }
  }

  public static TwoNodes twoNodes(Clock clock, DatabaseSettings database) {
    int portA = freePort();
    int portB = freePort();
    Quizhall a = start(clock, database, clusterNode(portA, portB));
    try {
      return new TwoNodes(a, start(clock, database, clusterNode(portB, portA)));
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  /** A port nothing listens on right now. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The settings of a cluster node on loopback with Hazelcast on {@code port}, joining the nodes on
   * {@code others}.
   */
  public static JsonObject clusterNode(int port, int... others) {
    java.util.List<String> members = new java.util.ArrayList<>();
    for (int other : others) {
      members.add("127.0.0.1:" + other);
    }
    return new JsonObject()
        .put(QuizhallConfig.CLUSTER, "true")
        .put(QuizhallConfig.CLUSTER_HOST, "127.0.0.1")
        .put(QuizhallConfig.CLUSTER_PORT, port)
        .put(QuizhallConfig.CLUSTER_MEMBERS, String.join(",", members));
  }
}
