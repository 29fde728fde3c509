/**
 * The {@link io.zeroscale.api.spi.Orchestrator} of the Kubernetes backend: one Deployment per
 * function, scaled through its {@code scale} subresource, its counts read from an informer's cache.
 */
package io.zeroscale.kubernetes.scale;
