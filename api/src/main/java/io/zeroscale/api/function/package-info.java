/**
 * The {@code Function} resource (group {@code zeroscale.io}, version {@code v1alpha1}): its spec,
 * status, defaults and validation. Plain records, free of any backend, so that the local store and
 * the Kubernetes custom resource share one model.
 */
package io.zeroscale.api.function;
