package org.quizhall.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks at one screen the way its users do: on a projector (1280×720) and on phones (320, 390 and
 * 430 px wide), checked by axe-core for accessibility and for sideways scrolling, with a picture of
 * it at projector and phone size.
 */
final class Screens {

  record Size(String name, int width, int height, boolean axe, boolean picture) {}

  static final Size PROJECTOR = new Size("projector", 1280, 720, true, true);
  static final Size PHONE = new Size("phone", 390, 844, true, true);
  static final List<Size> SIZES =
      List.of(
          PROJECTOR,
          PHONE,
          new Size("small-phone", 320, 640, false, false),
          new Size("large-phone", 430, 932, false, false));

  /**
   * Rules and their impact, over every screen looked at: what is left below "serious", for the
   * record.
   */
  static final Map<String, String> MILDER_FINDINGS = new LinkedHashMap<>();

  private Screens() {}

  /**
   * The page itself, not the window around it, {@code width}×{@code height}: headless Chromium
   * keeps windows at least ~400 px wide.
   */
  static void resize(Browser browser, int width, int height) {
    browser.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    browser.waitUntil(
        "the page to be " + width + " px wide",
        () -> ((Number) browser.script("return window.innerWidth;")).intValue() == width);
  }

  /**
   * Checks the screen on show at every size, pictures it as {@code name}-projector and {@code
   * name}-phone, and leaves the browser at {@code restore}; returns what is wrong, so that one run
   * names every screen's problems.
   */
  static List<String> check(Browser browser, String name, Size restore) {
    List<String> problems = new ArrayList<>();
    for (Size size : SIZES) {
      resize(browser, size.width(), size.height());
      // Layout settles (and animations end) before anything is measured.
      browser.script(
          "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));");
      long overflow =
          ((Number)
                  browser.script(
                      "return document.documentElement.scrollWidth - window.innerWidth;"))
              .longValue();
      if (overflow > 0) {
        problems.add(
            name
                + " at "
                + size.width()
                + " px is "
                + overflow
                + " px wider than the window: "
                + widest(browser));
      }
      if (size.axe()) {
        problems.addAll(seriousViolations(browser, name + " (" + size.name() + ")"));
      }
      if (size.picture()) {
        browser.screenshot("screens/" + name + "-" + size.name());
      }
    }
    resize(browser, restore.width(), restore.height());
    return problems;
  }

  /**
   * axe-core's serious and critical violations on the page as it is, each with the elements it
   * names.
   */
  static List<String> seriousViolations(Browser browser, String where) {
    Results results =
        new AxeBuilder()
            .withTags(
                List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
            .analyze(browser.driver);
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String impact = String.valueOf(rule.getImpact());
      String nodes =
          rule.getNodes().stream()
              .map(
                  n ->
                      n.getTarget()
                          + " "
                          + String.valueOf(n.getFailureSummary()).replace('\n', ' '))
              .limit(4)
              .collect(Collectors.joining("; "));
      if (impact.equals("serious") || impact.equals("critical")) {
        found.add(
            where + ": " + rule.getId() + " [" + impact + "] " + rule.getHelp() + " -> " + nodes);
      } else {
        MILDER_FINDINGS.merge(rule.getId() + " [" + impact + "]", where, (a, b) -> a + ", " + b);
      }
    }
    return found;
  }

  /** The elements that reach furthest right, to say what makes a page too wide. */
  private static Object widest(Browser browser) {
    return browser.script(
        "const w = window.innerWidth; return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
            + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '')"
            + " + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 6).join(', ');");
  }
}
