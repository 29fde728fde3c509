/**
 * The decision: how many replicas a function should have, given its scaling spec, the load seen on
 * it and when it was last active. Pure functions of their inputs (no clock reads, no hidden state),
 * so every rule is a row in a table-driven test.
 */
package io.zeroscale.autoscaler.decider;
