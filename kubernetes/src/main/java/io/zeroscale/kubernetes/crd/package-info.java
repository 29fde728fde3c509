/**
 * The {@code Function} custom resource ({@code zeroscale.io/v1alpha1}) and the schema twins its CRD
 * is generated from. The CRD is built by Fabric8's generator and checked in under {@code
 * manifests/crd}; a test fails when the two drift.
 */
package io.zeroscale.kubernetes.crd;
