package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;
import static org.quizhall.testing.Api.errorMessage;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.notes.SampleNotes;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "Decks in and out: Quizhall CSV, Moodle GIFT and Anki exports; CSV, Quizlet and Anki imports")
class DeckExchangeApiTest {

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

  private static final String TITLE = "Biology — cells & energy";

  /** What a round-trip must keep of a question, as the owner's editor shows it. */
  private static final List<String> KEPT =
      List.of(
          "type",
          "kind",
          "prompt",
          "options",
          "correct",
          "accepted",
          "items",
          "pairs",
          "explanation",
          "topic",
          "hidden",
          "seconds");

  private static Quizhall quizhall;
  private static Api api;
  private static String owner;
  private static String other;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(new TestClock(Instant.parse("2026-12-03T08:00:00Z")));
    api = new Api(vertx, quizhall.httpPort());
    owner = api.signUpAndIn("deck_exporter", "my deck travels");
    other = api.signUpAndIn("deck_onlooker", "looking, not owning");
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  private static String newDeck(String title, String notes, boolean isPublic) {
    HttpResponse<Buffer> created =
        api.postJson(
            "/api/decks",
            new JsonObject().put("title", title).put("notes", notes).put("public", isPublic),
            owner);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  private static List<JsonObject> questions(String deck) {
    return api.get("/api/decks/" + deck + "/questions", owner).bodyAsJsonArray().stream()
        .map(JsonObject.class::cast)
        .toList();
  }

  private static JsonObject add(String deck, JsonObject question) {
    HttpResponse<Buffer> added = api.postJson("/api/decks/" + deck + "/questions", question, owner);
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    return added.bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> export(String deck, String format, String token) {
    return api.get("/api/decks/" + deck + "/export?format=" + format, token);
  }

  private static HttpResponse<Buffer> importNew(
      String title, String contentType, String file, String token) {
    return api.send(
        HttpMethod.POST,
        "/api/decks/import?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
        token,
        contentType,
        Buffer.buffer(file));
  }

  private static HttpResponse<Buffer> importInto(
      String deck, String contentType, String file, String token) {
    return api.send(
        HttpMethod.POST, "/api/decks/" + deck + "/import", token, contentType, Buffer.buffer(file));
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static final JsonObject OWN_CHOICE =
      new JsonObject()
          .put("type", "multiple_choice")
          .put("prompt", "Which gas, \"CO₂\" or O₂, do leaves take in?\nThink of the stomata.")
          .put(
              "options",
              new JsonArray(List.of("Carbon dioxide, CO₂", "Oxygen", "-5 °C", "=SUM(A1:A9)")))
          .put("correct", 0)
          .put("explanation", "Leaves take in CO₂; they give out O₂.")
          .put("topic", "Gas exchange");
  private static final JsonObject OWN_TRUE_FALSE =
      new JsonObject()
          .put("type", "true_false")
          .put("prompt", "True or false? Stomata close at night.")
          .put("correct", 1)
          .put("explanation", "Most close at night and open in light.")
          .put("topic", "Gas exchange");

  /** One hand-written question of every type, with text that a file format could easily mangle. */
  private static void addOneOfEach(String deck) {
    add(deck, OWN_CHOICE);
    add(deck, OWN_TRUE_FALSE);
    add(
        deck,
        new JsonObject()
            .put("type", "typed")
            .put("prompt", "Which pigment absorbs light?")
            .put("accepted", new JsonArray(List.of("Chlorophyll", "chlorophyll a")))
            .put("seconds", 45));
    add(
        deck,
        new JsonObject()
            .put("type", "multiple_response")
            .put("prompt", "Which of these happen in a chloroplast?")
            .put(
                "options",
                new JsonArray(
                    List.of("Light reactions", "Glycolysis", "Calvin cycle", "Krebs cycle")))
            .put("correct", new JsonArray(List.of(0, 2))));
    add(
        deck,
        new JsonObject()
            .put("type", "ordering")
            .put("prompt", "Put the stages of mitosis in order.")
            .put(
                "items", new JsonArray(List.of("Prophase", "Metaphase", "Anaphase", "Telophase"))));
    add(
        deck,
        new JsonObject()
            .put("type", "matching")
            .put("prompt", "Match each molecule with its job.")
            .put(
                "pairs",
                new JsonArray(
                    List.of(
                        new JsonObject().put("left", "ATP").put("right", "carries energy"),
                        new JsonObject()
                            .put("left", "DNA")
                            .put("right", "holds genes: the \"code\""),
                        new JsonObject()
                            .put("left", "RNA")
                            .put("right", "copies genes, then leaves")))));
  }

  /**
   * Two decks hold the same questions, in the same order, field by field as the owner sees them.
   */
  private static void sameQuestions(String copy, String original) {
    List<JsonObject> before = questions(original);
    List<JsonObject> after = questions(copy);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      for (String field : KEPT) {
        assertThat(after.get(i).getValue(field))
            .as("question %d (%s) %s", i, before.get(i).getString("prompt"), field)
            .isEqualTo(before.get(i).getValue(field));
      }
      assertThat(after.get(i).getString("origin")).isEqualTo("added");
    }
  }

  @Test
  @DisplayName(
      "a deck with edits, hidden and hand-written questions of every type exports to CSV and imports back the same")
  void csvRoundTrip() {
    String deck = newDeck(TITLE, NOTES, false);
    JsonObject generated = questions(deck).get(0);
    assertThat(
            api.patchJson(
                    "/api/decks/" + deck + "/questions/" + generated.getString("id"),
                    new JsonObject()
                        .put("prompt", "Where, in one word, does it happen?")
                        .put("explanation", "My own words."),
                    owner)
                .statusCode())
        .isEqualTo(200);
    String hidden = questions(deck).get(1).getString("id");
    assertThat(api.delete("/api/decks/" + deck + "/questions/" + hidden, owner).statusCode())
        .isEqualTo(200);
    addOneOfEach(deck);

    HttpResponse<Buffer> csv = export(deck, "csv", owner);

    assertThat(csv.statusCode()).as(csv.bodyAsString()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.getHeader("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"biology-cells-energy.csv\";"
                + " filename*=UTF-8''Biology%20%E2%80%94%20cells%20%26%20energy.csv");
    assertThat(csv.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject imported =
        created(importNew("Biology again", "text/csv", csv.bodyAsString(), owner));
    String copy = imported.getJsonObject("deck").getString("id");
    assertThat(imported.getInteger("added")).isEqualTo(questions(deck).size());
    sameQuestions(copy, deck);
    JsonObject summary = api.get("/api/decks/" + copy, owner).bodyAsJsonObject();
    assertThat(summary.getString("title")).isEqualTo("Biology again");
    assertThat(summary.getBoolean("public")).isFalse();
    assertThat(summary.getInteger("questionCount"))
        .as("the hidden question stays out of play")
        .isEqualTo(questions(deck).size() - 1);
    assertThat(summary.getJsonArray("topics"))
        .contains("Gas exchange", generated.getString("topic"));
    assertThat(
            api.get("/api/decks/" + copy + "/notes", owner).bodyAsJsonObject().getString("notes"))
        .as("a deck of imported questions has no notes")
        .isEmpty();
    assertThat(api.openRoom(owner, copy, 5, 20).getString("code"))
        .as("and plays like any other")
        .hasSize(6);
    JsonObject into = created(importInto(copy, "text/csv", csv.bodyAsString(), owner));
    assertThat(into.getInteger("added")).isEqualTo(questions(deck).size());
    assertThat(questions(copy))
        .as("an import into a deck adds to it")
        .hasSize(2 * questions(deck).size());
  }

  @Test
  @DisplayName("the shipped sample's notes make a deck that exports to CSV and imports back whole")
  void sampleRoundTrip() {
    String deck = newDeck("AWS big data", SampleNotes.read(SampleNotes.AWS), false);
    String csv = export(deck, "csv", owner).bodyAsString();

    String copy =
        created(importNew("AWS big data, imported", "text/csv", csv, owner))
            .getJsonObject("deck")
            .getString("id");

    sameQuestions(copy, deck);
  }

  @Test
  @DisplayName(
      "GIFT: the deck's playable questions under a category per topic, escaped as Moodle reads them")
  void gift() {
    String deck = newDeck(TITLE, NOTES, false);
    addOneOfEach(deck);
    String hidden =
        add(
                deck,
                new JsonObject()
                    .put("type", "typed")
                    .put("prompt", "Which hidden answer?")
                    .put("accepted", new JsonArray().add("Secret")))
            .getString("id");
    api.delete("/api/decks/" + deck + "/questions/" + hidden, owner);

    HttpResponse<Buffer> gift = export(deck, "gift", owner);

    assertThat(gift.statusCode()).isEqualTo(200);
    assertThat(gift.getHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(gift.getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"biology-cells-energy-gift.txt\"");
    String text = gift.bodyAsString();
    int playable = questions(deck).size() - 1;
    assertThat(text)
        .startsWith(
            "// "
                + TITLE
                + ": "
                + playable
                + " questions from Quizhall\n"
                + "// 1 question hidden or waiting for review is left out\n");
    assertThat(text)
        .contains(
            "\n$CATEGORY: "
                + TITLE
                + "/Gas exchange\n\n"
                + "::Which gas, \"CO₂\" or O₂, do leaves take in? Think of the…::[plain]Which gas, \"CO₂\" or O₂, do leaves take"
                + " in?\\nThink of the stomata. {\n"
                + "\t=Carbon dioxide, CO₂\n\t~Oxygen\n\t~-5 °C\n\t~\\=SUM(A1\\:A9)\n"
                + "\t####Leaves take in CO₂; they give out O₂.\n}\n\n"
                + "::True or false? Stomata close at night.::[plain]True or false? Stomata close at night."
                + " {F####Most close at night and open in light.}\n");
    assertThat(text).doesNotContain("Secret");
    assertThat(text.split("\n\n(?=::|//)"))
        .as("every playable question, a blank line between two")
        .hasSize(playable + 1);
  }

  @Test
  @DisplayName(
      "Anki: header lines Anki reads, then front, back, tag and a stable id per playable question")
  void anki() throws IOException {
    String deck = newDeck(TITLE, NOTES, false);
    addOneOfEach(deck);
    String hidden = questions(deck).get(0).getString("id");
    api.delete("/api/decks/" + deck + "/questions/" + hidden, owner);
    String choiceId =
        questions(deck).stream()
            .filter(q -> q.getString("prompt").equals(OWN_CHOICE.getString("prompt")))
            .findFirst()
            .orElseThrow()
            .getString("id");

    HttpResponse<Buffer> anki = export(deck, "anki", owner);

    assertThat(anki.statusCode()).isEqualTo(200);
    assertThat(anki.getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"biology-cells-energy-anki.txt\"");
    String text = anki.bodyAsString();
    String headers =
        "#separator:tab\n#html:false\n#deck:" + TITLE + "\n#tags column:3\n#guid column:4\n";
    assertThat(text).startsWith(headers);
    List<CSVRecord> notes;
    try (CSVParser parser =
        CSVParser.parse(
            text.substring(headers.length()),
            CSVFormat.RFC4180.builder().setDelimiter('\t').get())) {
      notes = parser.getRecords();
    }
    assertThat(notes)
        .hasSize(questions(deck).size() - 1)
        .allSatisfy(note -> assertThat(note.size()).isEqualTo(4));
    assertThat(notes)
        .extracting(note -> note.get(3))
        .doesNotContain("quizhall-" + deck + "-" + hidden)
        .allSatisfy(guid -> assertThat(guid).startsWith("quizhall-" + deck + "-"))
        .doesNotHaveDuplicates();
    CSVRecord choice =
        notes.stream()
            .filter(n -> n.get(3).equals("quizhall-" + deck + "-" + choiceId))
            .findFirst()
            .orElseThrow();
    assertThat(choice.get(0))
        .isEqualTo(
            "Which gas, \"CO₂\" or O₂, do leaves take in?\nThink of the stomata.\n\n"
                + "A. Carbon dioxide, CO₂\nB. Oxygen\nC. -5 °C\nD. =SUM(A1:A9)");
    assertThat(choice.get(1))
        .isEqualTo("A. Carbon dioxide, CO₂\n\nLeaves take in CO₂; they give out O₂.");
    assertThat(choice.get(2)).isEqualTo("Gas_exchange");
    CSVRecord ordering =
        notes.stream()
            .filter(n -> n.get(0).startsWith("Put the stages of mitosis in order."))
            .findFirst()
            .orElseThrow();
    assertThat(ordering.get(1)).isEqualTo("1. Prophase\n2. Metaphase\n3. Anaphase\n4. Telophase");
    assertThat(ordering.get(0))
        .as("the items as players are served them, not in their order")
        .doesNotContain("- Prophase\n- Metaphase\n- Anaphase\n- Telophase")
        .contains("- Prophase", "- Telophase");
  }

  private static final List<String[]> CARDS =
      List.of(
          new String[] {"Mitochondrion", "the organelle that releases energy from food"},
          new String[] {"Chloroplast", "the organelle where photosynthesis takes place"},
          new String[] {"Ribosome", "the organelle that builds proteins"},
          new String[] {"Nucleus", "the organelle that holds the cell's \"DNA\""},
          new String[] {"Vacuole", "a sac that stores water, salts and nutrients."});

  /** Each card became a choice of its term, from the back's meaning, among other cards' terms. */
  private static void askedFromTheBack(List<JsonObject> asked, List<String[]> cards) {
    assertThat(asked).hasSameSizeAs(cards);
    List<String> fronts = cards.stream().map(c -> c[0]).toList();
    for (int i = 0; i < cards.size(); i++) {
      JsonObject q = asked.get(i);
      String[] card = cards.get(i);
      String meaning = card[1].endsWith(".") ? card[1].substring(0, card[1].length() - 1) : card[1];
      assertThat(q.getString("type")).isEqualTo("multiple_choice");
      assertThat(q.getString("prompt")).isEqualTo("Which term means “" + meaning + "”?");
      List<String> options = q.getJsonArray("options").stream().map(String.class::cast).toList();
      assertThat(options.get(q.getInteger("correct"))).isEqualTo(card[0]);
      assertThat(options).hasSizeBetween(3, 4).doesNotHaveDuplicates();
      assertThat(fronts).as("the wrong options are other cards' terms").containsAll(options);
      assertThat(q.getString("kind")).isEqualTo("definition");
      assertThat(q.getString("origin")).isEqualTo("added");
    }
  }

  @Test
  @DisplayName(
      "Quizlet's tab-separated terms make a new deck: each asked from its definition among the other terms")
  void quizletCards() {
    StringBuilder file = new StringBuilder();
    CARDS.forEach(c -> file.append(c[0]).append('\t').append(c[1]).append('\n'));

    JsonObject imported =
        created(importNew("Cell parts", "text/tab-separated-values", file.toString(), owner));

    assertThat(imported.getInteger("added")).isEqualTo(CARDS.size());
    String deck = imported.getJsonObject("deck").getString("id");
    askedFromTheBack(questions(deck), CARDS);
    assertThat(questions(deck))
        .allSatisfy(q -> assertThat(q.getString("topic")).isEqualTo("Cell parts"));
  }

  @Test
  @DisplayName(
      "Anki's exported notes join an existing deck: HTML read as text, the tags column left out")
  void ankiCards() {
    String deck = newDeck(TITLE, NOTES, false);
    int before = questions(deck).size();
    StringBuilder file = new StringBuilder("#separator:tab\n#html:true\n#tags column:3\n");
    CARDS.forEach(
        c ->
            file.append("<b>")
                .append(c[0])
                .append("</b>\t")
                .append(
                    "\""
                        + c[1].replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;")
                        + "<br>\"")
                .append("\tbiology cells\n"));

    JsonObject imported =
        created(importInto(deck, "text/tab-separated-values", file.toString(), owner));

    assertThat(imported.getInteger("added")).isEqualTo(CARDS.size());
    assertThat(imported.getJsonObject("deck").getInteger("questionCount"))
        .isEqualTo(before + CARDS.size());
    askedFromTheBack(questions(deck).subList(before, before + CARDS.size()), CARDS);
  }

  @Test
  @DisplayName(
      "the biggest file allowed, 2,000 cards, is read, asked and stored within the import deadline")
  void twoThousandCards() {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      file.append("Element ")
          .append(i)
          .append('\t')
          .append("the element numbered ")
          .append(i)
          .append(" in the made-up table")
          .append('\n');
    }

    JsonObject imported =
        created(importNew("Made-up elements", "text/tab-separated-values", file.toString(), owner));

    assertThat(imported.getInteger("added")).isEqualTo(2_000);
    assertThat(imported.getJsonObject("deck").getInteger("questionCount")).isEqualTo(2_000);
  }

  @Test
  @DisplayName(
      "cards whose fronts ask something are asked as written among the other answers; under four cards, typed")
  void questionCardsAndFewCards() {
    String file =
        "What is the capital of France?,Paris\nWhat is the capital of Japan?,Tokyo\n"
            + "What is the capital of Peru?,Lima\nWhat is the capital of Kenya?,Nairobi\n";
    String deck =
        created(importNew("Capitals", "text/csv", file, owner))
            .getJsonObject("deck")
            .getString("id");
    JsonObject france = questions(deck).get(0);
    assertThat(france.getString("prompt")).isEqualTo("What is the capital of France?");
    List<String> options = france.getJsonArray("options").stream().map(String.class::cast).toList();
    assertThat(options.get(france.getInteger("correct"))).isEqualTo("Paris");
    assertThat(List.of("Paris", "Tokyo", "Lima", "Nairobi")).containsAll(options);

    String few =
        created(
                importNew(
                    "Few",
                    "text/csv",
                    "Osmosis,the movement of water across a membrane\n"
                        + "What is the capital of Peru?,Lima\n",
                    owner))
            .getJsonObject("deck")
            .getString("id");
    List<JsonObject> typed = questions(few);
    assertThat(typed).extracting(q -> q.getString("type")).containsExactly("typed", "typed");
    assertThat(typed.get(0).getString("prompt"))
        .isEqualTo("Which term means “the movement of water across a membrane”?");
    assertThat(typed.get(0).getJsonArray("accepted")).containsExactly("Osmosis");
    assertThat(typed.get(1).getString("prompt")).isEqualTo("What is the capital of Peru?");
    assertThat(typed.get(1).getJsonArray("accepted")).containsExactly("Lima");
  }

  @Test
  @DisplayName(
      "a bad row, too many rows, a wrong or binary body: a clear error, and nothing is added")
  void badFiles() {
    String deck = newDeck(TITLE, NOTES, false);
    int before = questions(deck).size();
    int decks = api.get("/api/decks", owner).bodyAsJsonArray().size();
    String header = "type,prompt,option1,option2,option3,correct,accepted\n";
    record Case(String contentType, byte[] body, int status, String code, String message) {}
    StringBuilder tooMany = new StringBuilder();
    for (int i = 0; i <= 2_000; i++) {
      tooMany.append("Term ").append(i).append("\tMeaning ").append(i).append('\n');
    }
    List<Case> cases =
        List.of(
            new Case(
                "text/csv",
                bytes(
                    header
                        + "typed,Which pigment absorbs light?,,,,,Chlorophyll\n"
                        + "multiple_choice,Which organelle makes ATP?,Nucleus,Mitochondrion,Ribosome,5,\n"),
                400,
                "invalid_row",
                "Row 3: Correct names options by their number, 1 to 3, not \"5\"."),
            new Case(
                "text/csv",
                bytes(header + "typed," + "Why? ".repeat(101) + ",,,,,Because\n"),
                400,
                "invalid_row",
                "Row 2: Prompt is at most 500 characters."),
            new Case(
                "text/csv",
                bytes(header + "essay,Discuss.,,,,,\n"),
                400,
                "invalid_row",
                "Row 2: Type must be one of multiple_choice, true_false, typed, multiple_response, ordering, matching."),
            new Case(
                "text/tab-separated-values",
                bytes(tooMany.toString()),
                413,
                "too_many_rows",
                "One import holds at most 2,000 questions; this file has more: split it into smaller files."),
            new Case("text/csv", bytes(""), 400, "no_questions", "The file holds no questions."),
            new Case(
                "application/json",
                bytes("{\"format\":\"csv\"}"),
                415,
                "unsupported_media_type",
                "Send the file as text/csv or text/tab-separated-values (text/plain also does)."),
            new Case(
                "text/csv",
                new byte[] {'P', 'K', 3, 4, 0, 0, 1},
                415,
                "binary_file",
                "That looks like a binary file (a spreadsheet, say): save it as CSV or tab-separated text."),
            new Case(
                "text/csv",
                "Caf\u00e9,a place for coffee\n".getBytes(StandardCharsets.ISO_8859_1),
                400,
                "not_utf8",
                "The file is not valid UTF-8 text: save it as UTF-8 (in Excel, \"CSV UTF-8\") and try again."));
    for (Case c : cases) {
      for (String path : List.of("/api/decks/" + deck + "/import", "/api/decks/import")) {
        HttpResponse<Buffer> refused =
            api.send(HttpMethod.POST, path, owner, c.contentType(), Buffer.buffer(c.body()));
        assertThat(refused.statusCode())
            .as("%s %s: %s", path, c.code(), refused.bodyAsString())
            .isEqualTo(c.status());
        assertThat(errorCode(refused)).isEqualTo(c.code());
        assertThat(errorMessage(refused)).isEqualTo(c.message());
      }
    }
    assertThat(questions(deck))
        .as("all or nothing: the good rows before a bad one were not added")
        .hasSize(before);
    assertThat(api.get("/api/decks", owner).bodyAsJsonArray())
        .as("and no deck was made")
        .hasSize(decks);

    HttpResponse<Buffer> huge =
        api.send(
            HttpMethod.POST,
            "/api/decks/" + deck + "/import",
            owner,
            "text/csv",
            Buffer.buffer(new byte[(int) ExchangeRoutes.IMPORT_LIMIT + 1]));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(errorCode(huge)).isEqualTo("body_too_large");
    HttpResponse<Buffer> longTitle = importNew("x".repeat(201), "text/csv", "a,b\n", owner);
    assertThat(errorCode(longTitle)).isEqualTo("invalid_title");
    HttpResponse<Buffer> format = export(deck, "xlsx", owner);
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(errorCode(format)).isEqualTo("invalid_format");
  }

  @Test
  @DisplayName(
      "exports and imports are the owner's: 403 to who can see the deck, 404 to who cannot, 401 signed out")
  void ownerOnly() {
    String shown = newDeck("Public biology", NOTES, true);
    String hidden = newDeck("Private biology", NOTES, false);
    String sample =
        api.get("/api/decks", other).bodyAsJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(d -> d.getBoolean("sample"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    int before = questions(shown).size();
    String cards = "ATP\tenergy\n";
    for (String format : List.of("csv", "gift", "anki")) {
      assertThat(export(shown, format, other).statusCode()).isEqualTo(403);
      assertThat(errorCode(export(shown, format, other))).isEqualTo("not_owner");
      assertThat(export(sample, format, other).statusCode())
          .as("a sample deck has no owner")
          .isEqualTo(403);
      assertThat(export(hidden, format, other).statusCode()).isEqualTo(404);
      assertThat(errorCode(export(hidden, format, other))).isEqualTo("deck_not_found");
      assertThat(export(shown, format, null).statusCode()).isEqualTo(401);
    }
    assertThat(errorCode(export(shown, "csv", other))).isEqualTo("not_owner");
    assertThat(errorMessage(export(shown, "csv", other)))
        .isEqualTo("Only the deck's owner can export it: an export holds the answer keys.");
    HttpResponse<Buffer> notYours = importInto(shown, "text/tab-separated-values", cards, other);
    assertThat(notYours.statusCode()).isEqualTo(403);
    assertThat(errorCode(notYours)).isEqualTo("not_owner");
    assertThat(importInto(hidden, "text/tab-separated-values", cards, other).statusCode())
        .isEqualTo(404);
    assertThat(importInto(shown, "text/tab-separated-values", cards, null).statusCode())
        .isEqualTo(401);
    assertThat(importNew("Mine", "text/tab-separated-values", cards, null).statusCode())
        .isEqualTo(401);
    assertThat(questions(shown)).as("nothing was added").hasSize(before);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
