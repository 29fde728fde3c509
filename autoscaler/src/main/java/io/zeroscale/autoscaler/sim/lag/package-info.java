/**
 * The Kafka side of the simulator: replays records-per-second traces against a model of a consumer
 * group (partitions, records one replica handles per second, cold start, a pause of every consumer
 * at each rebalance) through zeroscale's decider and through a re-implementation of KEDA's Kafka
 * scaler behind a Kubernetes HPA, restated from their documented formulas and defaults.
 */
package io.zeroscale.autoscaler.sim.lag;
