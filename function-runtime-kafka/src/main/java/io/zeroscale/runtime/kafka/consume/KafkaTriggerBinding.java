package io.zeroscale.runtime.kafka.consume;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.zeroscale.runtime.kafka.KafkaFunction;
import io.zeroscale.runtime.kafka.config.ConnectorSettings;
import io.zeroscale.runtime.kafka.config.KafkaTriggerConfig;
import io.zeroscale.runtime.kafka.metrics.KafkaCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The runtime's consumer of the trigger's channel: each poll of the SmallRye Kafka connector goes
 * to a worker thread, where {@link PollRun} hands its records to the application's {@link
 * KafkaFunction} in order. Polls are pipelined: the next poll is handled while earlier ones'
 * outputs are still being written, up to {@code zeroscale.kafka.max-unsettled-records} records (the
 * bound on what is in flight, see {@link UnsettledPolls}).
 */
@ApplicationScoped
public class KafkaTriggerBinding {

  private static final Logger LOG = Logger.getLogger(KafkaTriggerBinding.class);

  /**
   * Longest wait for the previous poll to settle: above the producer's 2-minute delivery timeout.
   */
  static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

  private final Instance<KafkaFunction> functions;
  private final KafkaTriggerConfig trigger;
  private final Config config;
  private final OutputProducer producer;
  private final KafkaCounters counters;
  private volatile RetryingHandler handler;
  private final UnsettledPolls unsettled;

  KafkaTriggerBinding(
      Instance<KafkaFunction> functions,
      KafkaTriggerConfig trigger,
      Config config,
      OutputProducer producer,
      KafkaCounters counters) {
    this.functions = functions;
    this.trigger = trigger;
    this.config = config;
    this.producer = producer;
    this.counters = counters;
    this.unsettled = new UnsettledPolls(trigger.maxUnsettledRecords(), SETTLE_TIMEOUT);
  }

  void verifyAtStartup(@Observes StartupEvent started) {
    handler();
  }

  /** One poll: handled on a worker thread; done once the unsettled records are within bound. */
  @Incoming(ConnectorSettings.CHANNEL)
  public Uni<Void> consume(KafkaRecordBatch<byte[], byte[]> poll) {
    return Uni.createFrom()
        .<Void>item(
            () -> {
              CompletableFuture<Void> settled = new PollRun(handler(), counters).run(poll);
              try {
                unsettled.add(settled, poll.getRecords().size());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return null;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private RetryingHandler handler() {
    RetryingHandler current = handler;
    if (current == null) {
      synchronized (this) {
        if (handler == null) {
          handler = createHandler();
        }
        current = handler;
      }
    }
    return current;
  }

  private RetryingHandler createHandler() {
    List<String> names =
        functions.handlesStream().map(h -> h.getBean().getBeanClass().getName()).toList();
    java.util.function.Function<String, java.util.Optional<String>> setting =
        name -> config.getOptionalValue(name, String.class);
    TriggerCheck.verify(names, ConnectorSettings.missing(setting));
    if (names.isEmpty()) {
      return null;
    }
    String group = ConnectorSettings.groupId(setting);
    LOG.infof(
        "kafka trigger ready function=%s topics=%s group=%s deadLetterTopic=%s maxRetries=%d"
            + " retryBackoffMs=%d",
        names.get(0),
        String.join(",", trigger.topics().orElse(List.of())),
        group,
        ConnectorSettings.deadLetterTopic(setting, group),
        trigger.maxRetries(),
        trigger.retryBackoffMs());
    return new RetryingHandler(
        functions.get(), producer, counters, trigger.maxRetries(), trigger.retryBackoffMs());
  }
}
