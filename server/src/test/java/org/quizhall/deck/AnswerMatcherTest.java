package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Judging typed answers")
class AnswerMatcherTest {

  @Test
  @DisplayName("case, whitespace and punctuation do not matter")
  void normalisation() {
    assertThat(AnswerMatcher.matches("  spark   sql ", List.of("Spark SQL"))).isTrue();
    assertThat(AnswerMatcher.matches("10000", List.of("10,000"))).isTrue();
    assertThat(AnswerMatcher.matches("node js", List.of("Node.js"))).isTrue();
    assertThat(AnswerMatcher.matches("Kinesis Data-Streams!", List.of("Kinesis Data Streams")))
        .isTrue();
  }

  @Test
  @DisplayName("answers of six or more characters tolerate one typo")
  void oneTypo() {
    assertThat(AnswerMatcher.matches("Redshfit", List.of("Redshift"))).as("swap").isTrue();
    assertThat(AnswerMatcher.matches("Redshif", List.of("Redshift"))).as("deletion").isTrue();
    assertThat(AnswerMatcher.matches("Reddshift", List.of("Redshift"))).as("insertion").isTrue();
    assertThat(AnswerMatcher.matches("Redsbift", List.of("Redshift"))).as("substitution").isTrue();
    assertThat(AnswerMatcher.matches("Rebsbift", List.of("Redshift"))).as("two typos").isFalse();
    assertThat(AnswerMatcher.matches("Athena", List.of("Athens"))).as("six characters").isTrue();
  }

  @Test
  @DisplayName("answers shorter than six characters must be exact")
  void shortAnswers() {
    assertThat(AnswerMatcher.matches("Hive", List.of("Hive"))).isTrue();
    assertThat(AnswerMatcher.matches("Hove", List.of("Hive"))).isFalse();
    assertThat(AnswerMatcher.matches("901", List.of("900"))).isFalse();
    assertThat(AnswerMatcher.matches("S4", List.of("S3"))).isFalse();
  }

  @Test
  @DisplayName("C# and C++ are not C; any accepted answer may match; blank input never matches")
  void edgeCases() {
    assertThat(AnswerMatcher.matches("C", List.of("C#"))).isFalse();
    assertThat(AnswerMatcher.matches("c#", List.of("C#"))).isTrue();
    assertThat(AnswerMatcher.matches("900 seconds", List.of("900", "900 seconds"))).isTrue();
    assertThat(AnswerMatcher.matches("  ", List.of("Spark"))).isFalse();
    assertThat(AnswerMatcher.matches("!!!", List.of("!!!"))).isFalse();
    assertThat(AnswerMatcher.matches(null, List.of("x"))).isFalse();
  }

  @Test
  @DisplayName(
      "numbers in words or digits, any spelling of the unit, or another unit of the same kind")
  void numbers() {
    List<String> timeout = List.of("900", "900 seconds");
    for (String typed :
        List.of(
            "900",
            "900 s",
            "900 sec",
            "900 secs",
            "900 seconds",
            "15 minutes",
            "15 min",
            "nine hundred",
            "nine hundred seconds",
            "0.25 hours")) {
      assertThat(AnswerMatcher.matches(typed, timeout)).as(typed).isTrue();
    }
    for (String typed : List.of("901", "15", "900 minutes", "15 hours", "9000", "900 MB", "many")) {
      assertThat(AnswerMatcher.matches(typed, timeout)).as(typed).isFalse();
    }
    assertThat(AnswerMatcher.matches("two", List.of("2"))).isTrue();
    assertThat(AnswerMatcher.matches("ten thousand records", List.of("10,000"))).isTrue();
    assertThat(AnswerMatcher.matches("10,000 seconds", List.of("10,000")))
        .as("a measure the key has not")
        .isFalse();
    assertThat(AnswerMatcher.matches("1000001", List.of("1000000")))
        .as("no typo in a number")
        .isFalse();
    assertThat(AnswerMatcher.matches("128 megabytes", List.of("128", "128 MB"))).isTrue();
    assertThat(AnswerMatcher.matches("25 percent", List.of("25", "25 %"))).isTrue();
  }

  @Test
  @DisplayName("a vendor's name in front may be given or left out, but is no answer alone")
  void vendorPrefixes() {
    assertThat(
            AnswerMatcher.matches("Amazon Kinesis Data Streams", List.of("Kinesis Data Streams")))
        .isTrue();
    assertThat(
            AnswerMatcher.matches("Kinesis Data Streams", List.of("Amazon Kinesis Data Streams")))
        .isTrue();
    assertThat(AnswerMatcher.matches("AWS Glue", List.of("Glue"))).isTrue();
    assertThat(AnswerMatcher.matches("Apache Spark", List.of("Spark"))).isTrue();
    assertThat(AnswerMatcher.matches("Amazon", List.of("Amazon Redshift"))).isFalse();
    assertThat(AnswerMatcher.matches("Amazon Redshift", List.of("Amazon EMR"))).isFalse();
  }

  @Test
  @DisplayName("an article in front may be given or left out, but is no answer alone")
  void articles() {
    assertThat(AnswerMatcher.matches("mitochondrion", List.of("The mitochondrion"))).isTrue();
    assertThat(AnswerMatcher.matches("the nucleus", List.of("Nucleus"))).isTrue();
    assertThat(AnswerMatcher.matches("an enzyme", List.of("enzyme"))).isTrue();
    assertThat(AnswerMatcher.matches("The", List.of("The mitochondrion"))).isFalse();
    assertThat(AnswerMatcher.matches("the ribosome", List.of("The mitochondrion"))).isFalse();
  }

  @Test
  @DisplayName(
      "a blank takes the term or the other name the line gives it, its abbreviation or expansion")
  void abbreviations() {
    String line = "Can provision more Data Processing Units (DPU) to increase performance";
    int start = line.indexOf("Data Processing Units");
    assertThat(StatementQuestions.otherNames(line, start, start + "Data Processing Units".length()))
        .containsExactly("DPU");
    int dpu = line.indexOf("DPU");
    assertThat(StatementQuestions.otherNames(line, dpu, dpu + 3))
        .containsExactly("Data Processing Units");
    assertThat(StatementQuestions.otherNames("Runs on EMR (managed Hadoop)", 8, 11))
        .as("a remark")
        .isEmpty();
    assertThat(StatementQuestions.otherNames("Stores data in S3 buckets", 15, 17)).isEmpty();
  }
}
