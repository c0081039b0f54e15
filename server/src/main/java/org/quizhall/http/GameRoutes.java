package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizhall.account.SessionToken;
import org.quizhall.game.Games;
import org.quizhall.game.Gradebook;
import org.quizhall.game.QuestionFlags;
import org.quizhall.problem.Problem;

/**
 * Results of a game, for its host and its players. A signed-in caller sends their bearer token; a
 * guest player sends {@code Authorization: Player <resumeToken>}.
 */
final class GameRoutes {

  private final Games games;
  private final Identity identity;
  private final QuestionFlags flags;
  private final Gradebook gradebook;

  GameRoutes(Games games, Identity identity, QuestionFlags flags, Gradebook gradebook) {
    this.games = games;
    this.identity = identity;
    this.flags = flags;
    this.gradebook = gradebook;
  }

  void mount(Router router) {
    router.get("/api/games/:id/results").handler(this::results);
    router.get("/api/games/:id/results.csv").handler(this::csv);
    router.get("/api/games/:id/answers").handler(this::answers);
    router.get("/api/games/:id/players.csv").handler(ctx -> table(ctx, "players"));
    router.get("/api/games/:id/questions.csv").handler(ctx -> table(ctx, "questions"));
    router.get("/api/games/:id/answers.csv").handler(ctx -> table(ctx, "answers"));
    router.get("/api/games/:id/results.xlsx").handler(this::workbook);
    router
        .post("/api/games/:id/flags")
        .handler(BodyHandler.create(false).setBodyLimit(8 * 1024))
        .handler(this::flag);
  }

  /**
   * The host's gradebook: every player against every question, with the answers given and the keys.
   */
  private void answers(RoutingContext ctx) {
    sheet(ctx)
        .compose(sheet -> gradebook.offLoop(() -> Gradebook.toJson(sheet).toBuffer()))
        .onSuccess(
            body ->
                ctx.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(body))
        .onFailure(ctx::fail);
  }

  private void table(RoutingContext ctx, String table) {
    sheet(ctx)
        .compose(
            sheet ->
                gradebook.offLoop(
                    () ->
                        new Named(
                            fileName(sheet, table, "csv"),
                            io.vertx.core.buffer.Buffer.buffer(GradebookFiles.csv(sheet, table)))))
        .onSuccess(file -> download(ctx, "text/csv; charset=utf-8", file.name()).end(file.body()))
        .onFailure(ctx::fail);
  }

  private void workbook(RoutingContext ctx) {
    sheet(ctx)
        .compose(
            sheet ->
                gradebook.offLoop(
                    () ->
                        new Named(
                            fileName(sheet, "results", "xlsx"),
                            io.vertx.core.buffer.Buffer.buffer(GradebookFiles.xlsx(sheet)))))
        .onSuccess(
            file ->
                download(
                        ctx,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        file.name())
                    .end(file.body()))
        .onFailure(ctx::fail);
  }

  /** A file made off the event loop, with the name it downloads as. */
  private record Named(String name, io.vertx.core.buffer.Buffer body) {}

  private Future<Gradebook.Sheet> sheet(RoutingContext ctx) {
    UUID gameId = Ids.uuid(ctx, "id", "game_not_found");
    return identity.required(ctx).compose(account -> gradebook.sheet(gameId, account.id()));
  }

  private static String fileName(Gradebook.Sheet sheet, String table, String extension) {
    return "quizhall-" + sheet.roomCode().toLowerCase(Locale.ROOT) + "-" + table + "." + extension;
  }

  private static io.vertx.core.http.HttpServerResponse download(
      RoutingContext ctx, String type, String name) {
    return ctx.response()
        .putHeader("Content-Type", type)
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .putHeader("Cache-Control", "no-store");
  }

  /**
   * A player flags a question of the game: {index, reason, comment}; the seat is the caller's, as
   * for results.
   */
  private void flag(RoutingContext ctx) {
    UUID gameId = Ids.uuid(ctx, "id", "game_not_found");
    String player = playerToken(ctx);
    Future<UUID> account =
        player != null ? Future.succeededFuture(null) : identity.required(ctx).map(a -> a.id());
    account
        .compose(
            id -> {
              JsonObject body = JsonBodies.object(ctx);
              Object index = body.getValue("index");
              if (!(index instanceof Number n)
                  || n.doubleValue() != Math.rint(n.doubleValue())
                  || n.doubleValue() < 0
                  || n.doubleValue() > 10_000) {
                throw Problem.invalid(
                    "invalid_field",
                    "index must be the question's index in the game (0 for the first).");
              }
              String reason = JsonBodies.string(body, "reason");
              return flags.flag(
                  gameId,
                  id,
                  player == null ? null : SessionToken.digest(player),
                  n.intValue(),
                  reason == null ? "" : reason,
                  JsonBodies.string(body, "comment"));
            })
        .onSuccess(flagged -> Responses.json(ctx, 201, flagged))
        .onFailure(ctx::fail);
  }

  private void results(RoutingContext ctx) {
    load(ctx).onSuccess(r -> Responses.json(ctx, 200, Games.toJson(r))).onFailure(ctx::fail);
  }

  private void csv(RoutingContext ctx) {
    load(ctx)
        .onSuccess(
            results ->
                ctx.response()
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"quizhall-"
                            + results.roomCode().toLowerCase(Locale.ROOT)
                            + "-results.csv\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(csv(results)))
        .onFailure(ctx::fail);
  }

  private Future<Games.Results> load(RoutingContext ctx) {
    UUID gameId = Ids.uuid(ctx, "id", "game_not_found");
    String player = playerToken(ctx);
    if (player != null) {
      return games.results(gameId, null, SessionToken.digest(player));
    }
    return identity.required(ctx).compose(account -> games.results(gameId, account.id(), null));
  }

  private static String playerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String prefix = "player ";
    if (header != null
        && header.length() > prefix.length()
        && header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return header.substring(prefix.length()).trim();
    }
    return null;
  }

  /** Two tables in one file, players first, then questions, separated by an empty line. */
  static String csv(Games.Results results) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord("rank", "nickname", "score", "correct", "answered", "mean_response_ms");
      for (Games.PlayerResult p : results.players()) {
        printer.printRecord(
            p.rank(),
            spreadsheetSafe(p.nickname()),
            p.score(),
            p.correctCount(),
            p.answeredCount(),
            Math.round(p.meanResponseMs()));
      }
      printer.println();
      printer.printRecord(
          "question", "prompt", "answered", "correct", "correct_rate", "distribution");
      for (Games.QuestionResult q : results.questions()) {
        printer.printRecord(
            q.index() + 1,
            spreadsheetSafe(q.prompt()),
            q.answered(),
            q.correctCount(),
            String.format(Locale.ROOT, "%.3f", q.correctRate()),
            spreadsheetSafe(distribution(q)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * A cell a spreadsheet shows as text: one that starts like a formula (=, +, -, @, a tab or a
   * carriage return) gets a leading apostrophe, as OWASP advises, so a nickname such as
   * =HYPERLINK(...) is never evaluated.
   */
  static String spreadsheetSafe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }

  private static String distribution(Games.QuestionResult q) {
    StringBuilder text = new StringBuilder();
    if (q.answerType().equals("typed")
        || q.answerType().equals("ordering")
        || q.answerType().equals("matching")) {
      return "correct: " + q.distribution().get(0) + "; incorrect: " + q.distribution().get(1);
    }
    for (int i = 0; i < q.options().size(); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(q.options().get(i)).append(": ").append(q.distribution().get(i));
    }
    return text.toString();
  }
}
