package org.quizhall.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gives every line of a section its {@link NodeKind}, once nesting is known. */
final class SectionClassifier {

  private static final Pattern NAME_WITH_GLOSS = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");
  private static final Pattern ANTI_PATTERN =
      Pattern.compile(
          "(?i)anti[- ]?patterns?|pitfalls?|don'?ts|not recommended|when not to use|misuses?");

  private SectionClassifier() {}

  /** Nodes with their kind decided, but without paths yet. */
  record Classified(
      NodeKind kind,
      String text,
      int line,
      List<Classified> children,
      Definition definition,
      Cloze cloze,
      boolean open) {}

  /** The heading's own list: set when the heading itself introduces the items that follow it. */
  record Section(List<Classified> nodes, boolean open) {}

  static boolean isAntiPatternHeading(String heading) {
    return heading != null && ANTI_PATTERN.matcher(heading).find();
  }

  static Section classify(String heading, List<RawItem> items, boolean headingOpen) {
    boolean open = headingOpen;
    List<RawItem> kept = new ArrayList<>();
    for (RawItem item : items) {
      if (!item.prose && item.shape().isEtc()) {
        open = true;
      } else {
        kept.add(item);
      }
    }
    items = kept;
    boolean headingList = headingList(heading, items);
    List<Classified> out = new ArrayList<>();
    for (RawItem item : items) {
      boolean asItem = headingList && !item.prose && item.shape().isItemLike();
      out.add(node(item, asItem, false));
    }
    return new Section(expandCommaList(out, headingList), open && headingList);
  }

  /** A section whose bullets are mostly short items is itself a list headed by the heading. */
  private static boolean headingList(String heading, List<RawItem> items) {
    if (heading == null) {
      return false;
    }
    int itemLike = 0;
    int statements = 0;
    int withChildren = 0;
    int cards = 0;
    RawItem first = null;
    for (RawItem item : items) {
      if (item.prose) {
        continue;
      }
      if (item.card().isPresent()) {
        cards++;
        continue;
      }
      if (first == null) {
        first = item;
      }
      if (item.shape().isItemLike()) {
        itemLike++;
        if (!item.children.isEmpty()) {
          withChildren++;
        }
      } else {
        statements++;
      }
    }
    if (itemLike < 2 || cards >= itemLike || first == null || !first.shape().isItemLike()) {
      return false;
    }
    return isAntiPatternHeading(heading)
        || statements * 3 <= itemLike && withChildren * 3 <= itemLike;
  }

  private static Classified node(RawItem item, boolean asListItem, boolean underElaboratedParent) {
    var card = item.card();
    boolean listParent = !card.isPresent() && isListParent(item);
    List<Classified> children = new ArrayList<>();
    for (RawItem child : item.children) {
      if (!child.prose && child.shape().isEtc()) {
        item.open = true;
        continue;
      }
      boolean childItem = listParent && !child.prose;
      children.add(node(child, childItem, !listParent));
    }
    if (listParent) {
      children = expandCommaList(children, true);
    }
    if (card.isPresent()) {
      if (card.get() instanceof CardSyntax.DefinitionCard d) {
        return new Classified(
            NodeKind.DEFINITION, item.text, item.line, children, d.definition(), null, false);
      }
      Cloze cloze = ((CardSyntax.ClozeCard) card.get()).cloze();
      return new Classified(NodeKind.CLOZE, cloze.text(), item.line, children, null, cloze, false);
    }
    BulletShape shape = item.shape();
    NodeKind kind;
    if (asListItem) {
      kind = NodeKind.LIST_ITEM;
    } else if (listParent) {
      kind = NodeKind.LIST_LEAD_IN;
    } else if (shape.isStatement()) {
      kind = NodeKind.STATEMENT;
    } else {
      Definition gloss = nameWithGloss(item.text);
      if (gloss != null && !underElaboratedParent) {
        return new Classified(
            NodeKind.DEFINITION, item.text, item.line, children, gloss, null, false);
      }
      kind = NodeKind.NOTE;
    }
    return new Classified(kind, item.text, item.line, children, null, null, item.open);
  }

  private static boolean isListParent(RawItem item) {
    if (item.leadIn || item.inferred) {
      return item.leadIn && !item.children.isEmpty();
    }
    List<RawItem> bullets = item.children.stream().filter(c -> !c.prose).toList();
    if (bullets.isEmpty()) {
      return false;
    }
    BulletShape shape = item.shape();
    if (shape.strongLeadIn() || shape.pluralLeadIn() && bullets.size() >= 2) {
      return true;
    }
    long itemLike = bullets.stream().filter(c -> c.shape().isItemLike()).count();
    return bullets.size() >= 2 && itemLike * 3 >= bullets.size() * 2;
  }

  /** "Destinations" followed by the single bullet "S3, RDS, DynamoDB" is a list of three. */
  private static List<Classified> expandCommaList(List<Classified> children, boolean isList) {
    List<Classified> items = children.stream().filter(c -> c.kind() == NodeKind.LIST_ITEM).toList();
    if (!isList || items.size() != 1 || !BulletShape.of(items.get(0).text()).isCommaList()) {
      return children;
    }
    List<Classified> out = new ArrayList<>();
    for (Classified c : children) {
      if (c != items.get(0)) {
        out.add(c);
        continue;
      }
      for (String part : BulletShape.of(c.text()).commaParts()) {
        out.add(new Classified(NodeKind.LIST_ITEM, part, c.line(), List.of(), null, null, false));
      }
    }
    return out;
  }

  /** "Mahout (machine learning library)": a name glossed in parentheses reads as a definition. */
  private static Definition nameWithGloss(String text) {
    Matcher m = NAME_WITH_GLOSS.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).strip();
    String gloss = m.group(2).strip();
    BulletShape nameShape = BulletShape.of(name);
    if (!nameShape.isNameLike()
        || gloss.isEmpty()
        || Character.isDigit(gloss.charAt(0))
        || gloss.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))
        || gloss.equalsIgnoreCase("old")
        || gloss.equalsIgnoreCase("new")) {
      return null;
    }
    return new Definition(name, gloss, CardStyle.GLOSSARY);
  }
}
