package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.quizhall.deck.DeckSummary;
import org.quizhall.deck.Decks;
import org.quizhall.deck.GenerationWarning;
import org.quizhall.game.ItemAnalysis;
import org.quizhall.game.ItemReport;
import org.quizhall.notes.DocumentText;
import org.quizhall.notes.NotesLimits;
import org.quizhall.problem.Problem;

/**
 * Decks over REST: notes in as JSON, as a plain text or Markdown body, or as an uploaded file;
 * questions out.
 */
final class DeckRoutes {

  /** JSON escaping can double the size of notes; the notes themselves are limited separately. */
  static final long BODY_LIMIT = 3L * NotesLimits.MAX_BYTES;

  private final Decks decks;
  private final Identity identity;
  private final ItemAnalysis analysis;

  DeckRoutes(Decks decks, Identity identity, ItemAnalysis analysis) {
    this.decks = decks;
    this.identity = identity;
    this.analysis = analysis;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    // A file upload is read by UploadForm once the caller is known; everything else by the body
    // handler.
    Handler<RoutingContext> bodyUnlessFile =
        ctx -> {
          if (UploadForm.isMultipart(ctx)) {
            ctx.next();
          } else {
            body.handle(ctx);
          }
        };
    router.post("/api/decks").handler(bodyUnlessFile).handler(this::create);
    router.get("/api/decks").handler(this::list);
    router.get("/api/decks/:id").handler(this::get);
    router.get("/api/decks/:id/questions").handler(this::questions);
    router.put("/api/decks/:id").handler(bodyUnlessFile).handler(this::replace);
    router.delete("/api/decks/:id").handler(this::delete);

    BodyHandler small = BodyHandler.create(false).setBodyLimit(EDIT_LIMIT);
    router.patch("/api/decks/:id").handler(small).handler(this::settings);
    router.get("/api/decks/:id/notes").handler(this::notes);
    router.post("/api/decks/:id/duplicate").handler(this::duplicate);
    router.post("/api/decks/:id/questions").handler(small).handler(this::addQuestion);
    router.get("/api/decks/:id/questions/:qid").handler(this::question);
    router.patch("/api/decks/:id/questions/:qid").handler(small).handler(this::editQuestion);
    router.delete("/api/decks/:id/questions/:qid").handler(ctx -> hide(ctx, true));
    router.post("/api/decks/:id/questions/:qid/restore").handler(ctx -> hide(ctx, false));
    router.post("/api/decks/:id/questions/:qid/revert").handler(this::revert);
    router.get("/api/decks/:id/analysis").handler(this::analysis);
  }

  /** A question or a deck's settings: far more than any one question needs. */
  static final long EDIT_LIMIT = 64 * 1024;

  /**
   * Item analysis of every question of an owner's deck, hidden ones too, over every game and
   * practice answer.
   */
  private void analysis(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> decks.requireOwner(id, account.id()))
        .compose(
            owned -> {
              Future<java.util.List<org.quizhall.deck.DeckQuestion>> questions = decks.all(id);
              Future<java.util.Map<String, ItemAnalysis.Figures>> figures = analysis.figures(id);
              return Future.all(questions, figures)
                  .map(
                      both -> {
                        JsonArray out = new JsonArray();
                        questions
                            .result()
                            .forEach(
                                q ->
                                    out.add(
                                        ItemReport.of(q.question(), figures.result().get(q.id()))));
                        return new JsonObject().put("questions", out);
                      });
            })
        .onSuccess(out -> Responses.json(ctx, 200, out))
        .onFailure(ctx::fail);
  }

  private void settings(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> decks.settings(id, account.id(), JsonBodies.object(ctx)))
        .onSuccess(deck -> Responses.json(ctx, 200, summaryJson(deck)))
        .onFailure(ctx::fail);
  }

  private void notes(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> decks.notes(id, account.id()))
        .onSuccess(notes -> Responses.json(ctx, 200, new JsonObject().put("notes", notes)))
        .onFailure(ctx::fail);
  }

  private void duplicate(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> decks.duplicate(id, account.id()))
        .onSuccess(deck -> Responses.json(ctx, 201, summaryJson(deck)))
        .onFailure(ctx::fail);
  }

  private void addQuestion(RoutingContext ctx) {
    asOwner(
        ctx, 201, false, (id, qid, owner) -> decks.addQuestion(id, owner, JsonBodies.object(ctx)));
  }

  private void question(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    String qid = questionId(ctx);
    identity
        .optionalId(ctx)
        .compose(viewer -> decks.questionFor(id, viewer, qid))
        .onSuccess(question -> Responses.json(ctx, 200, question))
        .onFailure(ctx::fail);
  }

  private void editQuestion(RoutingContext ctx) {
    asOwner(
        ctx,
        200,
        true,
        (id, qid, owner) -> decks.editQuestion(id, owner, qid, JsonBodies.object(ctx)));
  }

  private void hide(RoutingContext ctx, boolean hide) {
    asOwner(ctx, 200, true, (id, qid, owner) -> decks.hideQuestion(id, owner, qid, hide));
  }

  private void revert(RoutingContext ctx) {
    asOwner(ctx, 200, true, (id, qid, owner) -> decks.revertQuestion(id, owner, qid));
  }

  /**
   * What the owner does to a question of a deck: the deck's id, the question's (or null), the
   * owner's.
   */
  @FunctionalInterface
  private interface QuestionChange {
    Future<JsonObject> apply(UUID deck, String question, UUID owner);
  }

  /**
   * One of the owner's changes to a question of deck {@code :id} (of {@code :qid} when {@code
   * named}), answered with the question as it now is.
   */
  private void asOwner(RoutingContext ctx, int status, boolean named, QuestionChange change) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    String qid = named ? questionId(ctx) : null;
    identity
        .required(ctx)
        .compose(account -> change.apply(id, qid, account.id()))
        .onSuccess(question -> Responses.json(ctx, status, question))
        .onFailure(ctx::fail);
  }

  /**
   * A deck's notes and title as sent: JSON {title, notes, public}, or the notes as the whole body.
   */
  private record Upload(String title, String notes, Boolean isPublic) {}

  private void create(RoutingContext ctx) {
    if (UploadForm.isMultipart(ctx)) {
      // The file is read only for a caller who may make decks: nobody else's bytes are held in
      // memory.
      UploadForm.hold(ctx);
      identity
          .required(ctx)
          .compose(
              account ->
                  UploadForm.read(ctx, account.id())
                      .compose(
                          form ->
                              decks.createFromFile(
                                  account.id(),
                                  form.title(),
                                  form.file(),
                                  Boolean.TRUE.equals(form.isPublic()))))
          .onSuccess(deck -> Responses.json(ctx, 201, summaryJson(deck)))
          .onFailure(ctx::fail);
      return;
    }
    identity
        .required(ctx)
        .compose(
            account -> {
              Upload upload = upload(ctx);
              return decks.create(
                  account.id(),
                  upload.title(),
                  upload.notes(),
                  Boolean.TRUE.equals(upload.isPublic()));
            })
        .onSuccess(deck -> Responses.json(ctx, 201, summaryJson(deck)))
        .onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    if (UploadForm.isMultipart(ctx)) {
      UploadForm.hold(ctx);
    }
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              if (UploadForm.isMultipart(ctx)) {
                return UploadForm.read(ctx, account.id())
                    .compose(
                        form ->
                            decks.replaceFromFile(
                                id, account.id(), form.title(), form.file(), form.isPublic()));
              }
              Upload upload = upload(ctx);
              return decks.replace(
                  id, account.id(), upload.title(), upload.notes(), upload.isPublic());
            })
        .onSuccess(deck -> Responses.json(ctx, 200, summaryJson(deck)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    identity
        .optionalId(ctx)
        .compose(
            viewer ->
                decks
                    .list(viewer)
                    .map(
                        all -> {
                          JsonArray out = new JsonArray();
                          all.forEach(
                              deck ->
                                  out.add(
                                      summaryJson(deck)
                                          .put(
                                              "mine",
                                              viewer != null && viewer.equals(deck.ownerId()))));
                          return out;
                        }))
        .onSuccess(out -> Responses.json(ctx, 200, out))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .optionalId(ctx)
        .compose(
            viewer ->
                decks
                    .get(id, viewer)
                    .map(
                        deck -> {
                          boolean mine = viewer != null && viewer.equals(deck.ownerId());
                          JsonObject json = summaryJson(deck).put("mine", mine);
                          // Which group it is shared with is its owner's business.
                          return mine
                              ? json.put(
                                  "groupId",
                                  deck.groupId() == null ? null : deck.groupId().toString())
                              : json;
                        }))
        .onSuccess(deck -> Responses.json(ctx, 200, deck))
        .onFailure(ctx::fail);
  }

  private void questions(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .optionalId(ctx)
        .compose(viewer -> decks.questionsFor(id, viewer))
        .onSuccess(out -> Responses.json(ctx, 200, out))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> decks.delete(id, account.id()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static final java.util.regex.Pattern QUESTION_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** A question's id from the path: letters, digits and dashes; anything else names nothing. */
  private static String questionId(RoutingContext ctx) {
    String qid = ctx.pathParam("qid");
    if (qid == null || !QUESTION_ID.matcher(qid).matches()) {
      throw Problem.notFound("question_not_found", "This deck has no such question.");
    }
    return qid;
  }

  private static Upload upload(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : JsonBodies.mediaType(type);
    switch (media) {
      case "application/json" -> {
        JsonObject body = JsonBodies.object(ctx);
        String notes = JsonBodies.string(body, "notes");
        checkSize(notes == null ? 0 : notes.getBytes(StandardCharsets.UTF_8).length);
        Object isPublic = body.getValue("public");
        if (isPublic != null && !(isPublic instanceof Boolean)) {
          throw Problem.invalid("invalid_field", "public must be true or false.");
        }
        return new Upload(JsonBodies.string(body, "title"), notes, (Boolean) isPublic);
      }
      case "text/plain", "text/markdown", "text/x-markdown" -> {
        byte[] bytes = TextBodies.bytes(ctx);
        checkSize(bytes.length);
        String isPublic = ctx.queryParams().get("public");
        return new Upload(
            ctx.queryParams().get("title"),
            DocumentText.utf8(bytes),
            isPublic == null ? null : "true".equals(isPublic));
      }
      default ->
          throw new Problem(
              Problem.Kind.UNSUPPORTED_MEDIA,
              "unsupported_media_type",
              "Send notes as JSON {title, notes}, as a text/plain or text/markdown body, or as a file in a"
                  + " multipart/form-data field named file.");
    }
  }

  private static void checkSize(int bytes) {
    if (bytes > NotesLimits.MAX_BYTES) {
      throw NotesLimits.tooLarge(bytes);
    }
  }

  static JsonObject summaryJson(DeckSummary deck) {
    JsonObject kinds = new JsonObject();
    deck.kinds().forEach(kinds::put);
    JsonArray warnings = new JsonArray();
    for (GenerationWarning w : deck.warnings()) {
      warnings.add(
          new JsonObject().put("line", w.line()).put("text", w.text()).put("reason", w.reason()));
    }
    return new JsonObject()
        .put("id", deck.id().toString())
        .put("title", deck.title())
        .put("public", deck.isPublic())
        .put("sample", deck.ownerId() == null)
        .put("questionCount", deck.questionCount())
        .put("kinds", kinds)
        .put("topics", new JsonArray(deck.topics()))
        .put("warnings", warnings)
        .put(
            "defaultKinds",
            deck.defaultKinds().isEmpty() ? null : new JsonArray(deck.defaultKinds()))
        .put("revision", deck.revision())
        .put("createdAt", deck.createdAt().toString())
        .put("updatedAt", deck.updatedAt().toString());
  }
}
