package io.zeroscale.autoscaler.sim.lag;

/** A scaler under test: asked at every simulation step, it decides on its own cadence. */
interface LagScaler {

  /** What the scaler may see of the consumer group at a step. */
  record GroupState(long lag, int partitions, long committed, int desired, int ready) {}

  String label();

  /** The desired replica count after this step (the current one when it does not decide now). */
  int step(double t, GroupState group);
}
