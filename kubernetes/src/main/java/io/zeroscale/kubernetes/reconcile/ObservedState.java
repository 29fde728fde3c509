package io.zeroscale.kubernetes.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.TriggerStatus;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile saw of a function: its generation, the problems with its spec, its
 * Deployment's replica counts and, for a function with a trigger, the trigger's state.
 *
 * @param generation the {@code Function}'s {@code metadata.generation}
 * @param specErrors every problem found in the spec (empty when valid)
 * @param deploymentExists whether the function has a Deployment
 * @param desired the Deployment's {@code spec.replicas}
 * @param ready the Deployment's {@code status.readyReplicas}
 * @param stuck why the Deployment makes no progress, if Kubernetes says so
 * @param url where users call the function
 * @param triggerFollowed whether the function has a trigger whose state is followed (it then gets a
 *     {@code TriggerReady} condition)
 * @param trigger the trigger's state, empty before its first read
 */
public record ObservedState(
    Long generation,
    List<FieldError> specErrors,
    boolean deploymentExists,
    int desired,
    int ready,
    Optional<String> stuck,
    String url,
    boolean triggerFollowed,
    Optional<TriggerStatus> trigger) {

  /** A function without a followed trigger. */
  public ObservedState(
      Long generation,
      List<FieldError> specErrors,
      boolean deploymentExists,
      int desired,
      int ready,
      Optional<String> stuck,
      String url) {
    this(
        generation,
        specErrors,
        deploymentExists,
        desired,
        ready,
        stuck,
        url,
        false,
        Optional.empty());
  }

  /** This state with a followed trigger in the given state (empty: not read yet). */
  public ObservedState withTrigger(Optional<TriggerStatus> state) {
    return new ObservedState(
        generation, specErrors, deploymentExists, desired, ready, stuck, url, true, state);
  }

  /** The counts and progress of a Deployment (absent: none yet). */
  public static ObservedState of(
      Long generation, List<FieldError> specErrors, Deployment deployment, String url) {
    if (deployment == null) {
      return new ObservedState(generation, specErrors, false, 0, 0, Optional.empty(), url);
    }
    Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    var status = deployment.getStatus();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    Optional<String> stuck =
        status == null || status.getConditions() == null
            ? Optional.empty()
            : status.getConditions().stream()
                .filter(ObservedState::isStuck)
                .map(DeploymentCondition::getMessage)
                .findFirst();
    return new ObservedState(
        generation, specErrors, true, replicas == null ? 1 : replicas, ready, stuck, url);
  }

  public boolean specValid() {
    return specErrors.isEmpty();
  }

  private static boolean isStuck(DeploymentCondition c) {
    return ("Progressing".equals(c.getType())
            && "False".equals(c.getStatus())
            && "ProgressDeadlineExceeded".equals(c.getReason()))
        || ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
