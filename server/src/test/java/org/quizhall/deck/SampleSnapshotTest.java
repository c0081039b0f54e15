package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.SampleNotes;

/**
 * The reviewed sample: questions from every corpus file as the generator makes them, each with a
 * reviewer's verdict. A change to any reviewed question fails here, so it is read and judged again
 * before the file is replaced.
 */
@DisplayName("The reviewed sample of generated questions")
class SampleSnapshotTest {

  private static final String VERDICT = "   Verdict: ";
  private static final Pattern COUNTS =
      Pattern.compile("# VERDICTS: FAIR (\\d+), WEAK (\\d+), UNFAIR (\\d+)");

  private static String file() {
    return SampleNotes.read("/notes/sample-snapshot.txt");
  }

  @Test
  @DisplayName("every reviewed question still reads exactly as it did when it was judged")
  void matchesReviewedSnapshot() {
    List<String> reviewed =
        file().lines().filter(l -> !l.startsWith("#") && !l.startsWith(VERDICT)).toList();
    assertThat(reviewed.get(0)).as("snapshot file has content").startsWith("1. ");
    assertThat(SampleSnapshot.render().lines().toList()).containsExactlyElementsOf(reviewed);
  }

  @Test
  @DisplayName(
      "every question has one verdict, at least 60 across the corpus, and the header counts them honestly")
  void verdicts() {
    List<String> lines = file().lines().filter(l -> !l.startsWith("#")).toList();
    Map<String, Integer> counts = new TreeMap<>();
    int items = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\d+\\. .*")) {
        items++;
        int j = i + 1;
        while (j < lines.size()
            && !lines.get(j).matches("\\d+\\. .*")
            && !lines.get(j).startsWith(VERDICT)) {
          j++;
        }
        assertThat(j < lines.size() && lines.get(j).startsWith(VERDICT))
            .as("item %s has a verdict", lines.get(i))
            .isTrue();
        String verdict = lines.get(j).substring(VERDICT.length()).split(" ", 2)[0];
        assertThat(verdict).isIn("FAIR", "WEAK", "UNFAIR");
        counts.merge(verdict, 1, Integer::sum);
      }
    }
    assertThat(items).isGreaterThanOrEqualTo(60);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(items);
    Matcher header = COUNTS.matcher(file());
    assertThat(header.find()).as("the file states its verdict counts").isTrue();
    assertThat(
            List.of(
                counts.getOrDefault("FAIR", 0),
                counts.getOrDefault("WEAK", 0),
                counts.getOrDefault("UNFAIR", 0)))
        .isEqualTo(
            List.of(
                Integer.parseInt(header.group(1)),
                Integer.parseInt(header.group(2)),
                Integer.parseInt(header.group(3))));
  }
}
