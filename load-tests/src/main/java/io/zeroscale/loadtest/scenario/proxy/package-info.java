/**
 * Proxy overhead: the same warm {@code hello} replica called directly, through the zeroscale
 * router, through nginx and through HAProxy, at the same open-loop rates, in a max-throughput
 * closed loop, and with wrk.
 */
package io.zeroscale.loadtest.scenario.proxy;
