package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Orchestrator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An orchestrator whose replicas are ready the moment they are asked for; records every call. */
class RecordingOrchestrator implements Orchestrator {

  record ScaleCall(FunctionKey key, int replicas) {}

  private final Map<FunctionKey, Integer> desired = new ConcurrentHashMap<>();
  final List<ScaleCall> scaleCalls = new CopyOnWriteArrayList<>();

  /** Pretends the backend restored this scale from before a restart. */
  void restore(FunctionKey key, int replicas) {
    desired.put(key, replicas);
  }

  int desired(FunctionKey key) {
    return desired.getOrDefault(key, 0);
  }

  @Override
  public void apply(Function function) {}

  @Override
  public void scale(FunctionKey key, int replicas) {
    scaleCalls.add(new ScaleCall(key, replicas));
    desired.put(key, replicas);
  }

  @Override
  public void delete(FunctionKey key) {
    desired.remove(key);
  }

  @Override
  public Scale currentScale(FunctionKey key) {
    int n = desired(key);
    return new Scale(n, n);
  }
}
