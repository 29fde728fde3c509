package io.zeroscale.api.function;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the autoscaler can read a Kafka-triggered function's lag, in the shape of a status
 * condition ({@link Condition#TRIGGER_READY}; {@link #condition} makes it one, on both backends):
 * when it cannot, {@code reason} is a CamelCase word and {@code message} says what is wrong and
 * what to fix, for example {@code topic 'wrods' does not exist on 127.0.0.1:9092}.
 *
 * @param ready true when the last read of the lag succeeded
 * @param reason {@code LagReadable}, or why not: {@code TopicNotFound}, {@code BrokersUnreachable},
 *     {@code BadBootstrapServers}, {@code NotAuthorized}, {@code LagReadFailed}
 * @param message one sentence for the function's owner
 */
public record TriggerStatus(boolean ready, String reason, String message) {

  public TriggerStatus {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public static TriggerStatus ready(String message) {
    return new TriggerStatus(true, "LagReadable", message);
  }

  public static TriggerStatus notReady(String reason, String message) {
    return new TriggerStatus(false, reason, message);
  }

  /**
   * The {@code TriggerReady} condition for a trigger last read as {@code status} ({@code Unknown},
   * {@code AwaitingLag} while it has not been read), without a transition time.
   */
  /**
   * As {@link #condition(Optional)}, except that before the first read the condition {@code
   * previous} has stands: a new leader or a restarted platform has not read yet, and what was last
   * read is still the best word (no flip to {@code Unknown} and back at each hand-over).
   */
  public static Condition condition(Optional<TriggerStatus> status, FunctionStatus previous) {
    if (status.isEmpty() && previous != null) {
      Optional<Condition> before = previous.condition(Condition.TRIGGER_READY);
      if (before.isPresent()) {
        return before.get();
      }
    }
    return condition(status);
  }

  public static Condition condition(Optional<TriggerStatus> status) {
    return status
        .map(
            s ->
                new Condition(
                    Condition.TRIGGER_READY, s.ready ? "True" : "False", s.reason, s.message, null))
        .orElse(
            new Condition(
                Condition.TRIGGER_READY,
                "Unknown",
                "AwaitingLag",
                "the autoscaler has not read the trigger's consumer lag yet",
                null));
  }
}
