package org.quizhall.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quizhall.deck.Decks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notes that ship with Quizhall, imported as public decks on first start. */
final class SampleDecks {

  private record Sample(String key, String title, String resource) {}

  private static final Sample[] SAMPLES = {
    new Sample(
        "aws-big-data-processing",
        "AWS Big Data: Processing",
        "samples/aws-big-data-processing.txt"),
  };

  private static final Logger log = LoggerFactory.getLogger(SampleDecks.class);

  private SampleDecks() {}

  /**
   * Imports each sample not yet in the database, one after another. The notes are read from the jar
   * on a worker: reading a file blocks.
   */
  static Future<Void> importAll(Vertx vertx, Decks decks) {
    return vertx.executeBlocking(SampleDecks::readAll).compose(notes -> importAll(decks, notes));
  }

  private static List<String> readAll() {
    List<String> notes = new ArrayList<>();
    for (Sample sample : SAMPLES) {
      notes.add(read(sample.resource()));
    }
    return notes;
  }

  private static Future<Void> importAll(Decks decks, List<String> notes) {
    Future<Void> done = Future.succeededFuture();
    for (int i = 0; i < SAMPLES.length; i++) {
      Sample sample = SAMPLES[i];
      String text = notes.get(i);
      done =
          done.compose(
              v ->
                  decks
                      .importSample(sample.key(), sample.title(), text)
                      .map(
                          imported -> {
                            if (imported) {
                              log.info("Imported the sample deck '{}'", sample.title());
                            }
                            return null;
                          }));
    }
    return done;
  }

  private static String read(String resource) {
    try (InputStream in = SampleDecks.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample notes " + resource + " are missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
