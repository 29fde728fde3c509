/**
 * Probing of starting replicas: while requests wait, the activator asks each starting replica for
 * its readiness path itself and makes it routable as soon as it answers, without waiting for the
 * backend to announce it ready.
 */
package io.zeroscale.activator.probe;
