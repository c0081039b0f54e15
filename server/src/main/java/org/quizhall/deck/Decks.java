package org.quizhall.deck;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.util.List;
import io.vertx.core.json.JsonArray;
import java.util.UUID;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.NotesTooLargeException;
import org.quizhall.notes.TopicTree;
import org.quizhall.problem.Problem;

/**
 * Decks from notes: import and generate on the import pool (it is CPU work), store, list and
 * serve them to whoever may see them. A deck is visible to its owner, to the members of the group
 * it is shared with, and to everyone when public; only its owner changes or deletes it.
 */
public final class Decks {

  public static final int TITLE_MAX = 200;
  private static final SecureRandom SEEDS = new SecureRandom();

  private final DeckStore store;
  private final ImportQueue imports;

  public Decks(Pool pool, ImportQueue imports) {
    this.store = new DeckStore(pool);
    this.imports = imports;
  }

  public Future<DeckSummary> create(UUID owner, String title, String notes, boolean isPublic) {
    long seed = SEEDS.nextLong();
    return generate(owner, title, notes, seed)
        .compose(deck -> store.insert(owner, cleanTitle(title, notes), notes, isPublic, null, seed, deck));
  }

  /** Re-imports a deck's notes; questions from unchanged lines keep their ids. */
  public Future<DeckSummary> replace(UUID id, UUID owner, String title, String notes, boolean isPublic) {
    return store
        .seedAndOwner(id, owner)
        .compose(
            seed -> {
              if (seed.isEmpty()) {
                return notYours(id, owner);
              }
              return generate(owner, title, notes, seed.get())
                  .compose(deck -> store.update(id, cleanTitle(title, notes), notes, isPublic, deck))
                  .map(updated -> updated.orElseThrow(Decks::notFound));
            });
  }

  public Future<DeckSummary> get(UUID id, UUID viewer) {
    return store.visible(id, viewer).map(found -> found.orElseThrow(Decks::notFound));
  }

  public Future<List<DeckSummary>> list(UUID viewer) {
    return store.list(viewer);
  }

  public Future<List<Question>> questions(UUID id, UUID viewer) {
    return get(id, viewer).compose(deck -> store.questions(id));
  }

  /**
   * A deck's questions as {@code viewer} may read them: with keys, explanations and source lines for
   * the owner only. Anyone else (a sample or public deck's reader, a group member) sees the prompts
   * and options, so the deck page cannot be used to look up a live question's answer.
   */
  public Future<JsonArray> questionsFor(UUID id, UUID viewer) {
    return get(id, viewer)
        .compose(
            deck ->
                store
                    .questions(id)
                    .map(
                        all -> {
                          boolean owner = viewer != null && viewer.equals(deck.ownerId());
                          JsonArray out = new JsonArray();
                          all.forEach(q -> out.add(owner ? QuestionJson.toJson(q) : QuestionJson.withoutKey(q)));
                          return out;
                        }));
  }

  public Future<Void> delete(UUID id, UUID owner) {
    return store
        .delete(id, owner)
        .compose(deleted -> deleted ? Future.succeededFuture() : notYours(id, owner));
  }

  /**
   * Refuses a change to a deck {@code account} does not own: 403 when they can see it (a public or
   * sample deck, or one shared with their group), 404 otherwise, so outsiders cannot tell it exists.
   */
  private <T> Future<T> notYours(UUID id, UUID account) {
    return store
        .visible(id, account)
        .compose(
            visible ->
                Future.failedFuture(
                    visible.isPresent()
                        ? new Problem(Problem.Kind.FORBIDDEN, "not_owner", "Only the deck's owner can change or delete it.")
                        : notFound()));
  }

  /** Imports a shipped sample once, as a public deck with no owner; false if it was already there. */
  public Future<Boolean> importSample(String key, String title, String notes) {
    return store
        .sampleExists(key)
        .compose(
            exists -> {
              if (exists) {
                return Future.succeededFuture(false);
              }
              long seed = key.hashCode();
              return generate(null, title, notes, seed)
                  .compose(deck -> store.insert(null, title, notes, true, key, seed, deck))
                  .map(true)
                  // Nodes of a cluster starting together on a new database race to import it: one wins.
                  .recover(
                      e -> e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                          ? Future.succeededFuture(false)
                          : Future.failedFuture(e));
            });
  }

  private Future<GeneratedDeck> generate(UUID account, String title, String notes, long seed) {
    if (notes == null || notes.isBlank()) {
      return Future.failedFuture(Problem.invalid("no_notes", "Paste some notes first: the notes are empty."));
    }
    if (title != null && title.strip().length() > TITLE_MAX) {
      return Future.failedFuture(
          Problem.invalid("invalid_title", "A title is at most " + TITLE_MAX + " characters."));
    }
    return imports.run(
        account,
        () -> {
          TopicTree tree;
          try {
            tree = NotesImporter.parse(notes);
          } catch (NotesTooLargeException e) {
            throw new Problem(Problem.Kind.TOO_LARGE, "notes_too_large", e.getMessage());
          }
          GeneratedDeck deck = DeckGenerator.generate(tree, seed);
          if (deck.questions().isEmpty()) {
            throw new Problem(
                Problem.Kind.UNPROCESSABLE,
                "nothing_to_ask",
                "No fair question can be asked from these notes ("
                    + deck.warnings().size()
                    + " line(s) skipped). Write facts as headings with bullet points, lists under a lead-in,"
                    + " or 'term: definition' lines.");
          }
          return deck;
        });
  }

  private static String cleanTitle(String title, String notes) {
    if (title != null && !title.isBlank()) {
      return title.strip();
    }
    String firstLine =
        notes.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("Untitled notes");
    firstLine = firstLine.replaceFirst("^#+\\s*", "").strip();
    if (firstLine.isEmpty()) {
      firstLine = "Untitled notes";
    }
    return firstLine.length() > 80 ? firstLine.substring(0, 80).strip() + "…" : firstLine;
  }

  private static Problem notFound() {
    return Problem.notFound("deck_not_found", "There is no such deck, or it is not yours.");
  }
}
