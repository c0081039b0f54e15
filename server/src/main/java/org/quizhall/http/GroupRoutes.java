package org.quizhall.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.UUID;
import org.quizhall.exam.Sittings;
import org.quizhall.game.Games;
import org.quizhall.group.Group;
import org.quizhall.group.Groups;
import org.quizhall.group.Leaderboards;
import org.quizhall.room.Rooms;

/** Study groups over REST: membership, invites, shared decks and lasting leaderboards. */
final class GroupRoutes {

  static final long BODY_LIMIT = 16 * 1024;

  private final Groups groups;
  private final Leaderboards leaderboards;
  private final Identity identity;
  private final Games games;
  private final RoomListing listing;
  private final Sittings sittings;

  GroupRoutes(
      Groups groups,
      Leaderboards leaderboards,
      Identity identity,
      Games games,
      Rooms rooms,
      Sittings sittings) {
    this.games = games;
    this.sittings = sittings;
    this.listing = new RoomListing(rooms);
    this.groups = groups;
    this.leaderboards = leaderboards;
    this.identity = identity;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post("/api/groups").handler(body).handler(this::create);
    router.get("/api/groups").handler(this::mine);
    router.post("/api/groups/join").handler(body).handler(this::join);
    router.get("/api/groups/:id").handler(this::get);
    router.patch("/api/groups/:id").handler(body).handler(this::update);
    router.delete("/api/groups/:id").handler(this::delete);
    router.post("/api/groups/:id/invite").handler(this::rotateInvite);
    router.delete("/api/groups/:id/members/me").handler(this::leave);
    router.delete("/api/groups/:id/members/:username").handler(this::remove);
    router.post("/api/groups/:id/decks").handler(body).handler(this::shareDeck);
    router.get("/api/groups/:id/leaderboard").handler(this::leaderboard);
  }

  private void create(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              return groups.create(
                  account.id(),
                  JsonBodies.string(body, "name"),
                  JsonBodies.string(body, "description"));
            })
        .onSuccess(group -> Responses.json(ctx, 201, groupJson(group)))
        .onFailure(ctx::fail);
  }

  private void mine(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(account -> groups.mine(account.id()))
        .onSuccess(
            all -> {
              JsonArray out = new JsonArray();
              all.forEach(group -> out.add(groupJson(group)));
              Responses.json(ctx, 200, out);
            })
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(
            account ->
                groups.join(JsonBodies.string(JsonBodies.object(ctx), "inviteCode"), account.id()))
        .onSuccess(group -> Responses.json(ctx, 200, groupJson(group)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(
            account ->
                groups
                    .asMember(id, account.id())
                    .compose(
                        group ->
                            groups
                                .members(id, account.id())
                                .map(
                                    members -> {
                                      JsonArray list = new JsonArray();
                                      members.forEach(
                                          m ->
                                              list.add(
                                                  new JsonObject()
                                                      .put("username", m.username())
                                                      .put("role", m.role())
                                                      .put("joinedAt", m.joinedAt().toString())));
                                      return groupJson(group).put("memberList", list);
                                    }))
                    // Members only (asMember refused anyone else above): the group's rooms a member
                    // can join now.
                    .compose(
                        json ->
                            games
                                .unfinishedInGroup(id)
                                .compose(listing::open)
                                .map(open -> json.put("liveRooms", RoomListing.joinable(open)))))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              return groups.update(
                  id,
                  account.id(),
                  JsonBodies.string(body, "name"),
                  JsonBodies.string(body, "description"));
            })
        .onSuccess(group -> Responses.json(ctx, 200, groupJson(group)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(account -> groups.delete(id, account.id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void rotateInvite(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(account -> groups.rotateInvite(id, account.id()))
        .onSuccess(code -> Responses.json(ctx, 200, new JsonObject().put("inviteCode", code)))
        .onFailure(ctx::fail);
  }

  private void leave(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(account -> groups.leave(id, account.id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(account -> groups.remove(id, account.id(), ctx.pathParam("username")))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void shareDeck(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              UUID deckId = JsonBodies.requiredUuid(JsonBodies.object(ctx), "deckId", "a deck");
              return groups.shareDeck(id, account.id(), deckId);
            })
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void leaderboard(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              // A group sitting's scores are a board of their own, beside the games'.
              String sitting = ctx.queryParams().get("sitting");
              if (sitting != null) {
                UUID sittingId =
                    JsonBodies.uuid(
                        new JsonObject().put("sitting", sitting), "sitting", "a sitting");
                return sittings.board(id, sittingId, account.id());
              }
              return leaderboards.group(
                  id, account.id(), ctx.queryParams().get("period"), ctx.queryParams().get("by"));
            })
        .onSuccess(board -> Responses.json(ctx, 200, board))
        .onFailure(ctx::fail);
  }

  private static JsonObject groupJson(Group group) {
    return new JsonObject()
        .put("id", group.id().toString())
        .put("name", group.name())
        .put("description", group.description())
        .put("inviteCode", group.inviteCode())
        .put("role", group.role())
        .put("members", group.members());
  }
}
