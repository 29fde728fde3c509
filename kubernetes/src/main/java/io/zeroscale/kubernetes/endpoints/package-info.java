/**
 * The {@link io.zeroscale.api.spi.Endpoints} of the Kubernetes backend: an informer on the
 * EndpointSlices of functions' Services, and the pure mapping of slice conditions onto replica
 * states.
 */
package io.zeroscale.kubernetes.endpoints;
