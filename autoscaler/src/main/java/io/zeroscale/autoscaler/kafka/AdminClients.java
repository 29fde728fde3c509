package io.zeroscale.autoscaler.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * One Kafka {@link Admin} client per distinct {@code bootstrapServers} string, shared by the
 * functions that name it and closed when the last of them stops using it. A client is created on
 * first use, on the caller's thread (the lag reader's own executor: creating one resolves host
 * names, which may block), never when a function is followed.
 */
final class AdminClients implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AdminClients.class);

  private final Duration timeout;
  private final Executor closer;

  /** Guarded by {@code this}. */
  private final Map<String, Shared> clients = new HashMap<>();

  AdminClients(Duration timeout, Executor closer) {
    this.timeout = timeout;
    this.closer = closer;
  }

  /** One more function uses {@code servers}. */
  synchronized void acquire(String servers) {
    clients.computeIfAbsent(servers, Shared::new).users++;
  }

  /** A function no longer uses {@code servers}; the last one out closes the client. */
  void release(String servers) {
    Shared closing = null;
    synchronized (this) {
      Shared shared = clients.get(servers);
      if (shared != null && --shared.users <= 0) {
        clients.remove(servers);
        closing = shared;
      }
    }
    if (closing != null) {
      Shared c = closing;
      closer.execute(c::close);
    }
  }

  /** The client for {@code servers}, created now if needed; may block while it resolves hosts. */
  Admin admin(String servers) {
    Shared shared;
    synchronized (this) {
      shared = clients.get(servers);
    }
    if (shared == null) {
      throw new IllegalStateException("no function uses bootstrap servers " + servers);
    }
    return shared.admin();
  }

  /** How many clients are open now (created and not closed). */
  synchronized int open() {
    return (int) clients.values().stream().filter(Shared::created).count();
  }

  @Override
  public void close() {
    List<Shared> all;
    synchronized (this) {
      all = new ArrayList<>(clients.values());
      clients.clear();
    }
    all.forEach(Shared::close);
  }

  /** A client and the number of functions using it. */
  private final class Shared {
    final String servers;
    int users; // guarded by AdminClients.this
    private Admin admin; // guarded by this Shared
    private boolean closed;

    Shared(String servers) {
      this.servers = servers;
    }

    synchronized Admin admin() {
      if (closed) {
        throw new IllegalStateException("the admin client for " + servers + " is closed");
      }
      if (admin == null) {
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "zeroscale-autoscaler-lag",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
                    // Unreachable brokers: retry connecting at most every 10 s, not every second.
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000));
        LOG.infof("kafka admin client created bootstrapServers=%s", servers);
      }
      return admin;
    }

    synchronized boolean created() {
      return admin != null;
    }

    synchronized void close() {
      closed = true;
      if (admin != null) {
        admin.close(Duration.ZERO); // pending reads fail at once; nothing is written
        admin = null;
        LOG.infof("kafka admin client closed bootstrapServers=%s", servers);
      }
    }
  }
}
