/**
 * The reverse proxy: an {@link io.zeroscale.router.proxy.Exchange} per request, the per-event-loop
 * {@link io.zeroscale.router.proxy.Forwarder} that streams it to a replica, and the {@link
 * io.zeroscale.router.proxy.Handoff} to which it gives requests it cannot place. The router defines
 * {@code Handoff} and the activator implements it (the activator module depends on the router,
 * never the reverse), so both forward through this same code: same retries, timeout, headers and
 * accounting.
 */
package io.zeroscale.router.proxy;
