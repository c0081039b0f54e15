package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quizhall.account.SessionToken;
import org.quizhall.deck.Question;
import org.quizhall.game.GameLog;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open rooms on this node, by code. Each room runs in its own verticle; this directory only
 * finds them, and is the one structure shared across event loops.
 */
public final class Rooms {

  /** A freshly opened room: the host token is shown once, to the room's creator. */
  public record Opened(String code, UUID gameId, String hostToken) {}

  private static final Logger log = LoggerFactory.getLogger(Rooms.class);

  private final Vertx vertx;
  private final Clock clock;
  private final GameLog gameLog;
  private final NicknameRules nicknameRules;
  private final ConcurrentHashMap<String, LiveRoom> open = new ConcurrentHashMap<>();
  private final Set<String> reserved = ConcurrentHashMap.newKeySet();

  public Rooms(Vertx vertx, Clock clock, GameLog gameLog, NicknameRules nicknameRules) {
    this.vertx = vertx;
    this.clock = clock;
    this.gameLog = gameLog;
    this.nicknameRules = nicknameRules;
  }

  /**
   * Opens a room: reserves a free code, lets {@code record} store the game under that code, and
   * only then makes the room findable, so no one can join a game that has no record.
   */
  public Future<Opened> open(
      UUID gameId,
      List<Question> questions,
      Map<String, Double> priorAccuracy,
      RoomSettings settings,
      Function<String, Future<Void>> record) {
    String code = reserveCode();
    if (code == null) {
      return Future.failedFuture(
          new Problem(Problem.Kind.CONFLICT, "no_free_code", "No free room code was found; try again."));
    }
    String hostToken = SessionToken.create();
    RoomGame game =
        new RoomGame(code, gameId, questions, priorAccuracy, settings, nicknameRules, gameLog, clock.millis());
    LiveRoom room = new LiveRoom(game, clock, SessionToken.digest(hostToken), this::closed);
    return record
        .apply(code)
        .compose(v -> vertx.deployVerticle(room))
        .map(
            id -> {
              open.put(code, room);
              return new Opened(code, gameId, hostToken);
            })
        .onComplete(done -> reserved.remove(code));
  }

  private String reserveCode() {
    for (int attempt = 0; attempt < 100; attempt++) {
      String code = RoomCodes.next();
      if (!open.containsKey(code) && reserved.add(code)) {
        if (!open.containsKey(code)) {
          return code;
        }
        reserved.remove(code);
      }
    }
    return null;
  }

  public Optional<LiveRoom> find(String code) {
    return Optional.ofNullable(open.get(code));
  }

  /** Tells every connected client that the server is going away; completes when all rooms have. */
  public Future<Void> goingAway() {
    List<Future<Void>> all = new java.util.ArrayList<>();
    for (LiveRoom room : open.values()) {
      all.add(room.ask((game, now) -> {
        game.goingAway();
        return null;
      }));
    }
    return Future.join(all).mapEmpty();
  }

  public int openCount() {
    return open.size();
  }

  private void closed(LiveRoom room) {
    if (open.remove(room.code(), room)) {
      log.info("Room {} closed", room.code());
      String deployment = room.deploymentID();
      if (deployment != null) {
        vertx.undeploy(deployment);
      }
    }
  }
}
