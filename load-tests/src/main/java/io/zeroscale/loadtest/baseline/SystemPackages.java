package io.zeroscale.loadtest.baseline;

import io.zeroscale.loadtest.process.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a tool ({@code nginx}, {@code haproxy}, {@code wrk}) and installs its Debian package with
 * {@code apt-get} when it is missing, printing apt's progress. Fails with a message that says what
 * to install by hand when apt-get cannot run (not Debian, not root and no sudo, no network).
 */
public final class SystemPackages {

  private static final List<String> SEARCH_PATH =
      List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin");

  private SystemPackages() {}

  /** The tool's executable, installing {@code debianPackage} first if it is not there. */
  public static Path require(String tool, String debianPackage) {
    Optional<Path> found = find(tool);
    if (found.isPresent()) {
      return found.get();
    }
    System.err.println(
        "bench: " + tool + " is missing; installing Debian package " + debianPackage);
    install(debianPackage);
    return find(tool)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    debianPackage + " was installed but " + tool + " is still not on the PATH"));
  }

  static Optional<Path> find(String tool) {
    List<String> dirs = new ArrayList<>(SEARCH_PATH);
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(0, List.of(path.split(":")));
    }
    return dirs.stream().map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
  }

  private static void install(String debianPackage) {
    List<String> prefix = prefix(debianPackage);
    run(prefix, List.of("apt-get", "update"), debianPackage);
    run(
        prefix,
        List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage),
        debianPackage);
  }

  private static List<String> prefix(String debianPackage) {
    if (find("apt-get").isEmpty()) {
      throw cannotInstall(debianPackage, "apt-get is not available (not a Debian system?)");
    }
    if ("root".equals(System.getProperty("user.name"))) {
      return List.of("env", "DEBIAN_FRONTEND=noninteractive");
    }
    if (find("sudo").isPresent()) {
      return List.of("sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive");
    }
    throw cannotInstall(debianPackage, "not running as root and sudo is not available");
  }

  private static void run(List<String> prefix, List<String> command, String debianPackage) {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    System.err.println("bench: running " + String.join(" ", full));
    Process process = ChildProcesses.start(new ProcessBuilder(full).inheritIO());
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        ChildProcesses.stop(process, 5);
        throw cannotInstall(debianPackage, String.join(" ", command) + " took over 10 minutes");
      }
      if (process.exitValue() != 0) {
        throw cannotInstall(
            debianPackage, String.join(" ", command) + " exited with " + process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cannotInstall(debianPackage, "interrupted");
    } finally {
      ChildProcesses.stop(process, 5);
    }
  }

  private static IllegalStateException cannotInstall(String debianPackage, String why) {
    return new IllegalStateException(
        "cannot install "
            + debianPackage
            + ": "
            + why
            + ". Install it yourself (sudo apt-get install -y "
            + debianPackage
            + ") and run the benchmark again.");
  }
}
