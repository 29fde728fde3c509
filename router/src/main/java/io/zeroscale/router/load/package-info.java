/**
 * Load accounting of the data path: the per-function time-weighted concurrency the autoscaler
 * collects through {@link io.zeroscale.api.stats.LoadSource}, and the per-function Micrometer
 * meters. The activator updates the same accumulators for the requests it queues, so one collection
 * covers proxied and queued requests.
 */
package io.zeroscale.router.load;
