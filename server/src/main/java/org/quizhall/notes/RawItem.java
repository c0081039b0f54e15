package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;

/** A bullet or paragraph line while its place in the tree is still being worked out. */
final class RawItem {
  final String text;
  final int line;

  /** From running prose rather than a bullet: never a list item. */
  final boolean prose;

  final List<RawItem> children = new ArrayList<>();

  /** Nesting inferred from wording: this line introduces the list that follows it. */
  boolean leadIn;

  /**
   * Nesting came from {@link ListInference} rather than indentation, so only {@link #leadIn} marks
   * a list.
   */
  boolean inferred;

  /** The list below this line ended with "etc.". */
  boolean open;

  private BulletShape shape;
  private java.util.Optional<CardSyntax.Card> card;

  /** The shape of {@link #text}, computed once since inference asks for it repeatedly. */
  BulletShape shape() {
    if (shape == null) {
      shape = BulletShape.of(text);
    }
    return shape;
  }

  java.util.Optional<CardSyntax.Card> card() {
    if (card == null) {
      card = CardSyntax.read(text);
    }
    return card;
  }

  RawItem(String text, int line, boolean prose) {
    this.text = text;
    this.line = line;
    this.prose = prose;
  }
}
