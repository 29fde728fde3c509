package io.zeroscale.runtime.kafka.consume;

import io.zeroscale.runtime.kafka.KafkaInput;

/**
 * A record whose handler succeeded but whose outputs could not be written (after the producer's own
 * retries); it is dead-lettered with this as the reason.
 */
public class OutputFailedException extends Exception {

  OutputFailedException(KafkaInput input, Throwable cause) {
    super("could not write the outputs of " + input + ": " + cause, cause);
  }
}
