package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.autoscaler.decider.Decision;
import io.zeroscale.autoscaler.decider.Mode;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import org.jboss.logging.Logger;

/**
 * The autoscaler's log lines, one per state change, key=value: every applied decision with its
 * reason, and each entry into and exit from panic mode.
 */
final class DecisionLog {

  private static final Logger LOG = Logger.getLogger(ScalingLoop.class);

  private DecisionLog() {}

  static void applied(
      FunctionKey key, Orchestrator.Scale before, Decision decision, String trigger) {
    LOG.infof(
        "scale decision function=%s from=%d to=%d ready=%d mode=%s trigger=%s reason=\"%s\"",
        key,
        before.desired(),
        decision.desired(),
        before.ready(),
        decision.mode().label(),
        trigger,
        decision.reason());
  }

  static void modeChanged(FunctionKey key, Mode mode, ScaleInputs in) {
    if (mode == Mode.PANIC) {
      LOG.infof(
          "panic mode entered function=%s ready=%d panicConcurrency=%.1f inFlight=%d queued=%d",
          key, in.readyReplicas(), in.panicConcurrency(), in.inFlight(), in.queued());
    } else {
      LOG.infof(
          "panic mode ended function=%s ready=%d stableConcurrency=%.1f",
          key, in.readyReplicas(), in.stableConcurrency());
    }
  }
}
