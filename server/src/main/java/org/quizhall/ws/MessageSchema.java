package org.quizhall.ws;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema of the messages a client sends (published with docs/protocol.md as {@code
 * client-messages.schema.json}), checked against every message of a type it names, so that the
 * document and the server cannot drift apart: what the schema refuses, the server refuses, with the
 * schema's reason.
 */
public final class MessageSchema {

  static final String RESOURCE = "/org/quizhall/ws/client-messages.schema.json";
  private static final JsonObject SCHEMA = load();
  private static final Validator VALIDATOR =
      Validator.create(
          JsonSchema.of(SCHEMA),
          new JsonSchemaOptions()
              .setDraft(Draft.DRAFT202012)
              .setBaseUri("https://quizhall.org/protocol/v1/")
              .setOutputFormat(io.vertx.json.schema.OutputFormat.Basic));

  /** The message types the schema describes; any other is the server's own to refuse as unknown. */
  static final Set<String> TYPES =
      Set.copyOf(
          SCHEMA.getJsonObject("properties").getJsonObject("type").getJsonArray("enum").stream()
              .map(String::valueOf)
              .toList());

  private MessageSchema() {}

  /** Null when {@code message} fits the schema; otherwise why not, naming the field. */
  static String problem(JsonObject message) {
    OutputUnit result;
    try {
      result = VALIDATOR.validate(message);
    } catch (RuntimeException | StackOverflowError e) {
      // Whatever the validator cannot take (a number too large for it, values nested thousands
      // deep) does not fit
      // the protocol either.
      return "the message does not fit the protocol.";
    }
    if (Boolean.TRUE.equals(result.getValid())) {
      return null;
    }
    List<OutputUnit> errors = result.getErrors();
    OutputUnit first = errors == null || errors.isEmpty() ? result : errors.get(errors.size() - 1);
    String where =
        first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty()
            ? "the message"
            : first.getInstanceLocation().replaceFirst("^#?/", "");
    return where
        + ": "
        + (first.getError() == null ? "does not fit the protocol" : first.getError())
        + ".";
  }

  /**
   * Reads the schema and builds its validator (done once, when this class is first used): start-up
   * calls it on a worker, so that the first message on a socket does not read the jar on an event
   * loop.
   */
  public static void preload() {
    // Class initialisation has done the work by the time this runs.
  }

  private static JsonObject load() {
    try (InputStream in = MessageSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
