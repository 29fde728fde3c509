/**
 * The metric flow between the data path (router, activator) and the autoscaler: what load each
 * function sees, and the poke that wakes the autoscaler when a request waits for a replica.
 */
package io.zeroscale.api.stats;
