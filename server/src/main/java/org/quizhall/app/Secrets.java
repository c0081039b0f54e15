package org.quizhall.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's passwords, generated on first start and kept in one file that only its
 * owner may read (mode 600), so that nobody else on the machine can sign in to the database.
 */
record Secrets(String superuser, String app) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The passwords in {@code file}, made and written there (mode 600) when it does not exist yet.
   */
  static Secrets load(Path file) throws IOException {
    if (Files.exists(file)) {
      Properties properties = new Properties();
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
      String superuser = properties.getProperty("superuser");
      String app = properties.getProperty("quizhall");
      if (superuser == null || app == null || superuser.isBlank() || app.isBlank()) {
        throw new IOException(
            file + " is incomplete: it needs 'superuser' and 'quizhall' passwords");
      }
      return new Secrets(superuser, app);
    }
    Secrets secrets = new Secrets(generate(), generate());
    privateFile(
        file,
        "# Passwords of Quizhall's embedded PostgreSQL. Keep this file private.\n"
            + "superuser="
            + secrets.superuser()
            + "\nquizhall="
            + secrets.app()
            + "\n");
    return secrets;
  }

  /** Writes {@code text} to a file only its owner can read or write, created so from the start. */
  static Path privateFile(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    return file;
  }

  private static String generate() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "Secrets[hidden]";
  }
}
