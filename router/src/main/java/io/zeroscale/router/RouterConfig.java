package io.zeroscale.router;

import java.time.Duration;

/**
 * Everything the router can be told, with defaults from {@link #defaults()}.
 *
 * @param host address the HTTP server binds to (default {@code 0.0.0.0})
 * @param port port the HTTP server listens on (default 8080; 0 picks a free port, read it from
 *     {@code Router.port()})
 * @param domain functions are also reached at {@code {name}.{namespace}.{domain}} (default {@code
 *     zeroscale.localhost})
 * @param instances HTTP server verticle instances, one event loop each (default: available cores)
 * @param maxBodyBytes largest request body accepted; larger ones get 413 (default 10 MiB)
 * @param clientPoolSize connections kept per replica by each instance's HTTP client (default 64)
 * @param connectTimeout longest wait to get a connection to a replica before another is tried
 *     (default 5s)
 * @param refusedBackoff how long a replica that refused a connection gets no new requests (default
 *     200ms), so a dying replica is not hammered while its endpoint is still listed ready
 */
public record RouterConfig(
    String host,
    int port,
    String domain,
    int instances,
    long maxBodyBytes,
    int clientPoolSize,
    Duration connectTimeout,
    Duration refusedBackoff) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DOMAIN = "zeroscale.localhost";
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_CLIENT_POOL_SIZE = 64;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REFUSED_BACKOFF = Duration.ofMillis(200);

  public static RouterConfig defaults() {
    return new RouterConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_DOMAIN,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_CLIENT_POOL_SIZE,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REFUSED_BACKOFF);
  }

  public RouterConfig withPort(int value) {
    return new RouterConfig(
        host,
        value,
        domain,
        instances,
        maxBodyBytes,
        clientPoolSize,
        connectTimeout,
        refusedBackoff);
  }

  public RouterConfig withHost(String value) {
    return new RouterConfig(
        value,
        port,
        domain,
        instances,
        maxBodyBytes,
        clientPoolSize,
        connectTimeout,
        refusedBackoff);
  }

  public RouterConfig withInstances(int value) {
    return new RouterConfig(
        host, port, domain, value, maxBodyBytes, clientPoolSize, connectTimeout, refusedBackoff);
  }

  public RouterConfig withMaxBodyBytes(long value) {
    return new RouterConfig(
        host, port, domain, instances, value, clientPoolSize, connectTimeout, refusedBackoff);
  }

  public RouterConfig withDomain(String value) {
    return new RouterConfig(
        host, port, value, instances, maxBodyBytes, clientPoolSize, connectTimeout, refusedBackoff);
  }
}
