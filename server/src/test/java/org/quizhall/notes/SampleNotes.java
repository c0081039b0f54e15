package org.quizhall.notes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the shipped sample deck and the hand-written test notes from the classpath. */
public final class SampleNotes {

  public static final String AWS = "/samples/aws-big-data-processing.txt";

  private SampleNotes() {}

  public static String read(String resource) {
    try (InputStream in = SampleNotes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TopicTree aws() {
    return NotesImporter.parse(read(AWS));
  }
}
