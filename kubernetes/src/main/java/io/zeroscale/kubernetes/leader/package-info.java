/**
 * Leader election on a {@code coordination.k8s.io} Lease, with Fabric8's leader elector: the
 * controller and the autoscaler run on one platform instance at a time, and a stand-by takes over
 * when the leader releases its lease or stops renewing it.
 */
package io.zeroscale.kubernetes.leader;
