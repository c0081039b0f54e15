package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizhall.testing.Readme;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker compose up --build} without a Docker engine: the Dockerfile's build stage is played
 * on a copy of the tree (its COPY lines, with .dockerignore applied, then its Maven command
 * offline), and the compose file's paths are checked against the repository.
 */
@DisplayName("The Docker build")
class DockerBuildTest {

  private static final Path ROOT = Readme.path().getParent();
  private static final Path DOCKERFILE = ROOT.resolve("server/Dockerfile");
  private static final Set<String> PHASES =
      Set.of(
          "clean",
          "validate",
          "compile",
          "test-compile",
          "test",
          "package",
          "verify",
          "install",
          "deploy");

  @TempDir Path context;

  @Test
  @DisplayName(
      "the build stage's COPY lines bring every module the root pom lists, and its Maven command reads the project")
  void buildStageBuilds() throws Exception {
    List<String> run = new ArrayList<>();
    Path workdir = context;
    for (String instruction : buildStage(Files.readString(DOCKERFILE))) {
      String[] words = instruction.split("\\s+");
      switch (words[0].toUpperCase()) {
        // The stage has one absolute WORKDIR, where the copy of the tree is laid out.
        case "WORKDIR" -> workdir = context;
        case "COPY" -> {
          List<String> paths = Stream.of(words).skip(1).filter(w -> !w.startsWith("--")).toList();
          String destination = paths.get(paths.size() - 1);
          Path target = workdir.resolve(destination);
          boolean intoDirectory = destination.endsWith("/") || paths.size() > 2;
          for (String source : paths.subList(0, paths.size() - 1)) {
            Path from = ROOT.resolve(source);
            assertThat(from).as("COPY " + source).exists();
            // A directory's contents go to the destination; a file goes into it when it names a
            // directory.
            copy(
                from,
                intoDirectory && Files.isRegularFile(from)
                    ? target.resolve(from.getFileName().toString())
                    : target);
          }
        }
        case "RUN" -> run.addAll(List.of(words).subList(1, words.length));
        default -> {}
      }
    }

    List<String> modules = modules(context.resolve("pom.xml"));
    assertThat(modules).as("modules of the root pom").isNotEmpty();
    for (String module : modules) {
      assertThat(context.resolve(module).resolve("pom.xml"))
          .as("module " + module + " in the build stage")
          .exists();
    }
    assertThat(context.resolve("server/target"))
        .as(".dockerignore keeps build output out")
        .doesNotExist();

    assertThat(run).as("the build stage runs Maven").first().isEqualTo("mvn");
    List<String> selected = selectedModules(run);
    assertThat(selected.isEmpty() || selected.contains("server"))
        .as("the build makes server/target/quizhall.jar, which the image copies")
        .isTrue();
    for (String module : selected) {
      assertThat(context.resolve(module).resolve("pom.xml")).as("-pl " + module).exists();
    }

    // The same command, offline and stopping at the first phase: Maven reads every module and the
    // selection.
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q"));
    run.stream()
        .skip(1)
        .filter(w -> !PHASES.contains(w) && !w.equals("-B") && !w.equals("-q"))
        .forEach(command::add);
    command.add("validate");
    Path log = Files.createTempFile("maven-", ".log");
    Process maven =
        new ProcessBuilder(command)
            .directory(context.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = maven.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      maven.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertThat(finished).as(String.join(" ", command) + " within 120 s:\n" + output).isTrue();
    assertThat(maven.exitValue())
        .as(String.join(" ", command) + " in the build stage:\n" + output)
        .isZero();
  }

  @Test
  @DisplayName(
      "every service builds from a Dockerfile that exists, and every file compose mounts exists")
  @SuppressWarnings("unchecked")
  void composePathsExist() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).isNotEmpty();
    int built = 0;
    for (var service : services.entrySet()) {
      Object build = service.getValue().get("build");
      if (build instanceof Map<?, ?> spec) {
        Path buildContext = ROOT.resolve(String.valueOf(spec.get("context")));
        assertThat(buildContext.resolve("pom.xml"))
            .as(service.getKey() + ": build context")
            .exists();
        Object dockerfile = spec.get("dockerfile");
        assertThat(
                buildContext
                    .resolve(dockerfile == null ? "Dockerfile" : dockerfile.toString())
                    .normalize())
            .as(service.getKey() + ": Dockerfile")
            .isEqualTo(DOCKERFILE.normalize());
        built++;
      }
      Object volumes = service.getValue().get("volumes");
      if (volumes instanceof List<?> list) {
        for (Object volume : list) {
          String host = volume.toString().split(":")[0];
          if (host.startsWith("./") || host.startsWith("../")) {
            assertThat(ROOT.resolve(host)).as(service.getKey() + " mounts " + host).exists();
          }
        }
      }
    }
    assertThat(built).as("services built from the Dockerfile").isPositive();
  }

  /** The instructions of the first stage, continuation lines joined, comments left out. */
  static List<String> buildStage(String dockerfile) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inFirstStage = false;
    for (String line : dockerfile.split("\n")) {
      String stripped = line.strip();
      if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
        continue;
      }
      boolean continues = stripped.endsWith("\\");
      current
          .append(continues ? stripped.substring(0, stripped.length() - 1) : stripped)
          .append(' ');
      if (continues) {
        continue;
      }
      String instruction = current.toString().strip();
      current.setLength(0);
      if (instruction.toUpperCase().startsWith("FROM ")) {
        if (inFirstStage) {
          break;
        }
        inFirstStage = true;
      } else if (inFirstStage) {
        instructions.add(instruction);
      }
    }
    return instructions;
  }

  /** {@code -pl a,b} or {@code --projects a,b}; empty: every module. */
  private static List<String> selectedModules(List<String> run) {
    for (int i = 0; i < run.size() - 1; i++) {
      if (run.get(i).equals("-pl") || run.get(i).equals("--projects")) {
        return List.of(run.get(i + 1).split(","));
      }
    }
    return List.of();
  }

  private static List<String> modules(Path pom) throws Exception {
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(pom.toFile())
            .getElementsByTagName("module");
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().strip());
    }
    return modules;
  }

  /** Copies what Docker would send: the source, less what .dockerignore names. */
  private void copy(Path source, Path target) throws IOException {
    List<PathMatcher> ignored = ignored();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = ROOT.relativize(file);
        if (ignored.stream().anyMatch(m -> matchesOrUnder(m, relative))) {
          continue;
        }
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(file, to);
        }
      }
    }
  }

  private static boolean matchesOrUnder(PathMatcher matcher, Path relative) {
    for (Path p = relative; p != null; p = p.getParent()) {
      if (matcher.matches(p)) {
        return true;
      }
    }
    return false;
  }

  private static List<PathMatcher> ignored() throws IOException {
    Path file = ROOT.resolve(".dockerignore");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<PathMatcher> matchers = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      Matcher anywhere = Pattern.compile("^\\*\\*/(.+)$").matcher(pattern);
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (anywhere.matches()) {
        // Docker's **/ also matches at the top level, which a Java glob's does not.
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + anywhere.group(1)));
      }
    }
    return matchers;
  }
}
