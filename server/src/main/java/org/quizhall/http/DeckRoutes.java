package org.quizhall.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.quizhall.deck.DeckSummary;
import org.quizhall.deck.Decks;
import org.quizhall.deck.GenerationWarning;
import org.quizhall.notes.NotesLimits;
import org.quizhall.problem.Problem;

/** Decks over REST: notes in as JSON or as a plain text or Markdown body, questions out. */
final class DeckRoutes {

  /** JSON escaping can double the size of notes; the notes themselves are limited separately. */
  static final long BODY_LIMIT = 3L * NotesLimits.MAX_BYTES;

  private final Decks decks;
  private final Identity identity;

  DeckRoutes(Decks decks, Identity identity) {
    this.decks = decks;
    this.identity = identity;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post("/api/decks").handler(body).handler(this::create);
    router.get("/api/decks").handler(this::list);
    router.get("/api/decks/:id").handler(this::get);
    router.get("/api/decks/:id/questions").handler(this::questions);
    router.put("/api/decks/:id").handler(body).handler(this::replace);
    router.delete("/api/decks/:id").handler(this::delete);
  }

  /** A deck's notes and title as sent: JSON {title, notes, public}, or the notes as the whole body. */
  private record Upload(String title, String notes, boolean isPublic) {}

  private void create(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(account -> {
          Upload upload = upload(ctx);
          return decks.create(account.id(), upload.title(), upload.notes(), upload.isPublic());
        })
        .onSuccess(deck -> Responses.json(ctx, 201, summaryJson(deck)))
        .onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> {
          Upload upload = upload(ctx);
          return decks.replace(id, account.id(), upload.title(), upload.notes(), upload.isPublic());
        })
        .onSuccess(deck -> Responses.json(ctx, 200, summaryJson(deck)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    identity
        .optionalId(ctx)
        .compose(decks::list)
        .onSuccess(
            all -> {
              JsonArray out = new JsonArray();
              all.forEach(deck -> out.add(summaryJson(deck)));
              Responses.json(ctx, 200, out);
            })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .optionalId(ctx)
        .compose(viewer -> decks.get(id, viewer))
        .onSuccess(deck -> Responses.json(ctx, 200, summaryJson(deck)))
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
        return new Upload(JsonBodies.string(body, "title"), notes, Boolean.TRUE.equals(isPublic));
      }
      case "text/plain", "text/markdown", "text/x-markdown" -> {
        Buffer body = ctx.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        checkSize(bytes.length);
        return new Upload(
            ctx.queryParams().get("title"), decode(bytes), "true".equals(ctx.queryParams().get("public")));
      }
      default ->
          throw new Problem(
              Problem.Kind.UNSUPPORTED_MEDIA,
              "unsupported_media_type",
              "Send notes as JSON {title, notes}, or as a text/plain or text/markdown body.");
    }
  }

  private static void checkSize(int bytes) {
    if (bytes > NotesLimits.MAX_BYTES) {
      throw new Problem(
          Problem.Kind.TOO_LARGE, "notes_too_large", "Notes are at most 1 MiB; these are " + bytes + " bytes.");
    }
  }

  /** Strict UTF-8 (a leading byte-order mark is dropped); binary files are refused, not guessed at. */
  private static String decode(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new Problem(
            Problem.Kind.UNSUPPORTED_MEDIA, "binary_notes", "That looks like a binary file: send notes as text.");
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw Problem.invalid("not_utf8", "The notes are not valid UTF-8 text: save them as UTF-8 and try again.");
    }
  }

  static JsonObject summaryJson(DeckSummary deck) {
    JsonObject kinds = new JsonObject();
    deck.kinds().forEach(kinds::put);
    JsonArray warnings = new JsonArray();
    for (GenerationWarning w : deck.warnings()) {
      warnings.add(new JsonObject().put("line", w.line()).put("text", w.text()).put("reason", w.reason()));
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
        .put("createdAt", deck.createdAt().toString())
        .put("updatedAt", deck.updatedAt().toString());
  }
}
