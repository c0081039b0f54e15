package org.quizhall.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quizhall.deck.Response;

/**
 * Everything a room needs to carry its game on elsewhere or after a restart, as data: phase,
 * question, timers, every seat with its score, streak and resume key, and the answers to the open
 * question. Not the questions (they are stored with the game) and not the connections (everyone
 * reconnects and resumes). {@link #toJson} and {@link #fromJson} are its one stored form; {@link
 * #VERSION} names that form, and a checkpoint of another one is refused rather than misread.
 *
 * @param phaseMessage the message that shows the current phase, as it was sent
 * @param hostPodium the podium as the host was shown it, or null before the podium
 */
public record RoomCheckpoint(
    long takenAt,
    String code,
    UUID gameId,
    RoomSettings settings,
    Map<String, Double> priorAccuracy,
    Phase phase,
    int index,
    boolean locked,
    boolean started,
    boolean finished,
    long phaseEndsAt,
    long pausedRemaining,
    long questionShownAt,
    long questionPausedMs,
    long pausedAt,
    long closesAt,
    long joinCounter,
    List<Seat> seats,
    List<UUID> kickedAccounts,
    Map<String, Given> answers,
    JsonObject phaseMessage,
    JsonObject hostPodium) {

  /**
   * The stored form's version. A change to it adds a version and reads the previous one too: a
   * checkpoint written by the release before must restore (see the stored one in the tests).
   */
  public static final int VERSION = 1;

  public RoomCheckpoint {
    priorAccuracy = Map.copyOf(priorAccuracy);
    seats = List.copyOf(seats);
    kickedAccounts = List.copyOf(kickedAccounts);
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** One seat as the room held it. */
  public record Seat(
      String id,
      UUID recordId,
      String nickname,
      UUID accountId,
      String resumeKey,
      long joinOrder,
      boolean kicked,
      boolean left,
      int score,
      int streak,
      int bestStreak,
      int correctCount,
      int answeredCount,
      long rankingTimeMs,
      long answeredTimeMs,
      int lastPoints,
      boolean lastCorrect) {}

  /** An answer to the open question, as judged. */
  public record Given(Response response, boolean correct, long responseMs, int points) {}

  public JsonObject toJson() {
    JsonArray players = new JsonArray();
    for (Seat p : seats) {
      players.add(
          new JsonObject()
              .put("id", p.id())
              .put("recordId", p.recordId().toString())
              .put("nickname", p.nickname())
              .put("accountId", p.accountId() == null ? null : p.accountId().toString())
              .put("resumeKey", p.resumeKey())
              .put("joinOrder", p.joinOrder())
              .put("kicked", p.kicked())
              .put("left", p.left())
              .put("score", p.score())
              .put("streak", p.streak())
              .put("bestStreak", p.bestStreak())
              .put("correctCount", p.correctCount())
              .put("answeredCount", p.answeredCount())
              .put("rankingTimeMs", p.rankingTimeMs())
              .put("answeredTimeMs", p.answeredTimeMs())
              .put("lastPoints", p.lastPoints())
              .put("lastCorrect", p.lastCorrect()));
    }
    JsonObject given = new JsonObject();
    answers.forEach(
        (playerId, a) ->
            given.put(
                playerId,
                a.response()
                    .into(new JsonObject())
                    .put("correct", a.correct())
                    .put("responseMs", a.responseMs())
                    .put("points", a.points())));
    JsonObject prior = new JsonObject();
    priorAccuracy.forEach(prior::put);
    return new JsonObject()
        .put("version", VERSION)
        .put("takenAt", takenAt)
        .put("code", code)
        .put("gameId", gameId.toString())
        .put(
            "settings",
            new JsonObject()
                .put("secondsPerQuestion", settings.secondsPerQuestion())
                .put("speedScoring", settings.speedScoring())
                .put("autoAdvanceMs", settings.autoAdvance().toMillis())
                .put("maxPlayers", settings.maxPlayers())
                .put("guestsAllowed", settings.guestsAllowed())
                .put("seatsPerAddress", settings.seatsPerAddress())
                .put("leadInMs", settings.leadIn().toMillis())
                .put("round", settings.round() == null ? null : settings.round().toJson()))
        .put("priorAccuracy", prior)
        .put("phase", phase.name())
        .put("index", index)
        .put("locked", locked)
        .put("started", started)
        .put("finished", finished)
        .put("phaseEndsAt", phaseEndsAt)
        .put("pausedRemaining", pausedRemaining)
        .put("questionShownAt", questionShownAt)
        .put("questionPausedMs", questionPausedMs)
        .put("pausedAt", pausedAt)
        .put("closesAt", closesAt)
        .put("joinCounter", joinCounter)
        .put("players", players)
        .put("kickedAccounts", new JsonArray(kickedAccounts.stream().map(UUID::toString).toList()))
        .put("answers", given)
        .put("phaseMessage", phaseMessage)
        .put("hostPodium", hostPodium);
  }

  /**
   * The checkpoint stored as {@code json}.
   *
   * @throws IllegalArgumentException for a checkpoint of another version, or one that is not a
   *     checkpoint
   */
  public static RoomCheckpoint fromJson(JsonObject json) {
    Object version = json.getValue("version");
    if (!(version instanceof Number n) || n.intValue() != VERSION) {
      throw new IllegalArgumentException("unknown checkpoint version " + version);
    }
    try {
      return read(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unreadable checkpoint: " + e, e);
    }
  }

  private static RoomCheckpoint read(JsonObject json) {
    JsonObject s = json.getJsonObject("settings");
    RoomSettings settings =
        new RoomSettings(
            s.getInteger("secondsPerQuestion"),
            s.getBoolean("speedScoring"),
            Duration.ofMillis(s.getLong("autoAdvanceMs")),
            s.getInteger("maxPlayers"),
            s.getBoolean("guestsAllowed", true),
            s.getInteger("seatsPerAddress", RoomSettings.DEFAULT_SEATS_PER_ADDRESS),
            Duration.ofMillis(s.getLong("leadInMs", 0L)),
            RoundNote.fromJson(s.getJsonObject("round")));
    Map<String, Double> prior = new HashMap<>();
    json.getJsonObject("priorAccuracy")
        .forEach(e -> prior.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    List<Seat> seats = new ArrayList<>();
    for (Object o : json.getJsonArray("players")) {
      JsonObject p = (JsonObject) o;
      String accountId = p.getString("accountId");
      seats.add(
          new Seat(
              p.getString("id"),
              UUID.fromString(p.getString("recordId")),
              p.getString("nickname"),
              accountId == null ? null : UUID.fromString(accountId),
              p.getString("resumeKey"),
              p.getLong("joinOrder"),
              p.getBoolean("kicked"),
              p.getBoolean("left"),
              p.getInteger("score"),
              p.getInteger("streak"),
              p.getInteger("bestStreak"),
              p.getInteger("correctCount"),
              p.getInteger("answeredCount"),
              p.getLong("rankingTimeMs"),
              p.getLong("answeredTimeMs"),
              p.getInteger("lastPoints"),
              p.getBoolean("lastCorrect")));
    }
    List<UUID> kicked = new ArrayList<>();
    json.getJsonArray("kickedAccounts").forEach(a -> kicked.add(UUID.fromString((String) a)));
    Map<String, Given> answers = new LinkedHashMap<>();
    json.getJsonObject("answers")
        .forEach(
            e -> {
              JsonObject a = (JsonObject) e.getValue();
              answers.put(
                  e.getKey(),
                  new Given(
                      Response.from(a),
                      a.getBoolean("correct"),
                      a.getLong("responseMs"),
                      a.getInteger("points")));
            });
    return new RoomCheckpoint(
        json.getLong("takenAt"),
        json.getString("code"),
        UUID.fromString(json.getString("gameId")),
        settings,
        prior,
        Phase.valueOf(json.getString("phase")),
        json.getInteger("index"),
        json.getBoolean("locked"),
        json.getBoolean("started"),
        json.getBoolean("finished"),
        json.getLong("phaseEndsAt"),
        json.getLong("pausedRemaining"),
        json.getLong("questionShownAt"),
        json.getLong("questionPausedMs"),
        json.getLong("pausedAt"),
        json.getLong("closesAt"),
        json.getLong("joinCounter"),
        seats,
        kicked,
        answers,
        json.getJsonObject("phaseMessage"),
        json.getJsonObject("hostPodium"));
  }
}
