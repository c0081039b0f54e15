package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizhall.app.Quizhall;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestServer;

/**
 * A teacher fixes a deck before class in the browser: a wrong key, a question to drop, one of their
 * own, then the notes edited and imported again, with the edit that rested on a changed line
 * waiting for review.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The deck editor in the browser")
class DeckEditorInTheBrowserTest {

  private static final String NOTES =
      """
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
  private static Browser teacher;
  private static Browser phone;
  private static String token;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(Clock.systemUTC());
    api = new Api(vertx, quizhall.httpPort());
    token = api.signUpAndIn("editing_teacher", "fixing it before class");
    teacher = Browser.desktop("editor-teacher", quizhall.httpPort());
    phone = Browser.phone("editor-phone", quizhall.httpPort());
    for (Browser b : List.of(teacher, phone)) {
      b.go("/host");
      b.find("#tab-sign-in").click();
      b.find("#username").sendKeys("editing_teacher");
      b.find("#password").sendKeys("fixing it before class", Keys.ENTER);
      b.find("#new-deck-title");
    }
  }

  @AfterAll
  static void stop() {
    Stream.of(teacher, phone).filter(b -> b != null).forEach(Browser::close);
    api.close();
    quizhall.close();
  }

  private static String newDeck() {
    return api.postJson(
            "/api/decks", new JsonObject().put("title", "Cells").put("notes", NOTES), token)
        .bodyAsJsonObject()
        .getString("id");
  }

  private static JsonObject stored(String deck, String id) {
    return api.get("/api/decks/" + deck + "/questions/" + id, token).bodyAsJsonObject();
  }

  /**
   * The notes above as a Word file, uploaded from the host page as a teacher would; the new deck's
   * id.
   */
  private static String uploadWordFile() throws java.io.IOException {
    java.nio.file.Path docx =
        java.nio.file.Files.createDirectories(Browser.TARGET.resolve("editor-files"))
            .resolve("Cells.docx");
    java.util.List<org.quizhall.notes.TestDocuments.Para> paragraphs = new java.util.ArrayList<>();
    for (String line : NOTES.lines().toList()) {
      if (line.startsWith("# ")) {
        paragraphs.add(org.quizhall.notes.TestDocuments.Para.heading(1, line.substring(2)));
      } else if (line.startsWith("- ")) {
        paragraphs.add(org.quizhall.notes.TestDocuments.Para.bullet(0, line.substring(2)));
      } else if (!line.isBlank()) {
        paragraphs.add(org.quizhall.notes.TestDocuments.Para.heading(2, line));
      }
    }
    java.nio.file.Files.write(docx, org.quizhall.notes.TestDocuments.docx(paragraphs, null));
    teacher.go("/host");
    teacher.find("#deck-file").sendKeys(docx.toString());
    teacher.find("#create-deck").click();
    teacher.textOf("#deck-summary", "questions from");
    return teacher.driver.getCurrentUrl().replaceAll(".*/decks/([0-9a-f-]+).*", "$1");
  }

  private static WebElement card(String id) {
    return teacher.find(".edit-question[data-id='" + id + "']");
  }

  @Test
  @DisplayName(
      "from a Word file: fix a key, hide a question, add one, edit the notes, play a round; a flag reaches the editor")
  void fixBeforeClass() throws Exception {
    String deck = uploadWordFile();
    JsonArray questions = api.get("/api/decks/" + deck + "/questions", token).bodyAsJsonArray();
    JsonObject choice =
        questions.stream()
            .map(JsonObject.class::cast)
            .filter(
                q ->
                    q.getString("type").equals("multiple_choice")
                        && q.getJsonObject("source").getString("text").startsWith("Xylem"))
            .findFirst()
            .orElseThrow();
    JsonObject other =
        questions.stream()
            .map(JsonObject.class::cast)
            .filter(q -> !q.getString("id").equals(choice.getString("id")))
            .findFirst()
            .orElseThrow();
    teacher.go("/decks/" + deck);
    String before = teacher.textOf("#deck-summary", "questions");

    // The key: the teacher marks another option right, by keyboard, and saves.
    card(choice.getString("id")).findElement(By.cssSelector(".edit-open")).click();
    WebElement form = card(choice.getString("id")).findElement(By.cssSelector(".question-form"));
    int wanted = (choice.getInteger("correct") + 1) % choice.getJsonArray("options").size();
    form.findElements(By.cssSelector(".edit-rows input[type='radio']"))
        .get(wanted)
        .sendKeys(Keys.SPACE);
    WebElement prompt = form.findElement(By.cssSelector(".edit-prompt"));
    prompt.clear();
    prompt.sendKeys("Which of these carries water up a plant?");
    form.findElement(By.cssSelector(".edit-save")).click();
    teacher.textOf(".edit-question[data-id='" + choice.getString("id") + "'] .badges", "Edited");
    assertThat(teacher.focused().getAttribute("class"))
        .as("focus returns to the question's Edit button")
        .contains("edit-open");
    JsonObject fixed = stored(deck, choice.getString("id"));
    assertThat(fixed.getInteger("correct")).isEqualTo(wanted);
    assertThat(fixed.getString("prompt")).isEqualTo("Which of these carries water up a plant?");

    // A refused save says why and keeps the form open.
    card(other.getString("id")).findElement(By.cssSelector(".edit-open")).click();
    WebElement otherForm =
        card(other.getString("id")).findElement(By.cssSelector(".question-form"));
    otherForm.findElement(By.cssSelector(".edit-prompt")).clear();
    otherForm.findElement(By.cssSelector(".edit-save")).click();
    teacher.textOf(
        ".edit-question[data-id='" + other.getString("id") + "'] .question-form .message",
        "Prompt must not be empty");
    otherForm.findElement(By.cssSelector(".edit-prompt")).sendKeys(Keys.ESCAPE);

    // Hide it instead.
    card(other.getString("id")).findElement(By.cssSelector(".edit-hide")).click();
    teacher.textOf(".edit-question[data-id='" + other.getString("id") + "'] .badges", "Hidden");
    assertThat(stored(deck, other.getString("id")).getBoolean("hidden")).isTrue();
    teacher.textOf("#deck-summary", "1 hidden");

    // One of the teacher's own: a typed question.
    teacher.find("#add-question").click();
    WebElement adding = teacher.find("#add-question-slot .question-form");
    new org.openqa.selenium.support.ui.Select(adding.findElement(By.cssSelector("select")))
        .selectByValue("typed");
    adding
        .findElement(By.cssSelector(".edit-prompt"))
        .sendKeys("The pores in a leaf are called ___.");
    adding.findElement(By.cssSelector("textarea[id$='-accepted']")).sendKeys("stomata\nstoma");
    adding.findElement(By.cssSelector(".edit-save")).click();
    teacher.textOf("#editor-message", "Added");
    JsonObject own =
        api.get("/api/decks/" + deck + "/questions", token).bodyAsJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(q -> "added".equals(q.getString("origin")))
            .findFirst()
            .orElseThrow();
    assertThat(own.getJsonArray("accepted").getList()).containsExactly("stomata", "stoma");
    teacher.textOf(
        ".edit-question[data-id='" + own.getString("id") + "'] .badges", "Written by you");
    teacher.screenshot("deck-editor", "#preview-title");

    // The notes, edited in the browser: the line under the fixed key changes.
    teacher.find("#notes-editor summary").click();
    WebElement notes = teacher.find("#notes-text");
    teacher.waitUntil("the notes load", () -> notes.getAttribute("value").contains("Xylem"));
    teacher.script(
        "arguments[0].value = arguments[0].value.replace('carry water up from the roots', "
            + "'carry water and minerals up from the roots');",
        notes);
    teacher.find("#reimport").click();
    teacher.textOf("#deck-summary", "1 to review");
    assertThat(teacher.find("#editor-filter").getAttribute("value"))
        .as("the editor opens on what needs review")
        .isEqualTo("review");
    String note =
        teacher.textOf(
            ".edit-question[data-id='" + choice.getString("id") + "'] .review-note", "changed");
    assertThat(note)
        .contains("the vessels that carry water up from the roots")
        .contains("the vessels that carry water and minerals up from the roots");
    assertThat(stored(deck, other.getString("id")).getBoolean("hidden"))
        .as("still hidden")
        .isTrue();
    assertThat(stored(deck, own.getString("id")).getString("origin"))
        .as("still there")
        .isEqualTo("added");
    teacher.screenshot("deck-editor-review", ".review-note");
    card(choice.getString("id")).findElement(By.cssSelector(".review-keep")).click();
    teacher.waitUntil(
        "the review is done", () -> stored(deck, choice.getString("id")).getBoolean("playable"));
    assertThat(stored(deck, choice.getString("id")).getString("prompt"))
        .isEqualTo("Which of these carries water up a plant?");

    // The edited deck in a room; the player flags its question at the reveal.
    teacher.go("/decks/" + deck);
    WebElement count = teacher.find("#question-count");
    count.clear();
    count.sendKeys("1");
    teacher.find("#open-room").click();
    String code = teacher.find("#room-code").getText();
    phone.go("/join/" + code);
    WebElement nickname = phone.find("#nickname");
    nickname.clear();
    nickname.sendKeys("Sam", Keys.ENTER);
    teacher.textOf("#player-count", "1 player");
    teacher.find("#next").click();
    org.quizhall.testing.AnswerKey key = new org.quizhall.testing.AnswerKey(quizhall.pool(), deck);
    JsonObject first =
        key.question(phone.find("#question-prompt").getAttribute("data-question-id"));
    assertThat(first.getString("id"))
        .as("a hidden question is never asked")
        .isNotEqualTo(other.getString("id"));
    phone.answer(org.quizhall.testing.AnswerKey.answerTo(first, false));
    phone.textOf("#my-result", "Not right");
    phone.find(".flag-open").click();
    phone.find(".flag-form input[value='unclear']").click();
    phone.find(".flag-send").click();
    // A long reveal puts the confirmation below the fold, where Selenium reads no text: read it
    // from the page.
    phone.waitUntil(
        "the flag is sent",
        () ->
            String.valueOf(
                    phone.script(
                        "const e = document.querySelector('.flag-sent'); return e ? e.textContent : ''"))
                .contains("Flagged"));
    teacher.find("#next").click();
    teacher.find("#next").click();
    teacher.find("#podium");

    teacher.go("/decks/" + deck);
    String flagged = ".edit-question[data-id='" + first.getString("id") + "']";
    teacher.textOf(flagged + " .badges", "1 flag");
    teacher.textOf(flagged + " .figures-line", "1 answer · 0% right");
    teacher.textOf(flagged + " .hints", "flagged once: it is unclear");
  }

  @Test
  @DisplayName(
      "on a phone the editor fits the screen, and a deck is deleted only after a second tap")
  void phoneAndDelete() {
    String deck = newDeck();
    phone.go("/decks/" + deck);
    phone.textOf("#deck-summary", "questions");
    phone.find(".edit-open").click();
    phone.screenshot("deck-editor-phone", ".question-form");
    long overflow =
        (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);

    phone.find("#deck-settings summary").click();
    phone.find("#delete-deck").click();
    assertThat(phone.find("#delete-confirm").getText()).contains("Delete “Cells”");
    assertThat(api.get("/api/decks/" + deck, token).statusCode())
        .as("nothing is deleted by the first tap")
        .isEqualTo(200);
    phone.find("#delete-yes").click();
    phone.waitUntil(
        "the deck is gone", () -> api.get("/api/decks/" + deck, token).statusCode() == 404);
  }

  @Test
  @DisplayName(
      "the edited deck is played; a player flags the question at the reveal; the editor shows the flag and the figures")
  void playFlagAndRead() {
    String deck = newDeck();
    JsonArray questions = api.get("/api/decks/" + deck + "/questions", token).bodyAsJsonArray();
    JsonObject asked =
        questions.stream()
            .map(JsonObject.class::cast)
            .filter(q -> q.getString("type").equals("multiple_choice"))
            .findFirst()
            .orElseThrow();
    for (Object q : questions) {
      String id = ((JsonObject) q).getString("id");
      if (!id.equals(asked.getString("id"))) {
        assertThat(api.delete("/api/decks/" + deck + "/questions/" + id, token).statusCode())
            .isEqualTo(200);
      }
    }
    assertThat(
            api.patchJson(
                    "/api/decks/" + deck + "/questions/" + asked.getString("id"),
                    new JsonObject().put("prompt", "Which of these did the teacher reword?"),
                    token)
                .statusCode())
        .isEqualTo(200);

    teacher.go("/decks/" + deck);
    WebElement count = teacher.find("#question-count");
    count.clear();
    count.sendKeys("1");
    teacher.find("#open-room").click();
    String code = teacher.find("#room-code").getText();
    phone.go("/join/" + code);
    WebElement nickname = phone.find("#nickname");
    nickname.clear();
    nickname.sendKeys("Robin", Keys.ENTER);
    teacher.textOf("#player-count", "1 player");
    teacher.find("#next").click();
    assertThat(phone.find("#question-prompt").getText())
        .isEqualTo("Which of these did the teacher reword?");
    int wrong = (asked.getInteger("correct") + 1) % asked.getJsonArray("options").size();
    phone.answer(new JsonObject().put("choice", wrong));
    phone.textOf("#my-result", "Not right");

    phone.find(".flag-open").click();
    phone.find(".flag-form input[value='wrong_key']").click();
    phone.find(".flag-form input[id^='flag-comment']").sendKeys("I am sure my answer is right");
    phone.screenshot("player-flag", ".flag-form");
    phone.find(".flag-send").click();
    phone.textOf(".flag-sent", "Flagged");

    teacher.find("#next").click();
    teacher.find("#next").click();
    teacher.find("#podium");

    // A class of twelve more, as written by the room's writer: enough answers for the figures to
    // speak.
    JsonObject now =
        api.get("/api/decks/" + deck + "/questions/" + asked.getString("id"), token)
            .bodyAsJsonObject();
    int key = now.getInteger("correct");
    int other = (key + 1) % 4;
    Object[][] picks = new Object[12][];
    for (int p = 0; p < 12; p++) {
      picks[p] = new Object[] {p < 8 ? key : other};
    }
    java.util.UUID hostId =
        java.util.UUID.fromString(api.get("/api/me", token).bodyAsJsonObject().getString("id"));
    org.quizhall.testing.GameFixture.game(
        quizhall.pool(), Clock.systemUTC(), 7, deck, hostId, List.of(now), picks, true);

    teacher.go("/decks/" + deck);
    String card = ".edit-question[data-id='" + asked.getString("id") + "']";
    teacher.textOf(card + " .badges", "1 flag");
    teacher.textOf(card + " .figures-line", "13 answers · 62% right");
    teacher.textOf(card + " .hints", "was never chosen: replace it");
    teacher.textOf(card + " .hints", "flagged once: the key is wrong");
    assertThat(teacher.textOf(card + " .flag-comments", "I am sure my answer is right"))
        .contains("— Robin");
    assertThat(teacher.find("#editor-filter").getAttribute("value"))
        .as("the editor opens on what needs a look")
        .isEqualTo("attention");
    teacher.screenshot(
        "deck-editor-analysis", ".edit-question[data-id='" + asked.getString("id") + "']");

    // The results page grades the room: who missed what, with the answer given, and a way back to
    // the question.
    String gameId =
        quizhall
            .pool()
            .preparedQuery("SELECT id FROM games WHERE deck_id = $1 AND room_code = '" + code + "'")
            .execute(io.vertx.sqlclient.Tuple.of(java.util.UUID.fromString(deck)))
            .await()
            .iterator()
            .next()
            .getUUID(0)
            .toString();
    teacher.go("/results/" + gameId);
    String wrongOption = asked.getJsonArray("options").getString(wrong);
    assertThat(teacher.textOf("#gradebook tbody", "✗")).contains("Robin").contains(wrongOption);
    teacher.screenshot("results-gradebook", "#gradebook-title");
    teacher.find("#gradebook .edit-link").click();
    teacher.waitUntil(
        "the editor opens on the question", () -> teacher.all(".edit-question.wanted").size() == 1);
    assertThat(teacher.find(".edit-question.wanted").getAttribute("data-id"))
        .isEqualTo(asked.getString("id"));
    assertThat(teacher.focused().getAttribute("class")).contains("edit-open");
  }

  @Test
  @DisplayName(
      "the deck settings put the topics in the teacher's order and share the deck with a group, by keyboard")
  void settingsByKeyboard() throws Exception {
    String notes =
        "# Photosynthesis\n- Takes place in the chloroplasts\n- Needs light and water\n- Makes glucose\n\n"
            + "# Respiration\n- Takes place in the mitochondria\n- Releases energy as ATP\n- Needs oxygen\n";
    String deck =
        api.postJson(
                "/api/decks",
                new JsonObject().put("title", "Two topics").put("notes", notes),
                token)
            .bodyAsJsonObject()
            .getString("id");
    assertThat(
            api.get("/api/decks/" + deck, token)
                .bodyAsJsonObject()
                .getJsonArray("topics")
                .getList())
        .containsExactly("Photosynthesis", "Respiration");
    String group =
        api.postJson("/api/groups", new JsonObject().put("name", "Biology set 2"), token)
            .bodyAsJsonObject()
            .getString("id");

    teacher.go("/decks/" + deck);
    teacher.find("#deck-settings summary").click();
    teacher.find("#topic-order button[aria-label='Move Respiration up']").sendKeys(Keys.ENTER);
    assertThat(teacher.focused().getAttribute("aria-label"))
        .as("the focus stays on the moved topic")
        .isEqualTo("Move Respiration down");
    new org.openqa.selenium.support.ui.Select(teacher.find("#deck-group"))
        .selectByVisibleText("Biology set 2");
    teacher.find("#save-settings").click();
    teacher.waitUntil(
        "the settings are saved",
        () ->
            group.equals(
                api.get("/api/decks/" + deck, token).bodyAsJsonObject().getString("groupId")));
    assertThat(
            api.get("/api/decks/" + deck, token)
                .bodyAsJsonObject()
                .getJsonArray("topics")
                .getList())
        .containsExactly("Respiration", "Photosynthesis");
    // Questions from a Quizlet export join the deck from the editor.
    java.nio.file.Path cards = java.nio.file.Files.createTempFile("quizlet", ".tsv");
    java.nio.file.Files.writeString(
        cards,
        "Chloroplast\tWhere photosynthesis happens\nMitochondrion\tWhere respiration happens\n"
            + "Stoma\tA pore that lets gases in and out\nXylem\tVessels that carry water up from the roots\n");
    teacher.driver.findElement(org.openqa.selenium.By.id("import-file")).sendKeys(cards.toString());
    teacher.textOf("#editor-message", "Added 4 questions");
    assertThat(
            api.get("/api/decks/" + deck + "/questions", token).bodyAsJsonArray().stream()
                .map(JsonObject.class::cast)
                .filter(q -> "added".equals(q.getString("origin")))
                .count())
        .isEqualTo(4);
    assertThat(teacher.textOf("#editor-list", "Respiration").indexOf("Respiration"))
        .as("the editor lists the topics in the new order")
        .isLessThan(teacher.textOf("#editor-list", "Photosynthesis").indexOf("Photosynthesis"));
  }
}
