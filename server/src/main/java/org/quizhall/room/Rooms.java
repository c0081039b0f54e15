package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

  private final CheckpointStore checkpoints;

  /**
   * Which node owns each open room, by code: cluster-wide in cluster mode (a Hazelcast map), this
   * process's own map otherwise. A code is claimed here, atomically, before its room can be found,
   * so two nodes never open rooms with the same code or restore the same checkpoint.
   */
  private final Future<AsyncMap<String, String>> directory;

  private final String nodeId;
  private final RoomBus bus;

  /** The cluster-wide map of room codes to the node that owns the room. */
  public static final String DIRECTORY = "quizhall.rooms";

  public Rooms(
      Vertx vertx,
      Clock clock,
      GameLog gameLog,
      NicknameRules nicknameRules,
      CheckpointStore checkpoints) {
    this(vertx, clock, gameLog, nicknameRules, checkpoints, UUID.randomUUID().toString());
  }

  /**
   * {@code nodeId} names this node in the room directory: in a cluster, the cluster manager's id
   * for it.
   */
  public Rooms(
      Vertx vertx,
      Clock clock,
      GameLog gameLog,
      NicknameRules nicknameRules,
      CheckpointStore checkpoints,
      String nodeId) {
    this.nodeId = nodeId;
    this.vertx = vertx;
    this.clock = clock;
    this.gameLog = gameLog;
    this.nicknameRules = nicknameRules;
    this.checkpoints = checkpoints;
    this.directory = vertx.sharedData().<String, String>getAsyncMap(DIRECTORY);
    this.bus = vertx.isClustered() ? new RoomBus(vertx, nodeId) : null;
  }

  /** In cluster mode, starts taking messages for this node's sockets from rooms on other nodes. */
  public Future<Void> start() {
    return bus == null ? Future.succeededFuture() : bus.start();
  }

  /** This node's name in the room directory. */
  public String nodeId() {
    return nodeId;
  }

  /** The node that owns the room with this code, if any node does. */
  public Future<Optional<String>> owner(String code) {
    return directory.compose(map -> map.get(code)).map(Optional::ofNullable);
  }

  /** Claims {@code code} for this node; true if no node had it. */
  private Future<Boolean> claim(String code) {
    return directory
        .compose(map -> map.putIfAbsent(code, nodeId))
        .map(previous -> previous == null);
  }

  /**
   * Opens again every room a checkpoint describes (the server stopped while they were open), with
   * their codes, seats and scores: players resume with their tokens and the host with the host
   * token. A checkpoint that cannot be read is logged and dropped. Completes with how many rooms
   * came back.
   */
  public Future<Integer> restoreAll() {
    return checkpoints
        .loadAll()
        .compose(
            saved -> {
              List<Future<?>> deployed = new java.util.ArrayList<>();
              for (CheckpointStore.Saved one : saved) {
                RoomGame game;
                try {
                  game =
                      RoomGame.restore(
                          RoomCheckpoint.fromJson(one.checkpoint()),
                          one.questions(),
                          nicknameRules,
                          gameLog,
                          clock.millis());
                } catch (RuntimeException e) {
                  log.error(
                      "Dropped the checkpoint of room {}: {}",
                      one.checkpoint().getString("code"),
                      e.toString());
                  checkpoints.delete(UUID.fromString(one.checkpoint().getString("gameId")));
                  continue;
                }
                LiveRoom room =
                    new LiveRoom(
                        game,
                        clock,
                        one.hostTokenDigest(),
                        one.hostAccount(),
                        checkpoints,
                        this::closed);
                deployed.add(
                    claim(game.code())
                        .compose(
                            mine -> {
                              if (!mine) {
                                return Future.succeededFuture(); // another node carries it on
                              }
                              open.put(game.code(), room);
                              return vertx.deployVerticle(room);
                            }));
              }
              return Future.join(deployed)
                  .map(v -> (int) deployed.stream().filter(f -> f.result() != null).count());
            });
  }

  /**
   * Opens a room: reserves a free code, lets {@code record} store the game under that code, and
   * only then makes the room findable, so no one can join a game that has no record.
   */
  public Future<Opened> open(
      UUID host,
      int hostLimit,
      UUID gameId,
      List<Question> questions,
      Map<String, Double> priorAccuracy,
      RoomSettings settings,
      Function<String, Future<Void>> record) {
    // The count and the seat it takes are one step: requests on several event loops (or one host's
    // requests in flight together) cannot all pass the check before any room is recorded.
    String slot = "opening " + UUID.randomUUID();
    synchronized (openedBy) {
      if (openedBy.values().stream().filter(host::equals).count() >= hostLimit) {
        return Future.failedFuture(
            new Problem(
                Problem.Kind.TOO_MANY_REQUESTS,
                "too_many_rooms",
                "You have " + hostLimit + " rooms open already: let one finish or close first."));
      }
      openedBy.put(slot, host);
    }
    return claimFreeCode(20)
        .compose(code -> openAs(code, host, gameId, questions, priorAccuracy, settings, record))
        .onComplete(
            done -> {
              if (done.succeeded()) {
                openedBy.put(done.result().code(), host);
              }
              openedBy.remove(slot);
            });
  }

  /**
   * Who opened each room this node opened, for the cap on open rooms per account (restored rooms
   * not counted).
   */
  private final Map<String, UUID> openedBy = new java.util.concurrent.ConcurrentHashMap<>();

  /** A code no room on any node has, claimed for this node. */
  private Future<String> claimFreeCode(int attempts) {
    String code = reserveCode();
    if (code == null || attempts == 0) {
      if (code != null) {
        reserved.remove(code);
      }
      return Future.failedFuture(
          new Problem(
              Problem.Kind.CONFLICT, "no_free_code", "No free room code was found; try again."));
    }
    return claim(code)
        .compose(
            mine -> {
              if (mine) {
                return Future.succeededFuture(code);
              }
              reserved.remove(code);
              return claimFreeCode(attempts - 1);
            },
            e -> {
              reserved.remove(code);
              return Future.failedFuture(e);
            });
  }

  private Future<Opened> openAs(
      String code,
      UUID host,
      UUID gameId,
      List<Question> questions,
      Map<String, Double> priorAccuracy,
      RoomSettings settings,
      Function<String, Future<Void>> record) {
    String hostToken = SessionToken.create();
    RoomGame game =
        new RoomGame(
            code,
            gameId,
            questions,
            priorAccuracy,
            settings,
            nicknameRules,
            gameLog,
            clock.millis());
    LiveRoom room =
        new LiveRoom(game, clock, SessionToken.digest(hostToken), host, checkpoints, this::closed);
    return record
        .apply(code)
        .compose(v -> vertx.deployVerticle(room))
        .map(
            id -> {
              open.put(code, room);
              return new Opened(code, gameId, hostToken);
            })
        .onComplete(
            done -> {
              reserved.remove(code);
              if (done.failed()) {
                release(code);
              }
            });
  }

  /** Gives up this node's claim on a code. */
  private void release(String code) {
    directory
        .compose(map -> map.removeIfPresent(code, nodeId))
        .onFailure(e -> log.warn("Room code {} stays claimed: {}", code, e.getMessage()));
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

  /**
   * Of these codes, the ones an open room has on some node of the cluster (the room directory), for
   * lists of open rooms read from the database, where a room closed in its lobby leaves no end.
   */
  public Future<Set<String>> claimed(java.util.Collection<String> codes) {
    return directory.compose(
        map -> {
          List<Future<Optional<String>>> owners =
              codes.stream().map(code -> map.get(code).map(Optional::ofNullable)).toList();
          return Future.all(owners)
              .map(
                  done -> {
                    Set<String> open = new java.util.HashSet<>();
                    int i = 0;
                    for (String code : codes) {
                      if (owners.get(i++).result().isPresent()) {
                        open.add(code);
                      }
                    }
                    return open;
                  });
        });
  }

  public Optional<LiveRoom> find(String code) {
    return Optional.ofNullable(open.get(code));
  }

  /**
   * A node of the cluster is gone: every room it owned is claimed by one surviving node (an atomic
   * replace in the directory, so exactly one wins), which carries it on from its checkpoint and the
   * record written since; sockets here that talked to its rooms are told to reconnect.
   */
  public void nodeLeft(String deadNode) {
    log.info("Node {} left the cluster; taking over its rooms", deadNode);
    if (bus != null) {
      bus.nodeLeft(deadNode);
    }
    directory
        .compose(AsyncMap::entries)
        .onSuccess(
            entries ->
                entries.forEach(
                    (code, owner) -> {
                      if (owner.equals(deadNode)) {
                        directory
                            .compose(map -> map.replaceIfPresent(code, deadNode, nodeId))
                            .onSuccess(
                                won -> {
                                  if (won) {
                                    takeOver(code);
                                  }
                                });
                      }
                    }))
        .onFailure(
            e ->
                log.error(
                    "Could not read the room directory after node {} left: {}",
                    deadNode,
                    e.getMessage()));
  }

  private void takeOver(String code) {
    checkpoints
        .load(code)
        .compose(
            saved -> {
              if (saved.isEmpty()) {
                log.warn("Room {} was lost with its node: it had no checkpoint", code);
                release(code);
                return Future.succeededFuture();
              }
              RoomCheckpoint checkpoint = RoomCheckpoint.fromJson(saved.get().checkpoint());
              return checkpoints
                  .later(checkpoint.gameId(), checkpoint.index())
                  .compose(
                      later -> {
                        RoomGame game =
                            RoomGame.restore(
                                checkpoint,
                                saved.get().questions(),
                                nicknameRules,
                                gameLog,
                                clock.millis(),
                                later);
                        LiveRoom room =
                            new LiveRoom(
                                game,
                                clock,
                                saved.get().hostTokenDigest(),
                                saved.get().hostAccount(),
                                checkpoints,
                                this::closed);
                        open.put(code, room);
                        return vertx
                            .deployVerticle(room)
                            .onSuccess(
                                id ->
                                    log.info("Room {} carried on here after its node left", code));
                      });
            })
        .onFailure(e -> log.error("Could not carry on room {}: {}", code, e.toString()));
  }

  /**
   * A link to the room with this code: on this node directly, on another one over the event bus.
   */
  public Future<Optional<RoomLink>> link(String code) {
    LiveRoom local = open.get(code);
    if (local != null || bus == null) {
      return Future.succeededFuture(Optional.ofNullable(local));
    }
    return owner(code)
        .map(
            owner ->
                owner.filter(node -> !node.equals(nodeId)).map(node -> bus.remote(code, node)));
  }

  /**
   * The server is stopping: every room writes a checkpoint (to carry on after the restart) and then
   * tells its clients to come back; completes when all rooms have.
   */
  public Future<Void> goingAway() {
    List<Future<Void>> all = new java.util.ArrayList<>();
    for (LiveRoom room : open.values()) {
      all.add(room.checkpointAndLeave());
    }
    return Future.join(all).mapEmpty();
  }

  public int openCount() {
    return open.size();
  }

  private void closed(LiveRoom room) {
    if (open.remove(room.code(), room)) {
      openedBy.remove(room.code());
      log.info("Room {} closed", room.code());
      release(room.code());
      checkpoints
          .delete(room.gameId())
          .onFailure(
              e ->
                  log.warn(
                      "The checkpoint of closed room {} stays: {}", room.code(), e.getMessage()));
      String deployment = room.deploymentID();
      if (deployment != null) {
        vertx.undeploy(deployment);
      }
    }
  }
}
