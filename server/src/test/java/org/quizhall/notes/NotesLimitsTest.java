package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Notes size limits")
class NotesLimitsTest {

  @Test
  @DisplayName("the limits are 1 MiB and 20,000 lines")
  void values() {
    assertThat(NotesLimits.MAX_BYTES).isEqualTo(1_048_576);
    assertThat(NotesLimits.MAX_LINES).isEqualTo(20_000);
  }

  @Test
  @DisplayName("notes of exactly the byte limit are accepted, one byte more is refused")
  void bytes() {
    String line = "- " + "x".repeat(97) + "\n";
    String atLimit =
        line.repeat(NotesLimits.MAX_BYTES / line.length())
            + "y".repeat(NotesLimits.MAX_BYTES % line.length());
    assertThat(atLimit.length()).isEqualTo(NotesLimits.MAX_BYTES);
    NotesImporter.parse(atLimit);
    assertThatThrownBy(() -> NotesImporter.parse(atLimit + "z"))
        .isInstanceOf(NotesTooLargeException.class)
        .hasMessageContaining("bytes");
  }

  @Test
  @DisplayName("multi-byte characters count as their UTF-8 size")
  void utf8() {
    String euros = "€".repeat(NotesLimits.MAX_BYTES / 3 + 1);
    assertThatThrownBy(() -> NotesImporter.parse(euros)).isInstanceOf(NotesTooLargeException.class);
  }

  @Test
  @DisplayName("20,000 lines are accepted, 20,001 are refused, whatever the line ending")
  void lines() {
    assertThat(NotesImporter.parse("- a\n".repeat(NotesLimits.MAX_LINES)).nodes()).isNotEmpty();
    assertThatThrownBy(() -> NotesImporter.parse("- a\r\n".repeat(NotesLimits.MAX_LINES) + "- b"))
        .isInstanceOf(NotesTooLargeException.class)
        .hasMessageContaining("lines");
  }
}
