package org.quizhall.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: the system's Chromium and ChromeDriver (nothing is downloaded), headless,
 * with its own profile and download folder under target/. Waits are explicit and short.
 */
final class Browser implements AutoCloseable {

  static final Path TARGET = Path.of("target").toAbsolutePath();
  static final Path SCREENSHOTS = TARGET.resolve("screenshots");
  private static final Duration WAIT = Duration.ofSeconds(10);

  static {
    System.setProperty("SE_OFFLINE", "true");
  }

  final ChromeDriver driver;
  final Path downloads;
  private final String baseUrl;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver, String baseUrl, Path downloads) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.downloads = downloads;
    this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
  }

  /** A phone-sized browser for a player. */
  static Browser phone(String name, int port) {
    return open(name, port, 412, 900);
  }

  /** A laptop or projector-sized browser for a host. */
  static Browser desktop(String name, int port) {
    return open(name, port, 1280, 1000);
  }

  /** A projector's picture, 1280×720: what a class sees on the wall. */
  static Browser projector(String name, int port) {
    return open(name, port, 1280, 720).viewport(1280, 720);
  }

  /**
   * Makes the page itself (not the window around it) {@code width}×{@code height}, as a full-screen
   * browser shows it.
   */
  Browser viewport(int width, int height) {
    Number chromeWidth = (Number) script("return window.outerWidth - window.innerWidth;");
    Number chromeHeight = (Number) script("return window.outerHeight - window.innerHeight;");
    driver
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                width + chromeWidth.intValue(), height + chromeHeight.intValue()));
    return this;
  }

  /** A common phone, 390×844. */
  static Browser smallPhone(String name, int port) {
    return open(name, port, 390, 844).viewport(390, 844);
  }

  private static Browser open(String name, int port, int width, int height) {
    try {
      Path home = Files.createDirectories(TARGET.resolve("browsers/home"));
      Path profile =
          Files.createTempDirectory(
              Files.createDirectories(TARGET.resolve("browsers")), name + "-profile-");
      Path downloads = Files.createDirectories(profile.resolve("downloads"));
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
      // A page's alert() must stay open so a test can see it; the default would dismiss it quietly.
      options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .withEnvironment(Map.of("HOME", home.toString(), "SE_OFFLINE", "true"))
              .build();
      return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port, downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the element's text contains the words, and returns that text. */
  String textOf(String css, String contains) {
    wait.withMessage(() -> css + " to contain \"" + contains + "\" but it was: " + textNow(css))
        .until(d -> textNow(css).contains(contains));
    return textNow(css);
  }

  /**
   * As {@link #textOf(String, String)}, for the few steps that may take longer (a fresh server's
   * first page).
   */
  String textOf(String css, String contains, Duration timeout) {
    new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .withMessage(() -> css + " to contain \"" + contains + "\" but it was: " + textNow(css))
        .until(d -> textNow(css).contains(contains));
    return textNow(css);
  }

  private String textNow(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    try {
      return found.isEmpty() ? "" : found.get(0).getText();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }

  void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    wait.withMessage(what).until(d -> condition.getAsBoolean());
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * Asks pages for less motion, as a system setting does ({@code prefers-reduced-motion: reduce}),
   * or stops asking.
   */
  void reducedMotion(boolean reduce) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        java.util.Map.of(
            "features",
            List.of(
                java.util.Map.of(
                    "name",
                    "prefers-reduced-motion",
                    "value",
                    reduce ? "reduce" : "no-preference"))));
  }

  /**
   * Waits out the 3-2-1 before a game's first question: nothing under it can be pressed, and no
   * answer is taken.
   */
  void afterTheLeadIn() {
    waitUntil("the 3-2-1 to be over", () -> all("#lead-in").isEmpty());
  }

  /** True when an alert, confirm or prompt dialog opens within a short while. */
  boolean dialogOpens() {
    try {
      new WebDriverWait(driver, Duration.ofMillis(700)).until(ExpectedConditions.alertIsPresent());
      driver.switchTo().alert().dismiss();
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /**
   * Answers the question on screen as a player would, with {@code answer} (the fields of an answer
   * message: {@code choice}, {@code text} or {@code choices}): taps the option, types the text, or
   * picks, reorders and matches with the controls of a list question, then sends it.
   */
  void answer(io.vertx.core.json.JsonObject answer) {
    afterTheLeadIn();
    if (answer.containsKey("text")) {
      find("#typed-answer").sendKeys(answer.getString("text"), org.openqa.selenium.Keys.ENTER);
      return;
    }
    if (answer.containsKey("choice")) {
      find("button[data-option='" + answer.getInteger("choice") + "']").click();
      return;
    }
    List<Integer> choices = answer.getJsonArray("choices").stream().map(o -> (Integer) o).toList();
    String type = find("#answer-form").getAttribute("data-answer-type");
    switch (type) {
      case "multiple_response" ->
          choices.forEach(i -> find("#answers button[data-option='" + i + "']").click());
      case "ordering" -> {
        for (int place = 0; place < choices.size(); place++) {
          String row = "#order-list li[data-item='" + choices.get(place) + "']";
          while (positionOf(row) > place) {
            find(row + " .move-up").click();
          }
        }
      }
      case "matching" -> {
        for (int left = 0; left < choices.size(); left++) {
          new org.openqa.selenium.support.ui.Select(find("#match-" + left))
              .selectByValue(String.valueOf(choices.get(left)));
        }
      }
      default -> throw new IllegalStateException("no list answer for " + type);
    }
    find("#submit-answer").click();
  }

  /** Where the row stands in the ordering list, first 0. */
  private int positionOf(String row) {
    find(row);
    return ((Number)
            script(
                "return Array.prototype.indexOf.call(arguments[0].parentNode.children, arguments[0]);",
                driver.findElement(By.cssSelector(row))))
        .intValue();
  }

  /** A screenshot with the element scrolled into view, for screens longer than the window. */
  void screenshot(String screen, String css) {
    script("arguments[0].scrollIntoView({block: 'start'});", find(css));
    screenshot(screen);
  }

  void screenshot(String screen) {
    try {
      Path target = SCREENSHOTS.resolve(screen + ".png");
      Files.createDirectories(target.getParent());
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
