package io.zeroscale.autoscaler.decider;

/**
 * The last step of every decision: {@code minScale}, {@code maxScale} and, until the function has
 * once reached it, {@code initialScale} as a floor.
 *
 * @param desired the bounded count
 * @param state the state, marked initialized once the ready replicas reached the initial scale
 * @param note text for the reason when a bound changed the count, empty otherwise
 */
record Bounded(int desired, DeciderState state, String note) {

  static Bounded of(ScalingPolicy policy, ScaleInputs in, DeciderState state, int wanted) {
    boolean initialized = state.initialized() || in.readyReplicas() >= policy.initialScale();
    int floor =
        initialized ? policy.minScale() : Math.max(policy.minScale(), policy.initialScale());
    int desired = Math.max(floor, Math.min(policy.maxScale(), wanted));
    String note = "";
    if (desired != wanted) {
      note =
          " bounds="
              + floor
              + ".."
              + policy.maxScale()
              + (initialized ? "" : " (initialScale " + policy.initialScale() + ")");
    }
    return new Bounded(desired, state.initialized(initialized), note);
  }
}
