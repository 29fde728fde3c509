package io.zeroscale.autoscaler.loop;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.autoscaler.AutoscalerConfig;
import io.zeroscale.autoscaler.kafka.KafkaLag;
import io.zeroscale.autoscaler.kafka.LagReading;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The loop's side of Kafka lag: follows the functions whose spec has a Kafka trigger, tells the
 * loop when a read found lag (so a function at zero is decided at once), and passes trigger status
 * changes on to whoever writes them into the function's status.
 */
final class KafkaTriggers implements AutoCloseable {

  private final KafkaLag lag;
  private volatile BiConsumer<FunctionKey, TriggerStatus> statusListener = (k, s) -> {};

  /**
   * @param lagFound called on a Kafka client thread after a read that found lag; must not block
   */
  KafkaTriggers(
      AutoscalerConfig config,
      MeterRegistry registry,
      Clock clock,
      Consumer<FunctionKey> lagFound) {
    this.lag =
        new KafkaLag(
            config.kafkaReadTimeout(),
            config.kafkaMetadataMaxAge(),
            config.staleLoadLimit(),
            registry,
            clock);
    lag.listener(
        new KafkaLag.Listener() {
          @Override
          public void lagRead(FunctionKey key, LagReading reading) {
            if (reading.lag() > 0) {
              lagFound.accept(key);
            }
          }

          @Override
          public void statusChanged(FunctionKey key, TriggerStatus status) {
            statusListener.accept(key, status);
          }
        });
  }

  /** Follows the function's trigger, or stops following it when its spec has none (any more). */
  void follow(Function function) {
    if (function.spec().kafkaTrigger() != null) {
      lag.follow(function.key(), function.spec().kafkaTrigger());
    } else {
      lag.unfollow(function.key());
    }
  }

  void unfollow(FunctionKey key) {
    lag.unfollow(key);
  }

  /** Starts a read for every followed function with none under way; never waits for one. */
  void refresh() {
    lag.refresh();
  }

  LagReading reading(FunctionKey key, Instant now) {
    return lag.reading(key, now);
  }

  Optional<TriggerStatus> status(FunctionKey key) {
    return lag.status(key);
  }

  void onStatusChange(BiConsumer<FunctionKey, TriggerStatus> listener) {
    this.statusListener = listener == null ? (k, s) -> {} : listener;
  }

  @Override
  public void close() {
    lag.close();
  }
}
