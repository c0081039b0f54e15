package org.quizhall.bench;

import java.util.List;

/**
 * One load scenario: how many rooms of how many players play how many questions, how long players
 * think, and whether they leave and come back during the game.
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
    boolean churn) {

  public static final List<Scenario> ALL =
      List.of(
          new Scenario("smoke", 5, 20, 3, 10, 1, 100, 1_500, false),
          new Scenario("many-rooms", 250, 40, 5, 20, 2, 500, 8_000, false),
          new Scenario("big-room", 1, 5_000, 5, 20, 2, 500, 8_000, false),
          new Scenario("churn", 50, 40, 5, 20, 2, 500, 8_000, true));

  public static Scenario named(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown scenario '" + name + "'; choose one of " + ALL.stream().map(Scenario::name).toList()));
  }

  public int players() {
    return rooms * playersPerRoom;
  }
}
