package io.zeroscale.activator.queue;

import io.zeroscale.router.proxy.Exchange;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.Replica;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The bounded FIFO of requests waiting for one function, with what the activator remembers about
 * its wake-up (last poke, start of the cold start). Every method holds the queue's lock briefly and
 * never calls out while holding it.
 */
final class FunctionQueue {

  private static final Logger LOG = Logger.getLogger(FunctionQueue.class);

  /** A request taken from the queue together with the replica slot reserved for it. */
  record Dispatch(Exchange exchange, Replica replica) {}

  /** What {@link #offer} decided. {@code depth} is -1 when the queue was full. */
  record Offer(int depth, boolean poke) {}

  private final FunctionRoute route;
  private final ActivatorMeters meters;
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private long lastPokeNanos;
  private long coldStartNanos;

  FunctionQueue(FunctionRoute route, ActivatorMeters meters) {
    this.route = route;
    this.meters = meters;
  }

  FunctionRoute route() {
    return route;
  }

  ActivatorMeters meters() {
    return meters;
  }

  synchronized int depth() {
    return waiting.size();
  }

  /**
   * Queues a request (a request given back after failed connections goes first again, keeping its
   * place in line) and says whether to poke the autoscaler.
   */
  synchronized Offer offer(Exchange exchange, int capacity, long pokeIntervalNanos) {
    boolean again = exchange.queuedSinceNanos() != 0;
    if (!again && waiting.size() >= capacity) {
      return new Offer(-1, false);
    }
    exchange.markQueued();
    // Counted under the lock, before anyone can take (and un-count) it.
    route.load().enqueued();
    if (again) {
      waiting.addFirst(exchange);
    } else {
      waiting.addLast(exchange);
    }
    long now = System.nanoTime();
    boolean atZero = route.readyCount() == 0;
    if (atZero && coldStartNanos == 0) {
      coldStartNanos = now;
    }
    boolean poke = waiting.size() == 1 || (atZero && now - lastPokeNanos >= pokeIntervalNanos);
    if (poke) {
      lastPokeNanos = now;
    }
    return new Offer(waiting.size(), poke);
  }

  /** Takes waiting requests, oldest first, for as long as a replica has a free slot. */
  synchronized List<Dispatch> takeDispatchable() {
    List<Dispatch> out = null;
    while (!waiting.isEmpty()) {
      Replica replica = route.acquire(null);
      if (replica == null) {
        break;
      }
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(new Dispatch(waiting.pollFirst(), replica));
    }
    if (out == null) {
      return List.of();
    }
    if (coldStartNanos != 0) {
      long nanos = System.nanoTime() - coldStartNanos;
      coldStartNanos = 0;
      meters.coldStart(nanos);
      LOG.infof("cold start done function=%s durationMs=%d", route.key(), nanos / 1_000_000);
    }
    return out;
  }

  synchronized boolean remove(Exchange exchange) {
    boolean removed = waiting.remove(exchange);
    forgetWakeUpIfEmpty();
    return removed;
  }

  /** Takes the requests queued longer than {@code maxWaitNanos}. */
  synchronized List<Exchange> takeExpired(long now, long maxWaitNanos) {
    List<Exchange> out = null;
    while (!waiting.isEmpty() && now - waiting.peekFirst().queuedSinceNanos() >= maxWaitNanos) {
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(waiting.pollFirst());
    }
    forgetWakeUpIfEmpty();
    return out == null ? List.of() : out;
  }

  synchronized List<Exchange> takeAll() {
    List<Exchange> out = new ArrayList<>(waiting);
    waiting.clear();
    forgetWakeUpIfEmpty();
    return out;
  }

  private void forgetWakeUpIfEmpty() {
    // A wake-up nobody waits for any more is not a cold start worth timing.
    if (waiting.isEmpty()) {
      coldStartNanos = 0;
    }
  }
}
