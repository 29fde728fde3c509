package io.zeroscale.platform.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.LoadSources;
import io.zeroscale.api.stats.ScalePoke;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data-path instances, as the leading autoscaler follows them for one leadership term (its own
 * among them, when it has one: recognised by its instance id and then skipped, since it is read
 * in-process): for each instance the discovery lists, a {@link PeerLoadSource} (for the scaling
 * loop's load collector, which keeps a silent one at its last load) and a {@link PeerPokeStream}
 * (pokes straight to the loop). The set follows the discovery at every load collection, so once per
 * tick.
 */
public final class DataPathPeers implements LoadSources, AutoCloseable {

  /** A silent connection is given up after three missed heartbeats. */
  private static final int IDLE_TIMEOUT_SECONDS = (int) (3 * PeerEndpoints.HEARTBEAT_MILLIS / 1000);

  private final Supplier<Map<String, URI>> discovery;
  private final Vertx vertx;
  private final ObjectMapper json;
  private final ScalePoke poke;
  private final Duration timeout;
  private final Supplier<Optional<String>> ownInstance;
  private final java.net.http.HttpClient loadClient;
  private final HttpClient streamClient;
  private final Map<String, Peer> peers = new HashMap<>();
  private boolean closed;

  /**
   * @param discovery the instances now, by name
   * @param poke where the instances' pokes go (this instance's scaling loop)
   * @param timeout how long one load read may take
   * @param ownInstance this process's data path, if it runs one (read in-process, so skipped)
   */
  public DataPathPeers(
      Supplier<Map<String, URI>> discovery,
      Vertx vertx,
      ObjectMapper json,
      ScalePoke poke,
      Duration timeout,
      Supplier<Optional<String>> ownInstance) {
    this.discovery = discovery;
    this.vertx = vertx;
    this.json = json;
    this.poke = poke;
    this.timeout = timeout;
    this.ownInstance = ownInstance;
    this.loadClient =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    this.streamClient =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS));
  }

  /** Follows the instances listed now (and so starts their poke streams). */
  public DataPathPeers start() {
    current();
    return this;
  }

  @Override
  public synchronized Map<String, LoadSource> current() {
    if (closed) {
      return Map.of();
    }
    Map<String, URI> listed = discovery.get();
    peers
        .entrySet()
        .removeIf(
            e -> {
              boolean gone = !e.getValue().base.equals(listed.get(e.getKey()));
              if (gone) {
                e.getValue().stopPokes();
              }
              return gone;
            });
    Map<String, LoadSource> sources = new LinkedHashMap<>();
    listed.forEach(
        (name, base) -> {
          Peer peer = peers.computeIfAbsent(name, n -> new Peer(n, base));
          if (peer.load.self()) {
            peer.stopPokes();
          }
          sources.put(name, peer.load);
        });
    return sources;
  }

  @Override
  public synchronized void close() {
    closed = true;
    peers.values().forEach(Peer::stopPokes);
    peers.clear();
    streamClient.close();
  }

  /** One instance followed. */
  private final class Peer {
    final URI base;
    final PeerLoadSource load;
    PeerPokeStream pokes;

    Peer(String name, URI base) {
      this.base = base;
      this.load = new PeerLoadSource(loadClient, json, base, timeout, ownInstance.get());
      this.pokes = new PeerPokeStream(vertx, streamClient, json, name, base, poke).start();
    }

    void stopPokes() {
      if (pokes != null) {
        pokes.close();
        pokes = null;
      }
    }
  }
}
