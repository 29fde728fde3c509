/**
 * A function process for the kubelet stand-in to run: real HTTP on {@code $PORT}, with a knob to
 * ignore SIGTERM so that the grace period's SIGKILL can be seen.
 */
package io.zeroscale.kubernetes.testing.replica;
