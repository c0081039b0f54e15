package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.quizhall.exam.Sittings;
import org.quizhall.problem.Problem;

/**
 * Group sittings of a mock exam: the group's owner schedules, watches and cancels them; members
 * begin their attempt at the set time, then sit it on the attempt routes.
 */
final class SittingRoutes {

  private static final Set<String> FIELDS =
      Set.of("examId", "title", "startsAt", "lateJoinMinutes");

  private final Sittings sittings;
  private final Identity identity;

  SittingRoutes(Sittings sittings, Identity identity) {
    this.sittings = sittings;
    this.identity = identity;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024);
    router.post("/api/groups/:id/sittings").handler(body).handler(this::schedule);
    router.get("/api/groups/:id/sittings").handler(this::list);
    router.get("/api/sittings/:id").handler(ctx -> one(ctx, 200, sittings::get));
    router.delete("/api/sittings/:id").handler(this::cancel);
    router.post("/api/sittings/:id/attempts").handler(ctx -> one(ctx, 201, sittings::start));
    router.get("/api/sittings/:id/progress").handler(ctx -> one(ctx, 200, sittings::progress));
    router.get("/api/sittings/:id/results").handler(ctx -> one(ctx, 200, sittings::results));
  }

  private void schedule(RoutingContext ctx) {
    UUID groupId = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              for (String field : body.fieldNames()) {
                if (!FIELDS.contains(field)) {
                  throw Problem.invalid(
                      "invalid_field",
                      "A sitting's fields are examId, title, startsAt and lateJoinMinutes.");
                }
              }
              Object late = body.getValue("lateJoinMinutes");
              if (late != null && !(late instanceof Integer)) {
                throw Problem.invalid(
                    "invalid_late_join", "lateJoinMinutes must be a whole number of minutes.");
              }
              return sittings.schedule(
                  groupId,
                  account.id(),
                  JsonBodies.requiredUuid(body, "examId", "one of your exams"),
                  JsonBodies.string(body, "title"),
                  JsonBodies.instant(body, "startsAt"),
                  (Integer) late);
            })
        .onSuccess(sitting -> Responses.json(ctx, 201, sitting))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    UUID groupId = Ids.uuid(ctx, "id", "group_not_found");
    identity
        .required(ctx)
        .compose(account -> sittings.list(groupId, account.id()))
        .onSuccess(all -> Responses.json(ctx, 200, all))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "sitting_not_found");
    identity
        .required(ctx)
        .compose(account -> sittings.cancel(id, account.id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** One sitting of the signed-in caller's group: {@code action} gets its id and the caller's. */
  private void one(
      RoutingContext ctx, int status, BiFunction<UUID, UUID, Future<JsonObject>> action) {
    identity.answerAbout(ctx, "sitting_not_found", status, action);
  }
}
