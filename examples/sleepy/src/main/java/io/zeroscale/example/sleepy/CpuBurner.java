package io.zeroscale.example.sleepy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Spends a given amount of CPU time on the calling thread. Counts thread CPU time, not wall time,
 * so a request costs the same CPU whether or not the machine is busy.
 */
final class CpuBurner {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuBurner() {}

  /**
   * Burns about {@code millis} of CPU time.
   *
   * @return the CPU time actually spent, in milliseconds
   */
  static long burn(long millis) {
    if (millis <= 0) {
      return 0;
    }
    boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported();
    long start = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    long goal = millis * 1_000_000L;
    long spent = 0;
    long sink = 0;
    while (spent < goal) {
      for (int i = 0; i < 10_000; i++) {
        sink += i * 31L ^ sink;
      }
      spent = (cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - start;
    }
    // Keeps the JIT from removing the loop.
    if (sink == 42) {
      Thread.onSpinWait();
    }
    return spent / 1_000_000L;
  }
}
