package io.zeroscale.runtime.kafka.consume;

import io.zeroscale.runtime.kafka.KafkaInput;

/**
 * A record the handler failed on every attempt; its message becomes the dead-letter record's {@code
 * dead-letter-reason} header and the handler's last exception its {@code dead-letter-cause}.
 */
public class RetriesSpentException extends Exception {

  RetriesSpentException(KafkaInput input, int attempts, Exception last) {
    super(
        "handler failed "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " at "
            + input
            + "; last error: "
            + last,
        last);
  }
}
