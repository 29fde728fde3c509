package io.zeroscale.autoscaler.decider;

/**
 * How a decision was taken: from the stable window, or in panic (from the panic window, never
 * down).
 */
public enum Mode {
  STABLE,
  PANIC;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
