package io.zeroscale.autoscaler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The lag arithmetic on one read's offsets. */
class OffsetsTest {

  private static final TopicPartition P0 = new TopicPartition("words", 0);
  private static final TopicPartition P1 = new TopicPartition("words", 1);
  private static final TopicPartition P2 = new TopicPartition("words", 2);

  @Test
  void lagIsEndMinusCommittedSummedOverPartitions() {
    Offsets o =
        new Offsets(
            Map.of(P0, 100L, P1, 50L, P2, 10L), Map.of(), Map.of(P0, 40L, P1, 50L, P2, 0L), 0);
    assertThat(o.lag()).isEqualTo(60 + 0 + 10);
    assertThat(o.partitions()).isEqualTo(3);
  }

  @Test
  void aPartitionNeverCommittedCountsFromItsEarliestOffset() {
    Offsets o = new Offsets(Map.of(P0, 100L, P1, 50L), Map.of(P0, 30L, P1, 0L), Map.of(P1, 20L), 0);
    assertThat(o.lag()).as("p0: 100 - earliest 30, p1: 50 - committed 20").isEqualTo(70 + 30);
  }

  @Test
  void aCommitPastTheEndCountsAsNoLag() {
    Offsets o = new Offsets(Map.of(P0, 10L), Map.of(), Map.of(P0, 12L), 0);
    assertThat(o.lag()).isZero();
  }

  @Test
  void committedGrowthIsCountedPerPartitionFromTheEarlierPositions() {
    Offsets before = new Offsets(Map.of(P0, 100L, P1, 50L), Map.of(P0, 0L, P1, 0L), Map.of(), 0);
    Offsets after =
        new Offsets(
            Map.of(P0, 120L, P1, 50L, P2, 5L),
            Map.of(P0, 0L, P1, 0L, P2, 0L),
            Map.of(P0, 80L, P1, 50L, P2, 5L),
            0);
    assertThat(after.committedSince(before.positions()))
        .as("p0 0 -> 80, p1 0 -> 50, p2 unknown before")
        .isEqualTo(130);
    Offsets reset = new Offsets(Map.of(P0, 120L), Map.of(P0, 0L), Map.of(P0, 10L), 0);
    assertThat(reset.committedSince(after.positions())).as("a reset is not growth").isZero();
  }
}
