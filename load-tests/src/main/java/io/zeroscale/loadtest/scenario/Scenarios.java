package io.zeroscale.loadtest.scenario;

import io.zeroscale.loadtest.scenario.autoscale.AutoscaleStepScenario;
import io.zeroscale.loadtest.scenario.burst.BurstFromZeroScenario;
import io.zeroscale.loadtest.scenario.coldstart.ColdStartScenario;
import io.zeroscale.loadtest.scenario.kafka.KafkaThroughputScenario;
import io.zeroscale.loadtest.scenario.memory.MemoryScenario;
import io.zeroscale.loadtest.scenario.proxy.ProxyOverheadScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every scenario by name, in the order {@code all} runs them. */
public final class Scenarios {

  private static final Map<String, Supplier<Scenario>> ALL = new LinkedHashMap<>();

  static {
    ALL.put(ProxyOverheadScenario.NAME, ProxyOverheadScenario::new);
    ALL.put(ColdStartScenario.NAME, ColdStartScenario::new);
    ALL.put(BurstFromZeroScenario.NAME, BurstFromZeroScenario::new);
    ALL.put(AutoscaleStepScenario.NAME, AutoscaleStepScenario::new);
    ALL.put(MemoryScenario.NAME, MemoryScenario::new);
    ALL.put(KafkaThroughputScenario.NAME, KafkaThroughputScenario::new);
  }

  private Scenarios() {}

  /** The scenarios named, {@code all} meaning every one; an unknown name is an error. */
  public static List<Scenario> resolve(List<String> names) {
    List<Scenario> scenarios = new ArrayList<>();
    for (String name : names) {
      if (name.equals("all")) {
        ALL.values().forEach(s -> scenarios.add(s.get()));
      } else if (ALL.containsKey(name)) {
        scenarios.add(ALL.get(name).get());
      } else {
        throw new IllegalArgumentException(
            "unknown scenario '" + name + "'; choose from " + ALL.keySet() + " or all");
      }
    }
    return scenarios;
  }
}
