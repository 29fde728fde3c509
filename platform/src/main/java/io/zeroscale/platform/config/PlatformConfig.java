package io.zeroscale.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the platform, under {@code zeroscale.} (system property, environment variable
 * such as {@code ZEROSCALE_ROUTER_PORT}, or application.properties). docs/configuration.md lists
 * them with what each trades.
 */
@ConfigMapping(prefix = "zeroscale")
public interface PlatformConfig {

  /**
   * Which parts run in this instance: {@code router}, {@code activator}, {@code autoscaler}, {@code
   * controller}, or {@code all}. The local backend keeps replicas in this process, so it needs
   * {@code all}; the Kubernetes backend takes any subset (router and activator together).
   */
  @WithDefault("all")
  Set<Role> roles();

  /**
   * Where functions run: {@code local} (replicas as child processes of this one) or {@code
   * kubernetes} (a Deployment per function, through the API server of the usual kubeconfig or
   * in-cluster configuration).
   */
  @WithDefault("local")
  Backend backend();

  /** Where the local backend keeps functions, desired scale, pid files and replica logs. */
  @WithDefault(".zeroscale")
  Path dataDir();

  /**
   * On shutdown, how long requests in flight may take to finish after new and queued ones are
   * answered 503, before replicas are stopped.
   */
  @WithDefault("30s")
  Duration drainTimeout();

  Router router();

  Activator activator();

  Autoscaler autoscaler();

  Local local();

  Kubernetes kubernetes();

  /** Where functions run. */
  enum Backend {
    LOCAL,
    KUBERNETES
  }

  /** The parts of the platform; {@code all} is every one. */
  enum Role {
    ALL,
    ROUTER,
    ACTIVATOR,
    AUTOSCALER,
    CONTROLLER
  }

  /** The request path into functions. */
  interface Router {
    /** Port serving function calls. 0 picks a free port (tests). */
    @WithDefault("8080")
    int port();

    /** Interface to listen on. */
    @WithDefault("0.0.0.0")
    String host();

    /** Host-based routes are {@code name.namespace.DOMAIN}. */
    @WithDefault("zeroscale.localhost")
    String domain();

    /** Base URL users reach the router at (default {@code http://localhost:PORT}). */
    Optional<String> publicUrl();

    /** Largest request body accepted; bigger ones get 413. */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** Event loops serving calls (default: one per core). */
    Optional<Integer> instances();

    /**
     * Connections each event loop keeps at most to one replica; requests beyond wait for one
     * (bounded by the function's timeout). Small enough to pace a burst onto a fresh replica.
     */
    @WithDefault("64")
    int clientPoolSize();
  }

  /** Where requests wait while a function wakes or is full. */
  interface Activator {
    /** Requests one function may have waiting; more get 503 with Retry-After. */
    @WithDefault("5000")
    int queueCapacity();

    /** Longest a request waits for a replica before a 503. */
    @WithDefault("60s")
    Duration maxWait();

    /** Retry-After sent with 503s. */
    @WithDefault("1s")
    Duration retryAfter();

    /**
     * While requests wait, how often the activator probes each starting replica itself (0 leaves
     * readiness to the backend).
     */
    @WithDefault("25ms")
    Duration probeInterval();
  }

  /**
   * The scaling loop, and the platform-wide defaults of the knobs a function's {@code spec.scaling}
   * leaves empty (docs/autoscaling.md says what each trades).
   */
  interface Autoscaler {
    /** How often every function's scale is decided (a waiting request decides at once). */
    @WithDefault("2s")
    Duration tick();

    /** How long a load source that stopped answering counts with its last load. */
    @WithDefault("10s")
    Duration staleLoadLimit();

    /** Share of the target aimed at when sizing from averaged concurrency. */
    @WithDefault("70")
    int targetUtilizationPercentage();

    /** The averaging window of stable mode. */
    @WithDefault("60s")
    Duration stableWindow();

    /** The panic window, as a percentage of the stable window. */
    @WithDefault("10")
    int panicWindowPercentage();

    /** Panic when the panic window asks for this percentage of the ready replicas. */
    @WithDefault("200")
    int panicThresholdPercentage();

    /** At most this many times the ready replicas per decision. */
    @WithDefault("1000")
    double maxScaleUpRate();

    /** At least the ready replicas divided by this per decision. */
    @WithDefault("2")
    double maxScaleDownRate();

    /** How long a lower count must be asked for before it applies. */
    @WithDefault("0s")
    Duration scaleDownDelay();

    /** Replicas started when a function is first seen. */
    @WithDefault("0")
    int initialScale();

    /** Fewest replicas whenever a function has load. */
    @WithDefault("1")
    int activationScale();

    /** Kafka-triggered functions: how their consumer lag is read. */
    Kafka kafka();

    /** Reading the consumer lag of Kafka-triggered functions (the Admin client). */
    interface Kafka {
      /** Longest one lag read may take; then the trigger is reported not ready. */
      @WithDefault("5s")
      Duration readTimeout();

      /** How long a topic's partition list is reused before it is described again. */
      @WithDefault("30s")
      Duration metadataMaxAge();

      /** A lower lag-driven replica count applies only after this (never delays scale to zero). */
      @WithDefault("5m")
      Duration lagScaleDownHold();
    }
  }

  /** The local backend: replicas as child processes. */
  interface Local {
    /** Replicas starting at once on this host; JVMs compete for CPU (default: cores). */
    Optional<Integer> maxConcurrentStarts();

    /** How often a starting replica is probed. */
    @WithDefault("10ms")
    Duration probeInterval();

    /** A replica not ready within this is killed and replaced. */
    @WithDefault("60s")
    Duration startTimeout();

    /** Longest a stopping replica's in-flight requests may take before SIGTERM. */
    @WithDefault("30s")
    Duration drainTimeout();

    /** Time between SIGTERM and SIGKILL. */
    @WithDefault("10s")
    Duration stopGracePeriod();
  }

  /** The Kubernetes backend ({@code zeroscale.backend=kubernetes}); ignored by the local one. */
  interface Kubernetes {
    /**
     * The API server's URL (default: from the kubeconfig, or the in-cluster service account, as
     * kubectl finds it).
     */
    Optional<String> apiServerUrl();

    /** The one namespace whose functions this instance serves (default: every namespace). */
    Optional<String> namespace();

    /** Base of each function's {@code status.url}: {@code ROUTER-URL/fn/<ns>/<name>/}. */
    @WithDefault("http://zeroscale-router")
    String routerUrl();

    /** How long a stopping pod keeps serving after it turned terminating (pre-stop sleep). */
    @WithDefault("5s")
    Duration preStopSleep();

    /** Added to a function's timeout and the pre-stop sleep to make its grace period. */
    @WithDefault("5s")
    Duration shutdownMargin();

    /** How often the kubelet probes a pod's readiness (1s at least). */
    @WithDefault("1s")
    Duration readinessPeriod();

    /** Pause before a failed reconcile is retried; doubles with each failure in a row. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Cap of that pause. */
    @WithDefault("60s")
    Duration maxRetryBackoff();

    /**
     * How often the controller compares Kafka-triggered functions' TriggerReady with the
     * autoscaler's reading (which changes without a Kubernetes event); a status is written only
     * when it changed.
     */
    @WithDefault("5s")
    Duration triggerResync();

    /** Leader election among instances running the controller or the autoscaler. */
    Lease lease();

    /** How the leading autoscaler finds the data-path instances whose load it reads. */
    Peers peers();

    /**
     * The platform's data-path instances (roles router and activator), as the leader finds them:
     * the EndpointSlices of a headless Service selecting their pods, whose one port is the control
     * port (manifests/platform/data-path-service.yaml).
     */
    interface Peers {
      /** The Service's name. */
      @WithDefault("zeroscale-data-path")
      String service();

      /** The Service's namespace (default: the client's namespace, the pod's own in a cluster). */
      Optional<String> namespace();
    }

    /** The Lease the controller and autoscaler instances elect their leader on. */
    interface Lease {
      /** The Lease's namespace (default: the client's namespace, the pod's own in a cluster). */
      Optional<String> namespace();

      /** The Lease's name; instances sharing it elect one leader. */
      @WithDefault("zeroscale-leader")
      String name();

      /** How long a stand-by waits after the leader's last renewal before it takes over. */
      @WithDefault("15s")
      Duration duration();

      /** How long a leader tries to renew before it steps down; shorter than the duration. */
      @WithDefault("10s")
      Duration renewDeadline();

      /** Between tries to acquire or renew; times 1.2 shorter than the renew deadline. */
      @WithDefault("2s")
      Duration retryPeriod();
    }
  }
}
