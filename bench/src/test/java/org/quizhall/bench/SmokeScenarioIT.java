package org.quizhall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The smallest load scenario, run on every build: it asserts that nothing is lost, not how fast.
 */
@DisplayName("The smoke load scenario (5 rooms x 20 players)")
class SmokeScenarioIT {

  @Test
  @DisplayName(
      "every player connects, every answer sent is acknowledged and stored, and nothing errs")
  void nothingLost() throws Exception {
    Path jar = Path.of(System.getProperty("quizhall.jar", "../server/target/quizhall.jar"));

    JsonObject report = Bench.run(Scenario.named("smoke"), null, jar, false);

    System.out.println(Bench.table(report));
    assertThat(report.getLong("errors")).as(report.getJsonArray("errorSamples").encode()).isZero();
    assertThat(report.getInteger("playersConnected")).isEqualTo(100);
    assertThat(report.getLong("answersSent")).isEqualTo(100L * 3);
    assertThat(report.getLong("answersAcked")).isEqualTo(report.getLong("answersSent"));
    assertThat(report.getLong("answersStored")).isEqualTo(report.getLong("answersAcked"));
  }
}
