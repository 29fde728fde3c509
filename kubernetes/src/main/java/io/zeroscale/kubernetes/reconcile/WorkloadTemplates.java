package io.zeroscale.kubernetes.reconcile;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ReplicaEnvironment;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Deployment and Service a function should have (pure: no I/O). Call on a validated function
 * with defaults filled in.
 */
public final class WorkloadTemplates {

  /** The container's name in every function pod. */
  public static final String CONTAINER = "function";

  /** The named port of the container and the Service. */
  public static final String PORT_NAME = "http";

  private final KubernetesBackendConfig config;

  public WorkloadTemplates(KubernetesBackendConfig config) {
    this.config = config;
  }

  /**
   * The Deployment: one container from the image on the function's port, {@code spec.env} and the
   * platform's variables in its environment, a readiness probe on that port and the readiness path,
   * a pre-stop sleep that keeps the pod serving while routers see it turn terminating, and a grace
   * period that covers that sleep, the longest request and the function's own exit. New pods come
   * up before old ones go.
   *
   * @param replicas the count for a new Deployment; an existing one keeps its own
   */
  public Deployment deployment(Function function, OwnerReference owner, int replicas) {
    FunctionKey key = function.key();
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(key.name())
        .withNamespace(key.namespace())
        .withLabels(WorkloadLabels.of(key))
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withRevisionHistoryLimit(2)
        .withNewSelector()
        .withMatchLabels(WorkloadLabels.selector(key))
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(podTemplate(function))
        .endSpec()
        .build();
  }

  private PodTemplateSpec podTemplate(Function function) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(WorkloadLabels.of(function.key()))
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(gracePeriodSeconds(function.spec()))
        .withContainers(container(function.key(), function.spec()))
        .endSpec()
        .build();
  }

  private Container container(FunctionKey key, FunctionSpec spec) {
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(spec.image())
        .addNewPort()
        .withName(PORT_NAME)
        .withContainerPort(spec.port())
        .withProtocol("TCP")
        .endPort()
        .withEnv(env(key, spec))
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath(spec.readiness().path())
        .withPort(new IntOrString(PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds((int) config.readinessPeriod().toSeconds())
        .withFailureThreshold(1)
        .endReadinessProbe()
        .withNewLifecycle()
        .withNewPreStop()
        .withNewSleep(Math.max(1, config.preStopSleep().toSeconds()))
        .endPreStop()
        .endLifecycle()
        .build();
  }

  /** The Service: the function's port, selecting its pods; its EndpointSlices feed the router. */
  public Service service(Function function, OwnerReference owner) {
    FunctionKey key = function.key();
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(key.name())
        .withNamespace(key.namespace())
        .withLabels(WorkloadLabels.of(key))
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(WorkloadLabels.selector(key))
        .addNewPort()
        .withName(PORT_NAME)
        .withPort(function.spec().port())
        .withTargetPort(new IntOrString(PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  /** Pre-stop sleep + the function's timeout + the shutdown margin, in whole seconds. */
  long gracePeriodSeconds(FunctionSpec spec) {
    long millis =
        config.preStopSleep().toMillis()
            + spec.timeoutDuration().toMillis()
            + config.shutdownMargin().toMillis();
    return (millis + 999) / 1000;
  }

  /**
   * The container's environment in a stable order (so an unchanged spec never rolls the pods):
   * {@code spec.env} by name, then {@code PORT}, then the variables of {@link ReplicaEnvironment}
   * in its order, then {@code ZEROSCALE_REPLICA} as the pod's name. The platform's variables win
   * over a {@code spec.env} entry of the same name; {@link
   * io.zeroscale.kubernetes.crd.KubernetesFunctionRules} rejects such an entry, so none reaches
   * this.
   */
  private static List<EnvVar> env(FunctionKey key, FunctionSpec spec) {
    Map<String, String> platform = new LinkedHashMap<>();
    platform.put(ReplicaEnvironment.PORT, String.valueOf(spec.port()));
    platform.putAll(ReplicaEnvironment.fromSpec(key, spec));
    List<EnvVar> env = new ArrayList<>();
    new TreeMap<>(spec.env())
        .forEach(
            (name, value) -> {
              if (!platform.containsKey(name) && !ReplicaEnvironment.REPLICA.equals(name)) {
                env.add(new EnvVar(name, value, null));
              }
            });
    platform.forEach((name, value) -> env.add(new EnvVar(name, value, null)));
    env.add(
        new EnvVarBuilder()
            .withName(ReplicaEnvironment.REPLICA)
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    return env;
  }
}
