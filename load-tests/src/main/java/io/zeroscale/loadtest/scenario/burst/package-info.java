/**
 * Burst from zero: 1,000 requests arriving within 100 ms at a function with no replica. Every one
 * must be answered; the scenario counts the lost ones and records latency and replicas over time.
 */
package io.zeroscale.loadtest.scenario.burst;
