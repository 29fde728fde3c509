/**
 * The Kubernetes backend: it fills the SPI of {@code io.zeroscale.api.spi} with the Fabric8 client
 * and informers. {@code crd} holds the custom resource, {@code catalog}, {@code scale} and {@code
 * endpoints} the three SPI implementations, {@code reconcile} the controller that turns a {@code
 * Function} into a Deployment and a Service.
 */
package io.zeroscale.kubernetes;
