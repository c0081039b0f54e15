package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizhall.testing.Api.errorCode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.app.Quizhall;
import org.quizhall.notes.TestDocuments;
import org.quizhall.notes.TestDocuments.Item;
import org.quizhall.notes.TestDocuments.Para;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestServer;

@ExtendWith(VertxExtension.class)
@DisplayName("Decks from uploaded files")
class DeckUploadApiTest {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static final List<Para> CELL_BIOLOGY =
      List.of(
          Para.heading(1, "Cell biology"),
          Para.bullet(0, "Mitochondria produce ATP for the cell"),
          Para.bullet(1, "They have their own DNA"),
          Para.bullet(0, "Ribosomes build proteins from amino acids"),
          Para.bullet(0, "The nucleus holds the genetic material"),
          Para.heading(2, "Membrane transport"),
          Para.bullet(0, "Diffusion moves molecules down a concentration gradient"),
          Para.bullet(0, "Osmosis is the diffusion of water across a membrane"),
          Para.bullet(0, "Active transport uses energy to move molecules against a gradient"),
          Para.heading(2, "Organelles"));

  private static final List<List<String>> ORGANELLES =
      List.of(
          List.of("Organelle", "Job"),
          List.of("Nucleus", "holds the DNA"),
          List.of("Mitochondrion", "releases energy from food"),
          List.of("Ribosome", "builds proteins"),
          List.of("Chloroplast", "captures light for photosynthesis"),
          List.of("Vacuole", "stores water and salts"));

  private static final String HTML =
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Ignored</title></head><body>
      <h1>The water cycle</h1>
      <h2>Stages</h2>
      <ul>
        <li>Evaporation turns liquid water into vapour</li>
        <li>Condensation forms clouds from vapour</li>
        <li>Precipitation returns water to the ground as rain or snow</li>
        <li>Collection gathers water in rivers, lakes and oceans</li>
      </ul>
      <h2>Reservoirs</h2>
      <table>
        <tr><th>Reservoir</th><th>Share of Earth's water</th></tr>
        <tr><td>Oceans</td><td>97 percent</td></tr>
        <tr><td>Ice caps and glaciers</td><td>2 percent</td></tr>
        <tr><td>Groundwater</td><td>0.6 percent</td></tr>
        <tr><td>Lakes and rivers</td><td>0.02 percent</td></tr>
      </table>
      </body></html>
      """;

  private static Quizhall quizhall;
  private static Api api;
  private static String teacher;

  @BeforeAll
  static void start(Vertx vertx) {
    quizhall = TestServer.start(new TestClock(Instant.parse("2026-12-03T08:00:00Z")));
    api = new Api(vertx, quizhall.httpPort());
    teacher = api.signUpAndIn("uploading_teacher", "files of notes");
  }

  @AfterAll
  static void stop() {
    api.close();
    quizhall.close();
  }

  private static HttpResponse<Buffer> upload(String fileName, String mediaType, byte[] bytes) {
    return upload(fileName, mediaType, bytes, Map.of());
  }

  private static HttpResponse<Buffer> upload(
      String fileName, String mediaType, byte[] bytes, Map<String, String> fields) {
    return api.upload(HttpMethod.POST, "/api/decks", teacher, fileName, mediaType, bytes, fields);
  }

  private static JsonArray questions(String deckId) {
    return api.get("/api/decks/" + deckId + "/questions", teacher).bodyAsJsonArray();
  }

  private static String notes(String deckId) {
    return api.get("/api/decks/" + deckId + "/notes", teacher)
        .bodyAsJsonObject()
        .getString("notes");
  }

  /**
   * Everything a player and the owner read of the questions: prompts, options, answers,
   * explanations, sources.
   */
  private static String everything(JsonArray questions) {
    return questions.encode();
  }

  @Test
  @DisplayName(
      "a Word file becomes a deck named after it: questions sit under its headings and come from its list and table")
  void word() {
    HttpResponse<Buffer> created =
        upload("cell-biology.docx", DOCX, TestDocuments.docx(CELL_BIOLOGY, ORGANELLES));

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject deck = created.bodyAsJsonObject();
    assertThat(deck.getString("title")).isEqualTo("cell-biology");
    assertThat(deck.getJsonArray("topics").getList()).contains("Membrane transport", "Organelles");
    JsonArray questions = questions(deck.getString("id"));
    assertThat(questions).hasSize(deck.getInteger("questionCount"));
    List<JsonObject> all = questions.stream().map(JsonObject.class::cast).toList();
    assertThat(all)
        .as("questions placed under the document's headings")
        .anyMatch(
            q -> q.getJsonObject("source").getJsonArray("path").contains("Membrane transport"))
        .allMatch(
            q ->
                q.getJsonObject("source")
                    .getJsonArray("path")
                    .getList()
                    .get(0)
                    .equals("Cell biology"));
    assertThat(everything(questions))
        .as("the list and the table were read")
        .contains("Osmosis")
        .contains("captures light for photosynthesis");
    assertThat(notes(deck.getString("id")))
        .as("the notes kept, for the owner to edit, as Markdown")
        .contains(
            "# Cell biology",
            "## Membrane transport",
            "- Osmosis is the diffusion of water across a membrane",
            "| Organelle | Job |",
            "| Chloroplast | captures light for photosynthesis |");
  }

  @Test
  @DisplayName("an OpenDocument text keeps its heading and its nested list")
  void openDocument() {
    byte[] odt =
        TestDocuments.odt(
            "Plant biology",
            List.of(
                Item.of(
                    "Leaves",
                    Item.of("Stomata: pores that let gases in and out"),
                    Item.of("Chlorophyll: the green pigment")),
                Item.of(
                    "Roots",
                    Item.of("Root hairs: they absorb water"),
                    Item.of("Xylem: carries water upwards")),
                Item.of(
                    "Flowers",
                    Item.of("Pollen: carries the male cells"),
                    Item.of("Ovary: holds the ovules"))));

    HttpResponse<Buffer> created =
        upload("plants.odt", "application/vnd.oasis.opendocument.text", odt);

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    assertThat(notes(id))
        .contains("# Plant biology", "- Leaves\n  - Stomata: pores that let gases in and out");
    assertThat(questions(id).stream().map(JsonObject.class::cast))
        .anyMatch(q -> q.getJsonObject("source").getJsonArray("path").contains("Plant biology"))
        .anyMatch(q -> q.encode().contains("the green pigment"));
  }

  @Test
  @DisplayName(
      "a PDF is read line by line; a title and public in the form name the deck and share it")
  void pdf() {
    byte[] pdf =
        TestDocuments.pdf(
            List.of(
                "Glossary",
                "ATP: the molecule cells use to carry energy",
                "DNA: the molecule that carries genes",
                "RNA: the molecule that copies genes",
                "Enzyme: a protein that speeds up reactions",
                "Osmosis: the diffusion of water through a membrane"));

    HttpResponse<Buffer> created =
        upload(
            "scan-free.pdf",
            "application/pdf",
            pdf,
            Map.of("title", "Biology words", "public", "true"));

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject deck = created.bodyAsJsonObject();
    assertThat(deck.getString("title")).isEqualTo("Biology words");
    assertThat(deck.getBoolean("public")).isTrue();
    assertThat(everything(questions(deck.getString("id")))).contains("speeds up reactions");
  }

  @Test
  @DisplayName("an HTML page gives its headings as topics and its list and table as questions")
  void html() {
    HttpResponse<Buffer> created =
        upload("water.html", "text/html", HTML.getBytes(StandardCharsets.UTF_8));

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject deck = created.bodyAsJsonObject();
    assertThat(deck.getString("title")).isEqualTo("water");
    String id = deck.getString("id");
    assertThat(notes(id))
        .contains(
            "# The water cycle",
            "- Condensation forms clouds from vapour",
            "| Oceans | 97 percent |")
        .doesNotContain("Ignored");
    assertThat(questions(id).stream().map(JsonObject.class::cast))
        .anyMatch(q -> q.getJsonObject("source").getJsonArray("path").contains("Stages"))
        .anyMatch(q -> q.encode().contains("Groundwater"));
  }

  @Test
  @DisplayName(
      "text and Markdown files are read as typed notes, strictly as UTF-8; the type comes from the bytes")
  void textFiles() {
    String notes =
        "# Photosynthesis\n- Takes place in the chloroplasts\n- Needs light, water and carbon dioxide\n"
            + "- Produces glucose and oxygen\n\nGlossary\n- ATP: the molecule cells use to carry energy\n"
            + "- Chlorophyll: the green pigment that absorbs light\n- Stomata: pores in leaves that let gases in and out\n";
    HttpResponse<Buffer> md =
        upload("photosynthesis.md", "text/markdown", notes.getBytes(StandardCharsets.UTF_8));
    assertThat(md.statusCode()).as(md.bodyAsString()).isEqualTo(201);
    assertThat(notes(md.bodyAsJsonObject().getString("id"))).isEqualTo(notes);

    HttpResponse<Buffer> txt =
        upload(
            "photosynthesis.txt",
            "application/octet-stream",
            ("\uFEFF" + notes).getBytes(StandardCharsets.UTF_8));
    assertThat(txt.statusCode()).as(txt.bodyAsString()).isEqualTo(201);

    HttpResponse<Buffer> latin1 =
        upload(
            "cafe.txt",
            "text/plain",
            "Caf\u00e9 notes\n- cr\u00e8me br\u00fbl\u00e9e is a dessert\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(latin1.statusCode()).isEqualTo(400);
    assertThat(errorCode(latin1)).isEqualTo("not_utf8");

    HttpResponse<Buffer> renamed =
        upload("notes.txt", "text/plain", TestDocuments.docx(CELL_BIOLOGY, ORGANELLES));
    assertThat(renamed.statusCode())
        .as("a Word file named .txt is still read as Word")
        .isEqualTo(201);
    assertThat(notes(renamed.bodyAsJsonObject().getString("id"))).contains("# Cell biology");
  }

  @Test
  @DisplayName("a password-protected PDF is refused with encrypted_file")
  void encrypted() {
    HttpResponse<Buffer> refused =
        upload(
            "locked.pdf",
            "application/pdf",
            TestDocuments.encryptedPdf(List.of("ATP: energy"), "secret"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(errorCode(refused)).isEqualTo("encrypted_file");
    assertThat(Api.errorMessage(refused)).contains("password");
  }

  @Test
  @DisplayName("a scanned PDF, only a picture, has no text: no_text, asking whether it is a scan")
  void noText() {
    HttpResponse<Buffer> refused =
        upload("scan.pdf", "application/pdf", TestDocuments.imageOnlyPdf());

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(errorCode(refused)).isEqualTo("no_text");
    assertThat(Api.errorMessage(refused)).contains("scan");
  }

  @Test
  @DisplayName(
      "a zip bomb (a 600 KB .docx whose text part inflates to 200 MB) is refused with file_too_complex, fast")
  void zipBomb() {
    byte[] bomb = TestDocuments.zipBombDocx(200L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(1024 * 1024);

    long started = System.nanoTime();
    HttpResponse<Buffer> refused = upload("bomb.docx", DOCX, bomb);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(422);
    assertThat(errorCode(refused)).isEqualTo("file_too_complex");
    assertThat(millis).as("refused well within the import deadline").isLessThan(5_000);
    assertThat(
            upload("cell-biology.docx", DOCX, TestDocuments.docx(CELL_BIOLOGY, ORGANELLES))
                .statusCode())
        .as("and the server reads the next file as usual")
        .isEqualTo(201);
  }

  @Test
  @DisplayName("a file whose text is over the 1 MiB notes limit is refused with notes_too_large")
  void textTooLarge() {
    String page =
        "<html><body><h1>Facts</h1>"
            + "<p>This is one more sentence of a long page about nothing in particular.</p>"
                .repeat(20_000)
            + "</body></html>";
    assertThat(page.length()).isBetween(1024 * 1024, 2 * 1024 * 1024);

    HttpResponse<Buffer> refused =
        upload("long.html", "text/html", page.getBytes(StandardCharsets.UTF_8));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(errorCode(refused)).isEqualTo("notes_too_large");
  }

  @Test
  @DisplayName(
      "a picture, a program and a damaged Word file are refused with what is wrong with each")
  void wrongFiles() {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1
    };
    HttpResponse<Buffer> picture = upload("notes.png", "image/png", png);
    assertThat(picture.statusCode()).isEqualTo(415);
    assertThat(errorCode(picture)).isEqualTo("unsupported_file");
    assertThat(Api.errorMessage(picture)).contains(".docx", ".pdf");

    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
    HttpResponse<Buffer> program = upload("notes.docx", DOCX, exe);
    assertThat(program.statusCode()).as("named .docx, but the bytes say otherwise").isEqualTo(415);
    assertThat(errorCode(program)).isEqualTo("unsupported_file");

    byte[] docx = TestDocuments.docx(CELL_BIOLOGY, ORGANELLES);
    HttpResponse<Buffer> damaged =
        upload("cut-short.docx", DOCX, java.util.Arrays.copyOf(docx, docx.length / 2));
    assertThat(damaged.statusCode()).as(damaged.bodyAsString()).isEqualTo(422);
    assertThat(errorCode(damaged)).isEqualTo("unreadable_file");
  }

  @Test
  @DisplayName(
      "a form without a file, with a bad field or from nobody signed in is refused; JSON bodies still work beside it")
  void formMistakes() {
    HttpResponse<Buffer> missing =
        api.sendForm(
            HttpMethod.POST,
            "/api/decks",
            teacher,
            io.vertx.ext.web.multipart.MultipartForm.create().attribute("title", "No file here"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(errorCode(missing)).isEqualTo("no_file");

    HttpResponse<Buffer> badPublic =
        upload(
            "cell-biology.docx",
            DOCX,
            TestDocuments.docx(CELL_BIOLOGY, ORGANELLES),
            Map.of("public", "maybe"));
    assertThat(badPublic.statusCode()).isEqualTo(400);
    assertThat(errorCode(badPublic)).isEqualTo("invalid_field");

    HttpResponse<Buffer> anonymous =
        api.upload(
            HttpMethod.POST,
            "/api/decks",
            null,
            "cell-biology.docx",
            DOCX,
            TestDocuments.docx(CELL_BIOLOGY, ORGANELLES),
            Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);

    HttpResponse<Buffer> json =
        api.postJson(
            "/api/decks",
            new JsonObject()
                .put("title", "Typed")
                .put(
                    "notes",
                    "Glossary\n- ATP: the molecule cells use to carry energy\n- DNA: the molecule that carries genes\n"
                        + "- RNA: the molecule that copies genes\n- Enzyme: a protein that speeds up reactions\n"),
            teacher);
    assertThat(json.statusCode()).as(json.bodyAsString()).isEqualTo(201);
  }

  @Test
  @DisplayName(
      "a deck is imported again from a file with PUT, keeping its title unless the form gives one")
  void reimport() {
    String id =
        api.postJson(
                "/api/decks",
                new JsonObject()
                    .put("title", "Cells")
                    .put(
                        "notes",
                        "# Cell biology\n- Mitochondria produce ATP for the cell\n- Ribosomes build proteins from amino acids\n"
                            + "- The nucleus holds the genetic material\n"),
                teacher)
            .bodyAsJsonObject()
            .getString("id");

    HttpResponse<Buffer> replaced =
        api.upload(
            HttpMethod.PUT,
            "/api/decks/" + id,
            teacher,
            "cell-biology.docx",
            DOCX,
            TestDocuments.docx(CELL_BIOLOGY, ORGANELLES),
            Map.of("title", "Cells"));

    assertThat(replaced.statusCode()).as(replaced.bodyAsString()).isEqualTo(200);
    assertThat(replaced.bodyAsJsonObject().getString("title")).isEqualTo("Cells");
    assertThat(notes(id)).contains("| Organelle | Job |");
    assertThat(everything(questions(id))).contains("captures light for photosynthesis");

    String other = api.signUpAndIn("not_the_owner", "hands off my deck");
    HttpResponse<Buffer> notTheirs =
        api.upload(
            HttpMethod.PUT,
            "/api/decks/" + id,
            other,
            "cell-biology.docx",
            DOCX,
            TestDocuments.docx(CELL_BIOLOGY, ORGANELLES),
            Map.of());
    assertThat(notTheirs.statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "a 50 MB upload is refused with file_too_large at once, from its headers, without the server reading it")
  void declaredTooLarge() throws IOException {
    long fifty = 50L * 1024 * 1024;
    try (Socket socket = new Socket("127.0.0.1", quizhall.httpPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long started = System.nanoTime();
      out.write(
          ("POST /api/decks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + teacher
                  + "\r\n"
                  + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
                  + fifty
                  + "\r\n\r\n"
                  + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                  + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Answer answer = Answer.read(socket.getInputStream());
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(answer.status()).isEqualTo(413);
      assertThat(new JsonObject(answer.body()).getJsonObject("error").getString("code"))
          .isEqualTo("file_too_large");
      assertThat(millis).isLessThan(3_000);
      assertThat(answer.closed())
          .as("the connection is closed rather than read to its end")
          .isTrue();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "in a form field named {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"file", "attachment"})
  @DisplayName(
      "an upload with no declared length is cut off with file_too_large once it passes 20 MB, whatever its field")
  void streamedTooLarge(String field) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", quizhall.httpPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/decks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + teacher
                  + "\r\n"
                  + "Content-Type: multipart/form-data; boundary=XyZ\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      chunk(
          out,
          ("--XyZ\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\"huge.txt\"\r\n"
                  + "Content-Type: text/plain\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] megabyte =
          "- one more line of a very long file\n"
              .repeat(30_000)
              .getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      try {
        while (sent < 60L * 1024 * 1024) {
          chunk(out, megabyte);
          sent += megabyte.length;
        }
      } catch (IOException closedByServer) {
        // The server stopped reading and closed the connection: what should happen.
      }
      Answer answer = Answer.read(socket.getInputStream());

      assertThat(answer.status()).isEqualTo(413);
      assertThat(new JsonObject(answer.body()).getJsonObject("error").getString("code"))
          .isEqualTo("file_too_large");
      assertThat(sent).as("cut off long before the 60 MB were sent").isLessThan(40L * 1024 * 1024);
    }
  }

  @Test
  @DisplayName(
      "while the files in flight fill the server's upload budget, one more is refused with 503 uploads_busy")
  void budget() throws IOException {
    long each = UploadForm.HELD_LIMIT / 8;
    List<Socket> waiting = new java.util.ArrayList<>();
    // Four accounts, two files each: no one account may send more than two at once.
    List<String> senders = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      senders.add(api.signUpAndIn("budget_sender_" + i, "a big file on its way"));
    }
    try {
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket("127.0.0.1", quizhall.httpPort());
        socket
            .getOutputStream()
            .write(
                ("POST /api/decks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + senders.get(i / 2)
                        + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
                        + each
                        + "\r\n\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.pdf\"\r\n\r\n%PDF-1.7\n")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        waiting.add(socket);
      }
      byte[] docx = TestDocuments.docx(CELL_BIOLOGY, ORGANELLES);
      HttpResponse<Buffer> refused = null;
      for (int tries = 0; tries < 50 && (refused == null || refused.statusCode() != 503); tries++) {
        // The eight are taken in as their sign-ins are checked: until then there is room.
        refused = upload("cell-biology.docx", DOCX, docx);
      }
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(errorCode(refused)).isEqualTo("uploads_busy");
      assertThat(refused.getHeader("Retry-After")).isNotNull();
    } finally {
      for (Socket socket : waiting) {
        socket.close();
      }
    }
    HttpResponse<Buffer> after = null;
    for (int tries = 0; tries < 50 && (after == null || after.statusCode() != 201); tries++) {
      after = upload("cell-biology.docx", DOCX, TestDocuments.docx(CELL_BIOLOGY, ORGANELLES));
      if (after.statusCode() != 201) {
        sleep(100);
      }
    }
    assertThat(after.statusCode()).as("the budget comes back when the uploads go").isEqualTo(201);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * An HTTP/1.1 answer read off a socket: status, body, and whether the server closed the
   * connection after it.
   */
  private record Answer(int status, String body, boolean closed) {
    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int headEnd = -1;
      int length = -1;
      boolean closed = false;
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (java.net.SocketTimeoutException stillOpen) {
          break;
        }
        if (n < 0) {
          closed = true;
          break;
        }
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && text.contains("\r\n\r\n")) {
          headEnd = text.indexOf("\r\n\r\n") + 4;
          String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
          int at = head.indexOf("content-length:");
          length = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).strip());
        }
        if (headEnd >= 0 && all.size() >= headEnd + length) {
          // The whole answer is here: wait a moment for the server to close the connection.
          closed = waitForClose(in);
          break;
        }
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      return new Answer(status, text.substring(headEnd, headEnd + length), closed);
    }

    private static boolean waitForClose(InputStream in) throws IOException {
      try {
        return in.read() < 0;
      } catch (java.net.SocketTimeoutException stillOpen) {
        return false;
      } catch (java.net.SocketException reset) {
        return true;
      }
    }
  }

  @Test
  @DisplayName(
      "an account sends at most two files at once: a third while two are on their way is told to wait")
  void twoAtATime() throws IOException {
    String sender = api.signUpAndIn("slow_sender", "sending files slowly");
    String head =
        "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.md\"\r\n"
            + "Content-Type: text/markdown\r\n\r\n# Cells\n- Mitochondria make ATP\n";
    List<Socket> slow = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Socket socket = new Socket("127.0.0.1", quizhall.httpPort());
      socket
          .getOutputStream()
          .write(
              ("POST /api/decks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                      + sender
                      + "\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 100000\r\n\r\n"
                      + head)
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      slow.add(socket);
    }
    // The two are read once their sender is known, which a third must not overtake.
    sleep(500);
    HttpResponse<Buffer> third = null;
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until) {
      third =
          api.send(
              io.vertx.core.http.HttpMethod.POST,
              "/api/decks",
              sender,
              "multipart/form-data; boundary=XX",
              Buffer.buffer(head + "\r\n--XX--\r\n"));
      if (third.statusCode() == 429) {
        break;
      }
    }
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(errorCode(third)).isEqualTo("uploads_busy");
    assertThat(
            api.postJson(
                    "/api/decks",
                    new JsonObject()
                        .put("title", "Typed")
                        .put(
                            "notes",
                            "Glossary\n- ATP: the molecule cells use to carry energy\n- DNA: the molecule that carries genes\n"
                                + "- RNA: the molecule that copies genes\n- Enzyme: a protein that speeds up reactions\n"),
                    sender)
                .statusCode())
        .as("notes typed in are not held back")
        .isEqualTo(201);
    for (Socket socket : slow) {
      socket.close();
    }
  }
}
