package io.zeroscale.loadtest.scenario.kafka;

import io.zeroscale.loadtest.process.SamplingTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples a consumer group's committed offsets on one topic (summed over its partitions) and the
 * group's member count at a fixed period with the Admin client: how every path of the scenario is
 * measured, so that none is timed by its own code.
 */
final class CommittedProgress implements AutoCloseable {

  /** One sample, {@code atSeconds} after the sampler started; lag is what is left to commit. */
  record Sample(double atSeconds, long committed, long lag, int members) {}

  private final Admin admin;
  private final String group;
  private final String topic;
  private final long total;
  private final long start = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = SamplingTimer.start("committed-progress");

  CommittedProgress(Admin admin, String group, String topic, long total, long periodMillis) {
    this.admin = admin;
    this.group = group;
    this.topic = topic;
    this.total = total;
    timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      long committed =
          offsets.entrySet().stream()
              .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
              .mapToLong(e -> e.getValue().offset())
              .sum();
      int members =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(5, TimeUnit.SECONDS)
              .members()
              .size();
      double at = Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
      synchronized (samples) {
        samples.add(new Sample(at, committed, total - committed, members));
      }
    } catch (Exception e) {
      // A missed sample is a gap in the series, not a failed run (the group may not exist yet).
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The latest committed sum, 0 before the first sample. */
  long committed() {
    synchronized (samples) {
      return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).committed();
    }
  }

  /**
   * Waits until the group has committed {@code total} records or {@code timeoutMillis} passed;
   * returns the committed sum then.
   */
  long awaitTotal(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (committed() < total && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return committed();
  }

  /** The rate over the samples so far, as {@link ProgressRate} defines it. */
  ProgressRate rate() {
    return ProgressRate.of(points(samples()), total);
  }

  /**
   * The rate over the samples from the first one that saw {@code members} consumers in the group:
   * without the time the first consumers worked alone and the rebalances as the others joined.
   */
  ProgressRate rateOnceAllMembers(int members) {
    List<Sample> all = samples();
    int first = 0;
    while (first < all.size() && all.get(first).members() < members) {
      first++;
    }
    return ProgressRate.of(points(all.subList(first, all.size())), total);
  }

  private static List<ProgressRate.Point> points(List<Sample> samples) {
    return samples.stream().map(s -> new ProgressRate.Point(s.atSeconds(), s.committed())).toList();
  }

  @Override
  public void close() {
    SamplingTimer.stop(timer);
  }
}
