package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import io.zeroscale.kubernetes.informer.ResourceEvents;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Plays, for zeroscale's Deployments on the test API server, the parts of a cluster that Fabric8's
 * mock lacks: the Deployment controller (this class: as many pods as {@code spec.replicas};
 * scale-down stops not-ready, then newest pods first; a changed template rolls the pods; {@code
 * status.replicas/readyReplicas/availableReplicas}), the kubelet ({@link StandInPod}: a real
 * process per pod from a table of image → command, readiness probes, restarts, pre-stop sleep,
 * SIGTERM, SIGKILL after the grace period) and the EndpointSlice controller ({@link
 * StandInEndpointSlices}: a slice per pod and Service selecting it, with {@code ready}, {@code
 * serving} and {@code terminating}). Informers on Deployments and Services drive it; its state
 * lives on one thread.
 *
 * <p>Where it differs from a cluster, on purpose: every pod runs on 127.0.0.1 on a port of its own
 * ({@code PORT} is set to it), so each pod gets a slice of its own (a slice's ports hold for all
 * its endpoints); pods belong to the Deployment directly (no ReplicaSets; a roll always uses surge
 * 1 and unavailable 0, as zeroscale's Deployments ask); the Pod objects are a record for tests,
 * nothing acts on changes to them.
 */
public final class KubeletStandIn implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KubeletStandIn.class);
  private static final String SETPRIV = "/usr/bin/setpriv";

  private final KubernetesClient client;
  private final Map<String, List<String>> commandsByImage;
  private final File logDir = new File("target/kubelet-stand-in");
  private final ScheduledExecutorService thread = loggingThread();
  private final StandInEndpointSlices slices;
  private final Map<String, List<StandInPod>> podsByDeployment = new HashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private SharedIndexInformer<Deployment> deployments;

  /**
   * @param commandsByImage the command each container image runs as; its process gets the
   *     container's environment and {@code PORT}. A pod of another image is not started.
   */
  public KubeletStandIn(KubernetesClient client, Map<String, List<String>> commandsByImage) {
    this.client = client;
    this.commandsByImage = Map.copyOf(commandsByImage);
    this.slices = new StandInEndpointSlices(client, thread, this::allPods);
    logDir.mkdirs();
  }

  /** Starts watching Services and zeroscale's Deployments, in every namespace. */
  public KubeletStandIn start() {
    slices.start();
    deployments =
        client
            .apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGED_BY_VALUE)
            .inform(new ResourceEvents<>(this::sync, this::sync));
    return this;
  }

  /** The live process of each pod that has one, by pod name (for tests to kill or watch). */
  public Map<String, ProcessHandle> processes() {
    return onThread(
        () -> {
          Map<String, ProcessHandle> handles = new HashMap<>();
          for (StandInPod p : allPods()) {
            if (p.process != null && p.process.isAlive()) {
              handles.put(p.name, p.process.toHandle());
            }
          }
          return handles;
        });
  }

  /** The exit code of each pod that stopped (143 after SIGTERM, 137 after SIGKILL), by pod name. */
  public Map<String, Integer> exitCodes() {
    return onThread(() -> Map.copyOf(exitCodes));
  }

  private void sync(Deployment deployment) {
    String key = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
    thread.execute(() -> syncDeployment(key));
  }

  /**
   * The Deployment controller's step: pods of the current template up to {@code spec.replicas};
   * while pods of an older template remain, one more (surge 1), and an old pod stops only when it
   * is not ready or enough others are (unavailable 0). Then the status.
   */
  private void syncDeployment(String key) {
    Deployment d = deployments.getStore().getByKey(key);
    List<StandInPod> pods = podsByDeployment.computeIfAbsent(key, k -> new ArrayList<>());
    List<StandInPod> live = pods.stream().filter(p -> !p.terminating).toList();
    List<StandInPod> old =
        live.stream()
            .filter(p -> d == null || !p.template.equals(d.getSpec().getTemplate()))
            .toList();
    int wanted = d == null ? 0 : Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
    int surge = old.isEmpty() || d == null ? 0 : 1;
    int total = live.size();
    for (int current = live.size() - old.size();
        current < wanted && total < wanted + surge;
        current++) {
      startPod(d, pods);
      total++;
    }
    int ready = (int) live.stream().filter(StandInPod::ready).count();
    for (StandInPod pod : stopOrder(old.isEmpty() ? live : old)) {
      if (total <= wanted || (pod.ready() && ready - 1 < wanted)) {
        break;
      }
      boolean wasReady = pod.ready();
      pod.terminate();
      total--;
      ready -= wasReady ? 1 : 0;
    }
    if (d != null) {
      writeStatus(d, pods);
    } else if (pods.isEmpty()) {
      podsByDeployment.remove(key);
    }
  }

  /** Not-ready pods first, then the newest. */
  private static List<StandInPod> stopOrder(List<StandInPod> pods) {
    return pods.stream()
        .sorted(Comparator.comparing(StandInPod::ready).thenComparing(p -> -p.started))
        .toList();
  }

  private void startPod(Deployment d, List<StandInPod> pods) {
    var template = d.getSpec().getTemplate();
    String image = template.getSpec().getContainers().get(0).getImage();
    List<String> command = commandsByImage.get(image);
    if (command == null) {
      LOG.warnf("no command for image=%s deployment=%s", image, d.getMetadata().getName());
      return;
    }
    if (new File(SETPRIV).canExecute()) {
      // The kernel kills the process when this JVM dies, even by SIGKILL: no leftovers.
      command = concat(List.of(SETPRIV, "--pdeathsig", "KILL", "--"), command);
    }
    String namespace = d.getMetadata().getNamespace();
    StandInPod pod =
        new StandInPod(
            d.getMetadata().getName() + "-" + suffix(),
            namespace,
            namespace + "/" + d.getMetadata().getName(),
            template,
            command,
            freePort(),
            logDir,
            thread,
            this::podChanged,
            this::podGone);
    pods.add(pod);
    client.pods().inNamespace(namespace).resource(StandInObjects.pod(pod, d)).create();
    pod.start();
    podChanged(pod);
  }

  /** Writes the pod's status and slices; its Deployment is synced next (status, rollout). */
  private void podChanged(StandInPod pod) {
    Deployment d = deployments.getStore().getByKey(pod.deployment);
    if (d != null) {
      client.pods().inNamespace(pod.namespace).resource(StandInObjects.pod(pod, d)).updateStatus();
    }
    slices.publish(pod, true);
    thread.execute(() -> syncDeployment(pod.deployment));
  }

  private void podGone(StandInPod pod) {
    podsByDeployment.get(pod.deployment).remove(pod);
    slices.publish(pod, false);
    exitCodes.put(pod.name, pod.lastExitCode);
    client.pods().inNamespace(pod.namespace).withName(pod.name).delete();
    syncDeployment(pod.deployment);
  }

  /** Writes the Deployment's status when it changed (unconditionally: no resource version). */
  private void writeStatus(Deployment d, List<StandInPod> pods) {
    DeploymentStatus status = StandInObjects.deploymentStatus(d, pods);
    if (status.equals(d.getStatus())) {
      return;
    }
    Deployment changed = new DeploymentBuilder(d).withStatus(status).build();
    changed.getMetadata().setResourceVersion(null);
    try {
      client
          .apps()
          .deployments()
          .inNamespace(d.getMetadata().getNamespace())
          .resource(changed)
          .updateStatus();
    } catch (KubernetesClientException e) {
      // Gone meanwhile: its delete event brings another sync.
      LOG.debugf(
          "deployment status not written deployment=%s code=%d",
          d.getMetadata().getName(), e.getCode());
    }
  }

  private List<StandInPod> allPods() {
    return podsByDeployment.values().stream().flatMap(List::stream).toList();
  }

  /** Pods are named like the Deployment controller's: the Deployment's name, five characters. */
  private static String suffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** A port free now on 127.0.0.1 (another process could take it before the pod binds it). */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** One thread whose failed steps are logged (a scheduled executor would keep them silent). */
  private static ScheduledExecutorService loggingThread() {
    return new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "kubelet-stand-in")) {
      @Override
      protected void afterExecute(Runnable task, Throwable thrown) {
        if (task instanceof Future<?> f && f.isDone() && !f.isCancelled()) {
          try {
            f.get();
          } catch (ExecutionException e) {
            LOG.warn("kubelet stand-in step failed", e.getCause());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  private <T> T onThread(Callable<T> work) {
    try {
      return thread.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops watching and kills every process it started (SIGKILL; the API server goes anyway). */
  @Override
  public void close() {
    if (deployments != null) {
      deployments.close();
    }
    slices.close();
    onThread(
        () -> {
          allPods().forEach(StandInPod::kill);
          return null;
        });
    thread.shutdownNow();
  }
}
