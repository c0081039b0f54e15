package org.quizhall.deck;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.SampleNotes;

/**
 * Builds a blind comparison: a round of Quizhall's questions from each of three corpus files beside
 * as many items an exam writer wrote by hand from the same files, shuffled, with the key to who
 * wrote which kept apart. Run with the reference items and an output folder; a reviewer who is told
 * nothing of the key then grades {@code mix.jsonl}.
 */
public final class BlindMix {

  static final List<String> FILES =
      List.of(
          "/samples/aws-big-data-processing.txt",
          "/notes/cell-biology.md",
          "/notes/science-tables.md");
  static final int PER_FILE = 20;

  private BlindMix() {}

  /**
   * One question as the grader sees it: what a player is shown, and the key. No kind, no id, no
   * source line.
   */
  static JsonObject item(String notes, Question q) {
    JsonObject json =
        new JsonObject()
            .put("notes", notes)
            .put("type", q.type().jsonName())
            .put("context", String.join(" › ", q.context()))
            .put("prompt", q.prompt());
    switch (q.type()) {
      case TYPED -> json.put("accepted", new JsonArray(q.accepted()));
      case MULTIPLE_CHOICE, TRUE_FALSE ->
          json.put("options", new JsonArray(q.options())).put("correct", q.correct());
      case MULTIPLE_RESPONSE ->
          json.put("options", new JsonArray(q.options())).put("correct", new JsonArray(q.keys()));
      case ORDERING ->
          json.put("items", new JsonArray(q.servedTexts()))
              .put("correct_order", new JsonArray(q.options()));
      case MATCHING -> {
        JsonArray pairs = new JsonArray();
        for (int i = 0; i < q.options().size(); i++) {
          pairs.add(
              new JsonObject().put("left", q.options().get(i)).put("right", q.matches().get(i)));
        }
        json.put("right_shuffled", new JsonArray(q.servedTexts())).put("correct_pairs", pairs);
      }
    }
    return json;
  }

  public static void main(String[] args) throws Exception {
    List<JsonObject> reference =
        Files.readAllLines(Path.of(args[0])).stream()
            .filter(l -> !l.isBlank())
            .map(JsonObject::new)
            .toList();
    Path out = Files.createDirectories(Path.of(args[1]));
    Random random = new Random(20261202L);
    List<JsonObject[]> mixed = new ArrayList<>();
    for (String file : FILES) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      GeneratedDeck deck = DeckGenerator.generate(NotesImporter.parse(SampleNotes.read(file)), 5L);
      List<Question> round = RoundAssembler.assemble(deck.questions(), PER_FILE, Set.of(), 11L);
      for (Question q : round) {
        mixed.add(
            new JsonObject[] {
              item(name, q), new JsonObject().put("source", "quizhall").put("kind", q.kind())
            });
      }
      List<JsonObject> theirs =
          new ArrayList<>(
              reference.stream().filter(r -> r.getString("notes").equals(name)).toList());
      Collections.shuffle(theirs, random);
      for (JsonObject r : theirs.subList(0, Math.min(round.size(), theirs.size()))) {
        JsonObject shown =
            new JsonObject()
                .put("notes", r.getString("notes"))
                .put("type", r.getString("type"))
                .put("context", r.getString("context", ""))
                .mergeIn(r);
        shown.remove("tests_understanding");
        mixed.add(
            new JsonObject[] {
              shown,
              new JsonObject()
                  .put("source", "reference")
                  .put("tests_understanding", r.getBoolean("tests_understanding"))
            });
      }
    }
    Collections.shuffle(mixed, random);
    StringBuilder mix = new StringBuilder();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < mixed.size(); i++) {
      mix.append(mixed.get(i)[0].copy().put("item", i + 1).encode()).append('\n');
      key.append(new JsonObject().put("item", i + 1).mergeIn(mixed.get(i)[1]).encode())
          .append('\n');
    }
    Files.writeString(out.resolve("mix.jsonl"), mix, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("key.jsonl"), key, StandardCharsets.UTF_8);
  }
}
