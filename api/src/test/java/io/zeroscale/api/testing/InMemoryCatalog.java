package io.zeroscale.api.testing;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.spi.FunctionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A catalog in memory, for tests of the data path. */
public final class InMemoryCatalog implements FunctionCatalog {

  private final Map<FunctionKey, Function> functions = new TreeMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** A function with the given timeout and hard concurrency limit. */
  public static Function function(String namespace, String name, String timeout, int cc) {
    FunctionSpec spec =
        new FunctionSpec(
            null,
            List.of("true"),
            null,
            null,
            null,
            timeout,
            null,
            new ScalingSpec(null, null, null, cc, null));
    return Function.of(ObjectMeta.of(namespace, name), spec).withDefaults();
  }

  @Override
  public synchronized List<Function> list() {
    return new ArrayList<>(functions.values());
  }

  @Override
  public synchronized Optional<Function> get(FunctionKey key) {
    return Optional.ofNullable(functions.get(key));
  }

  @Override
  public Function put(Function function) {
    Function stored = function.withDefaults();
    synchronized (this) {
      functions.put(stored.key(), stored);
    }
    listeners.forEach(l -> l.onUpsert(stored));
    return stored;
  }

  @Override
  public boolean delete(FunctionKey key) {
    boolean existed;
    synchronized (this) {
      existed = functions.remove(key) != null;
    }
    if (existed) {
      listeners.forEach(l -> l.onDelete(key));
    }
    return existed;
  }

  @Override
  public void updateStatus(FunctionKey key, FunctionStatus status) {}

  @Override
  public AutoCloseable watch(Listener listener) {
    list().forEach(listener::onUpsert);
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
