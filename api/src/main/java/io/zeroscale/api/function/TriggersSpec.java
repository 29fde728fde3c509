package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What wakes a function besides HTTP requests.
 *
 * @param kafka records on Kafka topics: the function consumes them, wakes from zero on consumer lag
 *     and scales with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggersSpec(KafkaTriggerSpec kafka) {

  /** A copy with every optional field filled in; the consumer group is named after {@code key}. */
  public TriggersSpec withDefaults(FunctionKey key) {
    return new TriggersSpec(kafka == null ? null : kafka.withDefaults(key));
  }
}
