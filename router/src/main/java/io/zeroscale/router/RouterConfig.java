package io.zeroscale.router;

import java.time.Duration;
import java.util.function.Consumer;

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
 * @param clientPoolSize connections kept per replica by each instance's HTTP client (default 64).
 *     Not meant as a concurrency cap (a function's {@code containerConcurrency} is that): a request
 *     beyond it waits for a free connection, bounded by the function's timeout. It does pace a
 *     burst: with 1024, a burst of 1,000 requests at a function waking from zero opened ~1,000
 *     connections to its first, still cold replica, and the median answer came at 2.1 s; with 64,
 *     at 1.0 s, with no loss of throughput under steady load (load-tests, burst-from-zero and
 *     proxy-overhead). Keep it above the concurrency one replica is expected to take divided by
 *     {@code instances}
 * @param connectTimeout longest TCP connect to a replica before another is tried (default 5s); a
 *     failed connect keeps new requests off the replica for {@code refusedBackoff}. Waiting for a
 *     pooled connection is not bounded by it
 * @param refusedBackoff how long a replica that refused a connection gets no new requests (default
 *     200ms), so a dying replica is not hammered while its endpoint is still listed ready
 * @param clientKeepAliveTimeout how long an idle connection to a replica is kept for reuse (default
 *     4s): below the idle timeout of common servers (Node's is 5s) so a reused connection is not
 *     closed by the replica under a request
 * @param serverIdleTimeout a client connection with nothing read or written for this long is closed
 *     (default 0: off). Off by default because a request waiting for a slow function is silent too
 *     and function timeouts have no upper bound; per request, the function's timeout already bounds
 *     the wait for headers and every silence after them, whichever side stalls. Set it above the
 *     longest function timeout to also shed idle keep-alive connections
 */
public record RouterConfig(
    String host,
    int port,
    String domain,
    int instances,
    long maxBodyBytes,
    int clientPoolSize,
    Duration connectTimeout,
    Duration refusedBackoff,
    Duration clientKeepAliveTimeout,
    Duration serverIdleTimeout) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DOMAIN = "zeroscale.localhost";
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_CLIENT_POOL_SIZE = 64;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REFUSED_BACKOFF = Duration.ofMillis(200);
  public static final Duration DEFAULT_CLIENT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(4);
  public static final Duration DEFAULT_SERVER_IDLE_TIMEOUT = Duration.ZERO;

  public static RouterConfig defaults() {
    return new RouterConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_DOMAIN,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_CLIENT_POOL_SIZE,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REFUSED_BACKOFF,
        DEFAULT_CLIENT_KEEP_ALIVE_TIMEOUT,
        DEFAULT_SERVER_IDLE_TIMEOUT);
  }

  public RouterConfig withPort(int value) {
    return copy(b -> b.port = value);
  }

  public RouterConfig withHost(String value) {
    return copy(b -> b.host = value);
  }

  public RouterConfig withInstances(int value) {
    return copy(b -> b.instances = value);
  }

  public RouterConfig withMaxBodyBytes(long value) {
    return copy(b -> b.maxBodyBytes = value);
  }

  public RouterConfig withDomain(String value) {
    return copy(b -> b.domain = value);
  }

  public RouterConfig withClientPoolSize(int value) {
    return copy(b -> b.clientPoolSize = value);
  }

  public RouterConfig withConnectTimeout(Duration value) {
    return copy(b -> b.connectTimeout = value);
  }

  public RouterConfig withServerIdleTimeout(Duration value) {
    return copy(b -> b.serverIdleTimeout = value);
  }

  /** A copy with some fields changed. */
  private RouterConfig copy(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.build();
  }

  /** The record's fields, mutable, for {@link #copy}. */
  private static final class Fields {
    String host;
    int port;
    String domain;
    int instances;
    long maxBodyBytes;
    int clientPoolSize;
    Duration connectTimeout;
    Duration refusedBackoff;
    Duration clientKeepAliveTimeout;
    Duration serverIdleTimeout;

    Fields(RouterConfig c) {
      host = c.host;
      port = c.port;
      domain = c.domain;
      instances = c.instances;
      maxBodyBytes = c.maxBodyBytes;
      clientPoolSize = c.clientPoolSize;
      connectTimeout = c.connectTimeout;
      refusedBackoff = c.refusedBackoff;
      clientKeepAliveTimeout = c.clientKeepAliveTimeout;
      serverIdleTimeout = c.serverIdleTimeout;
    }

    RouterConfig build() {
      return new RouterConfig(
          host,
          port,
          domain,
          instances,
          maxBodyBytes,
          clientPoolSize,
          connectTimeout,
          refusedBackoff,
          clientKeepAliveTimeout,
          serverIdleTimeout);
    }
  }
}
