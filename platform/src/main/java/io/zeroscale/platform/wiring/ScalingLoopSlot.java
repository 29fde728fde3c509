package io.zeroscale.platform.wiring;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.api.stats.LoadSources;
import io.zeroscale.api.stats.ScalePoke;
import io.zeroscale.autoscaler.loop.ScalingLoop;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The scaling loop of this instance while it runs one. The data path pokes this slot, which passes
 * the poke on to the loop if there is one: on the Kubernetes backend the loop runs only while this
 * instance leads, and a new term gets a new loop (a closed one cannot start again).
 */
public final class ScalingLoopSlot implements ScalePoke {

  private static final BiConsumer<FunctionKey, TriggerStatus> NO_LISTENER = (key, status) -> {};

  private final Function<LoadSources, ScalingLoop> loops;
  private volatile ScalingLoop loop;
  private volatile BiConsumer<FunctionKey, TriggerStatus> triggerListener = NO_LISTENER;

  /**
   * @param loops makes a new, not yet started loop that reads, besides this instance's own load,
   *     the sources given (other instances' data paths)
   */
  public ScalingLoopSlot(Function<LoadSources, ScalingLoop> loops) {
    this.loops = loops;
  }

  /**
   * The loop in the slot, made (reading this instance's load only) if there is none; not started.
   */
  public synchronized ScalingLoop open() {
    return open(LoadSources.NONE);
  }

  private ScalingLoop open(LoadSources others) {
    if (loop == null) {
      loop = loops.apply(others);
      loop.onTriggerStatusChange((key, status) -> triggerListener.accept(key, status));
    }
    return loop;
  }

  /** Starts the loop in the slot (made if there is none). */
  public synchronized void start() {
    open().start();
  }

  /** Starts the loop in the slot, made if there is none to read {@code others} too. */
  public synchronized void start(LoadSources others) {
    open(others).start();
  }

  /** Closes the loop in the slot, if any, and empties the slot. */
  public synchronized void close() {
    if (loop != null) {
      loop.close();
      loop = null;
    }
  }

  @Override
  public void poke(FunctionKey key, int queued) {
    ScalingLoop current = loop;
    if (current != null) {
      current.poke(key, queued);
    }
  }

  /**
   * Hears each change of a trigger's status, from whichever loop runs now or later, on a Kafka
   * client thread (return quickly); one listener at a time.
   *
   * @return stops hearing
   */
  public AutoCloseable onTriggerStatusChange(BiConsumer<FunctionKey, TriggerStatus> listener) {
    triggerListener = listener;
    return () -> triggerListener = NO_LISTENER;
  }

  /** The Kafka trigger's status as the running loop last read it. */
  public Optional<TriggerStatus> triggerStatus(FunctionKey key) {
    ScalingLoop current = loop;
    return current == null ? Optional.empty() : current.triggerStatus(key);
  }
}
