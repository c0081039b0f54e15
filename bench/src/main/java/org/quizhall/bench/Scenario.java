package org.quizhall.bench;

import java.util.List;

/**
 * One load scenario: how many rooms of how many players play how many questions, how long players
 * think, and over how long the hosts press start (classes do not start in the same millisecond;
 * {@code many-rooms-lockstep} measures the case where they do). With {@code churn}, a tenth of the
 * players join during the first half of the game, and at each question a player who has not yet
 * done so may drop the connection and resume on a new one (1 in 10) or leave for good (1 in 40).
 * With more than one node, the server is a cluster of that many processes on one shared PostgreSQL;
 * rooms open on the nodes in turn and each room's players are spread over all of them, so half of
 * the traffic crosses between nodes. With {@code outageSeconds}, the server runs on a PostgreSQL of
 * its own process that is stopped once the game is under way and started again that many seconds
 * later: rooms must play on, and every answer acknowledged must be stored in the end.
 *
 * <p>The {@code core-} scenarios measure capacity per core as an operator of a small machine sees
 * it: the server process (with its embedded PostgreSQL) pinned to {@code serverCpus}, the generator
 * to the other CPUs, a fresh server with no warm-up game, players joining at {@code
 * joinsPerSecond}, answering a random option after 0.5 to 3 s, and the host pressing next 1 s after
 * each reveal and 0.5 s after each leaderboard ({@code hostDriven}) rather than the room
 * auto-advancing.
 */
public record Scenario(
    String name,
    int rooms,
    int playersPerRoom,
    int questions,
    int secondsPerQuestion,
    int autoAdvanceSeconds,
    int thinkMinMs,
    int thinkMaxMs,
    boolean churn,
    int startSpreadMs,
    int nodes,
    int outageSeconds,
    String serverCpus,
    int joinsPerSecond,
    boolean hostDriven,
    boolean warmUp) {

  /** A scenario on every CPU, joins as fast as they go, auto-advancing, after a warm-up game. */
  public Scenario(
      String name,
      int rooms,
      int playersPerRoom,
      int questions,
      int secondsPerQuestion,
      int autoAdvanceSeconds,
      int thinkMinMs,
      int thinkMaxMs,
      boolean churn,
      int startSpreadMs,
      int nodes,
      int outageSeconds) {
    this(
        name,
        rooms,
        playersPerRoom,
        questions,
        secondsPerQuestion,
        autoAdvanceSeconds,
        thinkMinMs,
        thinkMaxMs,
        churn,
        startSpreadMs,
        nodes,
        outageSeconds,
        null,
        0,
        false,
        true);
  }

  /** A capacity-per-core scenario: the server on CPU 0, a fresh server, paced joins. */
  private static Scenario core(String name, int rooms, int playersPerRoom, int startSpreadMs) {
    return new Scenario(
        name,
        rooms,
        playersPerRoom,
        5,
        20,
        0,
        500,
        3_000,
        false,
        startSpreadMs,
        1,
        0,
        "0",
        500,
        true,
        false);
  }

  /** The same scenario played after an unmeasured warm-up game (or not). */
  public Scenario withWarmUp(boolean warm) {
    return new Scenario(
        name,
        rooms,
        playersPerRoom,
        questions,
        secondsPerQuestion,
        autoAdvanceSeconds,
        thinkMinMs,
        thinkMaxMs,
        churn,
        startSpreadMs,
        nodes,
        outageSeconds,
        serverCpus,
        joinsPerSecond,
        hostDriven,
        warm);
  }

  public static final List<Scenario> ALL =
      List.of(
          new Scenario("smoke", 5, 20, 3, 10, 1, 100, 1_500, false, 0, 1, 0),
          new Scenario("many-rooms", 250, 40, 5, 20, 2, 500, 8_000, false, 5_000, 1, 0),
          new Scenario("many-rooms-lockstep", 250, 40, 5, 20, 2, 500, 8_000, false, 0, 1, 0),
          new Scenario("big-room", 1, 5_000, 5, 20, 2, 500, 8_000, false, 0, 1, 0),
          new Scenario("churn", 50, 40, 5, 20, 2, 500, 8_000, true, 5_000, 1, 0),
          new Scenario("cluster", 100, 40, 5, 20, 2, 500, 8_000, false, 5_000, 2, 0),
          new Scenario("db-outage", 50, 40, 5, 20, 2, 500, 8_000, false, 5_000, 1, 20),
          core("core-room-1000", 1, 1_000, 0),
          core("core-room-1500", 1, 1_500, 0),
          core("core-room-2000", 1, 2_000, 0),
          core("core-room-5000", 1, 5_000, 0),
          core("core-rooms-25", 25, 40, 0),
          core("core-rooms-50", 50, 40, 0),
          core("core-rooms-250", 250, 40, 0),
          core("core-rooms-250-spread", 250, 40, 10_000));

  /**
   * Played, unmeasured, before a scenario so that the server's and the generator's code is
   * compiled.
   */
  public static final Scenario WARM_UP =
      new Scenario("warm-up", 10, 40, 3, 10, 1, 100, 1_500, false, 0, 1, 0);

  public static Scenario named(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown scenario '"
                        + name
                        + "'; choose one of "
                        + ALL.stream().map(Scenario::name).toList()));
  }

  public int players() {
    return rooms * playersPerRoom;
  }
}
