package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompilersTest {

  @Test
  @DisplayName(
      "auto turns C2 off on one or two CPUs and leaves it on with more; true and false choose")
  void whenC2Compiles() {
    assertThat(Compilers.c2("auto", 1)).isFalse();
    assertThat(Compilers.c2("auto", 2)).isFalse();
    assertThat(Compilers.c2("auto", 3)).isTrue();
    assertThat(Compilers.c2("true", 1)).isTrue();
    assertThat(Compilers.c2("false", 64)).isFalse();
    assertThatThrownBy(() -> Compilers.c2("c1", 2))
        .hasMessage("QUIZHALL_C2_COMPILER must be auto, true or false, not 'c1'");
  }

  @Test
  @DisplayName("a misspelt value is refused when the settings are read, naming the setting")
  void refusedWithTheSettings() {
    assertThatThrownBy(
            () ->
                QuizhallConfig.from(
                    new io.vertx.core.json.JsonObject()
                        .put(QuizhallConfig.C2_COMPILER, "sometimes")))
        .hasMessageContaining("QUIZHALL_C2_COMPILER must be auto, true or false, not 'sometimes'");
  }

  @Test
  @DisplayName(
      "turning C2 off puts a directive excluding every method from C2 into the running JVM")
  void directiveInTheRunningJvm() throws Exception {
    // The directive is in force in this test JVM for a few milliseconds: a method HotSpot meant to
    // give C2 in that window stays with C1 for the rest of the run, which only slows it a little.
    String before = Compilers.directives();
    assertThat(before).doesNotContain("Exclude:true");
    Compilers.choose("false");
    try {
      String after = Compilers.directives();
      // Added directives print first, before the default one: ours matches every method, its C2
      // part excludes, and its C1 part is not enabled, so C1 goes on by the default directive.
      String ours = after.substring(0, after.indexOf("Directive: (default)"));
      assertThat(ours).contains("matching: *.*");
      String c1 = ours.substring(ours.indexOf("c1 directives:"), ours.indexOf("c2 directives:"));
      String c2 = ours.substring(ours.indexOf("c2 directives:"));
      assertThat(c2).contains("Exclude:true");
      assertThat(c1).contains("Enable:false").contains("Exclude:false");
    } finally {
      Compilers.removeDirective();
    }
    assertThat(Compilers.directives()).isEqualTo(before);
    Compilers.choose("true");
    assertThat(Compilers.directives()).as("C2 left on adds nothing").isEqualTo(before);
  }
}
