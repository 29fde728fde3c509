package io.zeroscale.autoscaler.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.TriggerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads the consumer lag of every Kafka-triggered function with the Kafka Admin client, without
 * ever blocking its caller: {@link #refresh} starts one asynchronous read per function that has
 * none under way (each bounded by the read timeout), and {@link #reading} answers at once with the
 * latest completed reading. A read that fails sets the function's {@link TriggerStatus} to what is
 * wrong; its last good reading still counts for up to the stale limit after the first failure, then
 * the lag is read as 0 (like {@code LoadCollector} does for a silent load source).
 *
 * <p>One Admin client per distinct bootstrap servers string, shared, closed when no followed
 * function names it any more and on {@link #close}.
 */
public final class KafkaLag implements AutoCloseable {

  /** Hears about completed reads and status changes; called on Kafka's threads, must not block. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /** A read of {@code key}'s lag completed. */
    default void lagRead(FunctionKey key, LagReading reading) {}

    /** {@code key}'s trigger status changed (also on the first read). */
    default void statusChanged(FunctionKey key, TriggerStatus status) {}
  }

  private static final Logger LOG = Logger.getLogger(KafkaLag.class);

  private final Duration timeout;
  private final Duration metadataMaxAge;
  private final Duration staleLimit;
  private final MeterRegistry registry;
  private final Clock clock;
  private final ThreadPoolExecutor executor;
  private final AdminClients clients;
  private final Map<FunctionKey, FollowedTrigger> followed = new ConcurrentHashMap<>();
  private volatile Listener listener = Listener.NONE;

  /**
   * @param timeout longest one read may take (each Admin call, and the read as a whole)
   * @param metadataMaxAge how long the topics' partition lists are reused before they are described
   *     again (after a failed read they are described again at once)
   * @param staleLimit how long the last good reading counts while reads fail
   */
  public KafkaLag(
      Duration timeout,
      Duration metadataMaxAge,
      Duration staleLimit,
      MeterRegistry registry,
      Clock clock) {
    this.timeout = timeout;
    this.metadataMaxAge = metadataMaxAge;
    this.staleLimit = staleLimit;
    this.registry = registry;
    this.clock = clock;
    // Admin clients are created (host names resolved) and closed here, never on the caller's
    // thread; the queue is bounded, a read refused by a full queue fails like any other.
    this.executor =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024),
            r -> {
              Thread t = new Thread(r, "zeroscale-kafka-lag");
              t.setDaemon(true);
              return t;
            });
    this.executor.allowCoreThreadTimeOut(true);
    this.clients = new AdminClients(timeout, executor);
  }

  public void listener(Listener value) {
    this.listener = value == null ? Listener.NONE : value;
  }

  /**
   * Follows {@code key}'s trigger (defaults filled in here); a changed trigger replaces the old one
   * and its readings, the same trigger changes nothing.
   */
  public void follow(FunctionKey key, KafkaTriggerSpec trigger) {
    KafkaTriggerSpec spec = trigger.withDefaults(key);
    FollowedTrigger before = followed.get(key);
    if (before != null && before.trigger.equals(spec)) {
      return;
    }
    unfollow(key);
    clients.acquire(spec.bootstrapServers());
    followed.put(key, new FollowedTrigger(key, spec, new KafkaMetrics(registry, key)));
    LOG.infof(
        "kafka lag followed function=%s bootstrapServers=%s topics=%s group=%s",
        key, spec.bootstrapServers(), spec.topics(), spec.consumerGroup());
  }

  /** Stops following {@code key}: its meters are removed, its Admin client released. */
  public void unfollow(FunctionKey key) {
    FollowedTrigger gone = followed.remove(key);
    if (gone != null) {
      gone.metrics.remove();
      clients.release(gone.trigger.bootstrapServers());
      LOG.infof("kafka lag unfollowed function=%s", key);
    }
  }

  public boolean follows(FunctionKey key) {
    return followed.containsKey(key);
  }

  /** Starts a read for every followed function that has none under way; returns at once. */
  public void refresh() {
    followed.values().forEach(this::startRead);
  }

  /** The latest reading of {@code key}'s lag, {@link LagReading#NONE} if none counts. */
  public LagReading reading(FunctionKey key, Instant now) {
    FollowedTrigger f = followed.get(key);
    return f == null ? LagReading.NONE : f.reading(now, staleLimit);
  }

  /** Whether {@code key}'s lag can be read; empty before the first read completed. */
  public Optional<TriggerStatus> status(FunctionKey key) {
    FollowedTrigger f = followed.get(key);
    return f == null ? Optional.empty() : Optional.ofNullable(f.status());
  }

  /** Admin clients open now (one per bootstrap servers string in use). */
  public int openClients() {
    return clients.open();
  }

  private void startRead(FollowedTrigger f) {
    if (!f.reading.compareAndSet(false, true)) {
      return; // the previous read is still under way: its answer is used when it arrives
    }
    KafkaTriggerSpec spec = f.trigger;
    CompletableFuture<Offsets> read;
    try {
      read =
          CompletableFuture.supplyAsync(
                  () -> new OffsetsRead(clients.admin(spec.bootstrapServers()), spec, timeout),
                  executor)
              .thenCompose(r -> offsets(f, r));
    } catch (RuntimeException e) {
      read = CompletableFuture.failedFuture(e); // the executor's queue is full
    }
    read.orTimeout(3 * timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((offsets, failure) -> completed(f, offsets, failure));
  }

  private CompletableFuture<Offsets> offsets(FollowedTrigger f, OffsetsRead read) {
    OffsetsRead.Topology known = f.topology(clock.instant(), metadataMaxAge);
    CompletableFuture<OffsetsRead.Topology> topology =
        known != null
            ? CompletableFuture.completedFuture(known)
            : read.describe()
                .thenApply(
                    t -> {
                      f.described(t, clock.instant());
                      return t;
                    });
    CompletableFuture<Offsets> offsets = topology.thenCompose(read::offsets);
    if (known == null) {
      return offsets;
    }
    // The partitions were remembered: if the read fails, a topic may be gone or changed, so
    // describe once more, which names a missing topic instead of a timeout.
    return offsets.exceptionallyCompose(
        e ->
            read.describe()
                .thenApply(
                    t -> {
                      f.described(t, clock.instant());
                      return t;
                    })
                .thenCompose(read::offsets));
  }

  private void completed(FollowedTrigger f, Offsets offsets, Throwable failure) {
    try {
      Instant now = clock.instant();
      TriggerStatus changed =
          failure == null
              ? f.succeeded(offsets, now)
              : f.failed(TriggerProblems.of(failure, f.trigger, timeout), now);
      if (changed != null && followed.get(f.key) == f) {
        logStatus(f.key, changed);
        listener.statusChanged(f.key, changed);
      }
      if (failure == null && followed.get(f.key) == f) {
        listener.lagRead(f.key, f.reading(now, staleLimit));
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "handling a lag read failed function=%s", f.key);
    } finally {
      f.reading.set(false);
    }
  }

  private static void logStatus(FunctionKey key, TriggerStatus status) {
    if (status.ready()) {
      LOG.infof("kafka trigger ready function=%s message=\"%s\"", key, status.message());
    } else {
      LOG.warnf(
          "kafka trigger not ready function=%s reason=%s message=\"%s\"",
          key, status.reason(), status.message());
    }
  }

  @Override
  public void close() {
    followed.values().forEach(f -> f.metrics.remove());
    followed.clear();
    clients.close();
    executor.shutdownNow();
  }
}
