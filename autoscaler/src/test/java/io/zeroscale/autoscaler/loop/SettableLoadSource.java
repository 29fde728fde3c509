package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A load source that reports the same load at every collection until it is changed. */
final class SettableLoadSource implements LoadSource {

  private final Map<FunctionKey, FunctionLoad> loads = new ConcurrentHashMap<>();
  private final AtomicInteger collections = new AtomicInteger();

  void set(FunctionLoad load) {
    loads.put(load.key(), load);
  }

  /** How many times the loop collected from this source. */
  int collections() {
    return collections.get();
  }

  void clear() {
    loads.clear();
  }

  @Override
  public Map<FunctionKey, FunctionLoad> collect() {
    collections.incrementAndGet();
    return Map.copyOf(loads);
  }
}
