package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One pod as the kubelet runs it: its one container is a real process on {@code 127.0.0.1:port},
 * probed for readiness with the template's probe (path, period, timeout), restarted when it dies on
 * its own (restart policy {@code Always}: at once the first time, then after 10 s doubling up to 5
 * min, like the kubelet's crash-loop back-off), and stopped as the kubelet stops a pod: pre-stop
 * sleep, SIGTERM, SIGKILL when the grace period is over. Every method runs on the stand-in's one
 * thread; {@code changed} hears each state change, {@code gone} the exit of a terminating pod.
 */
final class StandInPod {

  private static final Logger LOG = Logger.getLogger(StandInPod.class);
  private static final HttpClient PROBES = HttpClient.newHttpClient();

  final String name;
  final String namespace;
  final String deployment;
  final Map<String, String> labels;
  final int port;
  final long started = System.nanoTime();
  boolean serving;
  boolean terminating;
  int restarts;
  Integer lastExitCode;
  Process process;

  final PodTemplateSpec template;
  final Container container;
  private final long gracePeriodSeconds;
  private final List<String> command;
  private final File log;
  private final ScheduledExecutorService thread;
  private final Consumer<StandInPod> changed;
  private final Consumer<StandInPod> gone;
  private int incarnation;

  StandInPod(
      String name,
      String namespace,
      String deployment,
      PodTemplateSpec template,
      List<String> command,
      int port,
      File logDir,
      ScheduledExecutorService thread,
      Consumer<StandInPod> changed,
      Consumer<StandInPod> gone) {
    this.name = name;
    this.deployment = deployment;
    this.namespace = namespace;
    this.template = template;
    this.labels = template.getMetadata().getLabels();
    this.container = template.getSpec().getContainers().get(0);
    Long grace = template.getSpec().getTerminationGracePeriodSeconds();
    this.gracePeriodSeconds = grace == null ? 30 : grace;
    this.command = command;
    this.port = port;
    this.log = new File(logDir, name + ".log");
    this.thread = thread;
    this.changed = changed;
    this.gone = gone;
  }

  /** Starts the container's process and its readiness probing. */
  void start() {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().clear();
    builder.environment().putAll(environment());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("pod " + name + " could not start " + command, e);
    }
    int mine = ++incarnation;
    Process p = process;
    p.onExit().thenRun(() -> thread.execute(() -> exited(p, mine)));
    Probe probe = container.getReadinessProbe();
    long delay =
        probe == null || probe.getInitialDelaySeconds() == null
            ? 0
            : probe.getInitialDelaySeconds();
    thread.schedule(() -> probe(mine), delay, TimeUnit.SECONDS);
    LOG.infof("container started pod=%s pid=%d port=%d restarts=%d", name, p.pid(), port, restarts);
  }

  /** Turns the pod terminating: pre-stop sleep, then SIGTERM, SIGKILL at the grace period's end. */
  void terminate() {
    if (terminating) {
      return;
    }
    terminating = true;
    changed.accept(this);
    Process p = process;
    long preStop = preStopSleepSeconds();
    LOG.infof(
        "pod terminating pod=%s preStopSleep=%ds grace=%ds", name, preStop, gracePeriodSeconds);
    if (p == null || !p.isAlive()) {
      thread.execute(() -> gone.accept(this));
      return;
    }
    thread.schedule(p::destroy, Math.min(preStop, gracePeriodSeconds), TimeUnit.SECONDS);
    thread.schedule(p::destroyForcibly, gracePeriodSeconds, TimeUnit.SECONDS);
  }

  /** Ends the process at once (the stand-in is closing); waits up to 10 s for it to go. */
  void kill() {
    incarnation++;
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void exited(Process p, int of) {
    if (of != incarnation) {
      return;
    }
    lastExitCode = p.exitValue();
    serving = false;
    if (terminating) {
      LOG.infof("pod stopped pod=%s exitCode=%d", name, lastExitCode);
      gone.accept(this);
      return;
    }
    long backOff = restarts == 0 ? 0 : Math.min(300, 10L << Math.min(restarts - 1, 5));
    restarts++;
    LOG.infof("container died pod=%s exitCode=%d restartIn=%ds", name, lastExitCode, backOff);
    changed.accept(this);
    thread.schedule(
        () -> {
          if (!terminating && of == incarnation) {
            start();
            changed.accept(this);
          }
        },
        backOff,
        TimeUnit.SECONDS);
  }

  /** One readiness probe; the next one follows a period later while this process lives. */
  private void probe(int of) {
    Probe probe = container.getReadinessProbe();
    if (of != incarnation || !process.isAlive()) {
      return;
    }
    if (probe == null || probe.getHttpGet() == null) {
      probed(of, true);
      return;
    }
    long timeout = probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds();
    long period = probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + probe.getHttpGet().getPath()))
            .timeout(Duration.ofSeconds(timeout))
            .build();
    PROBES
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((r, e) -> e == null && r.statusCode() >= 200 && r.statusCode() < 400)
        .thenAccept(ok -> thread.execute(() -> probed(of, ok)));
    thread.schedule(() -> probe(of), period, TimeUnit.SECONDS);
  }

  /** Ready: the last probe passed and the pod is not terminating. */
  boolean ready() {
    return serving && !terminating;
  }

  /** A probe's result; a terminating pod is still probed, so {@code serving} follows it. */
  private void probed(int of, boolean ok) {
    if (of == incarnation && ok != serving) {
      serving = ok;
      LOG.infof("pod readiness pod=%s serving=%s terminating=%s", name, ok, terminating);
      changed.accept(this);
    }
  }

  /** The container's environment from the template, {@code PORT} set to the pod's own port. */
  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
      env.put(var.getName(), var.getValueFrom() == null ? var.getValue() : fieldRef(var));
    }
    env.put("PORT", String.valueOf(port));
    return env;
  }

  private String fieldRef(EnvVar var) {
    String path =
        var.getValueFrom().getFieldRef() == null
            ? null
            : var.getValueFrom().getFieldRef().getFieldPath();
    return switch (String.valueOf(path)) {
      case "metadata.name" -> name;
      case "metadata.namespace" -> namespace;
      case "status.podIP" -> "127.0.0.1";
      default ->
          throw new IllegalArgumentException(
              "the kubelet stand-in cannot resolve env " + var.getName() + " from " + path);
    };
  }

  private long preStopSleepSeconds() {
    var lifecycle = container.getLifecycle();
    if (lifecycle == null
        || lifecycle.getPreStop() == null
        || lifecycle.getPreStop().getSleep() == null) {
      return 0;
    }
    return lifecycle.getPreStop().getSleep().getSeconds();
  }
}
