package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The structural validator")
class QuestionRulesTest {

  private static final Source SOURCE =
      new Source(3, "Lambda supports Python", List.of("AWS Lambda"));

  private static Question mc(String prompt, List<String> options, int correct) {
    return new Question(
        "abc",
        QuestionType.MULTIPLE_CHOICE,
        "list_member",
        prompt,
        options,
        correct,
        List.of(),
        "Lambda supports Python",
        SOURCE,
        "AWS Lambda");
  }

  @Test
  @DisplayName("accepts a sound multiple choice question")
  void sound() {
    assertThat(
            QuestionRules.defects(
                mc(
                    "Which language does Lambda support?",
                    List.of("Python", "Kinesis", "Redshift", "Presto"),
                    0)))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "flags duplicate options after normalisation, a leaked answer, a bad index and too few options")
  void defects() {
    assertThat(QuestionRules.defects(mc("Pick one", List.of("Python", "python!", "Go", "Java"), 0)))
        .anyMatch(d -> d.contains("distinct"));
    assertThat(
            QuestionRules.defects(
                mc("Is Python a language?", List.of("Python", "Go", "Java", "Ruby"), 0)))
        .anyMatch(d -> d.contains("answer appears"));
    assertThat(QuestionRules.defects(mc("Pick one", List.of("Python", "Go", "Java"), 3)))
        .anyMatch(d -> d.contains("index"));
    assertThat(QuestionRules.defects(mc("Pick one", List.of("Python", "Go"), 0)))
        .anyMatch(d -> d.contains("3 or 4"));
  }

  @Test
  @DisplayName("flags options that mix numbers with words or differ wildly in length")
  void sameKindOptions() {
    assertThat(QuestionRules.defects(mc("How many?", List.of("900", "Spark", "300", "600"), 0)))
        .anyMatch(d -> d.contains("mix numbers"));
    assertThat(
            QuestionRules.defects(
                mc(
                    "Which?",
                    List.of(
                        "Go",
                        "A very long option that nobody would ever pick in an exam",
                        "Java",
                        "Ruby"),
                    0)))
        .anyMatch(d -> d.contains("length"));
  }

  @Test
  @DisplayName("flags typed questions without a blank or with the answer left in the prompt")
  void typed() {
    Question noBlank =
        new Question(
            "t",
            QuestionType.TYPED,
            "cloze",
            "Lambda supports what?",
            List.of(),
            -1,
            List.of("Python"),
            "x",
            SOURCE,
            "AWS Lambda");
    assertThat(QuestionRules.defects(noBlank)).anyMatch(d -> d.contains("blank"));
    Question leaked =
        new Question(
            "t",
            QuestionType.TYPED,
            "cloze",
            "Python: Lambda supports _____",
            List.of(),
            -1,
            List.of("Python"),
            "x",
            SOURCE,
            "AWS Lambda");
    assertThat(QuestionRules.defects(leaked)).anyMatch(d -> d.contains("answer appears"));
  }

  @Test
  @DisplayName("flags an anti-pattern asked as a recommended use")
  void antiPattern() {
    Source anti =
        new Source(46, "Long-running applications", List.of("AWS Lambda", "Anti-patterns"));
    Question q =
        new Question(
            "a",
            QuestionType.MULTIPLE_CHOICE,
            "list_member",
            "Which of these is a use of Lambda?",
            List.of("Long-running applications", "Cron jobs", "ETL", "Real-time processing"),
            0,
            List.of(),
            "x",
            anti,
            "AWS Lambda");
    assertThat(QuestionRules.defects(q)).anyMatch(d -> d.contains("anti-pattern"));
  }

  @Test
  @DisplayName("a key described at far greater length than every wrong option stands out")
  void keyStandsOut() {
    List<String> kinds =
        List.of(
            "A distributed processing system",
            "A notebook",
            "An operational tool used to visualize EMR and S3 data using an EMR Hadoop cluster",
            "A wide column database");
    assertThat(QuestionRules.keyStandsOut(mc("What is Splunk?", kinds, 2))).isTrue();
    assertThat(QuestionRules.keyStandsOut(mc("What is Spark?", kinds, 0))).isFalse();
    // Names are not descriptions: four instance types beside two are no give-away.
    assertThat(
            QuestionRules.keyStandsOut(
                mc(
                    "Which are memory optimized?",
                    List.of("C4, C5", "H1, I3", "R4, R5, X1, Z1d"),
                    2)))
        .isFalse();
    assertThat(
            QuestionRules.keyStandsOut(
                mc(
                    "What does DNS do?",
                    List.of(
                        "Translates domain names into IP addresses",
                        "Forwards packets between networks",
                        "Assigns IP addresses automatically"),
                    0)))
        .isFalse();
  }
}
