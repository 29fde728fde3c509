/**
 * The scaling loop: it follows the catalog, collects load from the data path every tick (or at once
 * on a poke), asks the decider and applies changed decisions through the orchestrator. All of its
 * state lives on its own single thread.
 */
package io.zeroscale.autoscaler.loop;
