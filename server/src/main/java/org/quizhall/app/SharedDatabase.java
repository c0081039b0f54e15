package org.quizhall.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded PostgreSQL on its own, for several Quizhall nodes on one machine to share (the
 * cluster load scenario) or for a load scenario to stop and start under a running server (the
 * outage scenario). {@code java -cp quizhall.jar org.quizhall.app.SharedDatabase DIR [PORT]} keeps
 * its data in {@code DIR/data}, writes {@code DIR/connection.txt} ({@code <jdbc url> <user>
 * <password>}) once it is ready, and serves until it is stopped (SIGTERM). Started again on the
 * same directory and port, it is the same database.
 */
public final class SharedDatabase {

  private SharedDatabase() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println(
          "Usage: java -cp quizhall.jar org.quizhall.app.SharedDatabase DATA_DIR [PORT]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    EmbeddedDatabase database =
        EmbeddedDatabase.start(
            dir.resolve("data"), args.length == 2 ? Integer.parseInt(args[1]) : 0);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  database.close();
                  stopped.countDown();
                }));
    Path written = dir.resolve("connection.txt.new");
    java.nio.file.Files.writeString(
        written, database.jdbcUrl() + " " + database.user() + " " + database.password());
    java.nio.file.Files.move(
        written, dir.resolve("connection.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    stopped.await();
  }
}
