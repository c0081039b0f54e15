package org.quizhall.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /** Imports each sample not yet in the database, one after another. */
  static io.vertx.core.Future<Void> importAll(Decks decks) {
    io.vertx.core.Future<Void> done = io.vertx.core.Future.succeededFuture();
    for (Sample sample : SAMPLES) {
      done =
          done.compose(
              v ->
                  decks
                      .importSample(sample.key(), sample.title(), read(sample.resource()))
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
