package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run and how to scale it.
 *
 * @param image container image, used by the Kubernetes backend
 * @param command process to start, used by the local backend; it must serve HTTP on {@code $PORT}
 * @param workingDir directory the local backend starts {@code command} in (default: the platform's)
 * @param port port the function listens on inside its container (the local backend picks a free one
 *     per replica and passes it as {@code PORT})
 * @param env environment variables given to every replica
 * @param timeout longest a request may take from the router to the function's answer (504 after)
 * @param readiness how to tell that a replica can serve
 * @param scaling how the function scales
 * @param triggers what wakes the function besides HTTP (Kafka records)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionSpec(
    String image,
    List<String> command,
    String workingDir,
    Integer port,
    Map<String, String> env,
    String timeout,
    ReadinessSpec readiness,
    ScalingSpec scaling,
    TriggersSpec triggers) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_TIMEOUT = "30s";

  /** A function triggered by HTTP only. */
  public FunctionSpec(
      String image,
      List<String> command,
      String workingDir,
      Integer port,
      Map<String, String> env,
      String timeout,
      ReadinessSpec readiness,
      ScalingSpec scaling) {
    this(image, command, workingDir, port, env, timeout, readiness, scaling, null);
  }

  /**
   * A copy with every optional field filled in; what the catalog stores. The triggers' defaults
   * depend on the function's name: {@link Function#withDefaults()} fills them.
   */
  public FunctionSpec withDefaults() {
    return new FunctionSpec(
        image,
        command == null ? List.of() : List.copyOf(command),
        workingDir,
        port == null ? DEFAULT_PORT : port,
        env == null ? Map.of() : Map.copyOf(env),
        timeout == null ? DEFAULT_TIMEOUT : timeout,
        (readiness == null ? new ReadinessSpec(null) : readiness).withDefaults(),
        (scaling == null ? ScalingSpec.defaults() : scaling.withDefaults()),
        triggers);
  }

  /** A copy with the triggers' defaults filled in for the function {@code key}. */
  FunctionSpec withTriggerDefaults(FunctionKey key) {
    return triggers == null
        ? this
        : new FunctionSpec(
            image,
            command,
            workingDir,
            port,
            env,
            timeout,
            readiness,
            scaling,
            triggers.withDefaults(key));
  }

  /** The Kafka trigger, or null when the function has none. */
  @JsonIgnore
  public KafkaTriggerSpec kafkaTrigger() {
    return triggers == null ? null : triggers.kafka();
  }

  /** The timeout as a duration; call on a validated spec. */
  public Duration timeoutDuration() {
    return DurationText.parse(timeout == null ? DEFAULT_TIMEOUT : timeout);
  }

  /**
   * The part of the spec a running replica embodies. A change to it replaces the replicas; a change
   * to anything else (timeout, scaling) applies without restarting any.
   */
  @JsonIgnore
  public Workload workload() {
    return new Workload(image, command, workingDir, port, env, readiness, triggers);
  }

  /** What a replica is started from; see {@link #workload()}. */
  public record Workload(
      String image,
      List<String> command,
      String workingDir,
      Integer port,
      Map<String, String> env,
      ReadinessSpec readiness,
      TriggersSpec triggers) {}

  /** The scaling spec, never null. */
  public ScalingSpec scalingOrDefaults() {
    return scaling == null ? ScalingSpec.defaults() : scaling.withDefaults();
  }
}
