package org.quizhall.deck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizhall.notes.TopicNode;

/**
 * What a deck holds after its notes are imported again. The generator's questions replace its old
 * ones (a question from an unchanged line keeps its id, so one the owner hid stays hidden); an
 * owner's edit stays in place of the generated question while the fact it was made from is in the
 * notes word for word, and otherwise stays beside the new questions marked for review with the old
 * and the new text; questions written by hand always stay. Nothing the owner wrote is dropped.
 */
final class Reimport {

  private Reimport() {}

  /**
   * @param generated the new questions with the facts they rest on, in deck order
   * @param kept the old deck's edited, hand-written and hidden questions, in deck order
   */
  static List<DeckQuestion> merge(
      List<DeckQuestion> generated, NotesFacts facts, List<DeckQuestion> kept) {
    Set<String> hidden = new HashSet<>();
    Map<String, DeckQuestion> edits = new HashMap<>();
    List<DeckQuestion> left = new ArrayList<>();
    Map<String, DeckQuestion> byId = new HashMap<>();
    generated.forEach(g -> byId.put(g.id(), g));
    for (DeckQuestion old : kept) {
      switch (old.origin()) {
        case GENERATED -> hidden.add(old.id());
        case ADDED -> {
          // A question the owner kept after its line went may carry the id the generator gives that
          // line, should the
          // line come back: the owner's question stands in the generated one's place.
          if (byId.containsKey(old.id())) {
            edits.put(old.id(), old);
          } else {
            left.add(old);
          }
        }
        case EDITED -> {
          // The generated question it stands in for: the one of its own id, or the one its line was
          // rewritten into
          // at an earlier re-import (its generated version's id).
          String place =
              byId.containsKey(old.id())
                  ? old.id()
                  : old.original() != null && byId.containsKey(old.original().id())
                      ? old.original().id()
                      : null;
          DeckQuestion now = carried(old, facts, place == null ? null : byId.get(place));
          if (place != null) {
            // In the generated question's place: kept as is, or (when the generator made that
            // question again from
            // a line that changed under it) waiting for review, where reverting it gives the new
            // version.
            edits.put(place, now);
            continue;
          }
          DeckQuestion sibling =
              now.review() != null && now.review().line() > 0
                  ? successor(generated, now, edits.keySet())
                  : null;
          if (sibling != null) {
            // Its line was rewritten, so the generator made the question again under a new id: the
            // edit takes that
            // question's place, waiting for review, with it as the version reverting gives.
            // Otherwise both would be
            // asked, the owner's fix and the unfixed question beside it.
            edits.put(
                sibling.id(),
                new DeckQuestion(
                    now.question(),
                    now.origin(),
                    now.hidden(),
                    now.fact(),
                    sibling.question(),
                    now.review(),
                    now.editedAt()));
          } else {
            left.add(now);
          }
        }
      }
    }
    List<DeckQuestion> out = new ArrayList<>(generated.size() + left.size());
    Set<String> placed = new LinkedHashSet<>();
    for (DeckQuestion g : generated) {
      DeckQuestion edit = edits.get(g.id());
      DeckQuestion row = edit != null ? edit : hidden.contains(g.id()) ? g.withHidden(true) : g;
      if (placed.add(row.id())) {
        out.add(row);
      }
    }
    for (DeckQuestion row : left) {
      if (placed.add(row.id())) {
        out.add(row);
      }
    }
    return out;
  }

  /**
   * The generated question of the same kind from the line an edit's fact was rewritten as, if the
   * edit claims none.
   */
  private static DeckQuestion successor(
      List<DeckQuestion> generated, DeckQuestion edit, Set<String> claimed) {
    for (DeckQuestion g : generated) {
      if (g.question().source().line() == edit.review().line()
          && g.question().kind().equals(edit.question().kind())
          && !claimed.contains(g.id())) {
        return g;
      }
    }
    return null;
  }

  /**
   * An edited question after the re-import: following its fact to its new line, or marked for
   * review.
   */
  private static DeckQuestion carried(
      DeckQuestion old, NotesFacts facts, DeckQuestion regenerated) {
    if (old.fact() == null) {
      return old;
    }
    Question original = regenerated != null ? regenerated.question() : old.original();
    TopicNode same = facts.unchanged(old.fact());
    if (same != null) {
      Source from =
          regenerated != null && regenerated.fact().equals(old.fact())
              ? regenerated.question().source()
              : new Source(same.line(), same.text(), old.question().source().path());
      return new DeckQuestion(
          old.question().withSource(from),
          DeckQuestion.Origin.EDITED,
          old.hidden(),
          old.fact(),
          original,
          null,
          old.editedAt());
    }
    TopicNode rewritten = facts.rewritten(old.fact(), old.question().source().path());
    DeckQuestion.Review review =
        rewritten == null
            ? new DeckQuestion.Review("gone", old.fact(), null, 0)
            : new DeckQuestion.Review(
                "changed", old.fact(), facts.factOf(rewritten), rewritten.line());
    return new DeckQuestion(
        old.question(),
        DeckQuestion.Origin.EDITED,
        old.hidden(),
        old.fact(),
        original,
        review,
        old.editedAt());
  }
}
