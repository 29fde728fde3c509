package io.zeroscale.loadtest.scenario;

import java.nio.file.Path;
import java.util.Map;

/**
 * A scenario's headline figures (for the summary printed at the end of a run) and where its files
 * are.
 *
 * @param lost requests that did not get a 2xx answer, over the whole scenario (kafka-throughput:
 *     records a path had not committed when its time was up)
 */
public record ScenarioOutcome(
    String scenario, Map<String, Object> headline, long lost, Path json, Path html) {}
