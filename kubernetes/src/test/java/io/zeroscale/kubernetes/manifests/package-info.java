/**
 * Tests of what ships under manifests/ and platform/src/main/docker/, without a cluster: the YAML
 * reads as Fabric8's typed models, the kustomizations render, each platform Deployment's account is
 * granted exactly what its roles call, and the workloads agree with the platform and its image.
 * {@link io.zeroscale.kubernetes.manifests.ShippedManifests} reads the files for all of them.
 */
package io.zeroscale.kubernetes.manifests;
