package io.zeroscale.kubernetes.crd;

/**
 * The schema of {@link io.zeroscale.api.function.TriggersSpec} in the CRD; see {@link
 * FunctionSpecSchema}.
 */
public class TriggersSpecSchema {

  /** Records on Kafka topics wake the function and scale it by the consumer group's lag. */
  public KafkaTriggerSpecSchema kafka;
}
