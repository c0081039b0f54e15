package org.quizhall.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quizhall.account.SessionToken;
import org.quizhall.deck.Judge;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionJson;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.Response;
import org.quizhall.game.GameLog;
import org.quizhall.game.Games;
import org.quizhall.game.Scoring;
import org.quizhall.problem.Problem;

/**
 * The rules of one live room as a state machine: commands and the current time go in; messages to
 * channels, records for the game log and the next moment it needs to be woken come out. It does no
 * I/O and reads no clock, so it is tested without a network or real time. It is not thread-safe:
 * its owner calls it from one thread (the room's event-loop context) only.
 */
public final class RoomGame {

  public static final long NEVER = Long.MAX_VALUE;

  /** A disconnected player's seat, score and nickname are kept this long. */
  public static final Duration SEAT_RESERVED = Duration.ofSeconds(120);

  /**
   * Once the game runs, a seat that never answered is kept only this long after its socket closed:
   * long enough for a reload or a network change, too short for one client to hold a room full of
   * seats it opened and dropped.
   */
  public static final Duration UNUSED_SEAT_RESERVED = Duration.ofSeconds(15);

  /** A room whose host has been away this long closes. */
  public static final Duration HOST_ABSENCE_LIMIT = Duration.ofMinutes(10);

  /** The podium stays up this long before the room closes by itself. */
  public static final Duration PODIUM_LINGER = Duration.ofMinutes(10);

  /** Answer counts and rosters go out at most this often, however fast answers and joins arrive. */
  public static final long AGGREGATE_INTERVAL_MS = 250;

  /**
   * Players see the answer count in turns: at each {@link #AGGREGATE_INTERVAL_MS} tick one slice of
   * them gets it, never the whole room at once (a burst of thousands of copies would hold up the
   * answers queued behind it). At least {@link #MIN_COUNT_SLICES} slices of at most this many
   * players, so each player sees the count about once a second in a class and every five seconds
   * among 5,000, while the host's console follows every change.
   */
  public static final int COUNT_SLICE_SIZE = 250;

  public static final int MIN_COUNT_SLICES = 4;
  public static final int LEADERBOARD_SIZE = 10;
  public static final int PODIUM_SIZE = 3;

  /** A seat handed to a joining player: the resume token is shown once and kept only as a key. */
  public record Seat(String playerId, String nickname, String resumeToken) {}

  private record Answer(Response response, boolean correct, long responseMs, int points) {}

  private record Departure(Player player, long at) {}

  private final String code;
  private final UUID gameId;
  private final List<Question> questions;
  private final Map<String, Double> priorAccuracy;
  private final RoomSettings settings;
  private final NicknameRules nicknameRules;
  private final GameLog log;

  private Phase phase = Phase.LOBBY;
  private int index = -1;
  private boolean locked;
  private boolean started;
  private boolean finished;

  private Channel host;
  private long hostAwaySince;

  /** When the current phase's timer runs out (question deadline or auto-advance), or NEVER. */
  private long phaseEndsAt = NEVER;

  private long pausedRemaining = -1;
  private long questionShownAt;
  private long questionPausedMs;
  private long pausedAt;
  private long closesAt = NEVER;

  private final Map<String, Player> players = new LinkedHashMap<>();
  private final Map<String, Player> byNickname = new HashMap<>();
  private final Map<String, Player> byResumeKey = new HashMap<>();
  private final Set<UUID> kickedAccounts = new HashSet<>();

  /** Addresses a kicked guest joined from, with when guests from there may join again. */
  private final Map<String, Long> bannedAddresses = new HashMap<>();

  /**
   * The longest a host may keep a kicked guest's address out: a lesson, not for ever (a school
   * shares it).
   */
  public static final int MAX_BAN_MINUTES = 120;

  private final ArrayDeque<Departure> departures = new ArrayDeque<>();

  /** Departures of seats that never answered, released after {@link #UNUSED_SEAT_RESERVED}. */
  private final ArrayDeque<Departure> briefDepartures = new ArrayDeque<>();

  /** Seats held per network address, for {@link RoomSettings#seatsPerAddress()}. */
  private final Map<String, Integer> seatsByAddress = new HashMap<>();

  private final Map<String, Answer> answers = new HashMap<>();
  private long joinCounter;
  private int seatedCount;
  private int connectedSeated;

  private long answersDueAt = NEVER;
  private boolean answersChanged;

  /**
   * Per slice of players, the count it was last shown ({@link #countKey}); see {@link
   * #COUNT_SLICE_SIZE}.
   */
  private long[] countShown = new long[0];

  private int countTurn;
  private long rosterDueAt = NEVER;
  private boolean rosterChanged;

  /** The phase changed since the last checkpoint was taken; see {@link #checkpointDue()}. */
  private boolean checkpointDue;

  /** The last phase message everyone got, kept for snapshots on resume. */
  private JsonObject phaseMessage;

  private JsonObject hostPodium;
  private List<Player> ranking = List.of();

  public RoomGame(
      String code,
      UUID gameId,
      List<Question> questions,
      RoomSettings settings,
      NicknameRules nicknameRules,
      GameLog log,
      long now) {
    this(code, gameId, questions, Map.of(), settings, nicknameRules, log, now);
  }

  /**
   * @param priorAccuracy a study group's earlier accuracy (0 to 1) on some of the questions, shown
   *     with their reveal in weak-spot rounds
   */
  public RoomGame(
      String code,
      UUID gameId,
      List<Question> questions,
      Map<String, Double> priorAccuracy,
      RoomSettings settings,
      NicknameRules nicknameRules,
      GameLog log,
      long now) {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("a room needs at least one question");
    }
    this.code = code;
    this.gameId = gameId;
    this.questions = List.copyOf(questions);
    this.priorAccuracy = Map.copyOf(priorAccuracy);
    this.settings = settings;
    this.nicknameRules = nicknameRules;
    this.log = log;
    this.hostAwaySince = now;
    // A first checkpoint as soon as the room opens, so that even a room still in its lobby can be
    // carried on elsewhere (the seats taken since come from the game's record).
    this.checkpointDue = true;
  }

  public String code() {
    return code;
  }

  public UUID gameId() {
    return gameId;
  }

  public Phase phase() {
    return phase;
  }

  /**
   * Where the game stands, as a host command names it in {@code at}: the phase, and for a question,
   * its reveal and the leaderboard after it the question's index ({@code "question:3"}, {@code
   * "reveal:3"}, {@code "lobby"}). Every screen of a game has its own, so a command pressed against
   * one screen cannot act on the next.
   */
  public String stateId() {
    return switch (phase) {
      case QUESTION, REVEAL, LEADERBOARD -> phase.wireName() + ":" + index;
      default -> phase.wireName();
    };
  }

  public boolean closed() {
    return phase == Phase.CLOSED;
  }

  /** Players seated now: connected or holding a reserved seat, not kicked and not gone. */
  public int playerCount() {
    return seatedCount;
  }

  /**
   * A new player takes a seat; {@code address} is the network address they join from (null when
   * unknown).
   */
  public Seat join(String rawNickname, UUID accountId, String address, Channel channel, long now) {
    requireOpen();
    if (locked) {
      throw new Problem(
          Problem.Kind.FORBIDDEN,
          "room_locked",
          "The host has locked this room: no one new can join.");
    }
    if (phase == Phase.PODIUM) {
      throw new Problem(Problem.Kind.FORBIDDEN, "game_over", "This game has finished.");
    }
    if (accountId != null && kickedAccounts.contains(accountId)) {
      throw new Problem(Problem.Kind.FORBIDDEN, "kicked", "The host removed you from this room.");
    }
    if (accountId == null
        && address != null
        && bannedAddresses.getOrDefault(address, NEVER_BANNED) > now) {
      throw new Problem(
          Problem.Kind.FORBIDDEN,
          "kicked",
          "The host removed a guest who joined from your network: sign in to join, or wait a while.");
    }
    Player earlier = accountId == null ? null : seatOf(accountId);
    if (earlier != null) {
      return takeBack(earlier, channel, now);
    }
    if (accountId == null && !settings.guestsAllowed()) {
      throw new Problem(
          Problem.Kind.FORBIDDEN,
          "sign_in_required",
          "This room takes signed-in players only: sign in, then join again.");
    }
    if (playerCount() >= settings.maxPlayers()) {
      throw new Problem(Problem.Kind.FORBIDDEN, "room_full", "This room is full.");
    }
    if (address != null && seatsByAddress.getOrDefault(address, 0) >= settings.seatsPerAddress()) {
      throw new Problem(
          Problem.Kind.FORBIDDEN,
          "too_many_seats",
          "This room already has "
              + settings.seatsPerAddress()
              + " players from your network; the host can allow more.");
    }
    String nickname = nicknameRules.check(rawNickname);
    String key = NicknameRules.uniquenessKey(nickname);
    if (byNickname.containsKey(key)) {
      throw Problem.conflict(
          "nickname_taken",
          "Someone in this room is already called " + nickname + ". Choose another nickname.");
    }
    requireRecordRoom("Joining");
    String token = SessionToken.create();
    String resumeKey = resumeKey(token);
    Player player =
        new Player(
            "p" + (++joinCounter), UUID.randomUUID(), nickname, accountId, resumeKey, joinCounter);
    if (started) {
      // Late joiners are ranked as if they had let every earlier question run out.
      player.rankingTimeMs = millisBefore(index + (phase == Phase.QUESTION ? 0 : 1));
    }
    player.address = address;
    if (address != null) {
      seatsByAddress.merge(address, 1, Integer::sum);
    }
    players.put(player.id, player);
    byNickname.put(key, player);
    byResumeKey.put(resumeKey, player);
    seatedCount++;
    log.playerJoined(
        new GameLog.PlayerJoined(
            gameId,
            player.recordId,
            nickname,
            accountId,
            SessionToken.digest(token),
            Instant.ofEpochMilli(now)));
    connect(player, channel, now);
    send(player, welcome(player, token, now));
    return new Seat(player.id, nickname, token);
  }

  /**
   * Refuses a join or answer while the game log cannot take another row (the database has been away
   * long enough to fill its queue): refused now, the player can try again; accepted, it could be
   * lost.
   */
  private void requireRecordRoom(String what) {
    if (!log.hasRoom()) {
      log.refused();
      throw new Problem(
          Problem.Kind.UNAVAILABLE,
          "server_busy",
          what
              + " is paused for a moment: the server cannot save anything new right now. Try again shortly.");
    }
  }

  /** A player comes back with their resume token, on a new connection. */
  public Seat resume(String resumeToken, Channel channel, long now) {
    requireOpen();
    Player player = resumeToken == null ? null : byResumeKey.get(resumeKey(resumeToken));
    if (player == null || player.left) {
      throw Problem.notFound(
          "seat_not_found", "That seat is not in this room any more. Join again with a nickname.");
    }
    if (player.kicked) {
      throw new Problem(Problem.Kind.FORBIDDEN, "kicked", "The host removed you from this room.");
    }
    if (player.connected()) {
      Channel previous = player.channel;
      disconnectQuietly(player);
      previous.close(Protocol.CLOSE_REPLACED, "This seat was resumed on another connection.");
    }
    connect(player, channel, now);
    send(player, welcome(player, resumeToken, now));
    return new Seat(player.id, player.nickname, resumeToken);
  }

  /** The host connects (or reconnects); an earlier host connection is replaced. */
  public void attachHost(Channel channel, long now) {
    requireOpen();
    if (host != null) {
      host.close(Protocol.CLOSE_REPLACED, "The host view was opened on another connection.");
    }
    host = channel;
    hostAwaySince = NEVER;
    host.send(hostWelcome(now).encode());
  }

  /** A connection ended; the seat stays reserved for {@link #SEAT_RESERVED}. */
  public void disconnected(String playerId, Channel channel, long now) {
    Player player = players.get(playerId);
    if (player == null || player.channel != channel) {
      return;
    }
    disconnectQuietly(player);
    if (player.seated()) {
      player.disconnectedAt = now;
      departuresFor(player).add(new Departure(player, now));
      rosterChanged(now);
      revealIfEveryoneAnswered(now);
    }
  }

  public void hostDisconnected(Channel channel, long now) {
    if (host == channel) {
      host = null;
      hostAwaySince = now;
    }
  }

  /** A player leaves for good: their nickname is free again, their points stay in the results. */
  public void leave(String playerId, long now) {
    Player player = players.get(playerId);
    if (player == null || !player.seated()) {
      return;
    }
    player.left = true;
    seatedCount--;
    freeSeat(player);
    byNickname.remove(NicknameRules.uniquenessKey(player.nickname));
    Channel channel = player.channel;
    disconnectQuietly(player);
    if (channel != null) {
      channel.close(1000, "You left the room.");
    }
    rosterChanged(now);
    revealIfEveryoneAnswered(now);
  }

  public void start(long now) {
    requirePhase(Phase.LOBBY, "The game has already started.");
    started = true;
    log.gameStarted(gameId, Instant.ofEpochMilli(now));
    ask(0, now, settings.leadIn().toMillis());
  }

  /** Moves the game on: ends the question early, or goes to the next screen. */
  public void next(long now) {
    requireOpen();
    switch (phase) {
      case LOBBY -> start(now);
      case QUESTION -> reveal(now);
      case REVEAL -> leaderboard(now);
      case LEADERBOARD -> advanceFromLeaderboard(now);
      case PODIUM -> close("The host closed the room.", now);
      case CLOSED -> {}
    }
  }

  public void pause(long now) {
    requireOpen();
    if (pausedRemaining >= 0) {
      throw Problem.invalid("already_paused", "The timer is already paused.");
    }
    if (phaseEndsAt == NEVER) {
      throw Problem.invalid("nothing_to_pause", "There is no running timer to pause.");
    }
    if (phase == Phase.QUESTION && answersOpenAt() > now) {
      // A pause during the lead-in ends it: once the game goes on, the question is open with all
      // its time.
      phaseEndsAt -= answersOpenAt() - now;
      questionShownAt = now - questionPausedMs;
    }
    pausedRemaining = Math.max(0, phaseEndsAt - now);
    pausedAt = now;
    phaseEndsAt = NEVER;
    broadcast(
        Protocol.message("paused")
            .put("phase", phase.wireName())
            .put("remainingMs", pausedRemaining));
  }

  public void resumeTimer(long now) {
    requireOpen();
    if (pausedRemaining < 0) {
      throw Problem.invalid("not_paused", "The timer is not paused.");
    }
    phaseEndsAt = now + pausedRemaining;
    if (phase == Phase.QUESTION) {
      questionPausedMs += now - pausedAt;
      phaseMessage.put("deadline", phaseEndsAt);
    }
    pausedRemaining = -1;
    broadcast(
        Protocol.message("resumed")
            .put("phase", phase.wireName())
            .put("deadline", phaseEndsAt)
            .put("remainingMs", phaseEndsAt - now));
  }

  /**
   * The server is stopping: every connection is closed with {@link Protocol#CLOSE_GOING_AWAY},
   * which tells clients to come back and resume.
   */
  public void goingAway() {
    for (Player player : players.values()) {
      Channel channel = player.channel;
      if (channel != null) {
        disconnectQuietly(player);
        channel.close(
            Protocol.CLOSE_GOING_AWAY, "The server is restarting: reconnect in a moment.");
      }
    }
    if (host != null) {
      host.close(Protocol.CLOSE_GOING_AWAY, "The server is restarting: reconnect in a moment.");
      host = null;
    }
  }

  private static final long NEVER_BANNED = Long.MIN_VALUE;

  /**
   * Removes a player for good: they are told, disconnected, and cannot resume or rejoin with their
   * account; a guest's network address takes no new guests for {@code banMinutes} (0: none), so
   * they cannot come straight back under another name. Signed-in players from that address still
   * join.
   */
  public void kick(String playerId, int banMinutes, long now) {
    requireOpen();
    Player player = players.get(playerId);
    if (player == null || !player.seated()) {
      throw Problem.notFound("player_not_found", "There is no such player in this room.");
    }
    player.kicked = true;
    seatedCount--;
    if (player.accountId != null) {
      kickedAccounts.add(player.accountId);
    } else if (player.address != null && banMinutes > 0) {
      bannedAddresses.merge(player.address, now + banMinutes * 60_000L, Math::max);
    }
    Channel channel = player.channel;
    disconnectQuietly(player);
    if (channel != null) {
      channel.send(
          Protocol.message("kicked")
              .put("message", "The host removed you from this room.")
              .encode());
      channel.close(Protocol.CLOSE_KICKED, "Removed by the host.");
    }
    rosterChanged(now);
    revealIfEveryoneAnswered(now);
  }

  public void lock(boolean lock, long now) {
    requireOpen();
    locked = lock;
    broadcast(Protocol.message("locked").put("locked", locked));
  }

  /**
   * Ends the game now: straight to the podium, or closes a room that never started or already
   * finished.
   */
  public void end(long now) {
    requireOpen();
    if (phase == Phase.LOBBY || phase == Phase.PODIUM) {
      close(phase == Phase.LOBBY ? "The host closed the room." : "The game is over.", now);
    } else {
      if (phase == Phase.QUESTION) {
        reveal(now);
      }
      podium(now);
    }
  }

  /**
   * Takes a player's answer to question {@code questionIndex}: a {@code choice} (multiple choice
   * and true/false), a {@code text} (typed) or {@code choices} (multiple response, ordering,
   * matching), scored only when wholly right. Acknowledged to the player alone, once the answer is
   * stored; the correct answer stays on the server until the reveal.
   */
  public void answer(String playerId, Object re, int questionIndex, Response response, long now) {
    Player player = players.get(playerId);
    if (player == null || !player.seated()) {
      throw Problem.notFound("seat_not_found", "You are not seated in this room.");
    }
    if (phase != Phase.QUESTION
        && questionIndex == index
        && (phase == Phase.REVEAL || phase == Phase.LEADERBOARD)
        && answers.containsKey(playerId)) {
      // Sent again after a reconnect, say: it was taken before the reveal.
      throw new Problem(
          Problem.Kind.CONFLICT, "already_answered", "You have already answered this question.");
    }
    if (phase != Phase.QUESTION
        && questionIndex == index
        && (phase == Phase.REVEAL || phase == Phase.LEADERBOARD)) {
      // The question this answer is for has closed since: its time ran out (or the host moved on)
      // before it came.
      throw new Problem(
          Problem.Kind.CONFLICT, "too_late", "Time was up before your answer arrived.");
    }
    if (phase != Phase.QUESTION) {
      throw new Problem(
          Problem.Kind.CONFLICT, "not_accepting_answers", "There is no open question right now.");
    }
    if (questionIndex != index) {
      throw new Problem(
          Problem.Kind.CONFLICT,
          "stale_question",
          "That answer is for question "
              + (questionIndex + 1)
              + " but question "
              + (index + 1)
              + " is open.");
    }
    if (pausedRemaining >= 0) {
      throw new Problem(
          Problem.Kind.CONFLICT, "paused", "The timer is paused: answer when it runs again.");
    }
    if (now < answersOpenAt()) {
      throw new Problem(
          Problem.Kind.CONFLICT,
          "not_open_yet",
          "The question opens when the 3-2-1 is over: answer then, with all its time.");
    }
    if (now > phaseEndsAt) {
      throw new Problem(
          Problem.Kind.CONFLICT, "too_late", "Time was up before your answer arrived.");
    }
    if (answers.containsKey(playerId)) {
      throw new Problem(
          Problem.Kind.CONFLICT, "already_answered", "You have already answered this question.");
    }
    Question question = questions.get(index);
    boolean correct = Judge.correct(question, response);
    requireRecordRoom("Answering");
    long responseMs = Math.max(0, now - questionShownAt - questionPausedMs);
    int streak = correct ? player.streak + 1 : 0;
    int points =
        Scoring.points(correct, responseMs, millisFor(index), streak, settings.speedScoring());
    answers.put(playerId, new Answer(response, correct, responseMs, points));
    int answeredIndex = index;
    log.answerAccepted(
        new GameLog.AnswerAccepted(
            gameId,
            player.recordId,
            player.accountId,
            index,
            question.id(),
            response,
            correct,
            responseMs,
            millisFor(index),
            points,
            Instant.ofEpochMilli(now)),
        stored -> acknowledge(playerId, re, answeredIndex, stored));
    answersChanged = true;
    answersDueAt = Math.min(answersDueAt, now + AGGREGATE_INTERVAL_MS);
    revealIfEveryoneAnswered(now);
  }

  /**
   * Tells a player their answer is stored, on the room's thread. Sent only then, so an acknowledged
   * answer survives the server dying a moment later; the game itself (reveal, scores) never waits
   * for it.
   */
  private void acknowledge(String playerId, Object re, int questionIndex, boolean stored) {
    Player player = players.get(playerId);
    if (player == null) {
      return;
    }
    if (stored) {
      send(
          player,
          Protocol.answering(Protocol.message("answer_ack"), re).put("index", questionIndex));
    } else {
      send(
          player,
          Protocol.error(
              "answer_not_saved",
              "Your answer to question " + (questionIndex + 1) + " could not be saved.",
              re));
    }
  }

  /** The earliest moment {@link #tick} has something to do, or {@link #NEVER}. */
  public long nextWakeup() {
    long at = Math.min(phaseEndsAt, Math.min(answersDueAt, rosterDueAt));
    at = Math.min(at, closesAt);
    if (host == null && hostAwaySince != NEVER && phase != Phase.CLOSED) {
      at = Math.min(at, hostAwaySince + HOST_ABSENCE_LIMIT.toMillis());
    }
    Departure first = departures.peekFirst();
    if (first != null) {
      at = Math.min(at, first.at() + SEAT_RESERVED.toMillis());
    }
    Departure brief = briefDepartures.peekFirst();
    if (brief != null) {
      at = Math.min(at, brief.at() + UNUSED_SEAT_RESERVED.toMillis());
    }
    return at;
  }

  /** Does whatever is due at {@code now}: timers, aggregated counts, expired seats. */
  public void tick(long now) {
    if (phase == Phase.CLOSED) {
      return;
    }
    if (host == null
        && hostAwaySince != NEVER
        && now >= hostAwaySince + HOST_ABSENCE_LIMIT.toMillis()) {
      close("The host has been away for " + HOST_ABSENCE_LIMIT.toMinutes() + " minutes.", now);
      return;
    }
    if (now >= closesAt) {
      close("The game is over.", now);
      return;
    }
    releaseExpiredSeats(now);
    if (now >= answersDueAt) {
      answersDueAt = NEVER;
      if (phase == Phase.QUESTION) {
        sendAnswerCounts(now);
      }
    }
    if (now >= rosterDueAt) {
      rosterDueAt = NEVER;
      if (rosterChanged) {
        rosterChanged = false;
        sendRoster();
      }
    }
    if (now >= phaseEndsAt) {
      switch (phase) {
        case QUESTION -> reveal(now);
        case REVEAL -> leaderboard(now);
        case LEADERBOARD -> advanceFromLeaderboard(now);
        default -> phaseEndsAt = NEVER;
      }
    }
  }

  /**
   * Asks question {@code questionIndex}; with a {@code leadInMs} (the 3-2-1 before the first
   * question) answers are taken only once it is over, and the deadline is that much later, so the
   * lead-in costs nobody answering time.
   */
  private void ask(int questionIndex, long now, long leadInMs) {
    index = questionIndex;
    phase = Phase.QUESTION;
    answers.clear();
    Map<String, Answer> stored = storedAhead.remove(questionIndex);
    if (stored != null) {
      answers.putAll(stored);
    }
    answersChanged = false;
    countShown = new long[countSlices()];
    Arrays.fill(countShown, countKey());
    answersDueAt = NEVER;
    pausedRemaining = -1;
    questionShownAt = now + leadInMs;
    questionPausedMs = 0;
    phaseEndsAt = now + leadInMs + millisFor(index);
    Question question = questions.get(index);
    JsonObject message =
        Protocol.message("question")
            .put("phase", phase.wireName())
            .put("index", index)
            .put("total", questions.size())
            .put("questionId", Games.questionId(gameId, index))
            .put("kind", question.kind())
            .put("answerType", question.type().jsonName())
            .put("context", new JsonArray(question.context()))
            .put("prompt", question.prompt())
            .mergeIn(QuestionJson.askable(question))
            .put("durationMs", millisFor(index))
            .put("leadInMs", leadInMs)
            .put("deadline", phaseEndsAt)
            .put("remainingMs", leadInMs + millisFor(index))
            .put("sentAt", now);
    phaseMessage = message;
    broadcast(message);
  }

  /**
   * When the open question starts taking answers: after the lead-in, moved on by any pause and
   * restart since.
   */
  private long answersOpenAt() {
    return questionShownAt + questionPausedMs;
  }

  /**
   * How long question {@code i} runs: the time its owner gave it, or the room's time per question.
   */
  private long millisFor(int i) {
    int own = i >= 0 && i < questions.size() ? questions.get(i).seconds() : 0;
    return own > 0 ? own * 1000L : settings.questionMillis();
  }

  /** How long the questions before {@code i} ran in all, had each run out. */
  private long millisBefore(int i) {
    long total = 0;
    for (int q = 0; q < Math.min(i, questions.size()); q++) {
      total += millisFor(q);
    }
    return total;
  }

  private void reveal(long now) {
    phase = Phase.REVEAL;
    pausedRemaining = -1;
    answersDueAt = NEVER;
    Question question = questions.get(index);
    int optionCount = question.options().size();
    int[] distribution = new int[Math.max(optionCount, 2)];
    for (Player player : players.values()) {
      if (!player.seated()) {
        continue;
      }
      Answer answer = answers.get(player.id);
      if (answer == null) {
        player.streak = 0;
        player.lastCorrect = false;
        player.lastPoints = 0;
        player.rankingTimeMs += millisFor(index);
        continue;
      }
      player.answeredCount++;
      player.answeredTimeMs += answer.responseMs();
      player.rankingTimeMs += answer.responseMs();
      player.lastCorrect = answer.correct();
      player.lastPoints = answer.points();
      player.score += answer.points();
      if (answer.correct()) {
        player.correctCount++;
        player.streak++;
        player.bestStreak = Math.max(player.bestStreak, player.streak);
      } else {
        player.streak = 0;
      }
      Response response = answer.response();
      // Answers restored from a checkpoint or the database are counted only where they fit the
      // question.
      if (response.choice() != null) {
        if (response.choice() >= 0 && response.choice() < distribution.length) {
          distribution[response.choice()]++;
        }
      } else if (question.type() == QuestionType.MULTIPLE_RESPONSE) {
        if (response.choices() != null) {
          response.choices().stream()
              .filter(c -> c >= 0 && c < distribution.length)
              .forEach(c -> distribution[c]++);
        }
      } else {
        distribution[answer.correct() ? 0 : 1]++;
      }
    }
    rank();
    rosterChanged(now);
    phaseEndsAt = settings.autoAdvances() ? now + settings.autoAdvance().toMillis() : NEVER;
    JsonObject message =
        Protocol.message("reveal")
            .put("phase", phase.wireName())
            .put("index", index)
            .put("total", questions.size())
            .put("answerType", question.type().jsonName())
            .put("answer", question.answer())
            .put("explanation", question.explanation())
            .put("source", QuestionJson.sourceJson(question.source()))
            .put("answered", answers.size())
            .put("players", playerCount());
    message.mergeIn(QuestionJson.askable(question)).mergeIn(QuestionJson.key(question));
    if (byOption(question)) {
      JsonArray counts = new JsonArray();
      for (int i = 0; i < optionCount; i++) {
        counts.add(distribution[i]);
      }
      message.put("distribution", counts);
    } else {
      message.put(
          "distribution",
          new JsonObject().put("correct", distribution[0]).put("incorrect", distribution[1]));
    }
    Double prior = priorAccuracy.get(question.id());
    if (prior != null) {
      message.put("groupAccuracy", Math.round(prior * 1000) / 1000.0);
    }
    putDeadline(message);
    phaseMessage = message;
    checkpointDue = true;
    broadcast(message);
    for (Player player : players.values()) {
      if (player.connected()) {
        send(player, result(player));
      }
    }
  }

  /**
   * Whether the reveal counts answers per option, or only right and wrong (typed, ordering,
   * matching).
   */
  private static boolean byOption(Question question) {
    return switch (question.type()) {
      case MULTIPLE_CHOICE, TRUE_FALSE, MULTIPLE_RESPONSE -> true;
      case TYPED, ORDERING, MATCHING -> false;
    };
  }

  private void leaderboard(long now) {
    phase = Phase.LEADERBOARD;
    pausedRemaining = -1;
    phaseEndsAt = settings.autoAdvances() ? now + settings.autoAdvance().toMillis() : NEVER;
    JsonObject message =
        Protocol.message("leaderboard")
            .put("phase", phase.wireName())
            .put("index", index)
            .put("total", questions.size())
            .put("last", index == questions.size() - 1)
            .put("top", standings(LEADERBOARD_SIZE))
            .put("players", playerCount());
    putDeadline(message);
    phaseMessage = message;
    broadcast(message);
  }

  private void advanceFromLeaderboard(long now) {
    if (index + 1 < questions.size()) {
      ask(index + 1, now, 0);
    } else {
      podium(now);
    }
  }

  private void podium(long now) {
    phase = Phase.PODIUM;
    phaseEndsAt = NEVER;
    pausedRemaining = -1;
    closesAt = now + PODIUM_LINGER.toMillis();
    recordFinish(now);
    JsonObject message =
        Protocol.message("podium")
            .put("phase", phase.wireName())
            .put("gameId", gameId.toString())
            .put("top", standings(PODIUM_SIZE))
            .put("players", ranking.size());
    phaseMessage = message;
    checkpointDue = true;
    hostPodium = message.copy().put("ranking", standings(ranking.size()));
    String text = message.encode();
    for (Player player : players.values()) {
      if (player.connected()) {
        player.channel.send(text);
        send(player, standing(player));
      }
    }
    if (host != null) {
      host.send(hostPodium.encode());
    }
  }

  /** Final standings go to the log once, whether the game reached its podium or was cut short. */
  private void recordFinish(long now) {
    if (finished || !started) {
      return;
    }
    finished = true;
    rank();
    List<GameLog.Standing> standings = new ArrayList<>();
    for (Player player : ranking) {
      standings.add(
          new GameLog.Standing(
              player.recordId,
              player.rank,
              player.score,
              player.correctCount,
              player.answeredCount,
              player.answeredTimeMs,
              player.bestStreak));
    }
    log.gameFinished(gameId, standings, Instant.ofEpochMilli(now));
  }

  private void close(String reason, long now) {
    if (phase == Phase.CLOSED) {
      return;
    }
    if (phase == Phase.REVEAL || phase == Phase.LEADERBOARD || phase == Phase.QUESTION) {
      if (phase == Phase.QUESTION) {
        reveal(now);
      }
      recordFinish(now);
    }
    phase = Phase.CLOSED;
    phaseEndsAt = NEVER;
    closesAt = NEVER;
    answersDueAt = NEVER;
    rosterDueAt = NEVER;
    departures.clear();
    briefDepartures.clear();
    String text =
        Protocol.message("closed").put("phase", phase.wireName()).put("reason", reason).encode();
    for (Player player : players.values()) {
      Channel channel = player.channel;
      if (channel != null) {
        disconnectQuietly(player);
        channel.send(text);
        channel.close(Protocol.CLOSE_ROOM_CLOSED, reason);
      }
    }
    if (host != null) {
      host.send(text);
      host.close(Protocol.CLOSE_ROOM_CLOSED, reason);
      host = null;
    }
  }

  private void revealIfEveryoneAnswered(long now) {
    if (phase != Phase.QUESTION || connectedSeated == 0) {
      return;
    }
    for (Player player : players.values()) {
      if (player.connected() && player.seated() && !answers.containsKey(player.id)) {
        return;
      }
    }
    reveal(now);
  }

  /** The account's seat in this room, if it ever had one that was not taken away by a kick. */
  private Player seatOf(UUID accountId) {
    for (Player player : players.values()) {
      if (accountId.equals(player.accountId) && !player.kicked) {
        return player;
      }
    }
    return null;
  }

  /**
   * A signed-in player who joins again (from another device, after leaving, or after their reserved
   * seat ran out) gets their own seat back, with its score and nickname and a new resume token, so
   * one person never holds two seats in one game.
   */
  private Seat takeBack(Player player, Channel channel, long now) {
    String key = NicknameRules.uniquenessKey(player.nickname);
    if (player.left && byNickname.containsKey(key)) {
      throw Problem.conflict(
          "nickname_taken",
          "Someone else now plays as " + player.nickname + ", the nickname of your earlier seat.");
    }
    if (player.connected()) {
      Channel previous = player.channel;
      disconnectQuietly(player);
      previous.close(Protocol.CLOSE_REPLACED, "This seat was taken up on another connection.");
    }
    String token = SessionToken.create();
    byResumeKey.remove(player.resumeKey);
    player.resumeKey = resumeKey(token);
    byResumeKey.put(player.resumeKey, player);
    if (player.left) {
      byNickname.put(key, player);
      player.left = false;
      seatedCount++;
      if (player.address != null) {
        seatsByAddress.merge(player.address, 1, Integer::sum);
      }
    }
    connect(player, channel, now);
    send(player, welcome(player, token, now));
    return new Seat(player.id, player.nickname, token);
  }

  private void rank() {
    List<Player> ordered = new ArrayList<>();
    for (Player player : players.values()) {
      if (!player.kicked) {
        ordered.add(player);
      }
    }
    ordered.sort(
        Comparator.comparingInt((Player p) -> -p.score)
            .thenComparingLong(p -> p.rankingTimeMs)
            .thenComparingLong(p -> p.joinOrder));
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).rank = i + 1;
    }
    ranking = ordered;
  }

  private JsonArray standings(int limit) {
    JsonArray top = new JsonArray();
    for (int i = 0; i < Math.min(limit, ranking.size()); i++) {
      Player player = ranking.get(i);
      top.add(
          new JsonObject()
              .put("rank", player.rank)
              .put("playerId", player.id)
              .put("nickname", player.nickname)
              .put("score", player.score)
              .put("streak", player.streak)
              .put("correct", player.correctCount));
    }
    return top;
  }

  private JsonObject result(Player player) {
    return Protocol.message("result")
        .put("index", index)
        .put("answered", answers.containsKey(player.id))
        .put("correct", player.lastCorrect)
        .put("points", player.lastPoints)
        .put("streak", player.streak)
        .put("score", player.score)
        .put("rank", player.rank)
        .put("players", playerCount());
  }

  private JsonObject standing(Player player) {
    return Protocol.message("standing")
        .put("rank", player.rank)
        .put("score", player.score)
        .put("correct", player.correctCount)
        .put("bestStreak", player.bestStreak)
        .put("players", ranking.size());
  }

  private void putDeadline(JsonObject message) {
    if (phaseEndsAt != NEVER) {
      message.put("deadline", phaseEndsAt);
    }
  }

  private JsonObject welcome(Player player, String resumeToken, long now) {
    JsonObject welcome =
        Protocol.message("welcome")
            .put("role", "player")
            .put("code", code)
            .put("gameId", gameId.toString())
            .put("phase", phase.wireName())
            .put("playerId", player.id)
            .put("nickname", player.nickname)
            .put("resumeToken", resumeToken)
            .put("score", player.score)
            .put("streak", player.streak)
            .put("rank", player.rank)
            .put("players", playerCount())
            .put("locked", locked)
            .put("paused", pausedRemaining >= 0)
            .put("questionCount", questions.size())
            .put("settings", settingsJson());
    putRound(welcome);
    JsonObject current = snapshot(now);
    if (current != null) {
      welcome.put("current", current);
    }
    if (phase == Phase.QUESTION) {
      Answer answer = answers.get(player.id);
      welcome.put("answered", answer != null);
      if (answer != null) {
        welcome.put("answer", answer.response().toJson());
      }
    } else if (phase == Phase.REVEAL) {
      welcome.put("result", result(player));
    } else if (phase == Phase.PODIUM) {
      welcome.put("standing", standing(player));
    }
    return welcome;
  }

  private JsonObject hostWelcome(long now) {
    JsonObject welcome =
        Protocol.message("welcome")
            .put("role", "host")
            .put("code", code)
            .put("at", stateId())
            .put("gameId", gameId.toString())
            .put("phase", phase.wireName())
            .put("players", playerCount())
            .put("locked", locked)
            .put("paused", pausedRemaining >= 0)
            .put("questionCount", questions.size())
            .put("settings", settingsJson())
            .put("roster", rosterJson());
    putRound(welcome);
    JsonObject current = phase == Phase.PODIUM ? hostPodium : snapshot(now);
    if (current != null) {
      welcome.put("current", current);
    }
    if (phase == Phase.QUESTION) {
      welcome.put("answered", answers.size());
    }
    return welcome;
  }

  /** The current phase message as a newcomer should see it: times brought up to now. */
  private JsonObject snapshot(long now) {
    if (phaseMessage == null || phase == Phase.LOBBY || phase == Phase.CLOSED) {
      return null;
    }
    JsonObject copy = phaseMessage.copy();
    if (phase == Phase.QUESTION) {
      long remaining = pausedRemaining >= 0 ? pausedRemaining : Math.max(0, phaseEndsAt - now);
      copy.put("remainingMs", remaining)
          .put("sentAt", now)
          .put("leadInMs", pausedRemaining >= 0 ? 0 : Math.max(0, answersOpenAt() - now));
      if (pausedRemaining < 0) {
        copy.put("deadline", phaseEndsAt);
      }
    }
    return copy;
  }

  /** A review round, or one shorter than asked, says so in the lobby: see {@link RoundNote}. */
  private void putRound(JsonObject welcome) {
    if (settings.round() != null) {
      welcome.put("round", settings.round().toJson());
    }
  }

  private JsonObject settingsJson() {
    return new JsonObject()
        .put("leadInMs", settings.leadIn().toMillis())
        .put("secondsPerQuestion", settings.secondsPerQuestion())
        .put("speedScoring", settings.speedScoring())
        .put("autoAdvanceSeconds", settings.autoAdvance().toSeconds())
        .put("guestsAllowed", settings.guestsAllowed())
        .put("seatsPerAddress", settings.seatsPerAddress());
  }

  private JsonArray rosterJson() {
    JsonArray roster = new JsonArray();
    for (Player player : players.values()) {
      if (player.seated()) {
        roster.add(
            new JsonObject()
                .put("playerId", player.id)
                .put("nickname", player.nickname)
                .put("connected", player.connected())
                .put("score", player.score));
      }
    }
    return roster;
  }

  private void sendRoster() {
    int count = playerCount();
    String forPlayers = Protocol.message("players").put("players", count).encode();
    for (Player player : players.values()) {
      if (player.connected()) {
        player.channel.send(forPlayers);
      }
    }
    if (host != null) {
      host.send(
          Protocol.message("roster").put("players", count).put("roster", rosterJson()).encode());
    }
  }

  /**
   * The host gets every change (at most every 250 ms); players a slice at a time, see {@link
   * #COUNT_SLICE_SIZE}.
   */
  private void sendAnswerCounts(long now) {
    long key = countKey();
    String text = null;
    if (answersChanged && host != null) {
      text = answerCount();
      host.send(text);
    }
    answersChanged = false;
    int slices = countSlices();
    if (countShown.length != slices) {
      countShown = new long[slices];
      Arrays.fill(countShown, -1);
    }
    int slice = countTurn++ % slices;
    if (countShown[slice] != key) {
      countShown[slice] = key;
      text = text == null ? answerCount() : text;
      for (Player player : players.values()) {
        if (player.channel != null && player.joinOrder % slices == slice) {
          player.channel.send(text);
        }
      }
    }
    for (long shown : countShown) {
      if (shown != key) {
        answersDueAt = now + AGGREGATE_INTERVAL_MS;
        return;
      }
    }
  }

  private String answerCount() {
    return Protocol.message("answers")
        .put("index", index)
        .put("answered", answers.size())
        .put("players", playerCount())
        .encode();
  }

  private long countKey() {
    return ((long) answers.size() << 32) | playerCount();
  }

  private int countSlices() {
    return Math.max(MIN_COUNT_SLICES, (playerCount() + COUNT_SLICE_SIZE - 1) / COUNT_SLICE_SIZE);
  }

  private void rosterChanged(long now) {
    rosterChanged = true;
    if (rosterDueAt == NEVER) {
      rosterDueAt = now + AGGREGATE_INTERVAL_MS;
    }
  }

  private void releaseExpiredSeats(long now) {
    release(departures, SEAT_RESERVED, now);
    release(briefDepartures, UNUSED_SEAT_RESERVED, now);
  }

  private void release(ArrayDeque<Departure> queue, Duration reserved, long now) {
    while (!queue.isEmpty() && queue.peekFirst().at() + reserved.toMillis() <= now) {
      Departure departure = queue.pollFirst();
      Player player = departure.player();
      if (!player.connected() && player.seated() && player.disconnectedAt == departure.at()) {
        player.left = true;
        seatedCount--;
        freeSeat(player);
        byNickname.remove(NicknameRules.uniquenessKey(player.nickname));
        rosterChanged(now);
      }
    }
  }

  /**
   * Where a departing player waits: a seat that has answered is kept longer than one that never
   * did.
   */
  private ArrayDeque<Departure> departuresFor(Player player) {
    // In the lobby nobody has answered yet, and a phone that locks while the class waits keeps its
    // seat.
    return started && player.answeredCount == 0 && !answers.containsKey(player.id)
        ? briefDepartures
        : departures;
  }

  /** The seat no longer counts against its address. */
  private void freeSeat(Player player) {
    if (player.address != null) {
      seatsByAddress.computeIfPresent(player.address, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private void connect(Player player, Channel channel, long now) {
    player.channel = channel;
    player.disconnectedAt = 0;
    if (player.seated()) {
      connectedSeated++;
    }
    rosterChanged(now);
  }

  private void disconnectQuietly(Player player) {
    if (player.channel != null) {
      player.channel = null;
      connectedSeated--;
    }
  }

  /** Serialises once and sends the same text to every connected player and the host. */
  private void broadcast(JsonObject message) {
    String text = message.encode();
    for (Player player : players.values()) {
      if (player.channel != null) {
        player.channel.send(text);
      }
    }
    if (host != null) {
      host.send(text);
    }
  }

  private void send(Player player, JsonObject message) {
    if (player.channel != null) {
      player.channel.send(message.encode());
    }
  }

  private void requireOpen() {
    if (phase == Phase.CLOSED) {
      throw new Problem(Problem.Kind.FORBIDDEN, "room_closed", "This room is closed.");
    }
  }

  private void requirePhase(Phase expected, String otherwise) {
    requireOpen();
    if (phase != expected) {
      throw new Problem(Problem.Kind.CONFLICT, "wrong_phase", otherwise);
    }
  }

  /**
   * Whether the game moved on (a question revealed, or the podium) since the last {@link
   * #checkpoint}. Asking a question and showing the leaderboard change nothing a restore needs:
   * carried on from the reveal, the room moves on through them again.
   */
  public boolean checkpointDue() {
    return checkpointDue && phase != Phase.CLOSED;
  }

  /**
   * After a restore, a running timer gets at least this long, so players who are reconnecting can
   * still answer: the time the room was down counts as a pause.
   */
  public static final long RESTORE_GRACE_MS = 10_000;

  /** Everything needed to carry the game on elsewhere or after a restart (see the record). */
  public RoomCheckpoint checkpoint(long now) {
    checkpointDue = false;
    List<RoomCheckpoint.Seat> seats = new ArrayList<>();
    for (Player player : players.values()) {
      seats.add(
          new RoomCheckpoint.Seat(
              player.id,
              player.recordId,
              player.nickname,
              player.accountId,
              player.resumeKey,
              player.joinOrder,
              player.kicked,
              player.left,
              player.score,
              player.streak,
              player.bestStreak,
              player.correctCount,
              player.answeredCount,
              player.rankingTimeMs,
              player.answeredTimeMs,
              player.lastPoints,
              player.lastCorrect));
    }
    Map<String, RoomCheckpoint.Given> given = new LinkedHashMap<>();
    answers.forEach(
        (playerId, a) ->
            given.put(
                playerId,
                new RoomCheckpoint.Given(a.response(), a.correct(), a.responseMs(), a.points())));
    return new RoomCheckpoint(
        now,
        code,
        gameId,
        settings,
        priorAccuracy,
        phase,
        index,
        locked,
        started,
        finished,
        phaseEndsAt,
        pausedRemaining,
        questionShownAt,
        questionPausedMs,
        pausedAt,
        closesAt,
        joinCounter,
        seats,
        List.copyOf(kickedAccounts),
        given,
        phaseMessage == null ? null : phaseMessage.copy(),
        hostPodium == null ? null : hostPodium.copy());
  }

  /**
   * The game a {@link #checkpoint} describes, with nobody connected: every seat is held for {@link
   * #SEAT_RESERVED} from {@code now}, the host has {@link #HOST_ABSENCE_LIMIT} to come back, and a
   * running timer carries on as if the room had been paused while it was down (with at least {@link
   * #RESTORE_GRACE_MS} left).
   */
  public static RoomGame restore(
      RoomCheckpoint checkpoint,
      List<Question> questions,
      NicknameRules nicknameRules,
      GameLog log,
      long now) {
    return restore(checkpoint, questions, nicknameRules, log, now, Later.NONE);
  }

  /**
   * What the database holds that a checkpoint may not: seats taken and answers stored after it was
   * written.
   */
  public record Later(List<LaterSeat> seats, List<LaterAnswer> answers) {
    public static final Later NONE = new Later(List.of(), List.of());
  }

  public record LaterSeat(UUID recordId, String nickname, UUID accountId, byte[] resumeDigest) {}

  public record LaterAnswer(
      UUID recordId,
      int questionIndex,
      Response response,
      boolean correct,
      long responseMs,
      int points) {}

  /**
   * Answers stored for questions not yet asked again after a restore, by question index and player
   * id.
   */
  private final Map<Integer, Map<String, Answer>> storedAhead = new HashMap<>();

  /**
   * Like {@link #restore(RoomCheckpoint, List, NicknameRules, GameLog, long)}, and takes in what
   * was recorded after the checkpoint (the node that owned the room died before its next one):
   * seats taken since come back (with no points yet), and stored answers count as given, so a
   * player is not asked twice and no acknowledged answer is lost.
   */
  public static RoomGame restore(
      RoomCheckpoint checkpoint,
      List<Question> questions,
      NicknameRules nicknameRules,
      GameLog log,
      long now,
      Later later) {
    RoomGame game = restoreCheckpoint(checkpoint, questions, nicknameRules, log, now);
    Map<UUID, Player> byRecord = new HashMap<>();
    game.players.values().forEach(p -> byRecord.put(p.recordId, p));
    for (LaterSeat seat : later.seats()) {
      String key = NicknameRules.uniquenessKey(seat.nickname());
      if (byRecord.containsKey(seat.recordId()) || game.byNickname.containsKey(key)) {
        continue;
      }
      Player player =
          new Player(
              "p" + (++game.joinCounter),
              seat.recordId(),
              seat.nickname(),
              seat.accountId(),
              Base64.getEncoder().encodeToString(seat.resumeDigest()),
              game.joinCounter);
      if (game.started) {
        // As for any late joiner: ranked as if the questions before had run out.
        player.rankingTimeMs = game.millisBefore(Math.max(0, game.index));
      }
      game.players.put(player.id, player);
      game.byResumeKey.put(player.resumeKey, player);
      game.byNickname.put(key, player);
      game.seatedCount++;
      player.disconnectedAt = now;
      game.departuresFor(player).add(new Departure(player, now));
      byRecord.put(player.recordId, player);
    }
    for (LaterAnswer stored : later.answers()) {
      Player player = byRecord.get(stored.recordId());
      if (player == null
          || stored.questionIndex() < game.index
          || (stored.questionIndex() == game.index && game.phase != Phase.QUESTION)) {
        continue; // already counted in the checkpoint's scores
      }
      Answer answer =
          new Answer(stored.response(), stored.correct(), stored.responseMs(), stored.points());
      if (stored.questionIndex() == game.index) {
        game.answers.putIfAbsent(player.id, answer);
      } else {
        game.storedAhead
            .computeIfAbsent(stored.questionIndex(), i -> new HashMap<>())
            .put(player.id, answer);
      }
    }
    game.rank();
    return game;
  }

  private static RoomGame restoreCheckpoint(
      RoomCheckpoint checkpoint,
      List<Question> questions,
      NicknameRules nicknameRules,
      GameLog log,
      long now) {
    RoomGame game =
        new RoomGame(
            checkpoint.code(),
            checkpoint.gameId(),
            questions,
            new HashMap<>(checkpoint.priorAccuracy()),
            checkpoint.settings(),
            nicknameRules,
            log,
            now);
    game.phase = checkpoint.phase();
    game.index = checkpoint.index();
    game.locked = checkpoint.locked();
    game.started = checkpoint.started();
    game.finished = checkpoint.finished();
    game.phaseEndsAt = checkpoint.phaseEndsAt();
    game.pausedRemaining = checkpoint.pausedRemaining();
    game.questionShownAt = checkpoint.questionShownAt();
    game.questionPausedMs = checkpoint.questionPausedMs();
    game.pausedAt = checkpoint.pausedAt();
    game.closesAt = checkpoint.closesAt();
    game.joinCounter = checkpoint.joinCounter();
    game.phaseMessage = checkpoint.phaseMessage() == null ? null : checkpoint.phaseMessage().copy();
    game.hostPodium = checkpoint.hostPodium() == null ? null : checkpoint.hostPodium().copy();
    for (RoomCheckpoint.Seat p : checkpoint.seats()) {
      Player player =
          new Player(
              p.id(), p.recordId(), p.nickname(), p.accountId(), p.resumeKey(), p.joinOrder());
      player.kicked = p.kicked();
      player.left = p.left();
      player.score = p.score();
      player.streak = p.streak();
      player.bestStreak = p.bestStreak();
      player.correctCount = p.correctCount();
      player.answeredCount = p.answeredCount();
      player.rankingTimeMs = p.rankingTimeMs();
      player.answeredTimeMs = p.answeredTimeMs();
      player.lastPoints = p.lastPoints();
      player.lastCorrect = p.lastCorrect();
      game.players.put(player.id, player);
      game.byResumeKey.put(player.resumeKey, player);
      if (player.seated()) {
        game.byNickname.put(NicknameRules.uniquenessKey(player.nickname), player);
        game.seatedCount++;
        player.disconnectedAt = now;
        game.departuresFor(player).add(new Departure(player, now));
      }
    }
    game.kickedAccounts.addAll(checkpoint.kickedAccounts());
    checkpoint
        .answers()
        .forEach(
            (playerId, a) ->
                game.answers.put(
                    playerId, new Answer(a.response(), a.correct(), a.responseMs(), a.points())));
    game.rank();
    game.countShown = new long[game.countSlices()];
    Arrays.fill(game.countShown, game.countKey());
    long down = Math.max(0, now - checkpoint.takenAt());
    if (game.pausedRemaining < 0 && game.phaseEndsAt != NEVER) {
      long remaining = Math.max(0, game.phaseEndsAt - checkpoint.takenAt());
      game.phaseEndsAt = now + Math.max(remaining, RESTORE_GRACE_MS);
      if (game.phase == Phase.QUESTION) {
        game.questionPausedMs += down;
      }
      if (game.phaseMessage != null && game.phaseMessage.containsKey("deadline")) {
        game.phaseMessage.put("deadline", game.phaseEndsAt);
      }
    }
    if (game.closesAt != NEVER) {
      game.closesAt += down;
    }
    return game;
  }

  private static String resumeKey(String token) {
    return Base64.getEncoder().encodeToString(SessionToken.digest(token));
  }
}
