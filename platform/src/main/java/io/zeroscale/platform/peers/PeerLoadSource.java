package io.zeroscale.platform.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSnapshot;
import io.zeroscale.api.stats.LoadSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The load of one other data-path instance: reads its running totals ({@link
 * PeerEndpoints#LOAD_PATH}) and returns the growth since the previous read. Blocking, as {@link
 * LoadSource} is: the collector calls it on a thread of its own, with a timeout. If the instance
 * turns out to be this process's own data path (read in-process already), it reports nothing.
 */
final class PeerLoadSource implements LoadSource {

  private final HttpClient http;
  private final ObjectMapper json;
  private final HttpRequest request;
  private final Optional<String> ownInstance;
  private LoadSnapshot previous;
  private volatile boolean self;

  PeerLoadSource(
      HttpClient http,
      ObjectMapper json,
      URI base,
      Duration timeout,
      Optional<String> ownInstance) {
    this.http = http;
    this.json = json;
    this.request =
        HttpRequest.newBuilder(base.resolve(PeerEndpoints.LOAD_PATH)).timeout(timeout).build();
    this.ownInstance = ownInstance;
  }

  @Override
  public synchronized Map<FunctionKey, FunctionLoad> collect() {
    LoadSnapshot now = read();
    if (now == null) {
      return Map.of();
    }
    self = ownInstance.filter(now.instance()::equals).isPresent();
    if (self) {
      return Map.of();
    }
    Map<FunctionKey, FunctionLoad> load = now.since(previous);
    previous = now;
    return load;
  }

  /** True once a read showed this is the process's own data path. */
  boolean self() {
    return self;
  }

  /** The instance's totals, or null when it runs no data path now (503). */
  private LoadSnapshot read() {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 503) {
        // Running, but no data path yet (starting) or any more (stopping): no load there.
        return null;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + new String(response.body()));
      }
      return json.readValue(response.body(), LoadSnapshot.class);
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + request.uri(), e);
    }
  }
}
