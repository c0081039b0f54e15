package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.testing.Readme;

/**
 * What the configuration reads is what --help, the README and the start-up log say, setting for
 * setting.
 */
@DisplayName("Settings, documented")
class SettingsDocumentedTest {

  /** A source that remembers which names the configuration asked it for. */
  private static final class Watched extends JsonObject {
    final Set<String> asked = new LinkedHashSet<>();

    Watched(JsonObject values) {
      super(values.getMap());
    }

    @Override
    public Object getValue(String key) {
      asked.add(key);
      return super.getValue(key);
    }
  }

  /** The names the configuration reads, in single-node and in cluster mode. */
  private static Set<String> namesRead() {
    Set<String> asked = new LinkedHashSet<>();
    for (JsonObject values :
        List.of(
            new JsonObject(),
            new JsonObject()
                .put("QUIZHALL_CLUSTER", "true")
                .put("QUIZHALL_DATABASE_URL", "jdbc:postgresql://db:5432/quizhall"))) {
      Watched source = new Watched(values);
      QuizhallConfig.from(source);
      asked.addAll(source.asked);
    }
    return asked;
  }

  @Test
  @DisplayName(
      "every name the configuration reads is a row of the settings table, and every row is read")
  void everyNameReadIsInTheTable() {
    assertThat(namesRead()).containsExactlyInAnyOrderElementsOf(Setting.keys());
  }

  @Test
  @DisplayName("--help lists every setting the configuration reads, with its default")
  void helpListsEverySetting() {
    String help = Main.usage();

    for (String name : namesRead()) {
      Setting setting = Setting.valueOf(name.substring("QUIZHALL_".length()));
      assertThat(help).as("--help").containsPattern("(?m)^  " + name + " +\\S");
      assertThat(help.replaceAll("\\s+", " "))
          .as(name + "'s default in --help")
          .contains("(default: " + setting.shownDefault());
    }
  }

  @Test
  @DisplayName(
      "the README's configuration table lists every setting the configuration reads, with the same default")
  void readmeTableMatches() {
    Map<String, String> readme = new LinkedHashMap<>();
    for (List<String> row : Readme.tablesUnder("Configuration")) {
      if (row.get(0).startsWith("QUIZHALL_")) {
        readme.put(row.get(0), row.get(1));
      }
    }

    assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(namesRead());
    for (Setting setting : Setting.values()) {
      assertThat(readme.get(setting.key()))
          .as(setting.key() + "'s default in the README")
          .isEqualTo(setting.shownDefault());
    }
  }

  @Test
  @DisplayName("the start-up log names each setting that applies, and shows no secret")
  void logShowsNoSecret() {
    QuizhallConfig config =
        QuizhallConfig.from(
            new JsonObject()
                .put("QUIZHALL_DATABASE_URL", "jdbc:postgresql://db:5432/quizhall")
                .put("QUIZHALL_DATABASE_PASSWORD", "correct horse")
                .put("QUIZHALL_METRICS_TOKEN", "battery staple"));

    Map<String, Object> logged = config.describe();

    assertThat(logged.toString()).doesNotContain("correct horse").doesNotContain("battery staple");
    assertThat(logged)
        .containsEntry("QUIZHALL_DATABASE_PASSWORD", "(set)")
        .containsEntry("QUIZHALL_METRICS_TOKEN", "(set)");
    assertThat(logged)
        .containsKeys("QUIZHALL_HTTP_PORT", "QUIZHALL_PUBLIC_URL", "QUIZHALL_CLUSTER");
    assertThat(logged).doesNotContainKey("QUIZHALL_CLUSTER_HOST");
    assertThat(QuizhallConfig.from(new JsonObject()).describe())
        .doesNotContainKey("QUIZHALL_DATABASE_PASSWORD");
  }
}
