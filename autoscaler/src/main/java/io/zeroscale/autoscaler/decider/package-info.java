/**
 * The decision: how many replicas a function should have, from its {@link
 * io.zeroscale.autoscaler.decider.ScalingPolicy} (spec plus platform defaults), the {@link
 * io.zeroscale.autoscaler.decider.ScaleInputs} of this moment and the {@link
 * io.zeroscale.autoscaler.decider.DeciderState} the previous decision handed back. Pure functions
 * of their inputs (no clock reads, no hidden state), so every rule is a row in a table-driven test.
 */
package io.zeroscale.autoscaler.decider;
