package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.notes.SampleNotes;

@DisplayName("The reviewed snapshot of sample questions")
class SampleSnapshotTest {

    @Test
    @DisplayName("40 questions from the sample notes still read exactly as reviewed")
    void matchesReviewedSnapshot() {
        List<String> reviewed = SampleNotes.read("/notes/sample-snapshot.txt").lines()
                .filter(l -> !l.startsWith("#")).toList();
        assertThat(reviewed.get(0)).as("snapshot file has content").startsWith("1. ");
        assertThat(SampleSnapshot.render().lines().toList()).containsExactlyElementsOf(reviewed);
    }

    @Test
    @DisplayName("the snapshot mixes at least five kinds and is marked as reviewed")
    void coversKinds() {
        String file = SampleNotes.read("/notes/sample-snapshot.txt");
        assertThat(file).contains("REVIEWED");
        long kinds = List.of("list_member", "odd_one_out", "topic_of", "numeric", "true_false", "definition",
                "cloze").stream().filter(k -> file.contains(" " + k + " (")).count();
        assertThat(kinds).isGreaterThanOrEqualTo(5);
    }
}
