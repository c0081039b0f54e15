package org.quizhall.deck;

import java.util.List;

/** Where a question came from: 1-based line, the line's text, and its heading path. */
public record Source(int line, String text, List<String> path) {
  public Source {
    path = List.copyOf(path);
  }
}
