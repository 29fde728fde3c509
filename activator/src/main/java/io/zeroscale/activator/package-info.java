/**
 * The activator: holds requests for functions that have no replica with room, pokes the autoscaler,
 * and forwards them in order as replicas become ready or slots free up. Its one config record is
 * {@link io.zeroscale.activator.ActivatorConfig}. It depends on the router (it implements the
 * router's {@code Handoff} and {@code RouteListener} and forwards through the router's proxy),
 * never the reverse, so a router can run alone with {@code Handoff.REJECT}.
 */
package io.zeroscale.activator;
