/**
 * The autoscaler: a pure {@link io.zeroscale.autoscaler.decider.Decider} that turns load into a
 * replica count, and the {@link io.zeroscale.autoscaler.loop.ScalingLoop} that feeds it on a tick
 * or a poke and applies its decisions. {@link io.zeroscale.autoscaler.AutoscalerConfig} is its one
 * configuration.
 */
package io.zeroscale.autoscaler;
