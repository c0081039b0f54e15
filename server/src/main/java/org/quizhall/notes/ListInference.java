package org.quizhall.notes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Restores the nesting of a flat outline section, where every bullet sits at one level: a lead-in
 * bullet takes the short items after it, and a short fragment followed by full statements takes
 * those statements as its elaboration.
 */
final class ListInference {

  private static final Pattern VERSUS = Pattern.compile("(?i)\\s+vs\\.?\\s+");

  private final List<RawItem> flat;
  private final Set<String> versus;

  /**
   * A heading like "Spark Components" is the lead-in itself, so plural bullets under it are items.
   */
  private final boolean headingIntroducesList;

  private ListInference(List<RawItem> flat, String heading) {
    this.flat = flat;
    this.versus = versusNames(heading);
    BulletShape h = heading == null ? null : BulletShape.of(heading);
    this.headingIntroducesList = h != null && (h.mentionsPlural() || h.strongLeadIn());
  }

  static List<RawItem> nest(List<RawItem> flat, String heading) {
    return new ListInference(flat, heading).nest();
  }

  private List<RawItem> nest() {
    List<RawItem> top = new ArrayList<>();
    RawItem lead = null;
    boolean leadTakesAnything = false;
    RawItem lastItem = null;
    RawItem elaborated = null;
    int runOfItems = 0;
    for (int i = 0; i < flat.size(); i++) {
      RawItem b = flat.get(i);
      RawItem next = at(i + 1);
      BulletShape shape = b.shape();
      if (shape.isEtc()) {
        if (lead != null) {
          lead.open = true;
          lead = null;
          lastItem = null;
        } else {
          top.add(b);
        }
        continue;
      }
      boolean card = isCard(b);
      boolean startsList = !card && startsList(i, lead != null);
      if (lead != null && !startsList) {
        boolean subTopic =
            !leadTakesAnything
                && shape.pluralLeadIn()
                && next != null
                && next.shape().isStatement();
        if (!subTopic && (card || leadTakesAnything || shape.isItemLike())) {
          lead.children.add(b);
          lastItem = b;
          continue;
        }
        if (!subTopic
            && lastItem != null
            && next != null
            && next.shape().isItemLike()
            && !startsList(i + 1, true)) {
          lastItem.children.add(b);
          continue;
        }
      }
      lead = null;
      lastItem = null;
      if (startsList) {
        b.leadIn = true;
        lead = b;
        leadTakesAnything = shape.endsWithColon() || versus.contains(key(shape.core()));
        elaborated = null;
        top.add(b);
        continue;
      }
      // A point named by an activity ends the elaboration of the point before it, once that has
      // statements
      // of its own, and takes the statements after it.
      boolean gerund = elaborated != null && !elaborated.children.isEmpty() && gerundPoint(shape);
      if (elaborated != null && shape.isStatement() && !card && !gerund) {
        elaborated.children.add(b);
        runOfItems = 0;
        continue;
      }
      // "Atomicity, Consistency, Isolation, Durability" then two statements: the last of a run of
      // three or more
      // items is one of them, not a subject the statements after it elaborate (after two, it may
      // still be).
      boolean endsARun = runOfItems >= 2;
      top.add(b);
      elaborated =
          !card
                  && (shape.isItemLike() || gerund)
                  && next != null
                  && next.shape().isStatement()
                  && !isCard(next)
                  && !NOT_SUBJECTS.contains(firstWord(shape))
                  && !endsARun
                  && !saysSomething(b.text)
              ? b
              : null;
      runOfItems = !card && shape.isItemLike() ? runOfItems + 1 : 0;
    }
    return top;
  }

  /**
   * "Unlimited scalability (soft limit of 1000 concurrent)": a point whose remark in brackets
   * states something of its own, a number or a phrase, is a point made, not a subject the
   * statements after it describe ("Elastic MapReduce (EMR)" still is one).
   */
  static boolean saysSomething(String text) {
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close < open) {
      return false;
    }
    String remark = text.substring(open + 1, close).strip().toLowerCase(Locale.ROOT);
    String[] words = remark.split("\\s+");
    boolean number = false;
    for (String w : words) {
      number |=
          !w.isEmpty() && w.chars().allMatch(c -> Character.isDigit(c) || c == ',' || c == '.');
    }
    boolean limit = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      String next = i + 1 < words.length ? words[i + 1] : "";
      limit |=
          LIMIT_WORDS.contains(w)
              || (w.equals("up") && next.equals("to"))
              || (w.equals("at") && (next.equals("most") || next.equals("least")));
    }
    boolean alias =
        words[0].equals("formerly")
            || words[0].equals("aka")
            || words[0].equals("a.k.a.")
            || remark.startsWith("also known as")
            || remark.startsWith("also called");
    // "(soft limit of 1000 concurrent)", "(up to 7 days)", "(data are span multiple instances)":
    // something said; "(EC2)", "(S3)", "(formerly Kinesis Firehose)" only name the point.
    return !alias && (limit || (number && words.length >= 2) || words.length >= 3);
  }

  private static final Set<String> LIMIT_WORDS =
      Set.of("limit", "limits", "max", "maximum", "min", "minimum", "default", "per");

  /**
   * Words a point starts with, not a thing: "No downtime" is a point of its own, not the subject of
   * the next.
   */
  private static final Set<String> NOT_SUBJECTS =
      Set.of("no", "not", "only", "never", "always", "fully", "highly", "easily", "automatically");

  private static final Set<String> AUXILIARIES =
      Set.of(
          "is", "are", "was", "were", "can", "will", "has", "have", "does", "do", "must", "should",
          "may");

  /**
   * "Using other ETL engines than Spark" under Anti-patterns: a point of its own named by an
   * activity, like "Streaming data" before it, not a statement about the point above it.
   */
  private static boolean gerundPoint(BulletShape shape) {
    String first = firstWord(shape);
    if (first.length() < 5 || !first.endsWith("ing") || shape.wordCount() > 8) {
      return false;
    }
    for (String w : shape.core().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (AUXILIARIES.contains(w)) {
        return false;
      }
    }
    return true;
  }

  private static String firstWord(BulletShape shape) {
    String core = shape.core().strip();
    int space = core.indexOf(' ');
    return (space < 0 ? core : core.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  private RawItem at(int i) {
    return i < flat.size() ? flat.get(i) : null;
  }

  private static boolean isCard(RawItem item) {
    return item.card().isPresent();
  }

  private boolean isItem(RawItem item) {
    return item != null && !item.shape().isEtc() && (isCard(item) || item.shape().isItemLike());
  }

  private boolean startsList(int i, boolean insideList) {
    RawItem b = flat.get(i);
    RawItem next = at(i + 1);
    if (next == null || next.shape().isEtc()) {
      return false;
    }
    BulletShape shape = b.shape();
    BulletShape following = next.shape();
    if (shape.endsWithColon() || versus.contains(key(shape.core()))) {
      return true;
    }
    boolean strong = shape.strongLeadIn();
    if (!strong && (!shape.pluralLeadIn() || headingIntroducesList)) {
      return false;
    }
    if (!isItem(next) || following.strongLeadIn() && !isCard(next)) {
      return false;
    }
    if (strong) {
      return true;
    }
    return !(insideList && following.pluralLeadIn()) && isItem(at(i + 2));
  }

  private static Set<String> versusNames(String heading) {
    if (heading == null || !VERSUS.matcher(heading).find()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (String part : VERSUS.split(heading)) {
      names.add(key(part));
    }
    return names;
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
