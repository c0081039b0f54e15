package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quizhall.game.Games;
import org.quizhall.room.LiveRoom;
import org.quizhall.room.Phase;
import org.quizhall.room.Rooms;

/**
 * Which of a host's or a group's games still have their room open, for the host page and the group
 * page. The database knows the games; the room directory knows which codes an open room holds (a
 * room closed in its lobby leaves no end in the database); a room on this node tells its phase and
 * players as they are now.
 */
final class RoomListing {

  private final Rooms rooms;

  RoomListing(Rooms rooms) {
    this.rooms = rooms;
  }

  /**
   * The open rooms of these games (newest first), as {code, gameId, deck, groupId, phase, players,
   * openedAt}.
   */
  Future<JsonArray> open(List<Games.Unfinished> games) {
    Set<String> codes = new HashSet<>();
    games.forEach(game -> codes.add(game.roomCode()));
    return rooms
        .claimed(codes)
        .map(
            claimed -> {
              JsonArray list = new JsonArray();
              Set<String> seen = new HashSet<>();
              for (Games.Unfinished game : games) {
                // A code is used again once its room has closed: only the newest game with an open
                // code is that room.
                if (!claimed.contains(game.roomCode()) || !seen.add(game.roomCode())) {
                  continue;
                }
                Optional<LiveRoom> here = rooms.find(game.roomCode());
                if (here.isPresent() && !here.get().gameId().equals(game.gameId())) {
                  continue;
                }
                String phase;
                int players;
                if (here.isPresent()) {
                  LiveRoom.Glance glance = here.get().glance();
                  if (glance.phase() == Phase.CLOSED) {
                    continue;
                  }
                  phase =
                      switch (glance.phase()) {
                        case LOBBY -> "lobby";
                        case PODIUM -> "podium";
                        default -> "playing";
                      };
                  players = glance.players();
                } else {
                  // On another node of the cluster: what the database knows.
                  phase = game.started() ? "playing" : "lobby";
                  players = game.players();
                }
                list.add(
                    new JsonObject()
                        .put("code", game.roomCode())
                        .put("gameId", game.gameId().toString())
                        .put("deck", game.deckTitle())
                        .put("groupId", game.groupId() == null ? null : game.groupId().toString())
                        .put("phase", phase)
                        .put("players", players)
                        .put("openedAt", game.openedAt().toString()));
              }
              return list;
            });
  }

  /** Only the rooms a player can still join: in the lobby or playing. */
  static JsonArray joinable(JsonArray open) {
    List<Object> rows = new ArrayList<>();
    open.forEach(
        row -> {
          if (!"podium".equals(((JsonObject) row).getString("phase"))) {
            rows.add(row);
          }
        });
    return new JsonArray(rows);
  }
}
