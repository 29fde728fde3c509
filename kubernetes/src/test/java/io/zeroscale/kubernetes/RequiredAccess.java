package io.zeroscale.kubernetes;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API calls the platform makes on the Kubernetes backend, as {@code
 * resource[.group][/subresource]:verb} ({@link io.zeroscale.kubernetes.testing.ApiAccess}): per
 * part, as {@link RequiredAccessTest} records them, and per platform Deployment, from the parts its
 * roles start (docs/kubernetes.md, "RBAC"). The shipped roles must grant each Deployment's account
 * exactly its row ({@code manifests.ShippedRbacTest}).
 */
public final class RequiredAccess {

  /** {@code KubernetesFunctionCatalog}'s informer: every instance reads every Function. */
  public static final Set<String> CATALOG_INFORMER =
      Set.of("functions.zeroscale.io:list", "functions.zeroscale.io:watch");

  /** The control API's writes, through the catalog's {@code put} and {@code delete}. */
  public static final Set<String> FUNCTION_WRITES =
      Set.of(
          "functions.zeroscale.io:get",
          "functions.zeroscale.io:create",
          "functions.zeroscale.io:update",
          "functions.zeroscale.io:delete");

  /** {@code EndpointSliceEndpoints}: the replicas of every function, for the data path. */
  public static final Set<String> ENDPOINTS =
      Set.of("endpointslices.discovery.k8s.io:list", "endpointslices.discovery.k8s.io:watch");

  /** {@code KubernetesOrchestrator}'s Deployment informer ({@code currentScale}). */
  public static final Set<String> DEPLOYMENT_CACHE =
      Set.of("deployments.apps:list", "deployments.apps:watch");

  /**
   * {@code KubernetesOrchestrator.scale}, the autoscaler's only write: Fabric8's {@code scale(n)}
   * reads the Scale, writes it, and reads the Deployment back.
   */
  public static final Set<String> SCALING =
      Set.of("deployments.apps/scale:get", "deployments.apps/scale:update", "deployments.apps:get");

  /** {@code FunctionReconciler}: the controller (it never deletes; owner references do). */
  public static final Set<String> CONTROLLER =
      Set.of(
          "functions.zeroscale.io:list",
          "functions.zeroscale.io:watch",
          "functions.zeroscale.io/status:update",
          "deployments.apps:list",
          "deployments.apps:watch",
          "deployments.apps:get",
          "deployments.apps:create",
          "deployments.apps:patch",
          "services:get",
          "services:create",
          "services:patch");

  /** {@code LeaseLeaderElection}, in the platform's namespace. */
  public static final Set<String> LEADER_ELECTION =
      Set.of(
          "leases.coordination.k8s.io:get",
          "leases.coordination.k8s.io:create",
          "leases.coordination.k8s.io:patch");

  /** {@code DataPathDiscovery}: the leader finds the routers, in the platform's namespace. */
  public static final Set<String> PEER_DISCOVERY =
      Set.of("endpointslices.discovery.k8s.io:list", "endpointslices.discovery.k8s.io:watch");

  /**
   * A {@code zeroscale-router} instance (roles router,activator), cluster-wide: reads only. The
   * platform's {@code KubernetesBackend} starts the catalog on every instance, the endpoints with a
   * data path, and the orchestrator (its Deployment informer) with the autoscaler or the controller
   * only.
   */
  public static final Set<String> ROUTER_CLUSTER_WIDE = union(CATALOG_INFORMER, ENDPOINTS);

  /** A {@code zeroscale-router} instance in the platform's namespace: nothing. */
  public static final Set<String> ROUTER_IN_NAMESPACE = Set.of();

  /**
   * A {@code zeroscale-control} instance (roles autoscaler,controller, and the control API that the
   * Service {@code zeroscale-control} sends to it), cluster-wide.
   */
  public static final Set<String> CONTROL_CLUSTER_WIDE =
      union(CATALOG_INFORMER, FUNCTION_WRITES, DEPLOYMENT_CACHE, SCALING, CONTROLLER);

  /** A {@code zeroscale-control} instance in the platform's namespace: the Lease, the peers. */
  public static final Set<String> CONTROL_IN_NAMESPACE = union(LEADER_ELECTION, PEER_DISCOVERY);

  /** One instance with every role (the dev overlay): everything the platform calls. */
  public static final Set<String> ALL_ROLES =
      union(ROUTER_CLUSTER_WIDE, ROUTER_IN_NAMESPACE, CONTROL_CLUSTER_WIDE, CONTROL_IN_NAMESPACE);

  private RequiredAccess() {}

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
  }
}
