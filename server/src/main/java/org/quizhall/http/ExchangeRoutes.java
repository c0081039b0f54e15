package org.quizhall.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.quizhall.deck.DeckQuestion;
import org.quizhall.deck.DeckSummary;
import org.quizhall.deck.Decks;
import org.quizhall.deck.QuestionRow;
import org.quizhall.exchange.AnkiFile;
import org.quizhall.exchange.GiftFile;
import org.quizhall.exchange.QuestionCsv;
import org.quizhall.exchange.QuestionFiles;
import org.quizhall.problem.Problem;

/**
 * Decks in and out of other tools, so that none is locked in: a deck's owner exports it as
 * Quizhall's question CSV, Moodle GIFT or Anki text, and imports question files (Quizhall's CSV, or
 * Quizlet and Anki flashcards) into a deck or as a new one.
 */
final class ExchangeRoutes {

  /**
   * Room for 2,000 questions with long explanations: the sample deck's export takes under 300 bytes
   * a question, so 2,000 like them are about 600 KiB.
   */
  static final long IMPORT_LIMIT = 4L * 1024 * 1024;

  private final Decks decks;
  private final Identity identity;

  ExchangeRoutes(Decks decks, Identity identity) {
    this.decks = decks;
    this.identity = identity;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(IMPORT_LIMIT);
    router.get("/api/decks/:id/export").handler(this::export);
    router.post("/api/decks/:id/import").handler(body).handler(this::importInto);
    router.post("/api/decks/import").handler(body).handler(this::importNew);
  }

  /** The export formats: what each is called, its file, and how it is written. */
  private enum Format {
    CSV("csv", "text/csv; charset=utf-8", ".csv"),
    GIFT("gift", "text/plain; charset=utf-8", "-gift.txt"),
    ANKI("anki", "text/tab-separated-values; charset=utf-8", "-anki.txt");

    final String name;
    final String contentType;
    final String suffix;

    Format(String name, String contentType, String suffix) {
      this.name = name;
      this.contentType = contentType;
      this.suffix = suffix;
    }

    String write(DeckSummary deck, List<DeckQuestion> rows) {
      return switch (this) {
        case CSV -> QuestionCsv.write(rows);
        case GIFT -> GiftFile.write(deck.title(), rows);
        case ANKI -> AnkiFile.write(deck.id(), deck.title(), rows);
      };
    }

    static Format named(String name) {
      for (Format f : values()) {
        if (f.name.equals(name == null ? "csv" : name.toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw Problem.invalid(
          "invalid_format",
          "format is csv (Quizhall's question file, which imports back), gift"
              + " (Moodle) or anki.");
    }
  }

  /** A written export: its text, and what its response is named and typed as. */
  private record Download(Format format, String title, String text) {}

  private void export(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(
            account -> {
              Format format = Format.named(ctx.queryParams().get("format"));
              return decks.export(
                  id,
                  account.id(),
                  (deck, rows) -> new Download(format, deck.title(), format.write(deck, rows)));
            })
        .onSuccess(
            file ->
                ctx.response()
                    .putHeader("Content-Type", file.format().contentType)
                    .putHeader(
                        "Content-Disposition", disposition(file.title(), file.format().suffix))
                    .putHeader("Cache-Control", "no-store")
                    .end(file.text()))
        .onFailure(ctx::fail);
  }

  private void importInto(RoutingContext ctx) {
    UUID id = Ids.uuid(ctx, "id", "deck_not_found");
    identity
        .required(ctx)
        .compose(account -> decks.importQuestions(id, account.id(), reader(ctx)))
        .onSuccess(imported -> Responses.json(ctx, 201, importedJson(imported)))
        .onFailure(ctx::fail);
  }

  private void importNew(RoutingContext ctx) {
    identity
        .required(ctx)
        .compose(
            account -> {
              Callable<List<QuestionRow>> read = reader(ctx);
              String isPublic = ctx.queryParams().get("public");
              if (isPublic != null && !isPublic.equals("true") && !isPublic.equals("false")) {
                throw Problem.invalid("invalid_field", "public is true or false.");
              }
              return decks.createFromQuestions(
                  account.id(), ctx.queryParams().get("title"), "true".equals(isPublic), read);
            })
        .onSuccess(imported -> Responses.json(ctx, 201, importedJson(imported)))
        .onFailure(ctx::fail);
  }

  /**
   * Reads the body as a question file, later and on the import pool: decoding and parsing a few
   * megabytes is CPU work. The media type is checked now: a comma for text/csv, a tab for
   * text/tab-separated-values, either (told from the file) for text/plain.
   */
  private static Callable<List<QuestionRow>> reader(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    Character separator =
        switch (type == null ? "" : JsonBodies.mediaType(type)) {
          case "text/csv" -> ',';
          case "text/tab-separated-values" -> '\t';
          case "text/plain" -> null;
          default ->
              throw new Problem(
                  Problem.Kind.UNSUPPORTED_MEDIA,
                  "unsupported_media_type",
                  "Send the file as text/csv or text/tab-separated-values (text/plain also does).");
        };
    byte[] bytes = TextBodies.bytes(ctx);
    return () ->
        QuestionFiles.read(
            TextBodies.utf8(
                bytes,
                "binary_file",
                "That looks like a binary file (a spreadsheet, say): save it as CSV or tab-separated text.",
                "The file is not valid UTF-8 text: save it as UTF-8 (in Excel, \"CSV UTF-8\") and try again."),
            separator);
  }

  private static JsonObject importedJson(Decks.Imported imported) {
    return new JsonObject()
        .put("added", imported.added())
        .put("deck", DeckRoutes.summaryJson(imported.deck()));
  }

  /**
   * An attachment named after the deck: an ASCII name for every client, and the title itself (RFC
   * 6266's {@code filename*}) for those that read it.
   */
  static String disposition(String title, String suffix) {
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 60) {
      ascii = ascii.substring(0, 60).replaceAll("-+$", "");
    }
    if (ascii.isEmpty()) {
      ascii = "deck";
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : (title.strip() + suffix).getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + suffix + "\"; filename*=UTF-8''" + encoded;
  }
}
