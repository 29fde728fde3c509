package io.zeroscale.platform.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import io.zeroscale.api.stats.ScalePoke;
import java.io.IOException;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * Follows one data-path instance's poke stream ({@link PeerEndpoints#POKES_PATH}) and passes each
 * poke to this instance's scaling loop, so that a request waiting at any router wakes its function
 * at once rather than at the next tick. Reconnects after {@value #RECONNECT_MILLIS} ms whenever the
 * stream ends or fails, until closed. A connection that went silent (no heartbeat) is closed by the
 * client's idle timeout, and so reconnected too.
 */
final class PeerPokeStream implements AutoCloseable {

  static final long RECONNECT_MILLIS = 1_000;
  private static final Logger LOG = Logger.getLogger(PeerPokeStream.class);

  private final Vertx vertx;
  private final HttpClient client;
  private final ObjectMapper json;
  private final String name;
  private final URI uri;
  private final ScalePoke poke;
  private volatile boolean closed;
  private volatile HttpClientRequest current;
  // Event-loop context only.
  private boolean connected;
  private int attempt;

  PeerPokeStream(
      Vertx vertx, HttpClient client, ObjectMapper json, String name, URI base, ScalePoke poke) {
    this.vertx = vertx;
    this.client = client;
    this.json = json;
    this.name = name;
    this.uri = base.resolve(PeerEndpoints.POKES_PATH);
    this.poke = poke;
  }

  PeerPokeStream start() {
    vertx.runOnContext(v -> connect());
    return this;
  }

  private void connect() {
    if (closed) {
      return;
    }
    int mine = ++attempt;
    Future<HttpClientRequest> requested;
    try {
      requested =
          client.request(
              new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString()));
    } catch (IllegalStateException clientClosed) {
      return; // the term ended while this attempt was on its way
    }
    requested
        .compose(
            request -> {
              current = request;
              if (closed) {
                request.reset();
              }
              return request.send();
            })
        .onSuccess(response -> follow(mine, response))
        .onFailure(e -> ended(mine, "failed: " + e.getMessage()));
  }

  private void follow(int mine, HttpClientResponse response) {
    if (closed) {
      response.request().reset();
      return;
    }
    if (response.statusCode() != 200) {
      response.body().onComplete(body -> ended(mine, "answered " + response.statusCode()));
      return;
    }
    if (!connected) {
      connected = true;
      LOG.infof("following pokes instance=%s url=%s", name, uri);
    }
    response.handler(RecordParser.newDelimited("\n", this::line));
    response.endHandler(v -> ended(mine, "ended"));
    response.exceptionHandler(e -> ended(mine, "failed: " + e.getMessage()));
  }

  private void line(Buffer line) {
    if (line.length() == 0) {
      return; // heartbeat
    }
    try {
      WaitingRequests waiting = json.readValue(line.getBytes(), WaitingRequests.class);
      poke.poke(waiting.key(), waiting.queued());
    } catch (IOException e) {
      LOG.warnf("unreadable poke instance=%s line=\"%s\"", name, line);
    }
  }

  /** Once per attempt (a stream may both fail and end): schedules the next one. */
  private void ended(int mine, String why) {
    if (mine != attempt || closed) {
      return;
    }
    attempt++;
    current = null;
    if (connected) {
      connected = false;
      LOG.infof("poke stream lost instance=%s cause=\"%s\"; reconnecting", name, why);
    } else {
      LOG.debugf("poke stream not connected instance=%s cause=\"%s\"", name, why);
    }
    vertx.setTimer(RECONNECT_MILLIS, id -> connect());
  }

  @Override
  public void close() {
    closed = true;
    HttpClientRequest request = current;
    if (request != null) {
      request.reset();
    }
  }
}
