package io.zeroscale.loadtest.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies of the built apps ({@code <module>/target/quarkus-app}: the platform, the examples), taken
 * the first time a run needs each one and removed when the JVM exits. What a run measures is then
 * fixed at its start: a rebuild of the same checkout during the run (another build, an IDE) cannot
 * swap jars under running processes. The copy keeps the folder's layout, so an AOT cache next to
 * the jar still applies.
 */
public final class AppSnapshots {

  private static final Map<String, Path> COPIES = new HashMap<>();
  private static Path root;

  private AppSnapshots() {}

  /** The snapshot of {@code <repoRoot>/<module>/target/quarkus-app}'s {@code quarkus-run.jar}. */
  public static synchronized Path quarkusRunJar(Path repoRoot, String module) {
    Path app = repoRoot.resolve(module).resolve("target/quarkus-app");
    if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
      throw new IllegalStateException(
          app.resolve("quarkus-run.jar")
              + " is missing: build it with ./mvnw -B -ntp -DskipTests package");
    }
    return COPIES.computeIfAbsent(module, m -> copy(app, m)).resolve("quarkus-run.jar");
  }

  private static Path copy(Path app, String module) {
    try {
      if (root == null) {
        root = Files.createTempDirectory("zeroscale-bench-apps-");
        Path created = root;
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> TempFolders.delete(created), "remove-app-snapshots"));
      }
      Path target = root.resolve(module.replace('/', '-')).resolve("quarkus-app");
      try (Stream<Path> files = Files.walk(app)) {
        for (Path source : (Iterable<Path>) files::iterator) {
          Path copy = target.resolve(app.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + app + " for the benchmark", e);
    }
  }
}
