package org.quizhall.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of HotSpot's JIT compilers the server's code is compiled with.
 *
 * <p>On a machine of one or two CPUs the optimising compiler (C2) competes with the event loops for
 * the only cores there are: measured with the server and its PostgreSQL pinned to one core, its
 * bursts took 30–70% of the core for seconds in the first games of a fresh server, and answers
 * waited behind them (250 rooms of 40 starting together: ack p99 1,152 ms, against 305 ms with C1
 * alone; over 10 s, 96 against 47 ms). C1's code costs less CPU over the first games and about a
 * fifth more once C2 would have compiled everything (README, Small machines). So, unless told
 * otherwise, no method is compiled by C2: a compiler directive, added at start-up through the JVM's
 * own diagnostic command (the one {@code jcmd Compiler.directives_add} runs), excludes every method
 * from it, and HotSpot's tiered policy then compiles them with C1 at full optimisation. With more
 * CPUs C2 has cores of its own and its faster code is worth its cost, so nothing changes. Set in
 * the JVM's own options ({@code -XX:TieredStopAtLevel=1}) it needs no directive; either way {@code
 * QUIZHALL_C2_COMPILER} chooses: {@code auto} (the default), {@code true}, {@code false}.
 */
final class Compilers {

  private static final Logger log = LoggerFactory.getLogger(Compilers.class);

  /** Machines with at most this many CPUs compile with C1 alone under {@code auto}. */
  static final int SMALL_MACHINE_CPUS = 2;

  /** Every method is excluded from C2, so the tiered policy gives it C1's full optimisation. */
  static final String NO_C2 = "[{match: \"*.*\", c2: {Exclude: true}}]";

  private Compilers() {}

  /** Whether C2 compiles, from the setting's value and the CPUs the JVM may use. */
  static boolean c2(String setting, int cpus) {
    return switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      case "auto" -> cpus > SMALL_MACHINE_CPUS;
      default ->
          throw new IllegalArgumentException(
              Setting.C2_COMPILER.key() + " must be auto, true or false, not '" + setting + "'");
    };
  }

  /**
   * Leaves C2 on, or turns it off for every method compiled from now on; says which in the log.
   * Never fails the start: a JVM without the diagnostic command keeps its compilers.
   */
  static void choose(String setting) {
    int cpus = Runtime.getRuntime().availableProcessors();
    if (c2(setting, cpus)) {
      return;
    }
    try {
      addDirective(NO_C2);
      log.info(
          "The server's code is compiled by C1 only, not C2, on {} CPU(s) ({}={}; true keeps C2)",
          cpus,
          Setting.C2_COMPILER.key(),
          setting);
    } catch (Exception e) {
      log.warn("Could not turn the C2 compiler off, it stays on: {}", e.toString());
    }
  }

  /** Adds compiler directives to the running JVM; returns what the command answered. */
  static String addDirective(String directives) throws Exception {
    Path file = Files.createTempFile("quizhall-compiler-", ".json");
    try {
      Files.writeString(file, directives);
      String answer =
          String.valueOf(
                  ManagementFactory.getPlatformMBeanServer()
                      .invoke(
                          new ObjectName("com.sun.management:type=DiagnosticCommand"),
                          "compilerDirectivesAdd",
                          new Object[] {new String[] {file.toString()}},
                          new String[] {String[].class.getName()}))
              .trim();
      if (!answer.startsWith("1 compiler directives added")) {
        throw new IllegalStateException("the JVM answered: " + answer);
      }
      return answer;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The directives in force, as {@code jcmd Compiler.directives_print} prints them. */
  static String directives() throws Exception {
    return String.valueOf(
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesPrint",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()}));
  }

  /** Removes the directive added last. */
  static void removeDirective() throws Exception {
    ManagementFactory.getPlatformMBeanServer()
        .invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"),
            "compilerDirectivesRemove",
            new Object[] {new String[0]},
            new String[] {String[].class.getName()});
  }
}
