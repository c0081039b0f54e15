package org.quizhall.room;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A channel that keeps what it was sent, for tests of the room's rules. */
final class RecordingChannel implements Channel {

  final List<JsonObject> messages = new ArrayList<>();
  int closeCode;
  String closeReason;

  @Override
  public void send(String text) {
    messages.add(new JsonObject(text));
  }

  @Override
  public void close(int code, String reason) {
    closeCode = code;
    closeReason = reason;
  }

  List<JsonObject> ofType(String type) {
    return messages.stream().filter(m -> type.equals(m.getString("type"))).toList();
  }

  JsonObject last(String type) {
    List<JsonObject> found = ofType(type);
    if (found.isEmpty()) {
      throw new AssertionError("no '" + type + "' message among " + messages);
    }
    return found.get(found.size() - 1);
  }

  boolean closed() {
    return closeCode != 0;
  }
}
