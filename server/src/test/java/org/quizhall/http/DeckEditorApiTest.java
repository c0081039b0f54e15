package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;
import static org.quizhall.testing.Api.errorMessage;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "The deck editor over REST: fixing, hiding and adding questions, and re-imports that keep them")
class DeckEditorApiTest {

  private static final String NOTES =
      """
      # Photosynthesis
      - Takes place in the chloroplasts
      - Needs light, water and carbon dioxide
      - Produces glucose and oxygen

      ## Calvin cycle
      - Happens in the stroma
      - Fixes carbon dioxide into sugar

      # Cell respiration
      - Takes place in the mitochondria
      - Releases energy as ATP
      - Glycolysis happens in the cytoplasm

      Glossary
      - ATP: the molecule cells use to carry energy
      - Chlorophyll: the green pigment that absorbs light
      - Stomata: pores in leaves that let gases in and out
      - Xylem: the vessels that carry water up from the roots
      """;

  private static Quizhall quizhall;
  private static Api api;
  private static String owner;
  private static String other;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(new TestClock(Instant.parse("2026-12-02T08:00:00Z")));
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn("deck_editor", "fixing my questions");
    other = api.signUpAndIn("deck_reader", "only reading here");
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  private static String newDeck(String notes, boolean isPublic) {
    HttpResponse<Buffer> created =
        api.postJson(
            "/api/decks",
            new JsonObject().put("title", "Biology").put("notes", notes).put("public", isPublic),
            owner);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  private static JsonArray questions(String deck, String token) {
    return api.get("/api/decks/" + deck + "/questions", token).bodyAsJsonArray();
  }

  private static JsonObject summary(String deck) {
    return api.get("/api/decks/" + deck, owner).bodyAsJsonObject();
  }

  /** The owner's view of the first question made from the line that reads {@code line}. */
  private static JsonObject from(String deck, String line) {
    return questions(deck, owner).stream()
        .map(JsonObject.class::cast)
        .filter(q -> q.getJsonObject("source").getString("text").equals(line))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no question from " + line + " in " + questions(deck, owner)));
  }

  /** The ids of the questions a round may ask, as a reader of the (public) deck gets them. */
  private static List<String> playable(String deck) {
    return questions(deck, other).stream()
        .map(JsonObject.class::cast)
        .map(q -> q.getString("id"))
        .toList();
  }

  /** Hides every question of the deck but {@code keep}, so that a room's round is exactly those. */
  private static void hideAllBut(String deck, List<String> keep) {
    for (Object q : questions(deck, owner)) {
      String id = ((JsonObject) q).getString("id");
      if (!keep.contains(id)) {
        assertThat(api.delete("/api/decks/" + deck + "/questions/" + id, owner).statusCode())
            .isEqualTo(200);
      }
    }
  }

  private static JsonObject anyChoice(String deck) {
    return questions(deck, owner).stream()
        .map(JsonObject.class::cast)
        .filter(q -> q.getString("type").equals("multiple_choice"))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<Buffer> patch(String deck, String id, JsonObject body) {
    return api.patchJson("/api/decks/" + deck + "/questions/" + id, body, owner);
  }

  /** The questions a room on the deck asks, read from the game it records. */
  private static List<JsonObject> asked(String deck, int count) {
    JsonObject room = api.openRoom(owner, deck, count, 20);
    List<JsonObject> out = new ArrayList<>();
    for (Row row :
        quizhall
            .pool()
            .preparedQuery("SELECT body FROM game_questions WHERE game_id = $1 ORDER BY position")
            .execute(Tuple.of(UUID.fromString(room.getString("gameId"))))
            .await()) {
      out.add((JsonObject) row.getValue("body"));
    }
    return out;
  }

  @Test
  @DisplayName(
      "a fixed key and prompt are what rooms ask and readers see; the generator's version is kept to go back to")
  void fixAKey() {
    String deck = newDeck(NOTES, true);
    JsonObject q = anyChoice(deck);
    String id = q.getString("id");
    int wrong = (q.getInteger("correct") + 1) % q.getJsonArray("options").size();

    HttpResponse<Buffer> edited =
        patch(
            deck,
            id,
            new JsonObject()
                .put("prompt", "Which of these did the teacher mean?")
                .put("correct", wrong)
                .put("explanation", "The teacher says so."));

    assertThat(edited.statusCode()).as(edited.bodyAsString()).isEqualTo(200);
    JsonObject now = edited.bodyAsJsonObject();
    assertThat(now.getString("origin")).isEqualTo("edited");
    assertThat(now.getInteger("correct")).isEqualTo(wrong);
    assertThat(now.getJsonObject("original").getInteger("correct"))
        .isEqualTo(q.getInteger("correct"));
    assertThat(now.getJsonArray("options")).isEqualTo(q.getJsonArray("options"));
    assertThat(
            api.get("/api/decks/" + deck + "/questions/" + id, other)
                .bodyAsJsonObject()
                .getString("prompt"))
        .as("a reader of the public deck")
        .isEqualTo("Which of these did the teacher mean?");
    String copy =
        api.postJson("/api/decks/" + deck + "/duplicate", new JsonObject(), owner)
            .bodyAsJsonObject()
            .getString("id");
    hideAllBut(copy, List.of(id));
    List<JsonObject> round = asked(copy, 50);
    assertThat(round).hasSize(1);
    JsonObject inRoom = round.get(0);
    assertThat(inRoom.getInteger("correct")).as("the room keys the fixed answer").isEqualTo(wrong);
    assertThat(inRoom.getString("prompt")).isEqualTo("Which of these did the teacher mean?");

    HttpResponse<Buffer> reverted =
        api.postJson(
            "/api/decks/" + deck + "/questions/" + id + "/revert", new JsonObject(), owner);
    assertThat(reverted.bodyAsJsonObject().getString("origin")).isEqualTo("generated");
    assertThat(reverted.bodyAsJsonObject().getString("prompt")).isEqualTo(q.getString("prompt"));
    assertThat(reverted.bodyAsJsonObject().getInteger("correct"))
        .isEqualTo(q.getInteger("correct"));
    HttpResponse<Buffer> again =
        api.postJson(
            "/api/decks/" + deck + "/questions/" + id + "/revert", new JsonObject(), owner);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(errorCode(again)).isEqualTo("not_edited");
  }

  @Test
  @DisplayName(
      "a change that would break a question is refused with every defect named, and changes nothing")
  void invalidEdits() {
    String deck = newDeck(NOTES, false);
    JsonObject q = anyChoice(deck);
    String id = q.getString("id");
    String first = q.getJsonArray("options").getString(0);

    record Case(JsonObject body, String says) {}
    List<Case> cases =
        List.of(
            new Case(new JsonObject().put("correct", 7), "correct must be the index of one of the"),
            new Case(
                new JsonObject()
                    .put(
                        "options",
                        new JsonArray().add(first).add(first.toUpperCase() + "!").add("Other")),
                "options must differ"),
            new Case(
                new JsonObject().put("options", new JsonArray().add("Alone")), "2 to 6 options"),
            new Case(new JsonObject().put("prompt", "  "), "prompt must not be empty"),
            new Case(new JsonObject().put("prompt", "x".repeat(501)), "prompt is at most 500"),
            new Case(new JsonObject().put("prompt", 42), "prompt must be a string"),
            new Case(new JsonObject().put("answer", "B"), "Unknown field \"answer\""),
            new Case(new JsonObject().put("type", "essay"), "type must be one of"),
            new Case(
                new JsonObject()
                    .put("type", "multiple_response")
                    .put("correct", new JsonArray().add(0)),
                "at least two"),
            new Case(
                new JsonObject()
                    .put("type", "ordering")
                    .put("items", new JsonArray().add("a").add("b")),
                "3 to 8 items"),
            new Case(
                new JsonObject()
                    .put("type", "matching")
                    .put("pairs", new JsonArray().add("not a pair")),
                "{left, right}"),
            new Case(
                new JsonObject().put("type", "typed").put("accepted", new JsonArray()),
                "accepts 1 to 20 answers"),
            new Case(new JsonObject().put("type", "matching"), "3 to 8 pairs"),
            new Case(new JsonObject().put("seconds", 3), "seconds is 5 to 240"),
            new Case(new JsonObject().put("seconds", "soon"), "seconds is 5 to 240"),
            new Case(
                new JsonObject()
                    .put("type", "typed")
                    .put("accepted", new JsonArray().add("two\nlines")),
                "every accepted answer is one line"),
            new Case(
                new JsonObject().put("correct", 7).put("prompt", ""),
                "prompt must not be empty; correct must be"));
    for (Case c : cases) {
      HttpResponse<Buffer> refused = patch(deck, id, c.body());
      assertThat(refused.statusCode())
          .as("%s: %s", c.body(), refused.bodyAsString())
          .isEqualTo(400);
      assertThat(errorCode(refused)).as("%s", c.body()).isIn("invalid_question");
      assertThat(errorMessage(refused)).as("%s", c.body()).containsIgnoringCase(c.says());
    }
    JsonObject after = api.get("/api/decks/" + deck + "/questions/" + id, owner).bodyAsJsonObject();
    assertThat(after.getString("origin")).isEqualTo("generated");
    assertThat(after.getString("prompt")).isEqualTo(q.getString("prompt"));

    assertThat(errorCode(patch(deck, "no-such-question", new JsonObject().put("prompt", "Hm?"))))
        .isEqualTo("question_not_found");
    assertThat(api.get("/api/decks/" + deck + "/questions/a%00b", owner).statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> stranger =
        api.patchJson(
            "/api/decks/" + deck + "/questions/" + id,
            new JsonObject().put("prompt", "Mine now?"),
            other);
    assertThat(stranger.statusCode())
        .as("another user's private deck does not exist for them")
        .isEqualTo(404);
    assertThat(
            api.patchJson("/api/decks/" + deck + "/questions/" + id, new JsonObject(), null)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("changing the type carries the key over: multiple choice to typed and back")
  void changeType() {
    String deck = newDeck(NOTES, false);
    JsonObject q = anyChoice(deck);
    String id = q.getString("id");
    String key = q.getJsonArray("options").getString(q.getInteger("correct"));

    assertThat(
            patch(deck, id, new JsonObject().put("seconds", 45))
                .bodyAsJsonObject()
                .getInteger("seconds"))
        .as("a time of its own")
        .isEqualTo(45);
    assertThat(
            patch(deck, id, new JsonObject().putNull("seconds"))
                .bodyAsJsonObject()
                .containsKey("seconds"))
        .as("back to the room's time")
        .isFalse();
    JsonObject typed = patch(deck, id, new JsonObject().put("type", "typed")).bodyAsJsonObject();
    assertThat(typed.getString("type")).isEqualTo("typed");
    assertThat(typed.getJsonArray("accepted")).containsExactly(key);
    assertThat(typed.containsKey("options")).isFalse();

    HttpResponse<Buffer> noOptions =
        patch(deck, id, new JsonObject().put("type", "multiple_choice"));
    assertThat(noOptions.statusCode()).isEqualTo(400);
    assertThat(errorMessage(noOptions)).contains("with options and a correct index");

    JsonObject back =
        patch(
                deck,
                id,
                new JsonObject()
                    .put("type", "multiple_choice")
                    .put(
                        "options",
                        new JsonArray().add("Wrong one").add(key).add("Another wrong one"))
                    .put("correct", 1))
            .bodyAsJsonObject();
    assertThat(back.getString("type")).isEqualTo("multiple_choice");
    assertThat(back.getJsonArray("options").getString(back.getInteger("correct"))).isEqualTo(key);
    assertThat(back.containsKey("accepted")).isFalse();
  }

  @Test
  @DisplayName(
      "a hidden question is asked by no room and read by nobody but its owner, until it is restored")
  void hideAndRestore() {
    String deck = newDeck(NOTES, true);
    int count = summary(deck).getInteger("questionCount");
    String id = anyChoice(deck).getString("id");

    HttpResponse<Buffer> hidden = api.delete("/api/decks/" + deck + "/questions/" + id, owner);

    assertThat(hidden.statusCode()).isEqualTo(200);
    assertThat(hidden.bodyAsJsonObject().getBoolean("hidden")).isTrue();
    assertThat(summary(deck).getInteger("questionCount")).isEqualTo(count - 1);
    assertThat(
            questions(deck, owner).stream()
                .map(JsonObject.class::cast)
                .filter(q -> q.getString("id").equals(id))
                .findFirst()
                .orElseThrow()
                .getBoolean("hidden"))
        .as("the owner's editor still lists it")
        .isTrue();
    assertThat(
            questions(deck, other).stream().map(JsonObject.class::cast).map(q -> q.getString("id")))
        .doesNotContain(id);
    assertThat(api.get("/api/decks/" + deck + "/questions/" + id, other).statusCode())
        .isEqualTo(404);
    assertThat(playable(deck)).hasSize(count - 1).doesNotContain(id);
    assertThat(asked(deck, 100).stream().map(q -> q.getString("id"))).doesNotContain(id);
    JsonArray practice =
        api.get("/api/decks/" + deck + "/practice?count=50", other)
            .bodyAsJsonObject()
            .getJsonArray("questions");
    assertThat(practice.stream().map(JsonObject.class::cast).map(q -> q.getString("id")))
        .doesNotContain(id);

    HttpResponse<Buffer> restored =
        api.postJson(
            "/api/decks/" + deck + "/questions/" + id + "/restore", new JsonObject(), owner);
    assertThat(restored.bodyAsJsonObject().getBoolean("hidden")).isFalse();
    assertThat(summary(deck).getInteger("questionCount")).isEqualTo(count);
    assertThat(playable(deck)).hasSize(count).contains(id);
  }

  @Test
  @DisplayName("questions of every type written by hand are checked, stored and asked")
  void addEveryType() {
    String deck = newDeck(NOTES, false);
    int count = summary(deck).getInteger("questionCount");
    List<JsonObject> bodies =
        List.of(
            new JsonObject()
                .put("type", "multiple_choice")
                .put("prompt", "Where does the Calvin cycle take place?")
                .put(
                    "options",
                    new JsonArray().add("Stroma").add("Thylakoid").add("Cytoplasm").add("Nucleus"))
                .put("correct", 0)
                .put("explanation", "In the stroma of the chloroplast.")
                .put("topic", "Photosynthesis"),
            new JsonObject()
                .put("type", "true_false")
                .put("prompt", "Glycolysis needs oxygen.")
                .put("correct", false),
            new JsonObject()
                .put("type", "typed")
                .put("prompt", "The green pigment that absorbs light is ___.")
                .put("accepted", new JsonArray().add("chlorophyll")),
            new JsonObject()
                .put("type", "multiple_response")
                .put("prompt", "Which of these does photosynthesis produce?")
                .put(
                    "options",
                    new JsonArray()
                        .add("Glucose")
                        .add("Oxygen")
                        .add("Carbon dioxide")
                        .add("Nitrogen"))
                .put("correct", new JsonArray().add(1).add(0)),
            new JsonObject()
                .put("type", "ordering")
                .put("prompt", "Put these from roots to leaves.")
                .put("items", new JsonArray().add("Roots").add("Xylem").add("Stomata")),
            new JsonObject()
                .put("type", "matching")
                .put("prompt", "Match each part with its job.")
                .put(
                    "pairs",
                    new JsonArray()
                        .add(new JsonObject().put("left", "Xylem").put("right", "Carries water"))
                        .add(
                            new JsonObject()
                                .put("left", "Stomata")
                                .put("right", "Let gases in and out"))
                        .add(new JsonObject().put("left", "Roots").put("right", "Take up water"))));
    List<String> ids = new ArrayList<>();
    for (JsonObject body : bodies) {
      HttpResponse<Buffer> added = api.postJson("/api/decks/" + deck + "/questions", body, owner);
      assertThat(added.statusCode()).as("%s: %s", body, added.bodyAsString()).isEqualTo(201);
      JsonObject q = added.bodyAsJsonObject();
      assertThat(q.getString("origin")).isEqualTo("added");
      assertThat(q.getString("kind")).isEqualTo("own");
      assertThat(q.getString("type")).isEqualTo(body.getString("type"));
      assertThat(q.getString("topic"))
          .as("a topic of the deck's by default")
          .isEqualTo("Photosynthesis");
      ids.add(q.getString("id"));
    }
    JsonObject choose =
        api.get("/api/decks/" + deck + "/questions/" + ids.get(3), owner).bodyAsJsonObject();
    assertThat(choose.getString("prompt")).as("says how many to choose").endsWith("(Choose two.)");
    assertThat(choose.getJsonArray("correct")).containsExactly(0, 1);
    assertThat(
            api.get("/api/decks/" + deck + "/questions/" + ids.get(1), owner)
                .bodyAsJsonObject()
                .getInteger("correct"))
        .as("false is the second option")
        .isEqualTo(1);
    assertThat(summary(deck).getInteger("questionCount")).isEqualTo(count + bodies.size());
    assertThat(summary(deck).getJsonObject("kinds").getInteger("own")).isEqualTo(bodies.size());

    // A room on only the owner's questions asks exactly these.
    HttpResponse<Buffer> room =
        api.postJson(
            "/api/rooms",
            new JsonObject()
                .put("deckId", deck)
                .put("questionCount", 20)
                .put("kinds", new JsonArray().add("own")),
            owner);
    assertThat(room.bodyAsJsonObject().getInteger("questionCount")).isEqualTo(bodies.size());

    HttpResponse<Buffer> untyped =
        api.postJson(
            "/api/decks/" + deck + "/questions", new JsonObject().put("prompt", "No type?"), owner);
    assertThat(untyped.statusCode()).isEqualTo(400);
    assertThat(errorMessage(untyped)).startsWith("Type is required");
    HttpResponse<Buffer> warned =
        api.postJson(
            "/api/decks/" + deck + "/questions",
            new JsonObject()
                .put("type", "multiple_choice")
                .put("prompt", "Is the stroma where the Calvin cycle happens, the stroma?")
                .put("options", new JsonArray().add("Stroma").add("Thylakoid").add("Cytoplasm"))
                .put("correct", 0),
            owner);
    assertThat(warned.statusCode()).as("a weak question is the owner's to keep").isEqualTo(201);
    assertThat(warned.bodyAsJsonObject().getJsonArray("warnings").encode())
        .contains("answer appears in the prompt");
  }

  @Test
  @DisplayName(
      "a re-import keeps an edit whose line is unchanged, hidden stays hidden, hand-written questions stay")
  void reimportKeeps() {
    String deck = newDeck(NOTES, true);
    JsonObject stroma = from(deck, "Takes place in the mitochondria");
    String hiddenId =
        questions(deck, owner).stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getJsonObject("source").getString("text").startsWith("Chlorophyll"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    assertThat(
            patch(
                    deck,
                    stroma.getString("id"),
                    new JsonObject().put("prompt", "My own wording of the stroma question?"))
                .statusCode())
        .isEqualTo(200);
    assertThat(api.delete("/api/decks/" + deck + "/questions/" + hiddenId, owner).statusCode())
        .isEqualTo(200);
    String own =
        api.postJson(
                "/api/decks/" + deck + "/questions",
                new JsonObject()
                    .put("type", "true_false")
                    .put("prompt", "The stroma is inside the chloroplast.")
                    .put("correct", true),
                owner)
            .bodyAsJsonObject()
            .getString("id");

    // New lines above move every line down; none of the three facts changes.
    String moved =
        "# Before anything\n- Cells are the unit of life\n- Cells come from other cells\n\n"
            + NOTES;
    HttpResponse<Buffer> reimported =
        api.putJson(
            "/api/decks/" + deck,
            new JsonObject().put("title", "Biology").put("notes", moved),
            owner);
    assertThat(reimported.statusCode()).as(reimported.bodyAsString()).isEqualTo(200);

    JsonObject kept =
        api.get("/api/decks/" + deck + "/questions/" + stroma.getString("id"), owner)
            .bodyAsJsonObject();
    assertThat(kept.getString("origin")).isEqualTo("edited");
    assertThat(kept.getString("prompt")).isEqualTo("My own wording of the stroma question?");
    assertThat(kept.getBoolean("playable")).isTrue();
    assertThat(kept.getJsonObject("source").getInteger("line"))
        .as("it follows its line down")
        .isEqualTo(stroma.getJsonObject("source").getInteger("line") + 4);
    assertThat(kept.containsKey("review")).isFalse();
    long copies =
        questions(deck, owner).stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getString("id").equals(stroma.getString("id")))
            .count();
    assertThat(copies)
        .as("the edit stands in for the generated question, not beside it")
        .isEqualTo(1);
    assertThat(
            api.get("/api/decks/" + deck + "/questions/" + hiddenId, owner)
                .bodyAsJsonObject()
                .getBoolean("hidden"))
        .isTrue();
    assertThat(
            api.get("/api/decks/" + deck + "/questions/" + own, owner)
                .bodyAsJsonObject()
                .getString("origin"))
        .isEqualTo("added");
    assertThat(playable(deck)).contains(stroma.getString("id"), own).doesNotContain(hiddenId);
  }

  @Test
  @DisplayName(
      "a re-import that changes or removes an edited question's line marks it for review, with the old and new text")
  void reimportNeedsReview() {
    String deck = newDeck(NOTES, false);
    JsonObject stroma = from(deck, "Takes place in the mitochondria");
    JsonObject xylem =
        questions(deck, owner).stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getJsonObject("source").getString("text").startsWith("Xylem"))
            .findFirst()
            .orElseThrow();
    assertThat(
            patch(
                    deck,
                    stroma.getString("id"),
                    new JsonObject().put("prompt", "Where does the Calvin cycle happen?"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            patch(
                    deck,
                    xylem.getString("id"),
                    new JsonObject().put("explanation", "Water goes up the xylem."))
                .statusCode())
        .isEqualTo(200);
    int before = summary(deck).getInteger("revision");

    String changed =
        NOTES
            .replace(
                "- Takes place in the mitochondria",
                "- Takes place in the mitochondria of every cell")
            .replace("- Xylem: the vessels that carry water up from the roots\n", "");
    HttpResponse<Buffer> reimported =
        api.putJson(
            "/api/decks/" + deck,
            new JsonObject().put("title", "Biology").put("notes", changed),
            owner);
    assertThat(reimported.statusCode()).as(reimported.bodyAsString()).isEqualTo(200);
    assertThat(reimported.bodyAsJsonObject().getInteger("revision")).isGreaterThan(before);

    JsonObject rewritten =
        api.get("/api/decks/" + deck + "/questions/" + stroma.getString("id"), owner)
            .bodyAsJsonObject();
    assertThat(rewritten.getString("prompt"))
        .as("the edit is not lost")
        .isEqualTo("Where does the Calvin cycle happen?");
    assertThat(rewritten.getBoolean("playable")).isFalse();
    JsonObject review = rewritten.getJsonObject("review");
    assertThat(review.getString("reason")).isEqualTo("changed");
    assertThat(review.getString("old")).isEqualTo("Takes place in the mitochondria");
    assertThat(review.getString("now")).isEqualTo("Takes place in the mitochondria of every cell");

    JsonObject gone =
        api.get("/api/decks/" + deck + "/questions/" + xylem.getString("id"), owner)
            .bodyAsJsonObject();
    assertThat(gone.getString("explanation")).isEqualTo("Water goes up the xylem.");
    assertThat(gone.getJsonObject("review").getString("reason")).isEqualTo("gone");
    assertThat(gone.getJsonObject("review").getString("old")).startsWith("Xylem");
    assertThat(gone.getJsonObject("review").getValue("now")).isNull();
    List<String> asked = asked(deck, 100).stream().map(q -> q.getString("id")).toList();
    assertThat(asked)
        .as("questions waiting for review are not asked")
        .doesNotContain(stroma.getString("id"), xylem.getString("id"));

    // Saving it as it is accepts it against the notes as they are now; a later re-import keeps it.
    JsonObject accepted = patch(deck, stroma.getString("id"), new JsonObject()).bodyAsJsonObject();
    assertThat(accepted.getBoolean("playable")).isTrue();
    assertThat(accepted.getJsonObject("source").getString("text"))
        .isEqualTo("Takes place in the mitochondria of every cell");
    JsonObject keptGone = patch(deck, xylem.getString("id"), new JsonObject()).bodyAsJsonObject();
    assertThat(keptGone.getBoolean("playable")).isTrue();
    assertThat(keptGone.getString("origin"))
        .as("its line is gone: it stands on its own now")
        .isEqualTo("added");
    api.putJson(
        "/api/decks/" + deck,
        new JsonObject().put("title", "Biology").put("notes", changed),
        owner);
    JsonObject again =
        api.get("/api/decks/" + deck + "/questions/" + stroma.getString("id"), owner)
            .bodyAsJsonObject();
    assertThat(again.getBoolean("playable")).isTrue();
    assertThat(again.getString("prompt")).isEqualTo("Where does the Calvin cycle happen?");
  }

  @Test
  @DisplayName(
      "a deck's settings: title, public, the order of its topics and the kinds its rooms offer by default")
  void settings() {
    String deck = newDeck(NOTES, false);
    JsonObject before = summary(deck);
    List<String> topics =
        new ArrayList<>(before.getJsonArray("topics").stream().map(String::valueOf).toList());
    assertThat(topics).hasSizeGreaterThan(1);
    java.util.Collections.reverse(topics);

    JsonObject changed =
        api.patchJson(
                "/api/decks/" + deck,
                new JsonObject()
                    .put("title", "Biology, revised")
                    .put("public", true)
                    .put("topics", new JsonArray(topics))
                    .put("kinds", new JsonArray().add("definition")),
                owner)
            .bodyAsJsonObject();
    assertThat(changed.getString("title")).isEqualTo("Biology, revised");
    assertThat(changed.getBoolean("public")).isTrue();
    assertThat(changed.getJsonArray("topics").getList()).isEqualTo(topics);
    assertThat(changed.getJsonArray("defaultKinds").getList()).containsExactly("definition");
    assertThat(api.get("/api/decks/" + deck, other).statusCode()).as("public now").isEqualTo(200);
    assertThat(summary(deck).getBoolean("mine")).as("the editor is for its owner").isTrue();
    assertThat(api.get("/api/decks/" + deck, other).bodyAsJsonObject().getBoolean("mine"))
        .isFalse();
    assertThat(asked(deck, 50).stream().map(q -> q.getString("kind")).distinct().toList())
        .as("a room with no kinds picked offers the deck's default ones")
        .containsExactly("definition");

    // The owner's order of topics outlives a re-import.
    api.putJson(
        "/api/decks/" + deck,
        new JsonObject().put("title", "Biology, revised").put("notes", NOTES).put("public", true),
        owner);
    assertThat(summary(deck).getJsonArray("topics").getList()).isEqualTo(topics);

    for (JsonObject bad :
        List.of(
            new JsonObject().put("topics", new JsonArray().add("Photosynthesis")),
            new JsonObject().put("kinds", new JsonArray().add("essay")),
            new JsonObject().put("title", ""),
            new JsonObject().put("public", "yes"),
            new JsonObject().put("colour", "red"))) {
      HttpResponse<Buffer> refused = api.patchJson("/api/decks/" + deck, bad, owner);
      assertThat(refused.statusCode()).as("%s: %s", bad, refused.bodyAsString()).isEqualTo(400);
    }
    String group =
        api.postJson("/api/groups", new JsonObject().put("name", "Revision group"), owner)
            .bodyAsJsonObject()
            .getString("id");
    assertThat(
            api.postJson(
                    "/api/groups/" + group + "/decks", new JsonObject().put("deckId", deck), owner)
                .statusCode())
        .isEqualTo(204);
    assertThat(summary(deck).getString("groupId")).isEqualTo(group);
    assertThat(
            api.patchJson("/api/decks/" + deck, new JsonObject().put("groupId", group), owner)
                .statusCode())
        .as("sharing goes through the group")
        .isEqualTo(400);
    assertThat(
            api.patchJson("/api/decks/" + deck, new JsonObject().putNull("groupId"), owner)
                .bodyAsJsonObject()
                .getValue("groupId"))
        .as("no longer shared")
        .isNull();
    JsonObject allKinds =
        api.patchJson("/api/decks/" + deck, new JsonObject().putNull("kinds"), owner)
            .bodyAsJsonObject();
    assertThat(allKinds.getValue("defaultKinds")).isNull();
    assertThat(summary(deck).getString("title")).isEqualTo("Biology, revised");
  }

  @Test
  @DisplayName(
      "the owner reads the notes back to edit them, and a duplicate copies every edit and stays private")
  void notesAndDuplicate() {
    String deck = newDeck(NOTES, true);
    assertThat(
            api.get("/api/decks/" + deck + "/notes", owner).bodyAsJsonObject().getString("notes"))
        .isEqualTo(NOTES);
    assertThat(api.get("/api/decks/" + deck + "/notes", other).statusCode())
        .as("notes hold every answer")
        .isEqualTo(403);
    JsonObject q = anyChoice(deck);
    patch(deck, q.getString("id"), new JsonObject().put("prompt", "Edited before copying?"));

    HttpResponse<Buffer> copied =
        api.postJson("/api/decks/" + deck + "/duplicate", new JsonObject(), owner);

    assertThat(copied.statusCode()).isEqualTo(201);
    String copy = copied.bodyAsJsonObject().getString("id");
    assertThat(copied.bodyAsJsonObject().getString("title")).isEqualTo("Biology (copy)");
    assertThat(copied.bodyAsJsonObject().getBoolean("public")).isFalse();
    assertThat(
            api.get("/api/decks/" + copy + "/questions/" + q.getString("id"), owner)
                .bodyAsJsonObject()
                .getString("prompt"))
        .isEqualTo("Edited before copying?");
    assertThat(
            api.get("/api/decks/" + copy + "/notes", owner).bodyAsJsonObject().getString("notes"))
        .isEqualTo(NOTES);
    assertThat(
            api.postJson("/api/decks/" + deck + "/duplicate", new JsonObject(), other).statusCode())
        .as("a public deck's keys are not for copying")
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "an edit whose line was rewritten takes the new question's place: one copy, and undoing it gives the new version")
  void rewrittenLineHasOneCopy() {
    String deck = newDeck(NOTES, true);
    JsonObject mito = from(deck, "Takes place in the mitochondria");
    String kind = mito.getString("kind");
    assertThat(
            patch(
                    deck,
                    mito.getString("id"),
                    new JsonObject().put("prompt", "My question on where respiration happens?"))
                .statusCode())
        .isEqualTo(200);
    String changed =
        NOTES.replace(
            "- Takes place in the mitochondria", "- Takes place in the mitochondria of every cell");
    assertThat(
            api.putJson("/api/decks/" + deck, new JsonObject().put("notes", changed), owner)
                .statusCode())
        .isEqualTo(200);

    List<JsonObject> fromTheLine =
        questions(deck, owner).stream()
            .map(JsonObject.class::cast)
            .filter(
                q ->
                    q.getString("kind").equals(kind)
                        && q.getJsonObject("source")
                            .getString("text")
                            .startsWith("Takes place in the mitochondria"))
            .toList();
    assertThat(fromTheLine)
        .as("the owner's version only, not the unfixed one beside it")
        .hasSize(1);
    JsonObject edit = fromTheLine.get(0);
    assertThat(edit.getString("prompt")).isEqualTo("My question on where respiration happens?");
    assertThat(edit.getJsonObject("review").getString("reason")).isEqualTo("changed");
    assertThat(edit.getJsonObject("original").getJsonObject("source").getString("text"))
        .isEqualTo("Takes place in the mitochondria of every cell");

    // Kept as it is, it stays the one copy through the next re-import of the same notes.
    assertThat(
            patch(deck, edit.getString("id"), new JsonObject())
                .bodyAsJsonObject()
                .getBoolean("playable"))
        .isTrue();
    api.putJson("/api/decks/" + deck, new JsonObject().put("notes", changed), owner);
    assertThat(
            questions(deck, owner).stream()
                .map(JsonObject.class::cast)
                .filter(
                    q ->
                        q.getString("kind").equals(kind)
                            && q.getJsonObject("source")
                                .getString("text")
                                .startsWith("Takes place in the mitochondria")))
        .extracting(q -> q.getString("prompt"))
        .containsExactly("My question on where respiration happens?");

    JsonObject undone =
        api.postJson(
                "/api/decks/" + deck + "/questions/" + edit.getString("id") + "/revert",
                new JsonObject(),
                owner)
            .bodyAsJsonObject();
    assertThat(undone.getString("origin")).isEqualTo("generated");
    assertThat(undone.getBoolean("playable")).isTrue();
    assertThat(undone.getJsonObject("source").getString("text"))
        .isEqualTo("Takes place in the mitochondria of every cell");
  }

  @Test
  @DisplayName(
      "a question kept after its line went survives the line coming back, and has no generated version to undo to")
  void goneAndBack() {
    String deck = newDeck(NOTES, false);
    JsonObject xylem =
        questions(deck, owner).stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getJsonObject("source").getString("text").startsWith("Xylem"))
            .findFirst()
            .orElseThrow();
    String id = xylem.getString("id");
    assertThat(
            patch(deck, id, new JsonObject().put("prompt", "My own Xylem question?")).statusCode())
        .isEqualTo(200);
    String without = NOTES.replace("- Xylem: the vessels that carry water up from the roots\n", "");
    api.putJson("/api/decks/" + deck, new JsonObject().put("notes", without), owner);
    HttpResponse<Buffer> undo =
        api.postJson(
            "/api/decks/" + deck + "/questions/" + id + "/revert", new JsonObject(), owner);
    assertThat(undo.statusCode()).isEqualTo(409);
    assertThat(errorCode(undo)).isEqualTo("no_current_version");
    assertThat(patch(deck, id, new JsonObject()).bodyAsJsonObject().getString("origin"))
        .isEqualTo("added");

    api.putJson("/api/decks/" + deck, new JsonObject().put("notes", NOTES), owner);

    List<JsonObject> same =
        questions(deck, owner).stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getString("id").equals(id))
            .toList();
    assertThat(same).hasSize(1);
    assertThat(same.get(0).getString("prompt"))
        .as("the owner's question, not the generator's again")
        .isEqualTo("My own Xylem question?");
  }

  @Test
  @DisplayName(
      "default kinds the deck no longer has do not stop a room: it offers every kind instead")
  void staleDefaultKinds() {
    String deck = newDeck(NOTES, false);
    JsonObject changed =
        api.patchJson(
                "/api/decks/" + deck,
                new JsonObject().put("kinds", new JsonArray().add("matching")),
                owner)
            .bodyAsJsonObject();
    assertThat(changed.getJsonArray("defaultKinds").getList()).containsExactly("matching");
    for (Object q : questions(deck, owner)) {
      if (((JsonObject) q).getString("kind").equals("matching")) {
        api.delete("/api/decks/" + deck + "/questions/" + ((JsonObject) q).getString("id"), owner);
      }
    }
    assertThat(asked(deck, 5)).as("a room opens on the kinds that are left").isNotEmpty();
  }
}
