/**
 * Test fixtures: Fabric8's API server in CRUD mode with the generated CRD and the scale
 * subresource, sample functions, and {@link io.zeroscale.kubernetes.testing.KubeletStandIn}, which
 * plays the Deployment controller, the kubelet (real processes) and the EndpointSlice controller
 * that the mock lacks. {@link io.zeroscale.kubernetes.testing.ApiAccess} and {@link
 * io.zeroscale.kubernetes.testing.ShippedRbac} compare the calls a part made with what the shipped
 * roles grant its ServiceAccount.
 */
package io.zeroscale.kubernetes.testing;
