package io.zeroscale.kubernetes.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real kustomize, kubectl's: {@code kubectl kustomize DIR}, where kubectl is installed. */
final class KubectlKustomize {

  private static final long TIMEOUT_SECONDS = 60;

  private KubectlKustomize() {}

  static boolean installed() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
  }

  /** The objects kustomize renders from {@code directory}; fails with kubectl's error. */
  static List<HasMetadata> render(Path directory) throws Exception {
    File out = File.createTempFile("kustomize", ".yaml");
    File err = File.createTempFile("kustomize", ".err");
    try {
      Process p =
          new ProcessBuilder("kubectl", "kustomize", directory.toString())
              .redirectOutput(out)
              .redirectError(err)
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            "kubectl kustomize " + directory + " took over " + TIMEOUT_SECONDS + " s");
      }
      assertThat(p.exitValue())
          .as("kubectl kustomize %s: %s", directory, Files.readString(err.toPath()))
          .isZero();
      return ShippedManifests.read(out.toPath());
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }
}
