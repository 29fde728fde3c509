/**
 * Per-function bounded FIFO queues of paused requests, the poke that wakes the autoscaler, and the
 * cold-start and rejection meters. Requests leave a queue only when a replica slot is reserved for
 * them, so a replica's hard limit is never exceeded. Direct probing of starting replicas is not
 * done here yet: the local backend probes every 10 ms and publishes READY at once.
 */
package io.zeroscale.activator.queue;
