package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.local.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The desired replica count of each function, one small file per function under {@code
 * <dataDir>/scale/<namespace>/<name>}, so that a restarted platform brings back what ran before.
 */
final class DesiredScaleStore {

  private static final Logger LOG = Logger.getLogger(DesiredScaleStore.class);

  private final Path dir;

  DesiredScaleStore(Path dir) {
    this.dir = dir;
  }

  Map<FunctionKey, Integer> load() {
    Map<FunctionKey, Integer> scales = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return scales;
    }
    try (Stream<Path> walk = Files.walk(dir, 2)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.getParent().getParent().equals(dir))
          .forEach(
              p -> {
                FunctionKey key =
                    FunctionKey.of(
                        p.getParent().getFileName().toString(), p.getFileName().toString());
                try {
                  scales.put(key, Integer.parseInt(Files.readString(p).trim()));
                } catch (IOException | NumberFormatException e) {
                  LOG.warnf(
                      "stored scale skipped file=%s reason=\"%s\" (it starts at 0)",
                      p, e.getMessage());
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stored scales under " + dir, e);
    }
    return scales;
  }

  void write(FunctionKey key, int replicas) {
    AtomicFile.write(file(key), replicas + "\n");
  }

  void delete(FunctionKey key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      LOG.warnf("stored scale not deleted function=%s reason=\"%s\"", key, e.getMessage());
    }
  }

  private Path file(FunctionKey key) {
    return dir.resolve(key.namespace()).resolve(key.name());
  }
}
