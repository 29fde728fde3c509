package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What the platform observes of a function.
 *
 * @param observedGeneration the spec generation this status describes
 * @param replicas replicas wanted (the autoscaler's last decision)
 * @param readyReplicas replicas that answer requests now
 * @param url where to call the function
 * @param conditions Kubernetes-style conditions ({@code Ready}, {@code ScaledToZero})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionStatus(
    Long observedGeneration,
    Integer replicas,
    Integer readyReplicas,
    String url,
    List<Condition> conditions) {

  public static FunctionStatus empty() {
    return new FunctionStatus(null, 0, 0, null, List.of());
  }

  /** The condition of {@code type}, if the status has one. */
  public Optional<Condition> condition(String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }
}
