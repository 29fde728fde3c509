package io.zeroscale.loadtest.config;

import java.time.Duration;
import java.util.List;

/**
 * Sizes and durations of every scenario. {@link #full()} is what {@code load-tests/bench all} runs
 * (about 11 minutes on 2 cores, 3 of them kafka-throughput); {@link #smoke()} is what the tests run
 * (seconds per scenario, same code paths).
 */
public record BenchSettings(
    ProxyOverhead proxyOverhead,
    ColdStart coldStart,
    BurstFromZero burstFromZero,
    AutoscaleStep autoscaleStep,
    Memory memory,
    KafkaThroughput kafkaThroughput) {

  /**
   * @param rates open-loop arrival rates per second, each run against every target
   * @param warmup closed-loop warm-up per target before measuring, not recorded
   * @param perRate length of each open-loop run
   * @param clients concurrent clients of the max-throughput closed-loop run
   * @param closedDuration length of each closed-loop run
   * @param wrkConnections connections of the wrk run (2 threads)
   * @param wrkSeconds length of each wrk run
   */
  public record ProxyOverhead(
      List<Integer> rates,
      Duration warmup,
      Duration perRate,
      int clients,
      Duration closedDuration,
      int wrkConnections,
      int wrkSeconds) {}

  /**
   * @param rounds cold starts through the platform, and as many starts of the function alone
   */
  public record ColdStart(int rounds) {}

  /**
   * @param requests requests of one burst, all sent within {@code window}
   * @param window the burst's length
   * @param rounds bursts, each at a fresh function at zero
   * @param maxScale the function's replica limit
   */
  public record BurstFromZero(int requests, Duration window, int rounds, int maxScale) {}

  /**
   * @param low clients before and after the step
   * @param high clients during the step
   * @param before length of the low phase before the step
   * @param highPhase length of the step
   * @param after length of the low phase after the step: longer than the autoscaler's stable window
   *     (60 s by default), so that the scale-down shows
   * @param maxScale sleepy's replica limit
   * @param target sleepy's {@code spec.scaling.target} (concurrent requests per replica)
   * @param query what each request asks sleepy to do
   */
  public record AutoscaleStep(
      int low,
      int high,
      Duration before,
      Duration highPhase,
      Duration after,
      int maxScale,
      int target,
      String query) {}

  /**
   * @param functions functions deployed at zero for the idle measurement
   * @param settle wait after deploying before sampling the idle memory
   * @param load length of the proxy load while memory is sampled
   * @param loadClients concurrent clients of that load
   */
  public record Memory(int functions, Duration settle, Duration load, int loadClients) {}

  /**
   * @param records records produced to the input topic; every path reads all of them
   * @param partitions the input topic's partitions (and each output topic's)
   * @param recordBytes size of one record (key and text line)
   * @param rawReaders consumer counts of the read-only raw baseline (one thread each, this JVM)
   * @param rawWordcount consumer counts of the raw consume-count-produce-commit baseline
   * @param replicas replica counts of wordcount on zeroscale (minScale = maxScale)
   * @param samplePeriod how often the Admin client reads a group's committed offsets
   * @param commitInterval how often every path commits what it has done (raw consumers, and
   *     wordcount through function-runtime-kafka's {@code ZEROSCALE_KAFKA_COMMIT_INTERVAL_MS}): the
   *     finer, the closer the committed offsets follow the work
   * @param runTimeout longest wait for one path to commit every record
   */
  public record KafkaThroughput(
      long records,
      int partitions,
      int recordBytes,
      List<Integer> rawReaders,
      List<Integer> rawWordcount,
      List<Integer> replicas,
      Duration samplePeriod,
      Duration commitInterval,
      Duration runTimeout) {}

  public static BenchSettings full() {
    return new BenchSettings(
        new ProxyOverhead(List.of(1_000, 5_000), seconds(5), seconds(15), 64, seconds(15), 64, 10),
        new ColdStart(10),
        new BurstFromZero(1_000, Duration.ofMillis(100), 3, 10),
        new AutoscaleStep(
            1, 50, seconds(20), seconds(40), seconds(80), 10, 5, "?sleepMs=100&cpuMs=1"),
        new Memory(100, seconds(10), seconds(20), 64),
        new KafkaThroughput(
            1_000_000,
            6,
            100,
            List.of(1, 3, 6),
            List.of(1, 3, 6),
            List.of(1, 3, 6),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            seconds(180)));
  }

  public static BenchSettings smoke() {
    return new BenchSettings(
        new ProxyOverhead(List.of(200), seconds(1), seconds(1), 8, seconds(1), 8, 1),
        new ColdStart(1),
        new BurstFromZero(1_000, Duration.ofMillis(100), 1, 3),
        new AutoscaleStep(1, 10, seconds(2), seconds(3), seconds(2), 2, 5, "?sleepMs=50&cpuMs=0"),
        new Memory(10, seconds(1), seconds(2), 8),
        new KafkaThroughput(
            20_000,
            6,
            100,
            List.of(1, 3),
            List.of(1),
            List.of(1, 2),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            seconds(90)));
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
