/**
 * How a replica leaves: readiness ({@code GET /q/ready}) turns 503 and new requests are refused the
 * moment SIGTERM arrives, while Quarkus's graceful shutdown lets in-flight requests finish within
 * {@code quarkus.shutdown.timeout}.
 */
package io.zeroscale.runtime.drain;
