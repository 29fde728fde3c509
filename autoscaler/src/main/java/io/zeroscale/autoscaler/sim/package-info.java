/**
 * The trace simulator: replays a load trace (arrivals per second) against a model of replicas with
 * a start-up delay and a per-replica capacity and of the activator's queue, decides with
 * zeroscale's {@link io.zeroscale.autoscaler.decider.ConcurrencyDecider} and with {@link
 * io.zeroscale.autoscaler.sim.KpaReimplementation}, and writes CSV, self-contained HTML plots and a
 * comparison table. Run it with {@code autoscaler/simulate}; production code never uses this
 * package.
 */
package io.zeroscale.autoscaler.sim;
