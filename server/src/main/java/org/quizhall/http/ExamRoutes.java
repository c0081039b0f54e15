package org.quizhall.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.UUID;
import org.quizhall.deck.Response;
import org.quizhall.exam.Attempts;
import org.quizhall.exam.Exams;
import org.quizhall.exam.Readiness;
import org.quizhall.problem.Problem;

/** Mock exams: their owner sets them and sits them; only an attempt's owner sees or changes it. */
final class ExamRoutes {

  private final Exams exams;
  private final Attempts attempts;
  private final Readiness readiness;
  private final Identity identity;

  ExamRoutes(Exams exams, Attempts attempts, Readiness readiness, Identity identity) {
    this.exams = exams;
    this.attempts = attempts;
    this.readiness = readiness;
    this.identity = identity;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(64 * 1024);
    router.post("/api/exams").handler(body).handler(this::create);
    router.get("/api/exams").handler(this::list);
    router.get("/api/exams/:id").handler(this::get);
    router.patch("/api/exams/:id").handler(body).handler(this::update);
    router.delete("/api/exams/:id").handler(this::delete);
    router.post("/api/exams/:id/attempts").handler(this::start);
    router.get("/api/attempts/:id").handler(this::attempt);
    router.put("/api/attempts/:id/answers/:index").handler(body).handler(this::answer);
    router.put("/api/attempts/:id/flags/:index").handler(body).handler(this::flag);
    router.post("/api/attempts/:id/submit").handler(this::submit);
    router.get("/api/attempts/:id/report").handler(this::report);
    router.get("/api/decks/:id/readiness").handler(this::readiness);
  }

  private void create(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              return exams.create(
                  account.id(), JsonBodies.requiredUuid(body, "deckId", "a deck"), body);
            })
        .onSuccess(exam -> Responses.json(ctx, 201, exam))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(
            account -> {
              String deck = ctx.queryParams().get("deckId");
              UUID deckId =
                  deck == null
                      ? null
                      : JsonBodies.uuid(new JsonObject().put("deckId", deck), "deckId", "a deck");
              return exams.list(account.id(), deckId);
            })
        .onSuccess(all -> Responses.json(ctx, 200, all))
        .onFailure(ctx::fail);
  }

  /** One exam or attempt of the signed-in account's. */
  private void own(
      RoutingContext ctx,
      String notFound,
      int status,
      java.util.function.BiFunction<UUID, UUID, io.vertx.core.Future<JsonObject>> action) {
    identity.answerAbout(ctx, notFound, status, action);
  }

  private void get(RoutingContext ctx) {
    own(ctx, "exam_not_found", 200, exams::get);
  }

  private void update(RoutingContext ctx) {
    own(
        ctx,
        "exam_not_found",
        200,
        (id, account) -> exams.update(id, account, JsonBodies.object(ctx)));
  }

  private void delete(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "exam_not_found");
    identity
        .required(ctx)
        .compose(account -> exams.delete(id, account.id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void start(RoutingContext ctx) {
    own(ctx, "exam_not_found", 201, attempts::start);
  }

  private void attempt(RoutingContext ctx) {
    own(ctx, "attempt_not_found", 200, attempts::get);
  }

  private void answer(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "attempt_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              int index = index(ctx);
              return attempts.answer(
                  id, account.id(), index, Response.from(JsonBodies.object(ctx)));
            })
        .onSuccess(saved -> Responses.json(ctx, 200, saved))
        .onFailure(ctx::fail);
  }

  private void flag(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "attempt_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              int index = index(ctx);
              if (!(JsonBodies.object(ctx).getValue("flagged") instanceof Boolean flagged)) {
                throw Problem.invalid("invalid_field", "flagged must be true or false.");
              }
              return attempts.flag(id, account.id(), index, flagged);
            })
        .onSuccess(saved -> Responses.json(ctx, 200, saved))
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx) {
    own(ctx, "attempt_not_found", 200, attempts::submitNow);
  }

  private void report(RoutingContext ctx) {
    own(ctx, "attempt_not_found", 200, attempts::report);
  }

  private void readiness(RoutingContext ctx) {
    UUID deckId = Ids.uuid(ctx, "id", "deck_not_found");
    String exam = ctx.queryParams().get("exam");
    identity
        .required(ctx)
        .compose(
            account ->
                readiness.get(
                    deckId,
                    account.id(),
                    // A malformed exam id names no exam of the caller's, as an unknown one does.
                    exam == null ? null : Ids.uuid(exam, "exam_not_found")))
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  /** A question's place in the attempt, from 0; anything else names no question. */
  private static int index(RoutingContext ctx) {
    String raw = ctx.pathParam("index");
    if (raw != null && raw.matches("\\d{1,3}")) {
      return Integer.parseInt(raw);
    }
    throw Problem.notFound("question_not_found", "An attempt's questions are numbered from 0.");
  }
}
