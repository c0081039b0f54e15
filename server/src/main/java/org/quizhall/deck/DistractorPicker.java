package org.quizhall.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Picks wrong options: closest tier first (e.g. sibling lists before unrelated ones), within a tier
 * those of similar length to the answer, never two that read the same once case and punctuation are
 * ignored.
 */
final class DistractorPicker {

  private DistractorPicker() {}

  static List<String> pick(
      String answer,
      List<List<String>> tiers,
      Predicate<String> allowed,
      int count,
      Random random) {
    Set<String> used = new HashSet<>();
    used.add(NotesIndex.norm(answer));
    List<String> out = new ArrayList<>();
    for (List<String> tier : tiers) {
      for (String c : byLengthGap(answer, tier, random)) {
        if (out.size() == count) {
          return out;
        }
        String n = NotesIndex.norm(c);
        if (n.isEmpty()
            || used.contains(n)
            || !similarLength(answer, c)
            || !out.stream().allMatch(o -> similarLength(o, c))
            || !allowed.test(c)) {
          continue;
        }
        used.add(n);
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The tier shuffled, then stably grouped by how close each candidate's length is to the answer's.
   */
  private static List<String> byLengthGap(String answer, List<String> tier, Random random) {
    List<List<String>> buckets = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (String c : sample(tier, random)) {
      buckets.get(lengthGap(answer, c)).add(c);
    }
    List<String> out = new ArrayList<>(tier.size());
    for (List<String> bucket : buckets) {
      Collections.shuffle(bucket, random);
      out.addAll(bucket);
    }
    return out;
  }

  /** Large tiers (long notes) are sampled: three options never need hundreds of candidates. */
  private static List<String> sample(List<String> tier, Random random) {
    if (tier.size() <= SAMPLE) {
      return tier;
    }
    java.util.Set<Integer> picked = new java.util.LinkedHashSet<>();
    while (picked.size() < SAMPLE) {
      picked.add(random.nextInt(tier.size()));
    }
    List<String> out = new ArrayList<>(SAMPLE);
    for (int i : picked) {
      out.add(tier.get(i));
    }
    return out;
  }

  private static final int SAMPLE = 96;

  /** Coarse buckets so that shuffling still decides among options of roughly equal length. */
  private static int lengthGap(String a, String b) {
    double ratio =
        (double) Math.max(a.length(), b.length()) / Math.max(1, Math.min(a.length(), b.length()));
    return ratio <= 1.6 ? 0 : ratio <= 2.5 ? 1 : 2;
  }

  /** Whether no two of the options differ in length more than {@link #similarLength} allows. */
  static boolean similarLengths(List<String> options) {
    String shortest = null;
    String longest = null;
    for (String o : options) {
      shortest = shortest == null || o.length() < shortest.length() ? o : shortest;
      longest = longest == null || o.length() > longest.length() ? o : longest;
    }
    return shortest == null || similarLength(shortest, longest);
  }

  static boolean similarLength(String a, String b) {
    int x = Math.min(a.length(), b.length());
    int y = Math.max(a.length(), b.length());
    return y <= 3 * x + 8;
  }
}
