package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.spi.FunctionCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A catalog in memory that tells its listeners about every change, as the SPI says. */
final class InMemoryCatalog implements FunctionCatalog {

  private final Map<FunctionKey, Function> functions = new ConcurrentSkipListMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  @Override
  public List<Function> list() {
    return List.copyOf(functions.values());
  }

  @Override
  public Optional<Function> get(FunctionKey key) {
    return Optional.ofNullable(functions.get(key));
  }

  @Override
  public synchronized Function put(Function function) {
    Function stored = function.withDefaults();
    functions.put(stored.key(), stored);
    listeners.forEach(l -> l.onUpsert(stored));
    return stored;
  }

  @Override
  public synchronized boolean delete(FunctionKey key) {
    boolean existed = functions.remove(key) != null;
    if (existed) {
      listeners.forEach(l -> l.onDelete(key));
    }
    return existed;
  }

  @Override
  public void updateStatus(FunctionKey key, FunctionStatus status) {}

  @Override
  public synchronized AutoCloseable watch(Listener listener) {
    functions.values().forEach(listener::onUpsert);
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
