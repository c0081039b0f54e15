package org.quizhall.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The text of a line of notes")
class InlineTextTest {

  @Test
  @DisplayName(
      "drops Markdown emphasis, code ticks, link targets and escapes, and decodes entities")
  void markdown() {
    assertThat(InlineText.plain("**Kinesis** keeps data for *24 hours* by `default`"))
        .isEqualTo("Kinesis keeps data for 24 hours by default");
    assertThat(InlineText.plain("See [the docs](https://example.org/x) and ![a diagram](d.png)"))
        .isEqualTo("See the docs and a diagram");
    assertThat(InlineText.plain("Costs 5 \\* 2 dollars &amp; more"))
        .isEqualTo("Costs 5 * 2 dollars & more");
  }

  @Test
  @DisplayName(
      "keeps what is not emphasis: snake_case names, cloze and card markup, and angle-bracket text")
  void keeps() {
    assertThat(InlineText.plain("Set max_batch_size in the config"))
        .isEqualTo("Set max_batch_size in the config");
    assertThat(InlineText.plain("{{c1::Lambda}} runs code ==without servers=="))
        .isEqualTo("{{c1::Lambda}} runs code ==without servers==");
    assertThat(InlineText.plain("Use <img alt=\"x\"> for pictures"))
        .isEqualTo("Use <img alt=\"x\"> for pictures");
    assertThat(InlineText.plain("[x] done task")).isEqualTo("done task");
  }
}
