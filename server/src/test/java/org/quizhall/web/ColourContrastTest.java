package org.quizhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The colours of app.css against what they sit beside, by the WCAG 2.x contrast formula: axe-core
 * checks text on the pages, but not the non-text parts (WCAG 1.4.11 asks 3:1 of a focus ring, a
 * field's border, an answer tile), nor text on controls it skips because they are disabled.
 */
@DisplayName("The colours of the web client")
class ColourContrastTest {

  private static final Map<String, String> COLOURS = new HashMap<>();

  @BeforeAll
  static void readStyleSheet() throws IOException {
    try (InputStream css =
        ColourContrastTest.class.getClassLoader().getResourceAsStream("webroot/app.css")) {
      assertThat(css).as("webroot/app.css on the class path").isNotNull();
      String root = new String(css.readAllBytes(), StandardCharsets.UTF_8).split("}", 2)[0];
      Matcher property = Pattern.compile("--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(root);
      while (property.find()) {
        COLOURS.put(property.group(1), property.group(2));
      }
    }
  }

  static Stream<Arguments> pairs() {
    Stream<Arguments> fixed =
        Stream.of(
            Arguments.of("the focus ring beside the page", "focus", "paper", 3.0),
            Arguments.of("the focus ring beside a card", "focus", "card", 3.0),
            Arguments.of("a field's border on a card", "line", "card", 3.0),
            Arguments.of("a field's border on the page", "line", "paper", 3.0),
            Arguments.of(
                "a dashed border of an option not taken, on its tile", "line", "tile-off", 3.0),
            Arguments.of("words on an option not taken", "ink", "tile-off", 4.5),
            Arguments.of("words on a disabled button", "accent-ink", "off", 4.5),
            Arguments.of("a disabled button beside the page", "off", "paper", 3.0),
            Arguments.of(
                "words on a danger button (\"Delete the group\")", "accent-ink", "danger", 4.5),
            Arguments.of("greyed words on a disabled light button", "muted", "tile-off", 4.5),
            Arguments.of("words on a primary button", "accent-ink", "accent", 4.5),
            Arguments.of("muted words on the page", "muted", "paper", 4.5),
            Arguments.of("the chosen tile's dark border beside the page", "ink", "paper", 3.0));
    Stream<Arguments> tiles =
        Stream.of(0, 1, 2, 3, 4, 5)
            .flatMap(
                i ->
                    Stream.of(
                        Arguments.of("white words on answer tile " + i, "card", "opt-" + i, 4.5),
                        Arguments.of(
                            "answer tile " + i + " beside the page", "opt-" + i, "paper", 3.0)));
    return Stream.concat(fixed, tiles);
  }

  @ParameterizedTest(name = "{0}: {1} on {2} is at least {3}:1")
  @MethodSource("pairs")
  void contrastIsEnough(String what, String foreground, String background, double least) {
    assertThat(COLOURS).as("app.css defines both colours").containsKeys(foreground, background);
    double ratio = contrast(COLOURS.get(foreground), COLOURS.get(background));
    assertThat(ratio)
        .as("%s: %s on %s", what, COLOURS.get(foreground), COLOURS.get(background))
        .isGreaterThanOrEqualTo(least);
  }

  /** WCAG 2.x contrast ratio of two sRGB colours, 1 to 21. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
