/**
 * The per-replica hard concurrency limit ({@code spec.scaling.containerConcurrency}, passed as
 * {@code ZEROSCALE_CONTAINER_CONCURRENCY}). The activator already holds requests beyond it; this
 * filter is the replica's own guard when something sends more anyway.
 */
package io.zeroscale.runtime.concurrency;
