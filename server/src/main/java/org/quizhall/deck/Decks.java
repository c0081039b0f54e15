package org.quizhall.deck;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.quizhall.notes.DocumentText;
import org.quizhall.notes.NotesFile;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.NotesTooLargeException;
import org.quizhall.notes.TopicTree;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decks from notes: import and generate on the import pool (it is CPU work), store, list and serve
 * them to whoever may see them. A deck is visible to its owner, to the members of the group it is
 * shared with, and to everyone when public; only its owner changes or deletes it.
 */
public final class Decks {

  private static final Logger log = LoggerFactory.getLogger(Decks.class);

  public static final int TITLE_MAX = 200;

  /** A deck takes imported questions up to this many in all. */
  public static final int MAX_QUESTIONS = 20_000;

  /** The topic of a question written by hand for a deck without topics. */
  private static final String OWN_TOPIC = "My questions";

  private static final SecureRandom SEEDS = new SecureRandom();

  private final DeckStore store;
  private final ImportQueue imports;
  private final java.time.Clock clock;

  public Decks(Pool pool, ImportQueue imports, java.time.Clock clock) {
    this.store = new DeckStore(pool);
    this.imports = imports;
    this.clock = clock;
  }

  public Future<DeckSummary> create(UUID owner, String title, String notes, boolean isPublic) {
    return create(owner, title, typed(notes), isPublic);
  }

  /** A deck from an uploaded file; without a title it is named after the file. */
  public Future<DeckSummary> createFromFile(
      UUID owner, String title, NotesFile file, boolean isPublic) {
    return create(owner, titleOr(title, file), uploaded(file), isPublic);
  }

  private Future<DeckSummary> create(
      UUID owner, String title, NotesSource notes, boolean isPublic) {
    long seed = SEEDS.nextLong();
    return generate(owner, title, notes, seed, List.of())
        .compose(
            made ->
                store.insert(
                    owner,
                    cleanTitle(title, made.notes()),
                    made.notes(),
                    isPublic,
                    null,
                    seed,
                    made.deck(),
                    made.rows()));
  }

  /**
   * Re-imports a deck's notes. Questions from unchanged lines keep their ids (and stay hidden if
   * hidden); the owner's edits and questions are kept by {@link Reimport}'s rules. A re-import that
   * raced an edit made meanwhile is refused (409 {@code deck_changed}) rather than losing the edit.
   * {@code isPublic} null keeps the deck as public or private as it was.
   */
  public Future<DeckSummary> replace(
      UUID id, UUID owner, String title, String notes, Boolean isPublic) {
    return replace(id, owner, title, typed(notes), isPublic);
  }

  /**
   * A re-import from an uploaded file, by {@link #replace}'s rules; without a title the deck takes
   * the file's name.
   */
  public Future<DeckSummary> replaceFromFile(
      UUID id, UUID owner, String title, NotesFile file, Boolean isPublic) {
    return replace(id, owner, titleOr(title, file), uploaded(file), isPublic);
  }

  private Future<DeckSummary> replace(
      UUID id, UUID owner, String title, NotesSource notes, Boolean isPublic) {
    return store
        .kept(id, owner)
        .compose(
            kept -> {
              if (kept.isEmpty()) {
                return notYours(id, owner);
              }
              DeckStore.Kept old = kept.get();
              return generate(owner, title, notes, old.seed(), old.rows())
                  .compose(
                      made -> {
                        List<String> topics =
                            old.topicsOrdered()
                                ? ordered(old.topics(), made.deck().topics(), made.rows())
                                : withOwnTopics(made.deck().topics(), made.rows());
                        return store.update(
                            id,
                            old.revision(),
                            cleanTitle(title, made.notes()),
                            made.notes(),
                            isPublic,
                            made.deck(),
                            topics,
                            made.rows());
                      })
                  .map(
                      updated ->
                          updated.orElseThrow(
                              () ->
                                  Problem.conflict(
                                      "deck_changed",
                                      "The deck's questions changed while its notes were being imported: import them again.")));
            });
  }

  /**
   * The topics after a re-import when the owner ordered them: theirs in their order, then the new
   * ones, then those only questions written by hand still use.
   */
  private static List<String> ordered(
      List<String> owners, List<String> generated, List<DeckQuestion> rows) {
    Set<String> used = new LinkedHashSet<>(generated);
    rows.forEach(r -> used.add(r.question().topic()));
    List<String> out = new ArrayList<>();
    owners.stream().filter(used::contains).forEach(out::add);
    used.stream().filter(t -> !out.contains(t)).forEach(out::add);
    return out;
  }

  private static List<String> withOwnTopics(List<String> generated, List<DeckQuestion> rows) {
    Set<String> out = new LinkedHashSet<>(generated);
    rows.forEach(r -> out.add(r.question().topic()));
    return List.copyOf(out);
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
   * A deck's questions as {@code viewer} may read them: with keys, explanations and source lines
   * for the owner only. Anyone else (a sample or public deck's reader, a group member) sees the
   * prompts and options, so the deck page cannot be used to look up a live question's answer.
   */
  public Future<JsonArray> questionsFor(UUID id, UUID viewer) {
    return get(id, viewer)
        .compose(
            deck -> {
              if (isOwner(deck, viewer)) {
                return store
                    .all(id)
                    .map(
                        all -> {
                          JsonArray out = new JsonArray();
                          all.forEach(q -> out.add(editorJson(q)));
                          return out;
                        });
              }
              return store
                  .questions(id)
                  .map(
                      all -> {
                        JsonArray out = new JsonArray();
                        all.forEach(q -> out.add(QuestionJson.withoutKey(q)));
                        return out;
                      });
            });
  }

  /**
   * Succeeds when {@code owner} owns the deck; 403 when they can see it but do not, 404 when they
   * cannot.
   */
  public Future<DeckSummary> requireOwner(UUID id, UUID owner) {
    return get(id, owner)
        .compose(deck -> isOwner(deck, owner) ? Future.succeededFuture(deck) : notYours(id, owner));
  }

  /**
   * Every question of a deck, hidden ones and those waiting for review too, with nothing checked:
   * call it after {@link #requireOwner}.
   */
  public Future<List<DeckQuestion>> all(UUID id) {
    return store.all(id);
  }

  /**
   * One question as {@code viewer} may read it: the owner's editor view, or without its key for
   * anyone else.
   */
  public Future<JsonObject> questionFor(UUID id, UUID viewer, String questionId) {
    return get(id, viewer)
        .compose(
            deck ->
                store
                    .one(id, questionId)
                    .map(
                        found -> {
                          boolean owner = isOwner(deck, viewer);
                          DeckQuestion q =
                              found
                                  .filter(f -> owner || f.playable())
                                  .orElseThrow(Decks::questionNotFound);
                          return owner ? editorJson(q) : QuestionJson.withoutKey(q.question());
                        }));
  }

  /**
   * A question the owner writes by hand, checked like a generated one; it joins the deck's rounds
   * at once.
   */
  public Future<JsonObject> addQuestion(UUID id, UUID owner, JsonObject body) {
    return get(id, owner)
        .compose(
            deck -> {
              if (!isOwner(deck, owner)) {
                return notYours(id, owner);
              }
              String topic = deck.topics().isEmpty() ? OWN_TOPIC : deck.topics().get(0);
              Question question = QuestionDraft.create(body, topic);
              Instant now = clock.instant();
              return owned(
                      id,
                      owner,
                      store.change(
                          id,
                          owner,
                          question.id(),
                          before ->
                              new DeckQuestion(
                                  question,
                                  DeckQuestion.Origin.ADDED,
                                  false,
                                  null,
                                  null,
                                  null,
                                  now)))
                  .compose(
                      changed -> {
                        // A deck whose rooms offer some kinds by default offers the owner's own
                        // question too: they wrote it to
                        // be asked.
                        List<String> defaults = deck.defaultKinds();
                        if (defaults.isEmpty() || defaults.contains(question.kind())) {
                          return Future.succeededFuture(changed);
                        }
                        List<String> more = new ArrayList<>(defaults);
                        more.add(question.kind());
                        return store
                            .settings(id, owner, null, null, null, more, false, false)
                            .map(changed);
                      })
                  .map(changed -> editorJson(changed.question()));
            });
  }

  /**
   * Changes the fields {@code patch} names. A generated question becomes an edit (its generator's
   * version is kept for reverting); saving a question marked for review accepts it against the
   * notes as they are now.
   */
  public Future<JsonObject> editQuestion(UUID id, UUID owner, String questionId, JsonObject patch) {
    Instant now = clock.instant();
    return owned(
            id,
            owner,
            store.change(
                id,
                owner,
                questionId,
                before -> {
                  DeckQuestion old = before.orElseThrow(Decks::questionNotFound);
                  Question edited = QuestionDraft.edit(old.question(), patch);
                  boolean same =
                      edited.equals(old.question())
                          || QuestionJson.toJson(edited)
                              .equals(QuestionJson.toJson(old.question()));
                  if (same && old.review() == null) {
                    return old;
                  }
                  String fact = old.fact();
                  if (old.review() != null) {
                    fact = old.review().now();
                    if (old.review().now() != null) {
                      String line = old.review().now().lines().findFirst().orElse("");
                      edited =
                          edited.withSource(
                              new Source(old.review().line(), line, edited.source().path()));
                    }
                  }
                  DeckQuestion.Origin origin =
                      old.origin() == DeckQuestion.Origin.GENERATED && !same
                          ? DeckQuestion.Origin.EDITED
                          : old.origin();
                  if (fact == null && origin == DeckQuestion.Origin.EDITED) {
                    // Its fact left the notes and the owner kept it: from now on it stands on its
                    // own, like one written by hand.
                    origin = DeckQuestion.Origin.ADDED;
                  }
                  Question original =
                      old.origin() == DeckQuestion.Origin.GENERATED
                          ? old.question()
                          : old.original();
                  return new DeckQuestion(
                      edited,
                      origin,
                      old.hidden(),
                      fact,
                      origin == DeckQuestion.Origin.ADDED ? null : original,
                      null,
                      same ? old.editedAt() : now);
                }))
        .map(changed -> editorJson(changed.question()));
  }

  /** Takes a question out of play, or puts it back; either way nothing of it is lost. */
  public Future<JsonObject> hideQuestion(UUID id, UUID owner, String questionId, boolean hide) {
    return owned(
            id,
            owner,
            store.change(
                id,
                owner,
                questionId,
                before -> {
                  DeckQuestion old = before.orElseThrow(Decks::questionNotFound);
                  return old.hidden() == hide ? old : old.withHidden(hide);
                }))
        .map(changed -> editorJson(changed.question()));
  }

  /** Puts an edited question back as the generator wrote it. */
  public Future<JsonObject> revertQuestion(UUID id, UUID owner, String questionId) {
    return owned(
            id,
            owner,
            store.change(
                id,
                owner,
                questionId,
                before -> {
                  DeckQuestion old = before.orElseThrow(Decks::questionNotFound);
                  if (old.origin() != DeckQuestion.Origin.EDITED || old.original() == null) {
                    throw Problem.conflict(
                        "not_edited",
                        "Only an edited question has a generated version to go back to.");
                  }
                  if (old.review() != null
                      && (old.review().now() == null
                          || !old.original()
                              .source()
                              .text()
                              .equals(old.review().now().lines().findFirst().orElse("")))) {
                    // The generator's version on hand was made from the line as it was, which the
                    // notes no longer say.
                    throw Problem.conflict(
                        "no_current_version",
                        "The generator has no version of this question from the notes as"
                            + " they are now: edit it, keep it as it is, or hide it.");
                  }
                  String fact =
                      old.review() != null && old.review().now() != null
                          ? old.review().now()
                          : old.fact();
                  // The row keeps its id: the generator's version may be the one made from a
                  // rewritten line, under another id,
                  // which the next re-import gives back as its own question.
                  return new DeckQuestion(
                      old.original().withId(old.id()),
                      DeckQuestion.Origin.GENERATED,
                      old.hidden(),
                      fact,
                      null,
                      null,
                      null);
                }))
        .map(changed -> editorJson(changed.question()));
  }

  /**
   * A deck's own settings; only the fields given change: {@code title}, {@code public}, {@code
   * topics} (the deck's topics in a new order) and {@code kinds} (the kinds a room offers when its
   * host picks none; null for all).
   */
  public Future<DeckSummary> settings(UUID id, UUID owner, JsonObject body) {
    return get(id, owner)
        .compose(
            deck -> {
              if (!isOwner(deck, owner)) {
                return notYours(id, owner);
              }
              for (String field : body.fieldNames()) {
                if (!Set.of("title", "public", "topics", "kinds", "groupId").contains(field)) {
                  throw Problem.invalid(
                      "invalid_field",
                      "Unknown field \""
                          + field
                          + "\"; a deck's settings are title, public,"
                          + " topics, kinds and groupId.");
                }
              }
              if (body.containsKey("groupId") && body.getValue("groupId") != null) {
                throw Problem.invalid(
                    "invalid_field",
                    "groupId can only be null here (to stop sharing); share with a group through POST /api/groups/{id}/decks.");
              }
              String title =
                  body.getValue("title") == null ? null : stringField(body, "title").strip();
              if (title != null && (title.isEmpty() || title.length() > TITLE_MAX)) {
                throw Problem.invalid(
                    "invalid_title", "A title is 1 to " + TITLE_MAX + " characters.");
              }
              Object isPublic = body.getValue("public");
              if (isPublic != null && !(isPublic instanceof Boolean)) {
                throw Problem.invalid("invalid_field", "public must be true or false.");
              }
              List<String> topics =
                  body.getValue("topics") == null ? null : stringList(body, "topics");
              if (topics != null
                  && (topics.size() != deck.topics().size()
                      || !Set.copyOf(topics).equals(Set.copyOf(deck.topics())))) {
                throw Problem.invalid(
                    "invalid_topics",
                    "topics must list the deck's "
                        + deck.topics().size()
                        + " topics, each once, in the order wanted.");
              }
              boolean allKinds = body.containsKey("kinds") && body.getValue("kinds") == null;
              List<String> kinds =
                  body.getValue("kinds") == null ? null : stringList(body, "kinds");
              if (kinds != null && (kinds.isEmpty() || !deck.kinds().keySet().containsAll(kinds))) {
                throw Problem.invalid(
                    "invalid_kinds",
                    "kinds must name one or more of this deck's kinds ("
                        + String.join(", ", deck.kinds().keySet())
                        + "), or be null for all of them.");
              }
              return store
                  .settings(
                      id,
                      owner,
                      title,
                      (Boolean) isPublic,
                      topics,
                      kinds == null ? null : List.copyOf(new LinkedHashSet<>(kinds)),
                      allKinds,
                      body.containsKey("groupId"))
                  .map(updated -> updated.orElseThrow(Decks::notFound));
            });
  }

  /** The notes of a deck, for its owner to edit and import again. */
  public Future<String> notes(UUID id, UUID owner) {
    return store
        .notes(id, owner)
        .compose(
            found -> found.isPresent() ? Future.succeededFuture(found.get()) : notYours(id, owner));
  }

  /** A private copy of one of the owner's decks, its edits and hidden questions included. */
  public Future<DeckSummary> duplicate(UUID id, UUID owner) {
    return get(id, owner)
        .compose(
            deck -> {
              if (!isOwner(deck, owner)) {
                return notYours(id, owner);
              }
              String title =
                  deck.title().length() > TITLE_MAX - 7
                      ? deck.title().substring(0, TITLE_MAX - 7)
                      : deck.title();
              return store
                  .duplicate(id, owner, title + " (copy)")
                  .map(copy -> copy.orElseThrow(Decks::notFound));
            });
  }

  /**
   * A deck's every question, hidden ones and those waiting for review too, written out by {@code
   * write} for its owner only: an export holds the answer keys. Writing runs on the import pool,
   * since a big deck makes a big file.
   */
  public <T> Future<T> export(
      UUID id, UUID owner, BiFunction<DeckSummary, List<DeckQuestion>, T> write) {
    return get(id, owner)
        .compose(
            deck -> {
              if (!isOwner(deck, owner)) {
                return notYours(
                    id,
                    owner,
                    "Only the deck's owner can export it: an export holds the answer keys.");
              }
              return store.all(id).compose(all -> imports.run(owner, () -> write.apply(deck, all)));
            });
  }

  /** What an import did: the deck as it is now, and how many questions it added. */
  public record Imported(DeckSummary deck, int added) {}

  /**
   * Adds the questions of a file to one of the owner's decks as written by hand, all or none.
   * {@code read} reads the file on the import pool (it is CPU work); each row is then checked like
   * a question added in the editor, and the first that fails is named (400 {@code invalid_row}).
   * Questions without a topic take the deck's first.
   */
  public Future<Imported> importQuestions(UUID id, UUID owner, Callable<List<QuestionRow>> read) {
    return get(id, owner)
        .compose(
            deck -> {
              if (!isOwner(deck, owner)) {
                return notYours(id, owner);
              }
              String topic = deck.topics().isEmpty() ? OWN_TOPIC : deck.topics().get(0);
              return imports
                  .run(owner, () -> checked(read.call(), topic))
                  .compose(
                      rows ->
                          owned(id, owner, store.addAll(id, owner, rows, MAX_QUESTIONS))
                              .map(summary -> new Imported(summary, rows.size())));
            });
  }

  /**
   * A new deck of the questions of a file and nothing else: its notes are empty until the owner
   * writes some, and questions without a topic take the deck's title as theirs.
   */
  public Future<Imported> createFromQuestions(
      UUID owner, String title, boolean isPublic, Callable<List<QuestionRow>> read) {
    String name = title == null || title.isBlank() ? "Imported questions" : title.strip();
    if (name.length() > TITLE_MAX || name.indexOf(0) >= 0) {
      return Future.failedFuture(
          Problem.invalid(
              "invalid_title", "A title is text of at most " + TITLE_MAX + " characters."));
    }
    return imports
        .run(owner, () -> checked(read.call(), name))
        .compose(
            rows -> {
              List<String> topics =
                  rows.stream().map(r -> r.question().topic()).distinct().toList();
              GeneratedDeck none = new GeneratedDeck(List.of(), List.of(), topics, Map.of());
              return store
                  .insert(owner, name, "", isPublic, null, SEEDS.nextLong(), none, rows)
                  .map(deck -> new Imported(deck, rows.size()));
            });
  }

  /** The rows of a file as questions written by hand, each checked as the editor checks one. */
  private List<DeckQuestion> checked(List<QuestionRow> rows, String topic) {
    if (rows.isEmpty()) {
      throw Problem.invalid("no_questions", "The file holds no questions.");
    }
    if (rows.size() > QuestionRow.MAX_ROWS) {
      throw QuestionRow.tooMany();
    }
    Instant now = clock.instant();
    List<DeckQuestion> out = new ArrayList<>(rows.size());
    for (QuestionRow row : rows) {
      Question question;
      try {
        question = QuestionDraft.create(row.question(), topic);
      } catch (Problem refused) {
        throw QuestionRow.invalid(row.row(), refused.getMessage());
      }
      out.add(
          new DeckQuestion(
              question, DeckQuestion.Origin.ADDED, row.hidden(), null, null, null, now));
    }
    return out;
  }

  /**
   * The owner's view of a question: the whole question with where it came from and what the editor
   * should flag.
   */
  static JsonObject editorJson(DeckQuestion q) {
    JsonObject json =
        QuestionJson.toJson(q.question())
            .put("origin", q.origin().jsonName())
            .put("hidden", q.hidden())
            .put("playable", q.playable())
            .put("warnings", new JsonArray(QuestionDraft.warnings(q.question())));
    if (q.editedAt() != null) {
      json.put("editedAt", q.editedAt().toString());
    }
    if (q.original() != null) {
      json.put("original", QuestionJson.toJson(q.original()));
    }
    if (q.review() != null) {
      json.put(
          "review",
          new JsonObject()
              .put("reason", q.review().reason())
              .put("old", q.review().old())
              .put("now", q.review().now())
              .put("line", q.review().line()));
    }
    return json;
  }

  private <T> Future<T> owned(UUID id, UUID owner, Future<Optional<T>> changed) {
    return changed.compose(
        found -> found.isPresent() ? Future.succeededFuture(found.get()) : notYours(id, owner));
  }

  private static boolean isOwner(DeckSummary deck, UUID viewer) {
    return viewer != null && viewer.equals(deck.ownerId());
  }

  private static String stringField(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String text) || text.indexOf(0) >= 0) {
      throw Problem.invalid("invalid_field", field + " must be a string.");
    }
    return text;
  }

  private static List<String> stringList(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof JsonArray array)
        || array.size() > 500
        || array.stream().anyMatch(o -> !(o instanceof String))) {
      throw Problem.invalid("invalid_field", field + " must be a list of strings.");
    }
    return array.stream().map(String.class::cast).toList();
  }

  private static Problem questionNotFound() {
    return Problem.notFound("question_not_found", "This deck has no such question.");
  }

  public Future<Void> delete(UUID id, UUID owner) {
    return store
        .delete(id, owner)
        .compose(deleted -> deleted ? Future.succeededFuture() : notYours(id, owner));
  }

  /**
   * Refuses a change to a deck {@code account} does not own: 403 when they can see it (a public or
   * sample deck, or one shared with their group), 404 otherwise, so outsiders cannot tell it
   * exists.
   */
  private <T> Future<T> notYours(UUID id, UUID account) {
    return notYours(id, account, "Only the deck's owner can change or delete it.");
  }

  private <T> Future<T> notYours(UUID id, UUID account, String forbidden) {
    return store
        .visible(id, account)
        .compose(
            visible ->
                Future.failedFuture(
                    visible.isPresent()
                        ? new Problem(Problem.Kind.FORBIDDEN, "not_owner", forbidden)
                        : notFound()));
  }

  /**
   * Imports a shipped sample once, as a public deck with no owner; false if it was already there.
   */
  public Future<Boolean> importSample(String key, String title, String notes) {
    return store
        .sampleExists(key)
        .compose(
            exists -> {
              if (exists) {
                return Future.succeededFuture(false);
              }
              long seed = key.hashCode();
              return generate(null, title, typed(notes), seed, List.of())
                  .compose(
                      made ->
                          store.insert(
                              null, title, notes, true, key, seed, made.deck(), made.rows()))
                  .map(true)
                  // Nodes of a cluster starting together on a new database race to import it: one
                  // wins.
                  .recover(
                      e ->
                          e instanceof io.vertx.pgclient.PgException pg
                                  && "23505".equals(pg.getSqlState())
                              ? Future.succeededFuture(false)
                              : Future.failedFuture(e));
            });
  }

  /**
   * A generated deck and the rows to store: its questions with their facts, merged with what a
   * re-import keeps; and the notes it was made from (a file's are known only once it is read).
   */
  private record Made(String notes, GeneratedDeck deck, List<DeckQuestion> rows) {}

  /**
   * Where a deck's notes come from: typed, or read from a file on the import pool, by a deadline.
   */
  private interface NotesSource {
    /**
     * The notes; {@code giveUpAt} is a {@link System#nanoTime()} past which nobody waits for them.
     */
    String read(long giveUpAt);

    /** Whether they are already known to be empty, before any work is queued. */
    default boolean isEmpty() {
      return false;
    }
  }

  private static NotesSource typed(String notes) {
    return new NotesSource() {
      @Override
      public String read(long giveUpAt) {
        return notes;
      }

      @Override
      public boolean isEmpty() {
        return notes == null || notes.isBlank();
      }
    };
  }

  private static NotesSource uploaded(NotesFile file) {
    return giveUpAt -> DocumentText.read(file, giveUpAt);
  }

  private static String titleOr(String title, NotesFile file) {
    return title != null && !title.isBlank() ? title : file.title();
  }

  private Future<Made> generate(
      UUID account, String title, NotesSource source, long seed, List<DeckQuestion> kept) {
    if (source.isEmpty()) {
      return Future.failedFuture(
          Problem.invalid("no_notes", "Paste some notes first: the notes are empty."));
    }
    if (title != null && title.strip().length() > TITLE_MAX) {
      return Future.failedFuture(
          Problem.invalid("invalid_title", "A title is at most " + TITLE_MAX + " characters."));
    }
    long giveUpAt = System.nanoTime() + ImportQueue.DEADLINE.toNanos();
    return imports.run(
        account,
        () -> {
          String notes = source.read(giveUpAt);
          TopicTree tree;
          try {
            tree = NotesImporter.parse(notes);
          } catch (NotesTooLargeException e) {
            throw new Problem(Problem.Kind.TOO_LARGE, "notes_too_large", e.getMessage());
          }
          GeneratedDeck deck;
          List<DeckQuestion> rows;
          try {
            deck = DeckGenerator.generate(tree, seed);
            NotesFacts facts = new NotesFacts(tree);
            rows = new ArrayList<>(deck.questions().size());
            for (Question q : deck.questions()) {
              rows.add(DeckQuestion.generated(q, facts.factAt(q.source().line())));
            }
            rows = kept.isEmpty() ? rows : Reimport.merge(rows, facts, kept);
          } catch (Problem refused) {
            throw refused;
          } catch (RuntimeException e) {
            // A fault of the generator's own, found by notes no test foresaw: the owner hears what
            // to do, the operator gets the trace (the notes stay private to their owner).
            log.error("Generating a deck from {} characters of notes failed", notes.length(), e);
            throw new Problem(
                Problem.Kind.UNPROCESSABLE,
                "generation_failed",
                "Quizhall could not make questions from these notes; the fault is Quizhall's and"
                    + " has been logged. Try again without the lines changed last, or split the"
                    + " notes into smaller decks.");
          }
          if (rows.isEmpty()) {
            throw new Problem(
                Problem.Kind.UNPROCESSABLE,
                "nothing_to_ask",
                "No fair question can be asked from these notes ("
                    + deck.warnings().size()
                    + " line(s) skipped). Write facts as headings with bullet points, lists under a lead-in,"
                    + " or 'term: definition' lines.");
          }
          return new Made(notes, deck, rows);
        });
  }

  private static String cleanTitle(String title, String notes) {
    if (title != null && !title.isBlank()) {
      return title.strip();
    }
    String firstLine =
        notes
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .findFirst()
            .orElse("Untitled notes");
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
