/**
 * How the leading autoscaler finds the platform's data-path instances (router and activator pods):
 * the EndpointSlices of one headless Service, read through an informer.
 */
package io.zeroscale.kubernetes.peers;
