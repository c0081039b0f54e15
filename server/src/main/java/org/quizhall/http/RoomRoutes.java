package org.quizhall.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.quizhall.game.Games;
import org.quizhall.problem.Problem;
import org.quizhall.room.OpenRoom;
import org.quizhall.room.RoomSettings;
import org.quizhall.room.Rooms;

/** Opening live rooms: a signed-in host picks a deck and the settings, and gets a code to share. */
final class RoomRoutes {

  static final long BODY_LIMIT = 16 * 1024;
  static final int MAX_QUESTIONS = 100;
  static final int MAX_AUTO_ADVANCE_SECONDS = 60;

  private final OpenRoom openRoom;
  private final Rooms rooms;
  private final Games games;
  private final Identity identity;
  private final int maxPlayers;
  private final PublicSite site;

  RoomRoutes(
      OpenRoom openRoom,
      Rooms rooms,
      Games games,
      Identity identity,
      int maxPlayers,
      PublicSite site) {
    this.openRoom = openRoom;
    this.rooms = rooms;
    this.games = games;
    this.identity = identity;
    this.maxPlayers = maxPlayers;
    this.site = site;
  }

  void mount(Router router) {
    router
        .post("/api/rooms")
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::open);
    router.get("/api/rooms").handler(this::mine);
  }

  /**
   * The signed-in host's open rooms, newest first, so a console whose tab was closed is found
   * again.
   */
  private void mine(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(host -> games.unfinishedHostedBy(host.id()))
        .compose(new RoomListing(rooms)::open)
        .onSuccess(
            list -> {
              // The link phones open, as POST gives it: a console in another tab or on another
              // device shows it too.
              list.forEach(
                  row ->
                      ((JsonObject) row)
                          .put("joinUrl", site.joinUrl(ctx, ((JsonObject) row).getString("code"))));
              Responses.json(ctx, 200, list);
            })
        .onFailure(ctx::fail);
  }

  private void open(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(host -> openRoom.open(host.id(), request(JsonBodies.object(ctx))))
        .onSuccess(
            opened ->
                Responses.json(
                    ctx, 201, answer(opened).put("joinUrl", site.joinUrl(ctx, opened.code()))))
        .onFailure(ctx::fail);
  }

  private static JsonObject answer(OpenRoom.Opened opened) {
    JsonObject answer =
        new JsonObject()
            .put("code", opened.code())
            .put("hostToken", opened.hostToken())
            .put("gameId", opened.gameId().toString())
            .put("questionCount", opened.questionCount());
    return opened.round() == null ? answer : answer.put("round", opened.round().toJson());
  }

  /**
   * The request's fields, each checked for its type and range; the rules across fields are {@link
   * OpenRoom}'s.
   */
  private OpenRoom.Request request(JsonObject body) {
    UUID deckId = JsonBodies.requiredUuid(body, "deckId", "a deck");
    UUID groupId = JsonBodies.uuid(body, "groupId", "a group");
    Object weak = body.getValue("weakSpots");
    if (weak != null && !(weak instanceof Boolean)) {
      throw Problem.invalid("invalid_field", "weakSpots must be true or false.");
    }
    boolean weakSpots = Boolean.TRUE.equals(weak);
    int count = integer(body, "questionCount", 10, 1, MAX_QUESTIONS);
    int seconds =
        integer(body, "secondsPerQuestion", 20, RoomSettings.MIN_SECONDS, RoomSettings.MAX_SECONDS);
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
        integer(
            body,
            "seatsPerAddress",
            Math.min(RoomSettings.DEFAULT_SEATS_PER_ADDRESS, maxPlayers),
            1,
            maxPlayers);
    Set<String> kinds = new HashSet<>();
    Object rawKinds = body.getValue("kinds");
    if (rawKinds != null) {
      if (!(rawKinds instanceof JsonArray array)
          || array.stream().anyMatch(k -> !(k instanceof String))) {
        throw Problem.invalid("invalid_field", "kinds must be a list of question kinds.");
      }
      array.forEach(k -> kinds.add((String) k));
    }
    return new OpenRoom.Request(
        deckId,
        groupId,
        weakSpots,
        count,
        new RoomSettings(
            seconds,
            !Boolean.FALSE.equals(speed),
            Duration.ofSeconds(autoAdvance),
            maxPlayers,
            !Boolean.FALSE.equals(guests),
            seatsPerAddress,
            Boolean.FALSE.equals(leadIn) ? Duration.ZERO : RoomSettings.DEFAULT_LEAD_IN,
            null),
        kinds);
  }

  private static int integer(JsonObject body, String field, int fallback, int min, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() < min
        || number.doubleValue() > max) {
      throw Problem.invalid(
          "invalid_field", field + " must be a whole number from " + min + " to " + max + ".");
    }
    return number.intValue();
  }
}
