/**
 * The platform's conventions for Java functions on Quarkus: configuration defaults in {@code
 * META-INF/microprofile-config.properties} and the small beans in the sub-packages. The full
 * function API (handlers, CloudEvents, Kafka triggers) is planned.
 */
package io.zeroscale.runtime;
