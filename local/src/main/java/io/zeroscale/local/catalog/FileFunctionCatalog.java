package io.zeroscale.local.catalog;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.OrderedDelivery;
import io.zeroscale.local.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A {@link FunctionCatalog} backed by files: {@code <dir>/<namespace>/<name>.yaml}, each written
 * atomically. Every file is loaded at construction, so functions survive a restart; a file that
 * cannot be read is logged and skipped rather than stopping the platform.
 *
 * <p>Watchers are called on the catalog's delivery thread, in the order the changes happened, never
 * under a lock.
 */
public final class FileFunctionCatalog implements FunctionCatalog, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FileFunctionCatalog.class);

  private final Path dir;
  private final TreeMap<FunctionKey, Function> functions = new TreeMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final OrderedDelivery delivery = new OrderedDelivery("zeroscale-catalog-events");

  /**
   * @param dir the functions directory, usually {@link
   *     io.zeroscale.local.LocalBackendConfig#functionsDir()}
   */
  public FileFunctionCatalog(Path dir) {
    this.dir = dir;
    load();
  }

  @Override
  public synchronized List<Function> list() {
    return List.copyOf(functions.values());
  }

  @Override
  public synchronized Optional<Function> get(FunctionKey key) {
    return Optional.ofNullable(functions.get(key));
  }

  @Override
  public Function put(Function function) {
    FunctionValidator.requireValid(function);
    Function incoming = function.withDefaults();
    FunctionKey key = incoming.key();
    synchronized (this) {
      Function previous = functions.get(key);
      long generation = nextGeneration(previous, incoming);
      Function stored =
          incoming
              .withMetadata(incoming.metadata().withGeneration(generation))
              .withStatus(previous == null ? FunctionStatus.empty() : previous.status());
      write(stored);
      functions.put(key, stored);
      if (previous == null || !previous.equals(stored)) {
        LOG.infof(
            "function stored function=%s generation=%d created=%s",
            key, generation, previous == null);
        delivery.submit(() -> listeners.forEach(l -> l.onUpsert(stored)));
      }
      return stored;
    }
  }

  @Override
  public boolean delete(FunctionKey key) {
    synchronized (this) {
      if (functions.remove(key) == null) {
        return false;
      }
      try {
        Files.deleteIfExists(file(key));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot delete the file of function " + key + " (" + file(key) + ")", e);
      }
      LOG.infof("function deleted function=%s", key);
      delivery.submit(() -> listeners.forEach(l -> l.onDelete(key)));
      return true;
    }
  }

  @Override
  public void updateStatus(FunctionKey key, FunctionStatus status) {
    synchronized (this) {
      Function current = functions.get(key);
      if (current == null || Objects.equals(current.status(), status)) {
        return;
      }
      Function stored = current.withStatus(status);
      write(stored);
      functions.put(key, stored);
      delivery.submit(() -> listeners.forEach(l -> l.onUpsert(stored)));
    }
  }

  @Override
  public AutoCloseable watch(Listener listener) {
    synchronized (this) {
      // Replay and registration are queued together, so no change falls between them.
      List<Function> replay = List.copyOf(functions.values());
      return delivery.subscribe(listeners, listener, () -> replay.forEach(listener::onUpsert));
    }
  }

  /** Stops the delivery thread; pending events are still delivered. */
  @Override
  public void close() {
    delivery.close();
  }

  private static long nextGeneration(Function previous, Function incoming) {
    if (previous == null) {
      return 1;
    }
    long current = previous.metadata().generation() == null ? 1 : previous.metadata().generation();
    return previous.spec().equals(incoming.spec()) ? current : current + 1;
  }

  private Path file(FunctionKey key) {
    return dir.resolve(key.namespace()).resolve(key.name() + ".yaml");
  }

  private void write(Function function) {
    AtomicFile.write(file(function.key()), FunctionCodec.toYaml(function));
  }

  private void load() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir, 2)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".yaml")).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the function files under " + dir, e);
    }
    for (Path file : files) {
      try {
        Function function = FunctionCodec.read(Files.readString(file));
        FunctionValidator.requireValid(function);
        Function stored = function.withDefaults();
        if (stored.metadata().generation() == null) {
          stored = stored.withMetadata(stored.metadata().withGeneration(1));
        }
        functions.put(stored.key(), stored);
      } catch (IOException | InvalidFunctionException e) {
        LOG.warnf(
            "function file skipped file=%s reason=\"%s\" (fix or delete the file, then restart)",
            file, e.getMessage());
      }
    }
    LOG.infof("catalog loaded dir=%s functions=%d", dir, functions.size());
  }
}
