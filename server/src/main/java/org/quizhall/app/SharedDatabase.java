package org.quizhall.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded PostgreSQL on its own, for several Quizhall nodes on one machine to share (the
 * cluster load scenario). {@code java -cp quizhall.jar org.quizhall.app.SharedDatabase DIR} keeps its
 * data in {@code DIR/data}, writes {@code DIR/connection.txt} ({@code <jdbc url> <user> <password>})
 * once it is ready, and serves until it is stopped (SIGTERM).
 */
public final class SharedDatabase {

  private SharedDatabase() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("Usage: java -cp quizhall.jar org.quizhall.app.SharedDatabase DATA_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("data"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      database.close();
      stopped.countDown();
    }));
    Path written = dir.resolve("connection.txt.new");
    java.nio.file.Files.writeString(written, database.jdbcUrl() + " " + database.user() + " " + database.password());
    java.nio.file.Files.move(written, dir.resolve("connection.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    stopped.await();
  }
}
