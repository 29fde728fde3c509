package io.zeroscale.api.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load sources there are now: a fixed list in one process, or the data-path instances the
 * leading autoscaler discovers on Kubernetes, which come and go.
 */
@FunctionalInterface
public interface LoadSources {

  /** No sources. */
  LoadSources NONE = Map::of;

  /**
   * The sources now, each under a name that stays the same for as long as the source does (a pod's
   * address): the collector remembers a source's last load by it.
   */
  Map<String, LoadSource> current();

  /** A fixed list, named by position. */
  static LoadSources of(List<LoadSource> sources) {
    Map<String, LoadSource> named = new LinkedHashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      named.put("source-" + i, sources.get(i));
    }
    Map<String, LoadSource> fixed = Map.copyOf(named);
    return () -> fixed;
  }

  /** These sources and {@code others} (names must not clash). */
  default LoadSources and(LoadSources others) {
    return () -> {
      Map<String, LoadSource> all = new LinkedHashMap<>(current());
      all.putAll(others.current());
      return all;
    };
  }
}
