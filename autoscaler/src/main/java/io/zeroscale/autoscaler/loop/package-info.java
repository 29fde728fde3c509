/**
 * The scaling loop: it follows the catalog, collects load from the data path every tick (or at once
 * on a poke), reads the Kafka lag of Kafka-triggered functions, asks the decider and applies
 * changed decisions through the orchestrator. All of its per-function state lives on its own single
 * thread.
 */
package io.zeroscale.autoscaler.loop;
