package io.zeroscale.local.process;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts a Java function with the AOT cache its build made, when there is one. A command of the
 * form {@code java [options] -jar DIR/x.jar [args]} is looked at; if {@code
 * DIR/zeroscale-jvm.properties} exists (written by the build, see docs/functions.md "Cold start"),
 * names an executable {@code java} and an existing {@code aot-cache}, the command becomes {@code
 * <that java> -XX:AOTCache=DIR/<aot-cache> <jvm-options> [options] -jar DIR/x.jar [args]}. Anything
 * else — another program, a jar without the file, a cache or JDK that is gone — runs exactly as
 * written.
 *
 * <p>The cache only works with the JDK that made it, which is why the file names that JDK and the
 * command's own {@code java} is replaced.
 */
final class JvmStartCache {

  static final String DESCRIPTOR = "zeroscale-jvm.properties";

  private JvmStartCache() {}

  /**
   * The command to start, given the spec's command and the directory relative paths are resolved
   * against.
   */
  static List<String> command(List<String> command, Path workingDir) {
    return descriptorFor(command, workingDir)
        .flatMap(JvmStartCache::read)
        .map(launch -> launch.apply(command))
        .orElse(command);
  }

  private static Optional<Path> descriptorFor(List<String> command, Path workingDir) {
    if (command.size() < 3 || !isJava(command.get(0))) {
      return Optional.empty();
    }
    int jarFlag = command.indexOf("-jar");
    if (jarFlag < 1 || jarFlag + 1 >= command.size()) {
      return Optional.empty();
    }
    Path jar = workingDir.resolve(command.get(jarFlag + 1));
    Path descriptor = jar.toAbsolutePath().normalize().resolveSibling(DESCRIPTOR);
    return Files.isRegularFile(descriptor) ? Optional.of(descriptor) : Optional.empty();
  }

  private static boolean isJava(String program) {
    return program.equals("java") || program.endsWith("/java");
  }

  private static Optional<CachedLaunch> read(Path descriptor) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(descriptor)) {
      p.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    String java = p.getProperty("java", "").trim();
    String cache = p.getProperty("aot-cache", "").trim();
    if (java.isEmpty() || cache.isEmpty() || !Files.isExecutable(Path.of(java))) {
      return Optional.empty();
    }
    Path cacheFile = descriptor.resolveSibling(cache);
    if (!Files.isRegularFile(cacheFile)) {
      return Optional.empty();
    }
    List<String> options =
        Arrays.stream(p.getProperty("jvm-options", "").trim().split("\\s+"))
            .filter(o -> !o.isEmpty() && !o.startsWith("${"))
            .toList();
    return Optional.of(new CachedLaunch(java, cacheFile, options));
  }

  /** What the descriptor says: the JDK, its cache and the JVM options to add. */
  private record CachedLaunch(String java, Path cache, List<String> options) {

    List<String> apply(List<String> command) {
      List<String> result = new ArrayList<>();
      result.add(java);
      result.add("-XX:AOTCache=" + cache);
      result.addAll(options);
      result.addAll(command.subList(1, command.size()));
      return List.copyOf(result);
    }
  }
}
