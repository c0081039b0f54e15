package org.quizhall.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.quizhall.deck.Decks;
import org.quizhall.deck.Response;
import org.quizhall.exam.Blueprint;
import org.quizhall.group.Leaderboards;
import org.quizhall.group.Practice;
import org.quizhall.problem.Problem;

/** Studying alone: practice rounds, a person's record, and a deck's best games. */
final class StudyRoutes {

  private final Practice practice;
  private final Leaderboards leaderboards;
  private final Decks decks;
  private final Identity identity;

  StudyRoutes(Practice practice, Leaderboards leaderboards, Decks decks, Identity identity) {
    this.practice = practice;
    this.leaderboards = leaderboards;
    this.decks = decks;
    this.identity = identity;
  }

  void mount(Router router) {
    router.get("/api/decks/:id/practice").handler(this::round);
    router
        .post("/api/decks/:id/practice/answers")
        .handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
        .handler(this::answer);
    router.get("/api/decks/:id/leaderboard").handler(this::deckLeaderboard);
    router.get("/api/me/stats").handler(this::stats);
  }

  private void round(RoutingContext ctx) {
    UUID deckId = Ids.uuid(ctx, "id", "deck_not_found");
    int count = count(ctx.queryParams().get("count"));
    List<String> topics = ctx.queryParams().getAll("topic");
    if (topics.size() > Blueprint.MAX_TOPICS) {
      throw Problem.invalid(
          "invalid_topic", "A round takes at most " + Blueprint.MAX_TOPICS + " topics.");
    }
    identity
        .required(ctx)
        .compose(account -> practice.round(deckId, account.id(), count, Set.copyOf(topics)))
        .onSuccess(round -> Responses.json(ctx, 200, round))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    UUID deckId = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              JsonObject body = JsonBodies.object(ctx);
              String questionId = JsonBodies.string(body, "questionId");
              if (questionId == null) {
                throw Problem.invalid("invalid_field", "questionId is required.");
              }
              Response response = Response.from(body);
              Object responseMs = body.getValue("responseMs");
              if (responseMs != null && !(responseMs instanceof Number)) {
                throw Problem.invalid("invalid_field", "responseMs must be a number.");
              }
              return practice.answer(
                  deckId,
                  account.id(),
                  questionId,
                  response,
                  responseMs == null
                      ? Practice.PRACTICE_ALLOWED_MS
                      : ((Number) responseMs).longValue());
            })
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private void deckLeaderboard(RoutingContext ctx) {
    UUID deckId = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .optionalId(ctx)
        .compose(viewer -> decks.get(deckId, viewer))
        .compose(deck -> leaderboards.deck(deckId))
        .onSuccess(best -> Responses.json(ctx, 200, new JsonObject().put("best", best)))
        .onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(account -> leaderboards.person(account.id()))
        .onSuccess(stats -> Responses.json(ctx, 200, stats))
        .onFailure(ctx::fail);
  }

  private static int count(String text) {
    if (text == null) {
      return 10;
    }
    try {
      int count = Integer.parseInt(text);
      if (count >= 1 && count <= Practice.MAX_ROUND) {
        return count;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw Problem.invalid(
        "invalid_count", "count is a whole number from 1 to " + Practice.MAX_ROUND + ".");
  }
}
