/**
 * Replicas as child processes: {@link io.zeroscale.local.process.LocalOrchestrator} keeps the
 * desired count per function and reconciles in the background; the other classes each do one step
 * of a replica's life (launch, readiness probe, graceful stop, pid files, start priority).
 */
package io.zeroscale.local.process;
