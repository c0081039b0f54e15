package org.quizhall.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An exam's blueprint and its score")
class BlueprintTest {

  @Test
  @DisplayName(
      "the count is shared by largest remainder: whole parts first, the rest to the largest fractions")
  void largestRemainder() {
    Blueprint blueprint =
        new Blueprint(
            List.of(
                new Blueprint.Weight("Security", 3),
                new Blueprint.Weight("Storage", 2),
                new Blueprint.Weight("Compute", 1)));
    // 10 × 3/6 = 5, 10 × 2/6 = 3.33, 10 × 1/6 = 1.67: whole parts 5 + 3 + 1 = 9, the tenth to
    // Compute's .67.
    assertThat(blueprint.apportion(10))
        .containsExactly(
            Map.entry("Security", 5), Map.entry("Storage", 3), Map.entry("Compute", 2));
    // 65 × 30/100 = 19.5, 65 × 26/100 = 16.9, 65 × 24/100 = 15.6, 65 × 20/100 = 13: 63 in whole
    // parts, the other two to .9 and .6.
    Blueprint exam =
        new Blueprint(
            List.of(
                new Blueprint.Weight("A", 30),
                new Blueprint.Weight("B", 26),
                new Blueprint.Weight("C", 24),
                new Blueprint.Weight("D", 20)));
    assertThat(exam.apportion(65))
        .containsExactly(
            Map.entry("A", 19), Map.entry("B", 17), Map.entry("C", 16), Map.entry("D", 13));
    // Equal fractions: the heavier topic first, then the one listed first.
    Blueprint even =
        new Blueprint(List.of(new Blueprint.Weight("X", 1), new Blueprint.Weight("Y", 1)));
    assertThat(even.apportion(3)).containsExactly(Map.entry("X", 2), Map.entry("Y", 1));
    Blueprint zero =
        new Blueprint(List.of(new Blueprint.Weight("X", 0), new Blueprint.Weight("Y", 1)));
    assertThat(zero.apportion(4)).containsExactly(Map.entry("X", 0), Map.entry("Y", 4));
  }

  @Test
  @DisplayName(
      "a scaled score is a straight line from the share right, rounded down, and passes exactly at the mark")
  void scaledScore() {
    // 100 + 900 × 29/40 = 752.5 → 752; the mark 720 needs (720 − 100) × 40 / 900 = 27.6, so 28
    // right.
    ExamScore score = ExamScore.of(29, 40, "scaled", 100, 1000, 720);
    assertThat(score.scaled()).isEqualTo(752);
    assertThat(score.passed()).isTrue();
    assertThat(score.correctNeeded()).isEqualTo(28);
    assertThat(score.percent()).isEqualTo(72.5);
    assertThat(score.explanation()).contains("752 on a scale of 100 to 1000", "28 of 40");
    // 27 right: 100 + 900 × 27/40 = 707.5 → 707, below 720.
    assertThat(ExamScore.of(27, 40, "scaled", 100, 1000, 720).passed()).isFalse();
    // 28 right: 730 exactly.
    assertThat(ExamScore.of(28, 40, "scaled", 100, 1000, 720).scaled()).isEqualTo(730);
    // 2 of 3 right is 66.67%: shown as 66.6 and 66, and it fails a 67% mark (200 < 201).
    ExamScore percent = ExamScore.of(2, 3, "percent", 0, 100, 67);
    assertThat(percent.percent()).isEqualTo(66.6);
    assertThat(percent.scaled()).isEqualTo(66);
    assertThat(percent.passed()).isFalse();
    assertThat(ExamScore.of(2, 3, "percent", 0, 100, 66).passed()).isTrue();
  }

  @Test
  @DisplayName(
      "a topic the blueprint weighs 0 gives no question, even when the weighted ones run short")
  void zeroWeightExcludes() {
    List<org.quizhall.deck.Question> deck =
        org.quizhall.deck.DeckGenerator.generate(org.quizhall.notes.SampleNotes.aws(), 5L)
            .questions();
    Map<String, Long> perTopic =
        deck.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    org.quizhall.deck.Question::topic, java.util.stream.Collectors.counting()));
    List<String> topics =
        perTopic.entrySet().stream()
            .filter(e -> e.getValue() >= 3)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    String weighed = topics.get(0);
    String zero = topics.get(1);
    ExamDraw.Drawn drawn =
        ExamDraw.draw(
            deck,
            40,
            new Blueprint(List.of(new Blueprint.Weight(weighed, 1), new Blueprint.Weight(zero, 0))),
            java.util.Set.of(),
            false,
            7L);
    assertThat(drawn.questions()).isNotEmpty().allMatch(q -> q.topic().equals(weighed));
  }
}
