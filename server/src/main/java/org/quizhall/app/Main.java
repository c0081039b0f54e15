package org.quizhall.app;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code java -jar quizhall.jar [--config FILE.json]}: start Quizhall and run until told to stop.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    long started = System.nanoTime();
    Path configFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          System.out.println(usage());
          return;
        }
        case "--config" -> {
          if (i + 1 >= args.length) {
            fail("--config needs a file: --config quizhall.json", 2);
            return;
          }
          configFile = Path.of(args[++i]);
        }
        default ->
            fail("Unknown argument '" + args[i] + "'. Run with --help to see the options.", 2);
      }
    }

    QuizhallConfig config;
    try {
      config = QuizhallConfig.from(readSettings(configFile));
    } catch (RuntimeException e) {
      fail("Configuration error: " + e.getMessage(), 2);
      return;
    }
    log.info("Starting Quizhall with {}", config.describe());
    Compilers.choose(config.c2Compiler());

    Quizhall quizhall;
    try {
      quizhall = Quizhall.start(config, Clock.systemUTC());
    } catch (StartupException e) {
      fail(e.getMessage(), 1);
      return;
    }
    log.info(
        "Quizhall is ready on http://{}:{} ({} ms)",
        config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost(),
        quizhall.httpPort(),
        (System.nanoTime() - started) / 1_000_000);

    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          log.info("Stopping: draining requests, then closing the database");
          quizhall.close();
          log.info("Quizhall stopped");
          stopped.countDown();
        };
    // Handling the signals ourselves (not a shutdown hook) lets a clean stop exit with status 0.
    SignalHandler onSignal =
        signal -> {
          if (stopping.compareAndSet(false, true)) {
            new Thread(stop, "quizhall-stop").start();
          }
        };
    Signal.handle(new Signal("TERM"), onSignal);
    Signal.handle(new Signal("INT"), onSignal);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(0);
  }

  /**
   * Settings from the optional JSON file, then the environment (which wins), read with vertx-config
   * on a short-lived Vert.x so that nothing else starts before the configuration is known good.
   */
  static JsonObject readSettings(Path configFile) {
    if (configFile != null && !Files.isReadable(configFile)) {
      throw new IllegalArgumentException("cannot read the config file " + configFile);
    }
    Vertx vertx = Vertx.vertx();
    try {
      ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false);
      if (configFile != null) {
        options.addStore(
            new ConfigStoreOptions()
                .setType("file")
                .setFormat("json")
                .setConfig(new JsonObject().put("path", configFile.toAbsolutePath().toString())));
      }
      options.addStore(
          new ConfigStoreOptions()
              .setType("env")
              .setConfig(
                  new JsonObject()
                      .put("keys", new JsonArray(Setting.keys()))
                      .put("raw-data", true)));
      return ConfigRetriever.create(vertx, options).getConfig().await();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } finally {
      vertx.close().await();
    }
  }

  static String usage() {
    return """
        Quizhall: multiplayer exam-prep quizzes from your own study notes.

        Usage: java -jar quizhall.jar [--config FILE.json] [--help]

          --config FILE.json  read settings from a JSON object whose keys are the names below;
                              environment variables of the same names override the file
          --help              show this help

        Settings (environment variables or config keys):
        """
        + Setting.help();
  }

  private static void fail(String message, int status) {
    log.error(message);
    System.err.println("quizhall: " + message);
    System.exit(status);
  }
}
