package io.zeroscale.autoscaler.kafka;

import java.util.Objects;

/**
 * Whether the autoscaler can read a Kafka-triggered function's lag, in the shape of a status
 * condition ({@code TriggerReady}): when it cannot, {@code reason} is a CamelCase word and {@code
 * message} says what is wrong and what to fix, for example {@code topic 'wrods' does not exist on
 * 127.0.0.1:9092}.
 *
 * @param ready true when the last read of the lag succeeded
 * @param reason {@code LagReadable}, or why not: {@code TopicNotFound}, {@code BrokersUnreachable},
 *     {@code BadBootstrapServers}, {@code NotAuthorized}, {@code LagReadFailed}
 * @param message one sentence for the function's owner
 */
public record TriggerStatus(boolean ready, String reason, String message) {

  public static final String CONDITION_TYPE = "TriggerReady";

  public TriggerStatus {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  static TriggerStatus ready(String message) {
    return new TriggerStatus(true, "LagReadable", message);
  }

  static TriggerStatus notReady(String reason, String message) {
    return new TriggerStatus(false, reason, message);
  }
}
