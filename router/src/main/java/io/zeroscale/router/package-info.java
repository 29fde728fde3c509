/**
 * The router: maps {@code /fn/{namespace}/{name}/...} or {@code {name}.{namespace}.{domain}} to a
 * function and proxies to its least busy ready replica, or hands the request to the activator. Its
 * one config record is {@link io.zeroscale.router.RouterConfig}; the platform wires it through
 * {@code io.zeroscale.datapath.DataPath} (activator module).
 */
package io.zeroscale.router;
