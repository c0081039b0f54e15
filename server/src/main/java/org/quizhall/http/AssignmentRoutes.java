package org.quizhall.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.UUID;
import org.quizhall.deck.Response;
import org.quizhall.group.Assignments;
import org.quizhall.problem.Problem;

/** Self-paced assignments for a study group's members. */
final class AssignmentRoutes {

  private final Assignments assignments;
  private final Identity identity;

  AssignmentRoutes(Assignments assignments, Identity identity) {
    this.assignments = assignments;
    this.identity = identity;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024);
    router.post("/api/groups/:id/assignments").handler(body).handler(this::create);
    router.get("/api/groups/:id/assignments").handler(this::list);
    router.get("/api/assignments/:id").handler(this::get);
    router.post("/api/assignments/:id/answers").handler(body).handler(this::answer);
    router.get("/api/assignments/:id/leaderboard").handler(this::leaderboard);
  }

  private void create(RoutingContext ctx) {
    UUID groupId = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              UUID deckId = JsonBodies.requiredUuid(body, "deckId", "a deck");
              Object count = body.getValue("questionCount", 10);
              if (!(count instanceof Integer n) || n < 1 || n > 100) {
                throw Problem.invalid(
                    "invalid_field", "questionCount must be a whole number from 1 to 100.");
              }
              return assignments.create(
                  groupId,
                  account.id(),
                  deckId,
                  JsonBodies.string(body, "title"),
                  (Integer) count,
                  JsonBodies.instant(body, "opensAt"),
                  JsonBodies.instant(body, "closesAt"));
            })
        .onSuccess(created -> Responses.json(ctx, 201, created))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    UUID groupId = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(account -> assignments.list(groupId, account.id()))
        .onSuccess(all -> Responses.json(ctx, 200, all))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "assignment_not_found");
    identity
        .required(ctx)
        .compose(account -> assignments.get(id, account.id()))
        .onSuccess(assignment -> Responses.json(ctx, 200, assignment))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "assignment_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              if (!(body.getValue("index") instanceof Integer index)) {
                throw Problem.invalid("invalid_field", "index must be the number of a question.");
              }
              return assignments.answer(id, account.id(), index, Response.from(body));
            })
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private void leaderboard(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "assignment_not_found");
    identity
        .required(ctx)
        .compose(account -> assignments.leaderboard(id, account.id()))
        .onSuccess(board -> Responses.json(ctx, 200, board))
        .onFailure(ctx::fail);
  }
}
