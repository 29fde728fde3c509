/**
 * What the autoscaler measures before it decides: {@link
 * io.zeroscale.autoscaler.metrics.LoadCollector} sums the load of every router and activator
 * instance (keeping a silent one's last load for a bounded time), {@link
 * io.zeroscale.autoscaler.metrics.ConcurrencyWindow} turns samples into stable and panic averages,
 * and {@link io.zeroscale.autoscaler.metrics.ColdStartTracker} measures how long replicas take to
 * start.
 */
package io.zeroscale.autoscaler.metrics;
