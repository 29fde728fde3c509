/**
 * The {@link io.zeroscale.api.spi.FunctionCatalog} on {@code Function} custom resources: an
 * informer keeps the last valid version of each function; status goes through the status
 * subresource.
 */
package io.zeroscale.kubernetes.catalog;
