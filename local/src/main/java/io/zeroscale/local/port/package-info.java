/**
 * Ports for replicas: each replica gets a port of the configured range that no other replica holds
 * and that nothing else on the host is bound to.
 */
package io.zeroscale.local.port;
