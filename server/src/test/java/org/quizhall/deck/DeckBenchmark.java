package org.quizhall.deck;

import java.util.ArrayList;
import java.util.List;
import org.quizhall.notes.NotesImporter;
import org.quizhall.notes.NotesLimits;
import org.quizhall.notes.SampleNotes;
import org.quizhall.notes.TopicTree;

/**
 * Times notes to deck (import plus generation) for the shipped sample and for 1 MiB of notes. Run
 * as a plain main class; a warm-up loop lets the JIT settle before the timed loop.
 */
public final class DeckBenchmark {

  private DeckBenchmark() {}

  public static void main(String[] args) {
    String sample = SampleNotes.read(SampleNotes.AWS);
    String large = largeNotes(sample);
    System.out.printf("sample: %d bytes, %d lines%n", sample.length(), sample.lines().count());
    System.out.printf("large:  %d bytes, %d lines%n", large.length(), large.lines().count());
    String topics = manyTopics(false);
    String antiPatterns = manyTopics(true);
    System.out.printf("topics: %d bytes, %d lines%n", topics.length(), topics.lines().count());
    System.out.printf(
        "topics with anti-patterns: %d bytes, %d lines%n",
        antiPatterns.length(), antiPatterns.lines().count());
    measure("sample notes -> deck", sample, 200, 200);
    measure("1 MiB notes  -> deck", large, 3, 5);
    measure("many topics  -> deck", topics, 3, 5);
    measure("anti-patterns -> deck", antiPatterns, 3, 5);
  }

  private static void measure(String label, String notes, int warmup, int runs) {
    int questions = 0;
    for (int i = 0; i < warmup; i++) {
      questions += DeckGenerator.generate(NotesImporter.parse(notes), i).questions().size();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      TopicTree tree = NotesImporter.parse(notes);
      GeneratedDeck deck = DeckGenerator.generate(tree, i);
      times.add((System.nanoTime() - start) / 1e6);
      questions = deck.questions().size();
    }
    times.sort(Double::compare);
    System.out.printf(
        "%s: %d questions, median %.1f ms, min %.1f ms, max %.1f ms%n",
        label, questions, times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
  }

  private static final String[] THINGS =
      ("stream queue table index cache shard replica bucket cluster node broker topic partition"
              + " ledger vault gateway router balancer pipeline crawler catalog notebook engine"
              + " store warehouse lake function trigger schedule window batch record metric alarm"
              + " log trace span agent worker scheduler executor driver")
          .split(" ");

  private static final String[] QUALITIES =
      ("fast durable managed serverless columnar relational distributed elastic regional global"
              + " encrypted private public cheap hot cold archived compressed sharded replicated")
          .split(" ");

  /**
   * Thousands of short topics, each a heading, what it is and a few facts (and, if asked, what it
   * is not for), up to the line limit: every topic is told apart from every other, the shape that
   * costs the topic and scenario questions most.
   */
  static String manyTopics(boolean antiPatterns) {
    java.util.Random random = new java.util.Random(7);
    StringBuilder out = new StringBuilder("# Services\n\n");
    for (int t = 1; ; t++) {
      StringBuilder part = new StringBuilder();
      String name = pick(THINGS, random);
      part.append("## ")
          .append(Character.toUpperCase(name.charAt(0)))
          .append(name.substring(1))
          .append("ix ")
          .append(t)
          .append('\n')
          .append("- A ")
          .append(pick(QUALITIES, random))
          .append(' ')
          .append(pick(THINGS, random))
          .append(" service\n");
      for (int i = 0, facts = 2 + random.nextInt(3); i < facts; i++) {
        part.append("- Keeps ")
            .append(pick(QUALITIES, random))
            .append(' ')
            .append(pick(THINGS, random))
            .append("s for ")
            .append(1 + random.nextInt(90))
            .append(" days in a ")
            .append(pick(QUALITIES, random))
            .append(' ')
            .append(pick(THINGS, random))
            .append('\n');
      }
      if (antiPatterns) {
        part.append("### Anti-patterns\n")
            .append("- ")
            .append(pick(QUALITIES, random))
            .append(' ')
            .append(pick(THINGS, random))
            .append("s\n")
            .append("- ")
            .append(pick(QUALITIES, random))
            .append(' ')
            .append(pick(THINGS, random))
            .append(" workloads\n");
      }
      part.append('\n');
      if (out.length() + part.length() > NotesLimits.MAX_BYTES
          || out.chars().filter(c -> c == '\n').count()
                  + part.chars().filter(c -> c == '\n').count()
              > NotesLimits.MAX_LINES) {
        return out.toString();
      }
      out.append(part);
    }
  }

  private static String pick(String[] words, java.util.Random random) {
    return words[random.nextInt(words.length)];
  }

  /**
   * Copies of the sample with numbered headings and longer bullets, up to 1 MiB within the line
   * limit.
   */
  static String largeNotes(String sample) {
    StringBuilder out = new StringBuilder();
    List<String> lines = sample.lines().toList();
    for (int copy = 1; ; copy++) {
      StringBuilder part = new StringBuilder();
      for (String line : lines.subList(2, lines.size())) {
        if (line.startsWith("- ")) {
          part.append(line)
              .append(
                  line.length() > 12 ? " as covered in study unit " + copy + " of the course" : "")
              .append('\n');
        } else {
          part.append(line).append(" (unit ").append(copy).append(")\n");
        }
      }
      if (out.length() + part.length() > NotesLimits.MAX_BYTES
          || out.chars().filter(c -> c == '\n').count() + lines.size() > NotesLimits.MAX_LINES) {
        return out.toString();
      }
      out.append(part);
    }
  }
}
