/**
 * Wires the plain libraries (router, activator, autoscaler, and the local or Kubernetes backend
 * that {@code zeroscale.backend} names) into the Quarkus application: the backend as CDI beans, the
 * roles an instance runs, and the ordered start and stop of every part.
 */
package io.zeroscale.platform.wiring;
