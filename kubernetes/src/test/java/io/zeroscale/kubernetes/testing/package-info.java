/**
 * Test fixtures: Fabric8's API server in CRUD mode with the generated CRD, and sample functions.
 */
package io.zeroscale.kubernetes.testing;
