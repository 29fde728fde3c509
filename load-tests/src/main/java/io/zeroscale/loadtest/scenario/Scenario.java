package io.zeroscale.loadtest.scenario;

import io.zeroscale.loadtest.config.BenchContext;

/** One benchmark scenario, runnable on its own or as part of {@code bench all}. */
public interface Scenario {

  /** The command-line name and results folder, e.g. {@code proxy-overhead}. */
  String name();

  /** Runs the scenario, writes its JSON and HTML, returns its headline figures. */
  ScenarioOutcome run(BenchContext context) throws Exception;
}
