package org.quizhall.notes;

import java.util.List;

/** A line with its cloze markup removed and the positions of the hidden parts in {@code text}. */
public record Cloze(String text, List<Blank> blanks) {

  public Cloze {
    blanks = List.copyOf(blanks);
  }

  /** A hidden span of {@link Cloze#text()}, end exclusive. */
  public record Blank(int start, int end) {}

  public String answer(Blank blank) {
    return text.substring(blank.start(), blank.end());
  }
}
