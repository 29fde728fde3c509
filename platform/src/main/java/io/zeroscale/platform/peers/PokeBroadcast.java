package io.zeroscale.platform.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.ScalePoke;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Passes this instance's pokes (requests waiting for a function) to every autoscaler following its
 * poke stream: on Kubernetes, the leader, wherever it runs. A poke is a hint that saves the wait
 * for the next tick, so one that cannot be written at once (a slow reader) is dropped: the leader's
 * next load read sees the waiting requests anyway.
 */
@Singleton
public class PokeBroadcast implements ScalePoke {

  /**
   * Followers at once; a leader and a new one taking over need two, the rest is headroom for
   * connections not yet known to be gone.
   */
  static final int MAX_FOLLOWERS = 8;

  private static final Logger LOG = Logger.getLogger(PokeBroadcast.class);

  private final Set<HttpServerResponse> followers = new CopyOnWriteArraySet<>();
  @Inject ObjectMapper json;

  /**
   * Adds a follower, then writes it what waits now, so that a leader that just took over learns of
   * requests that waited before it connected (subscribed first: a poke in between is not lost, at
   * worst sent twice). With {@link #MAX_FOLLOWERS} already, the oldest is let go: a connection
   * whose leader vanished without closing it (a lost node) can linger for minutes, and the newest
   * follower is the likeliest to be the live leader.
   */
  void follow(HttpServerResponse response, Supplier<List<WaitingRequests>> waitingNow) {
    if (followers.size() >= MAX_FOLLOWERS) {
      HttpServerResponse oldest = followers.iterator().next();
      unfollow(oldest);
      oldest.reset();
      LOG.warnf("poke stream followers at the limit %d: let the oldest go", MAX_FOLLOWERS);
    }
    followers.add(response);
    response.closeHandler(v -> unfollow(response));
    response.exceptionHandler(e -> unfollow(response));
    waitingNow.get().forEach(w -> response.write(line(w)));
    // Sends the headers now, so that the follower knows it is connected before the first poke.
    response.write("\n");
    LOG.infof("poke stream followed followers=%d", followers.size());
  }

  /**
   * Ends every stream, at the start of shutdown: an open stream is a request in flight, which the
   * HTTP server's graceful shutdown would wait for (up to {@code quarkus.shutdown.timeout}) before
   * the data path even starts draining. The leader reconnects elsewhere.
   */
  void endAll() {
    for (HttpServerResponse follower : followers) {
      unfollow(follower);
      try {
        follower.end();
      } catch (IllegalStateException alreadyEnded) {
        // closed meanwhile
      }
    }
  }

  /** An empty line to each follower, so that a connection gone silent is noticed at both ends. */
  void heartbeat() {
    for (HttpServerResponse follower : followers) {
      if (!follower.writeQueueFull()) {
        follower.write("\n");
      }
    }
  }

  @Override
  public void poke(FunctionKey key, int queued) {
    if (followers.isEmpty()) {
      return;
    }
    Buffer line = line(new WaitingRequests(key, queued));
    for (HttpServerResponse follower : followers) {
      if (!follower.writeQueueFull()) {
        follower.write(line);
      }
    }
  }

  private void unfollow(HttpServerResponse response) {
    if (followers.remove(response)) {
      LOG.infof("poke stream left followers=%d", followers.size());
    }
  }

  private Buffer line(WaitingRequests waiting) {
    try {
      return Buffer.buffer(json.writeValueAsBytes(waiting)).appendString("\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
