package io.zeroscale.loadtest.config;

import io.zeroscale.loadtest.process.AppSnapshots;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every scenario gets: the repository root (where the platform and example jars are built),
 * where to write results, the settings, and where to print progress.
 */
public record BenchContext(
    Path repoRoot, Path resultsDir, BenchSettings settings, boolean smoke, PrintStream out) {

  /** The results folder of one scenario, {@code <resultsDir>/<scenario>/}, created if needed. */
  public Path dir(String scenario) {
    Path dir = resultsDir.resolve(scenario);
    try {
      return Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + dir, e);
    }
  }

  /**
   * An example's runnable jar ({@code examples/<example>/target/quarkus-app/quarkus-run.jar}), as
   * copied at the start of the run.
   */
  public Path exampleJar(String example) {
    return AppSnapshots.quarkusRunJar(repoRoot, "examples/" + example);
  }

  /** The repository root: the nearest folder at or above {@code start} holding {@code mvnw}. */
  public static Path findRepoRoot(Path start) {
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("platform"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no zeroscale repository (a folder with mvnw and platform/) at or above " + start);
  }

  public int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
