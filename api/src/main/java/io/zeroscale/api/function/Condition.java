package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Kubernetes-style status condition: {@code type} is {@code status} because of {@code reason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    String type, String status, String reason, String message, String lastTransitionTime) {

  public static final String READY = "Ready";
  public static final String SCALED_TO_ZERO = "ScaledToZero";
  public static final String SPEC_VALID = "SpecValid";

  /** The function's trigger (Kafka) can be read: brokers reachable, topics there. */
  public static final String TRIGGER_READY = "TriggerReady";

  @JsonIgnore
  public boolean isTrue() {
    return "True".equals(status);
  }
}
