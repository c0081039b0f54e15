package org.quizhall.room;

import io.vertx.core.json.JsonObject;
import org.quizhall.deck.Response;
import org.quizhall.problem.Problem;

/**
 * The commands a player or host sends a room, as data ({@code op} and its fields) rather than code,
 * so they travel between nodes as they are; already checked for shape by the socket's connection.
 */
public final class RoomCommands {

  private RoomCommands() {}

  public static JsonObject answer(Object re, int index, Response response) {
    return response.into(new JsonObject().put("op", "answer").put("re", re).put("index", index));
  }

  public static JsonObject of(String op) {
    return new JsonObject().put("op", op);
  }

  /**
   * Applies {@code command} to the game, for {@code playerId} (a player's command) or the host
   * (null).
   */
  static void apply(RoomGame game, String playerId, JsonObject command, long now) {
    String op = command.getString("op", "");
    if (playerId != null) {
      switch (op) {
        case "answer" ->
            game.answer(
                playerId,
                command.getValue("re"),
                command.getInteger("index"),
                Response.from(command),
                now);
        case "leave" -> game.leave(playerId, now);
        default ->
            throw new Problem(Problem.Kind.FORBIDDEN, "not_host", "Only the host can do that.");
      }
      return;
    }
    String at = command.getString("at");
    if (at != null && !at.equals(game.stateId())) {
      // A second tap, or a press the room's own timer overtook: it was meant for a screen that is
      // gone.
      throw Problem.conflict(
          "stale_command",
          "The game has moved on since that was pressed (it was meant for "
              + at
              + ", the room is at "
              + game.stateId()
              + "): nothing was done.");
    }
    switch (op) {
      case "start" -> game.start(now);
      case "next" -> game.next(now);
      case "pause" -> game.pause(now);
      case "unpause" -> game.resumeTimer(now);
      case "end" -> game.end(now);
      case "lock" -> game.lock(command.getBoolean("locked"), now);
      case "kick" ->
          game.kick(command.getString("playerId"), command.getInteger("banMinutes", 0), now);
      default -> throw new Problem(Problem.Kind.FORBIDDEN, "not_joined", "Join a room first.");
    }
  }
}
