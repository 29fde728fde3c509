/**
 * Replicas as child processes: {@link io.zeroscale.local.process.LocalOrchestrator} is the SPI
 * facade, {@link io.zeroscale.local.process.Reconciler} keeps the desired count per function under
 * one lock and applies the pure {@link io.zeroscale.local.process.ReconcilePlan}, and {@link
 * io.zeroscale.local.process.ReplicaLife} runs each replica from launch to exit. The other classes
 * each do one step (launch, readiness probe, graceful stop, pid files, start priority, backoff).
 */
package io.zeroscale.local.process;
