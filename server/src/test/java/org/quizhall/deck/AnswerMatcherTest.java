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
        assertThat(AnswerMatcher.matches("Kinesis Data-Streams!", List.of("Kinesis Data Streams"))).isTrue();
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
}
