package org.quizhall.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The client messages' JSON Schema, published with the protocol document")
class MessageSchemaTest {

  @Test
  @DisplayName("every client message in the document's walk-through fits the schema")
  void documentFits() throws IOException {
    Path doc = Path.of("..", "docs", "protocol.md");
    Matcher sent = Pattern.compile("(?m)^[A-Z,]+ → (\\{.*})$").matcher(Files.readString(doc));
    List<JsonObject> messages = new ArrayList<>();
    while (sent.find()) {
      messages.add(new JsonObject(sent.group(1).replace("…", "x")));
    }
    assertThat(messages).as("the walk-through's client messages").hasSizeGreaterThan(5);
    for (JsonObject message : messages) {
      assertThat(MessageSchema.problem(message)).as("%s", message).isNull();
    }
  }

  @Test
  @DisplayName("a message that breaks the schema is refused with the field it breaks")
  void namesTheField() {
    assertThat(
            MessageSchema.problem(
                new JsonObject()
                    .put("v", 1)
                    .put("type", "join")
                    .put("code", 5)
                    .put("nickname", "Ada")))
        .contains("code");
    assertThat(
            MessageSchema.problem(
                new JsonObject()
                    .put("v", 1)
                    .put("type", "kick")
                    .put("playerId", "p1")
                    .put("banMinutes", 500)))
        .contains("banMinutes");
    assertThat(
            MessageSchema.problem(
                new JsonObject()
                    .put("v", 1)
                    .put("type", "answer")
                    .put("index", 0)
                    .put("choices", new io.vertx.core.json.JsonArray().add("first"))))
        .contains("choices");
    assertThat(MessageSchema.problem(new JsonObject().put("v", 1).put("type", "lock"))).isNotNull();
    assertThat(
            MessageSchema.problem(
                new JsonObject()
                    .put("v", 1)
                    .put("type", "answer")
                    .put("index", 2)
                    .put("choice", 1)
                    .put("shade", "extra fields are ignored")))
        .isNull();
  }

  @Test
  @DisplayName("the schema the server checks is the one the document links")
  void publishedWithTheDocument() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "protocol.md"));
    assertThat(doc).contains("server/src/main/resources" + MessageSchema.RESOURCE);
    assertThat(Files.exists(Path.of("src/main/resources" + MessageSchema.RESOURCE))).isTrue();
  }

  @Test
  @DisplayName(
      "answers, checked by hand on the hot path, are refused exactly when the schema refuses them")
  void answersAgree() {
    List<JsonObject> answers =
        List.of(
            answer().put("choice", 1),
            answer().put("text", "Kinesis"),
            answer().put("choices", new io.vertx.core.json.JsonArray().add(0).add(2)),
            answer().put("choice", 1.0),
            answer().put("choice", 1.5),
            answer().put("choice", "1"),
            answer().put("text", 7),
            answer().put("text", "x".repeat(1001)),
            answer().put("choices", "0,1"),
            answer().put("choices", new io.vertx.core.json.JsonArray().add("a")),
            answer()
                .put(
                    "choices",
                    new io.vertx.core.json.JsonArray(java.util.Collections.nCopies(13, 0))),
            new JsonObject().put("v", 1).put("type", "answer").put("choice", 1),
            answer().put("index", "0"));
    for (JsonObject message : answers) {
      boolean byHand;
      try {
        Fields.integer(message, "index");
        Fields.optionalString(message, "text", 1000);
        org.quizhall.deck.Response.from(message);
        byHand = true;
      } catch (org.quizhall.problem.Problem refused) {
        byHand = false;
      }
      assertThat(byHand)
          .as("%s: taken by hand as by the schema", message)
          .isEqualTo(MessageSchema.problem(message) == null);
    }
  }

  private static JsonObject answer() {
    return new JsonObject().put("v", 1).put("type", "answer").put("id", "m3").put("index", 0);
  }
}
