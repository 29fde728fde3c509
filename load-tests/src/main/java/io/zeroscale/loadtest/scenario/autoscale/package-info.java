/**
 * Autoscale step: 1 → 50 → 1 concurrent clients against {@code sleepy}, with the replicas and the
 * latency over time, to see how fast the platform scales up and back down.
 */
package io.zeroscale.loadtest.scenario.autoscale;
