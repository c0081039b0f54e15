package org.quizhall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fan-out capacity from question waves")
class FanoutWavesTest {

  @Test
  @DisplayName("counts the questions whose waves formed one burst, from first send to last receipt")
  void simultaneousQuestionsOnly() {
    FanoutWaves waves = new FanoutWaves();
    // Question 0: two rooms at the same moment, 2,000 copies delivered within 100 ms of the first
    // send.
    for (int i = 0; i < 1_000; i++) {
      waves.received("A", 0, 1_000, 1_000 + i / 10);
      waves.received("B", 0, 1_010, 1_100);
    }
    // Question 1: the rooms drifted 400 ms apart; each wave alone is quick and says nothing about
    // capacity.
    for (int i = 0; i < 40; i++) {
      waves.received("A", 1, 5_000, 5_001);
      waves.received("B", 1, 5_400, 5_401);
    }

    assertThat(waves.perSecond()).isEqualTo(2_000 * 1000 / 100);
  }

  @Test
  @DisplayName("a room that starts late does not disqualify a burst that carried nearly every copy")
  void straggler() {
    FanoutWaves waves = new FanoutWaves();
    for (int room = 0; room < 20; room++) {
      for (int i = 0; i < 40; i++) {
        waves.received("R" + room, 0, 1_000 + room, 1_050 + room);
      }
    }
    waves.received("late", 0, 2_000, 2_001);

    assertThat(waves.perSecond()).isEqualTo(800 * 1000 / 69);
  }

  @Test
  @DisplayName("is zero when the rooms' waves never overlapped")
  void nothingSimultaneous() {
    FanoutWaves waves = new FanoutWaves();
    waves.received("A", 0, 1_000, 1_002);
    waves.received("B", 0, 3_000, 3_002);

    assertThat(waves.perSecond()).isZero();
  }
}
