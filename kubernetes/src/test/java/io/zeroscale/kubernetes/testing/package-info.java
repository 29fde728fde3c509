/**
 * Test fixtures: Fabric8's API server in CRUD mode with the generated CRD and the scale
 * subresource, sample functions, and {@link io.zeroscale.kubernetes.testing.KubeletStandIn}, which
 * plays the Deployment controller, the kubelet (real processes) and the EndpointSlice controller
 * that the mock lacks.
 */
package io.zeroscale.kubernetes.testing;
