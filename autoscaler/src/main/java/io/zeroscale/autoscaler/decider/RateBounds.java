package io.zeroscale.autoscaler.decider;

/**
 * How far one decision may move from the ready replicas (Knative's max scale-up and scale-down
 * rates): up to {@code ceil(upRate * max(1, ready))}, down to {@code floor(max(1, ready) /
 * downRate)}. Using at least one ready replica lets a function at zero grow at all.
 *
 * @param lowest fewest replicas this decision may ask for
 * @param highest most replicas this decision may ask for
 */
public record RateBounds(int lowest, int highest) {

  public static RateBounds of(ScalingPolicy policy, int readyReplicas) {
    double ready = Math.max(1, readyReplicas);
    return new RateBounds(
        (int) Math.floor(ready / policy.maxScaleDownRate()),
        (int) Math.min(Integer.MAX_VALUE, Math.ceil(policy.maxScaleUpRate() * ready)));
  }

  public int clamp(int wanted) {
    return Math.max(lowest, Math.min(highest, wanted));
  }
}
