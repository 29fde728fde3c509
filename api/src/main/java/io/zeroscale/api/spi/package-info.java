/**
 * The service-provider interface a backend fills: where functions are stored ({@link
 * io.zeroscale.api.spi.FunctionCatalog}), how replicas are run and scaled ({@link
 * io.zeroscale.api.spi.Orchestrator}) and which replicas can take requests ({@link
 * io.zeroscale.api.spi.Endpoints}). Two backends fill it: {@code local} (child processes) and
 * {@code kubernetes}; {@code docs/architecture.md} maps each call onto Kubernetes objects.
 */
package io.zeroscale.api.spi;
