package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quizhall.account.Account;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Question;
import org.quizhall.deck.RoundAssembler;
import org.quizhall.game.Games;
import org.quizhall.group.Groups;
import org.quizhall.group.WeakSpots;
import org.quizhall.problem.Problem;
import org.quizhall.room.RoomSettings;
import org.quizhall.room.RoundNote;
import org.quizhall.room.Rooms;

/** Opening live rooms: a signed-in host picks a deck and the settings, and gets a code to share. */
final class RoomRoutes {

  static final long BODY_LIMIT = 16 * 1024;
  static final int MAX_QUESTIONS = 100;
  static final int MAX_AUTO_ADVANCE_SECONDS = 60;

  private final Decks decks;
  private final Rooms rooms;
  private final Games games;
  private final Groups groups;
  private final WeakSpots weakSpots;
  private final Identity identity;
  private final int maxPlayers;

  private final PublicSite site;
  private final int openRoomsPerAccount;

  RoomRoutes(Decks decks, Rooms rooms, Games games, Groups groups, WeakSpots weakSpots, Identity identity, int maxPlayers,
      PublicSite site, int openRoomsPerAccount) {
    this.site = site;
    this.openRoomsPerAccount = openRoomsPerAccount;
    this.decks = decks;
    this.rooms = rooms;
    this.games = games;
    this.groups = groups;
    this.weakSpots = weakSpots;
    this.identity = identity;
    this.maxPlayers = maxPlayers;
  }

  void mount(Router router) {
    router.post("/api/rooms").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::open);
    router.get("/api/rooms").handler(this::mine);
  }

  /** The signed-in host's open rooms, newest first, so a console whose tab was closed is found again. */
  private void mine(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(host -> games.unfinishedHostedBy(host.id()))
        .compose(new RoomListing(rooms)::open)
        .onSuccess(list -> Responses.json(ctx, 200, list))
        .onFailure(ctx::fail);
  }

  /** A room to open; {@code groupId} is null for a room outside any group. */
  private record Request(
      UUID deckId, UUID groupId, boolean weakSpots, int questionCount, RoomSettings settings, Set<String> kinds) {

    /** The same request with the kinds its deck offers by default, when its host picked none. */
    Request withKinds(Set<String> deckKinds) {
      return new Request(deckId, groupId, weakSpots, questionCount, settings, deckKinds);
    }
  }

  private record Round(List<Question> questions, Map<String, Double> priorAccuracy) {}

  private void open(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(host -> open(host, request(JsonBodies.object(ctx))))
        .onSuccess(room -> Responses.json(ctx, 201, room.put("joinUrl", site.joinUrl(ctx, room.getString("code")))))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> open(Account host, Request request) {
    UUID gameId = UUID.randomUUID();
    Future<?> membership =
        request.groupId() == null ? Future.succeededFuture() : groups.asMember(request.groupId(), host.id());
    return membership
        .compose(member -> decks.get(request.deckId(), host.id()))
        .compose(deck -> decks.questions(request.deckId(), host.id()).compose(pool -> round(
            request.kinds().isEmpty() ? request.withKinds(offered(deck)) : request, pool, gameId)))
        .compose(
            round -> {
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
              RoundNote note = RoundNote.of(request.weakSpots(), request.questionCount(), round.questions().size());
              return rooms
                  .open(
                      host.id(),
                      openRoomsPerAccount,
                      gameId,
                      round.questions(),
                      round.priorAccuracy(),
                      request.settings().withRound(note),
                      code ->
                          games.create(gameId, code, request.deckId(), request.groupId(), host.id(), settings,
                              round.questions()))
                  .map(
                      opened -> {
                        JsonObject answer = new JsonObject()
                            .put("code", opened.code())
                            .put("hostToken", opened.hostToken())
                            .put("gameId", gameId.toString())
                            .put("questionCount", round.questions().size());
                        return note == null ? answer : answer.put("round", note.toJson());
                      });
            });
  }

  /**
   * The kinds a room on the deck offers when its host picks none: the deck's defaults that it still has questions of
   * (a re-import or hiding may have taken some away), or every kind when none of them is left.
   */
  private static Set<String> offered(org.quizhall.deck.DeckSummary deck) {
    Set<String> kinds = new java.util.HashSet<>(deck.defaultKinds());
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
        RoundAssembler.assemble(pool, request.questionCount(), request.kinds(), gameId.getLeastSignificantBits());
    return Future.succeededFuture(new Round(round, Map.of()));
  }

  private Request request(JsonObject body) {
    UUID deckId = JsonBodies.requiredUuid(body, "deckId", "a deck");
    UUID groupId = JsonBodies.uuid(body, "groupId", "a group");
    Object weak = body.getValue("weakSpots");
    if (weak != null && !(weak instanceof Boolean)) {
      throw Problem.invalid("invalid_field", "weakSpots must be true or false.");
    }
    boolean weakSpots = Boolean.TRUE.equals(weak);
    if (weakSpots && groupId == null) {
      throw Problem.invalid("invalid_field", "A weak-spot round is for a group: give groupId.");
    }
    int count = integer(body, "questionCount", 10, 1, MAX_QUESTIONS);
    int seconds = integer(body, "secondsPerQuestion", 20, RoomSettings.MIN_SECONDS, RoomSettings.MAX_SECONDS);
    int autoAdvance = integer(body, "autoAdvance", 0, 0, MAX_AUTO_ADVANCE_SECONDS);
    Object speed = body.getValue("speedScoring");
    if (speed != null && !(speed instanceof Boolean)) {
      throw Problem.invalid("invalid_field", "speedScoring must be true or false.");
    }
    Object guests = body.getValue("guestsAllowed");
    if (guests != null && !(guests instanceof Boolean)) {
      throw Problem.invalid("invalid_field", "guestsAllowed must be true or false.");
    }
    Object leadIn = body.getValue("leadIn");
    if (leadIn != null && !(leadIn instanceof Boolean)) {
      throw Problem.invalid("invalid_field", "leadIn must be true or false.");
    }
    int seatsPerAddress =
        integer(body, "seatsPerAddress", Math.min(RoomSettings.DEFAULT_SEATS_PER_ADDRESS, maxPlayers), 1, maxPlayers);
    Set<String> kinds = new HashSet<>();
    Object rawKinds = body.getValue("kinds");
    if (rawKinds != null) {
      if (!(rawKinds instanceof JsonArray array) || array.stream().anyMatch(k -> !(k instanceof String))) {
        throw Problem.invalid("invalid_field", "kinds must be a list of question kinds.");
      }
      array.forEach(k -> kinds.add((String) k));
    }
    return new Request(
        deckId,
        groupId,
        weakSpots,
        count,
        new RoomSettings(seconds, !Boolean.FALSE.equals(speed), Duration.ofSeconds(autoAdvance), maxPlayers,
            !Boolean.FALSE.equals(guests), seatsPerAddress,
            Boolean.FALSE.equals(leadIn) ? Duration.ZERO : RoomSettings.DEFAULT_LEAD_IN, null),
        kinds);
  }

  private static int integer(JsonObject body, String field, int fallback, int min, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() < min || number.doubleValue() > max) {
      throw Problem.invalid("invalid_field", field + " must be a whole number from " + min + " to " + max + ".");
    }
    return number.intValue();
  }

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
