package org.quizhall.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quizhall.deck.DeckSummary;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Question;
import org.quizhall.deck.RoundAssembler;
import org.quizhall.game.Games;
import org.quizhall.group.Groups;
import org.quizhall.group.WeakSpots;
import org.quizhall.problem.Problem;

/**
 * Opening a live room, from a host's request to a code to share: the host may use the deck (and is
 * in the group), the round is drawn from the deck's questions (or is the group's weak-spot review),
 * the game is recorded with its questions, and the room opens under a code of its own.
 */
public final class OpenRoom {

  /**
   * A room to open: {@code groupId} is null for a room outside any group; {@code kinds} empty means
   * the deck's default kinds.
   */
  public record Request(
      UUID deckId,
      UUID groupId,
      boolean weakSpots,
      int questionCount,
      RoomSettings settings,
      Set<String> kinds) {

    public Request {
      if (weakSpots && groupId == null) {
        throw Problem.invalid("invalid_field", "A weak-spot round is for a group: give groupId.");
      }
    }

    /** The same request with the kinds its deck offers by default, when its host picked none. */
    Request withKinds(Set<String> deckKinds) {
      return new Request(deckId, groupId, weakSpots, questionCount, settings, deckKinds);
    }
  }

  /**
   * An open room: its code, the host's token for its console, its game, and the round's note (null
   * for none).
   */
  public record Opened(
      String code, String hostToken, UUID gameId, int questionCount, RoundNote round) {}

  private record Round(List<Question> questions, Map<String, Double> priorAccuracy) {}

  private final Decks decks;
  private final Rooms rooms;
  private final Games games;
  private final Groups groups;
  private final WeakSpots weakSpots;
  private final org.quizhall.group.QuestionsInPlay inPlay;
  private final int openRoomsPerAccount;

  public OpenRoom(
      Decks decks,
      Rooms rooms,
      Games games,
      Groups groups,
      WeakSpots weakSpots,
      org.quizhall.group.QuestionsInPlay inPlay,
      int openRoomsPerAccount) {
    this.decks = decks;
    this.rooms = rooms;
    this.games = games;
    this.groups = groups;
    this.weakSpots = weakSpots;
    this.inPlay = inPlay;
    this.openRoomsPerAccount = openRoomsPerAccount;
  }

  /**
   * Opens the room for the signed-in {@code host}; fails with a {@link Problem} the host can act
   * on.
   */
  public Future<Opened> open(UUID host, Request request) {
    UUID gameId = UUID.randomUUID();
    Future<?> membership =
        request.groupId() == null
            ? Future.succeededFuture()
            : groups.asMember(request.groupId(), host);
    return membership
        .compose(member -> decks.get(request.deckId(), host))
        .compose(
            deck ->
                decks
                    .questions(request.deckId(), host)
                    .compose(all -> notInPlay(request.deckId(), host, all))
                    .compose(
                        pool ->
                            round(
                                request.kinds().isEmpty()
                                    ? request.withKinds(offered(deck))
                                    : request,
                                pool,
                                gameId)))
        // The game's record keeps the kinds the host asked for (none, for the deck's defaults).
        .compose(round -> open(host, request, gameId, round));
  }

  /**
   * The deck's questions without those a group sitting under way asks the host or their groups: a
   * live round reveals its keys, so a member (or the owner) hosting the sitting's deck meanwhile
   * would give them away. A room that would have none of the deck's questions left is refused.
   */
  private Future<List<Question>> notInPlay(UUID deckId, UUID host, List<Question> all) {
    return inPlay
        .of(deckId, host)
        .compose(
            ids -> {
              if (ids.isEmpty()) {
                return Future.succeededFuture(all);
              }
              List<Question> left = all.stream().filter(q -> !ids.contains(q.id())).toList();
              return left.isEmpty() && !all.isEmpty()
                  ? Future.failedFuture(
                      new Problem(
                          Problem.Kind.CONFLICT,
                          "question_in_play",
                          "A group sitting under way asks this deck's questions: a room can ask"
                              + " them once it closes."))
                  : Future.succeededFuture(left);
            });
  }

  private Future<Opened> open(UUID host, Request request, UUID gameId, Round round) {
    if (round.questions().isEmpty()) {
      return Future.failedFuture(
          new Problem(
              Problem.Kind.UNPROCESSABLE,
              "no_questions",
              request.weakSpots()
                  ? "The group has not missed any question of this deck yet: play a round first."
                  : "This deck has no questions of those kinds."));
    }
    JsonObject settings = settingsJson(request, round.questions().size());
    RoundNote note =
        RoundNote.of(request.weakSpots(), request.questionCount(), round.questions().size());
    return rooms
        .open(
            host,
            openRoomsPerAccount,
            gameId,
            round.questions(),
            round.priorAccuracy(),
            request.settings().withRound(note),
            code ->
                games.create(
                    gameId,
                    code,
                    request.deckId(),
                    request.groupId(),
                    host,
                    settings,
                    round.questions()))
        .map(
            opened ->
                new Opened(
                    opened.code(), opened.hostToken(), gameId, round.questions().size(), note));
  }

  /**
   * The kinds a room on the deck offers when its host picks none: the deck's defaults that it still
   * has questions of (a re-import or hiding may have taken some away), or every kind when none of
   * them is left.
   */
  private static Set<String> offered(DeckSummary deck) {
    Set<String> kinds = new HashSet<>(deck.defaultKinds());
    kinds.retainAll(deck.kinds().keySet());
    return kinds;
  }

  private Future<Round> round(Request request, List<Question> pool, UUID gameId) {
    if (request.weakSpots()) {
      return weakSpots
          .pick(request.groupId(), pool, request.questionCount())
          .map(picked -> new Round(picked.questions(), picked.accuracy()));
    }
    List<Question> round =
        RoundAssembler.assemble(
            pool, request.questionCount(), request.kinds(), gameId.getLeastSignificantBits());
    return Future.succeededFuture(new Round(round, Map.of()));
  }

  /** The settings the game's record keeps. */
  private static JsonObject settingsJson(Request request, int questions) {
    RoomSettings s = request.settings();
    return new JsonObject()
        .put("questionCount", questions)
        .put("secondsPerQuestion", s.secondsPerQuestion())
        .put("speedScoring", s.speedScoring())
        .put("autoAdvance", s.autoAdvance().toSeconds())
        .put("leadIn", !s.leadIn().isZero())
        .put("requestedCount", request.questionCount())
        .put("kinds", new JsonArray(List.copyOf(request.kinds())))
        .put("weakSpots", request.weakSpots());
  }
}
