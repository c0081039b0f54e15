package org.quizhall.room;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.function.Consumer;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one {@link RoomGame} on one event-loop context: every command runs there, one at a time, so
 * the game needs no locks. After each command it sets a single timer for the game's next wake-up.
 */
public final class LiveRoom extends VerticleBase implements RoomLink {

  /** A command against the room's game, run on the room's context. */
  public interface Command {
    void run(RoomGame game, long now);
  }

  private static final Logger log = LoggerFactory.getLogger(LiveRoom.class);

  private final RoomGame game;
  private final Clock clock;
  private final byte[] hostTokenDigest;

  /**
   * The account that opened the room: signed in, it may take the console without the host token.
   */
  private final java.util.UUID hostAccount;

  private final Consumer<LiveRoom> onClosed;
  private final CheckpointStore checkpoints;

  /** A checkpoint is being written; a phase change meanwhile is written when it is done. */
  private boolean saving;

  private Context roomContext;
  private long timerId = -1;
  private long timerAt = RoomGame.NEVER;

  LiveRoom(
      RoomGame game,
      Clock clock,
      byte[] hostTokenDigest,
      java.util.UUID hostAccount,
      CheckpointStore checkpoints,
      Consumer<LiveRoom> onClosed) {
    this.game = game;
    this.hostAccount = hostAccount;
    this.clock = clock;
    this.hostTokenDigest = hostTokenDigest;
    this.checkpoints = checkpoints;
    this.onClosed = onClosed;
  }

  public java.util.UUID gameId() {
    return game.gameId();
  }

  /**
   * A room's phase and seated players as of its last command or timer, for lists read on other
   * threads.
   */
  public record Glance(Phase phase, int players) {}

  private volatile Glance glance = new Glance(Phase.LOBBY, 0);

  public Glance glance() {
    return glance;
  }

  /**
   * Writes a checkpoint now, whatever the phase (the server is stopping), then says goodbye to
   * everyone.
   */
  public Future<Void> checkpointAndLeave() {
    Promise<Void> done = Promise.promise();
    roomContext.runOnContext(
        v -> {
          if (game.closed()) {
            done.complete();
            return;
          }
          checkpoints
              .save(game.checkpoint(clock.millis()), hostTokenDigest)
              .onComplete(
                  saved -> {
                    if (saved.failed()) {
                      log.warn(
                          "Room {} could not be checkpointed: {}",
                          game.code(),
                          saved.cause().getMessage());
                    }
                    game.goingAway();
                    done.complete();
                  });
        });
    return done.future();
  }

  private RemoteChannels remote;

  /**
   * In cluster mode the room also answers sockets on other nodes, at {@link RoomBus#roomAddress}.
   */
  @Override
  public Future<?> start() {
    roomContext = context;
    glance = new Glance(game.phase(), game.playerCount());
    reschedule();
    checkpointIfDue();
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    remote = new RemoteChannels(context, vertx.eventBus());
    return vertx
        .eventBus()
        .consumer(RoomBus.roomAddress(game.code()), this::fromAnotherNode)
        .completion();
  }

  /** A request from a socket on another node; runs on the room's context like every command. */
  private void fromAnotherNode(io.vertx.core.eventbus.Message<Object> message) {
    long now = clock.millis();
    try {
      NodeMessages.Request request = NodeMessages.decode(message.body());
      String node = request.node();
      if (request instanceof NodeMessages.Join join) {
        message.reply(
            NodeMessages.encodeSeat(
                game.join(
                    join.nickname(),
                    join.accountId(),
                    join.address(),
                    remote.of(node, join.conn()),
                    now)));
      } else if (request instanceof NodeMessages.Resume resume) {
        message.reply(
            NodeMessages.encodeSeat(
                game.resume(resume.resumeToken(), remote.of(node, resume.conn()), now)));
      } else if (request instanceof NodeMessages.AttachHost host) {
        if (!hostTokenMatches(host.digest())) {
          throw badHostToken();
        }
        game.attachHost(remote.of(node, host.conn()), now);
        message.reply(NodeMessages.done());
      } else if (request instanceof NodeMessages.AttachOwner owner) {
        if (!openedBy(owner.account())) {
          throw notTheOwner();
        }
        game.attachHost(remote.of(node, owner.conn()), now);
        message.reply(NodeMessages.done());
      } else if (request instanceof NodeMessages.Run run) {
        RoomCommands.apply(game, run.player(), run.command(), now);
        message.reply(NodeMessages.done());
      } else if (request instanceof NodeMessages.Disconnected gone) {
        game.disconnected(gone.player(), remote.of(node, gone.conn()), now);
        remote.forget(node, gone.conn());
      } else {
        NodeMessages.HostDisconnected gone = (NodeMessages.HostDisconnected) request;
        game.hostDisconnected(remote.of(node, gone.conn()), now);
        remote.forget(node, gone.conn());
      }
    } catch (Problem problem) {
      RoomBus.fail(message, problem);
    } catch (RuntimeException e) {
      log.error("Room {} failed a request from another node", game.code(), e);
      RoomBus.fail(message, e);
    } finally {
      afterCommand();
    }
  }

  public String code() {
    return game.code();
  }

  public boolean hostTokenMatches(byte[] digest) {
    return java.security.MessageDigest.isEqual(hostTokenDigest, digest);
  }

  @Override
  public Future<RoomGame.Seat> join(
      String nickname, java.util.UUID accountId, String address, Channel channel) {
    return ask((game, now) -> game.join(nickname, accountId, address, channel, now));
  }

  @Override
  public Future<RoomGame.Seat> resume(String resumeToken, Channel channel) {
    return ask((game, now) -> game.resume(resumeToken, channel, now));
  }

  @Override
  public Future<Void> attachHost(byte[] digest, Channel channel) {
    if (!hostTokenMatches(digest)) {
      return Future.failedFuture(badHostToken());
    }
    return ask(
        (game, now) -> {
          game.attachHost(channel, now);
          return null;
        });
  }

  @Override
  public Future<Void> attachOwner(java.util.UUID account, Channel channel) {
    if (!openedBy(account)) {
      return Future.failedFuture(notTheOwner());
    }
    return ask(
        (game, now) -> {
          game.attachHost(channel, now);
          return null;
        });
  }

  private boolean openedBy(java.util.UUID account) {
    return hostAccount != null && hostAccount.equals(account);
  }

  private static Problem badHostToken() {
    return Problem.unauthenticated(
        "invalid_host_token", "That host token does not open this room.");
  }

  static Problem notTheOwner() {
    return new Problem(
        Problem.Kind.FORBIDDEN,
        "not_room_owner",
        "Only the account that opened this room can run its console: sign in as that account, or use the host token.");
  }

  @Override
  public Future<Void> run(String playerId, io.vertx.core.json.JsonObject command) {
    return ask(
        (game, now) -> {
          RoomCommands.apply(game, playerId, command, now);
          return null;
        });
  }

  @Override
  public void disconnected(String playerId, Channel channel) {
    submit((game, now) -> game.disconnected(playerId, channel, now), problem -> {});
  }

  @Override
  public void hostDisconnected(Channel channel) {
    submit((game, now) -> game.hostDisconnected(channel, now), problem -> {});
  }

  /**
   * Runs a command on the room's context; a problem it raises goes to {@code onProblem}, on that
   * context.
   */
  public void submit(Command command, Consumer<Problem> onProblem) {
    roomContext.runOnContext(v -> execute(command, onProblem));
  }

  /** Runs a command and hands back what it returns, for callers that need an answer. */
  public <T> Future<T> ask(java.util.function.BiFunction<RoomGame, Long, T> question) {
    Promise<T> promise = Promise.promise();
    roomContext.runOnContext(
        v -> {
          try {
            promise.complete(question.apply(game, clock.millis()));
          } catch (Problem problem) {
            promise.fail(problem);
          } catch (RuntimeException e) {
            log.error("Room {} failed a command", game.code(), e);
            promise.fail(
                new Problem(
                    Problem.Kind.CONFLICT, "internal_error", "The room could not do that."));
          } finally {
            afterCommand();
          }
        });
    return promise.future();
  }

  private void execute(Command command, Consumer<Problem> onProblem) {
    try {
      command.run(game, clock.millis());
    } catch (Problem problem) {
      onProblem.accept(problem);
    } catch (RuntimeException e) {
      log.error("Room {} failed a command", game.code(), e);
      onProblem.accept(
          new Problem(Problem.Kind.CONFLICT, "internal_error", "The room could not do that."));
    } finally {
      afterCommand();
    }
  }

  private void afterCommand() {
    glance = new Glance(game.phase(), game.playerCount());
    if (game.closed()) {
      cancelTimer();
      onClosed.accept(this);
      return;
    }
    checkpointIfDue();
    reschedule();
  }

  /**
   * After a reveal or the podium, a checkpoint a moment later (at a random point of the next {@link
   * #CHECKPOINT_DELAY_MS}, so that rooms that reveal together do not all write at once, and never
   * in the middle of the room's own fan-out); one write at a time, and changes while one is in
   * flight go in the next.
   */
  private void checkpointIfDue() {
    if (saving || !game.checkpointDue()) {
      return;
    }
    saving = true;
    vertx.setTimer(
        CHECKPOINT_DELAY_MS / 4
            + java.util.concurrent.ThreadLocalRandom.current().nextLong(CHECKPOINT_DELAY_MS),
        id -> writeCheckpoint());
  }

  static final long CHECKPOINT_DELAY_MS = 500;

  private void writeCheckpoint() {
    if (game.closed()) {
      saving = false;
      return;
    }
    checkpoints
        .save(game.checkpoint(clock.millis()), hostTokenDigest)
        .onComplete(
            saved -> {
              saving = false;
              if (saved.failed()) {
                log.warn(
                    "Room {} could not be checkpointed: {}",
                    game.code(),
                    saved.cause().getMessage());
              }
              checkpointIfDue();
            });
  }

  private void reschedule() {
    long at = game.nextWakeup();
    if (at == timerAt) {
      return;
    }
    cancelTimer();
    if (at != RoomGame.NEVER) {
      timerAt = at;
      long delay = Math.max(1, at - clock.millis());
      timerId = vertx.setTimer(delay, id -> wake());
    }
  }

  private void wake() {
    timerId = -1;
    timerAt = RoomGame.NEVER;
    long now = clock.millis();
    try {
      game.tick(now);
    } catch (RuntimeException e) {
      log.error("Room {} failed a timer", game.code(), e);
    }
    afterCommand();
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    timerAt = RoomGame.NEVER;
  }
}
