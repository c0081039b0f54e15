package org.quizhall.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The load generator's reading of server messages")
class WireTest {

  @Test
  @DisplayName(
      "reads the type and whole-number fields of a message encoded the way the server encodes it")
  void readsFields() {
    String question =
        new JsonObject()
            .put("v", 1)
            .put("type", "question")
            .put("index", 3)
            .put("prompt", "Which?")
            .put("remainingMs", 19_500)
            .put("sentAt", 1_800_000_000_123L)
            .encode();

    assertThat(Wire.type(question)).isEqualTo("question");
    assertThat(Wire.number(question, "index")).isEqualTo(3);
    assertThat(Wire.number(question, "remainingMs")).isEqualTo(19_500);
    assertThat(Wire.number(question, "sentAt")).isEqualTo(1_800_000_000_123L);
    assertThat(
            Wire.number(
                new JsonObject().put("v", 1).put("type", "x").put("delta", -42).encode(), "delta"))
        .isEqualTo(-42);
  }

  @Test
  @DisplayName("a prompt that quotes a field name does not fool it")
  void promptCannotImitateAField() {
    String question =
        new JsonObject()
            .put("v", 1)
            .put("type", "question")
            .put("prompt", "What is \"sentAt\":7 in the protocol?")
            .put("sentAt", 99)
            .encode();

    assertThat(Wire.number(question, "sentAt")).isEqualTo(99);
  }

  @Test
  @DisplayName(
      "a message in another shape is parsed in full, and a missing field is an error, not a zero")
  void otherShapes() {
    assertThat(Wire.type("{\"type\":\"welcome\",\"v\":1}")).isEqualTo("welcome");
    assertThatThrownBy(() -> Wire.number("{\"v\":1,\"type\":\"answers\"}", "sentAt"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
