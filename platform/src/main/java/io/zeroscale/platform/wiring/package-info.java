/**
 * Wires the plain libraries (router, activator, autoscaler, local backend) into the Quarkus
 * application: CDI producers for the backend, and the ordered start and stop of every part.
 */
package io.zeroscale.platform.wiring;
