package io.zeroscale.loadtest.scenario.kafka;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.process.FunctionSpecs;
import io.zeroscale.loadtest.process.KafkaBrokerProcess;
import io.zeroscale.loadtest.process.PlatformProcess;
import io.zeroscale.loadtest.scenario.Scenario;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real broker in a child JVM; {@code records} lines produced once to a 6-partition topic; then
 * each path reads the whole topic with a fresh consumer group: raw consumers that only read, raw
 * consumers that do wordcount's work, and {@code examples/wordcount} on a platform pinned at R
 * replicas. Every path's records/s comes from its group's committed offsets ({@link ProgressRate}).
 */
public final class KafkaThroughputScenario implements Scenario {

  public static final String NAME = "kafka-throughput";
  static final String NAMESPACE = "bench";
  static final String INPUT = "bench-in";
  static final String RAW_READ = "raw consumer";
  static final String RAW_WORDCOUNT = "raw consume-produce";
  static final String ZEROSCALE = "zeroscale wordcount";
  private static final String WARM_UP = "warm-up";

  /** function-runtime-kafka's commit period ({@code zeroscale.kafka.commit-interval-ms}). */
  static final String COMMIT_INTERVAL_ENV = "ZEROSCALE_KAFKA_COMMIT_INTERVAL_MS";

  /**
   * One path at one consumer (or replica) count.
   *
   * @param committed records the group had committed when the run ended
   * @param rate records/s from the committed offsets
   * @param allInGroupRate the same from the first sample that saw {@code consumers} members in the
   *     group (null when the rest was too short to measure)
   * @param inProcessRecordsPerSecond raw paths only: as counted inside the consumers
   * @param outputRecords records the path wrote to its output topic (null for read-only)
   * @param maxMembers most consumers seen in the group at once
   */
  public record Run(
      String path,
      int consumers,
      String group,
      long committed,
      boolean complete,
      ProgressRate rate,
      ProgressRate allInGroupRate,
      Double inProcessRecordsPerSecond,
      Long outputRecords,
      int maxMembers,
      List<CommittedProgress.Sample> progress) {}

  /** The input as produced, every run, and the records left uncommitted over all runs. */
  public record Result(InputTopic.Produced produced, List<Run> runs, long uncommitted) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioOutcome run(BenchContext context) throws Exception {
    BenchSettings.KafkaThroughput settings = context.settings().kafkaThroughput();
    Path dir = context.dir(NAME);
    List<Run> runs = new ArrayList<>();
    InputTopic.Produced produced;
    try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir.resolve("broker.log"));
        Admin admin = admin(broker.bootstrapServers())) {
      produced = fillInput(context, settings, admin, broker.bootstrapServers());
      // The raw consumers run in this JVM: compile their code before the first measured read.
      context.out().println("kafka-throughput: warm-up read of " + INPUT + " (not recorded)");
      raw(context, settings, admin, broker, RawConsumers.Work.READ, 1, WARM_UP);
      for (int consumers : settings.rawReaders()) {
        runs.add(raw(context, settings, admin, broker, RawConsumers.Work.READ, consumers, "bench"));
      }
      for (int consumers : settings.rawWordcount()) {
        runs.add(
            raw(context, settings, admin, broker, RawConsumers.Work.WORDCOUNT, consumers, "bench"));
      }
      try (PlatformProcess platform =
          PlatformProcess.start(context.repoRoot(), dir.resolve("platform.log"), Map.of())) {
        for (int replicas : settings.replicas()) {
          runs.add(zeroscale(context, settings, admin, broker, platform, replicas));
        }
      }
    }
    long uncommitted = runs.stream().mapToLong(r -> settings.records() - r.committed()).sum();
    return KafkaThroughputReport.write(context, settings, new Result(produced, runs, uncommitted));
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) InputTopic.ADMIN_TIMEOUT.toMillis()));
  }

  /** Creates the input topic and produces every record once, for all paths to read. */
  private static InputTopic.Produced fillInput(
      BenchContext context, BenchSettings.KafkaThroughput settings, Admin admin, String bootstrap)
      throws Exception {
    InputTopic.create(admin, INPUT, settings.partitions());
    InputTopic.Produced produced =
        InputTopic.produce(bootstrap, INPUT, settings.records(), settings.recordBytes());
    long held = InputTopic.endOffsets(admin, INPUT, settings.partitions());
    if (held != settings.records()) {
      throw new IllegalStateException(
          INPUT + " holds " + held + " records after producing " + settings.records());
    }
    context
        .out()
        .printf(
            "kafka-throughput: produced %d records (%d bytes) to %s in %.1f s: %.0f records/s%n",
            produced.records(),
            produced.bytes(),
            INPUT,
            produced.seconds(),
            produced.recordsPerSecond());
    return produced;
  }

  private static Run raw(
      BenchContext context,
      BenchSettings.KafkaThroughput settings,
      Admin admin,
      KafkaBrokerProcess broker,
      RawConsumers.Work work,
      int consumers,
      String prefix)
      throws Exception {
    boolean read = work == RawConsumers.Work.READ;
    String group = prefix + (read ? "-raw-read-" : "-raw-wordcount-") + consumers;
    String output = read ? null : prefix + "-out-raw-" + consumers;
    if (output != null) {
      InputTopic.create(admin, output, settings.partitions());
    }
    try (CommittedProgress progress = progress(settings, admin, group)) {
      RawConsumers raw =
          RawConsumers.start(
              broker.bootstrapServers(),
              INPUT,
              group,
              consumers,
              work,
              output,
              settings.commitInterval());
      long committed;
      try {
        committed = progress.awaitTotal(settings.runTimeout().toMillis());
      } finally {
        raw.close();
      }
      if (raw.failure() != null) {
        throw new IllegalStateException(
            group + " failed: " + raw.failure().getMessage(), raw.failure());
      }
      Long outputs =
          output == null ? null : InputTopic.endOffsets(admin, output, settings.partitions());
      return finish(
          context,
          settings,
          prefix.equals(WARM_UP) ? "warm-up read" : read ? RAW_READ : RAW_WORDCOUNT,
          consumers,
          group,
          committed,
          progress,
          raw.inProcessRate(),
          outputs);
    }
  }

  private static Run zeroscale(
      BenchContext context,
      BenchSettings.KafkaThroughput settings,
      Admin admin,
      KafkaBrokerProcess broker,
      PlatformProcess platform,
      int replicas)
      throws Exception {
    String function = "wordcount-r" + replicas;
    String group = "bench-wordcount-r" + replicas;
    String output = "bench-out-r" + replicas;
    InputTopic.create(admin, output, settings.partitions());
    // The broker creates no topic by itself; wordcount's dead-letter topic (<group>-dlq) stays
    // empty here, but a trigger whose topics are missing is reported as not ready.
    InputTopic.create(admin, group + "-dlq", 1);
    long committed;
    try (CommittedProgress progress = progress(settings, admin, group)) {
      platform.apply(
          NAMESPACE,
          function,
          FunctionSpecs.kafkaFunction(
              NAMESPACE,
              function,
              context.exampleJar("wordcount"),
              "{minScale: " + replicas + ", maxScale: " + replicas + "}",
              Map.of(
                  "WORDCOUNT_OUTPUT_TOPIC",
                  output,
                  COMMIT_INTERVAL_ENV,
                  Long.toString(settings.commitInterval().toMillis())),
              broker.bootstrapServers(),
              INPUT,
              group,
              100));
      committed = progress.awaitTotal(settings.runTimeout().toMillis());
      Long outputs = InputTopic.endOffsets(admin, output, settings.partitions());
      Run run =
          finish(context, settings, ZEROSCALE, replicas, group, committed, progress, null, outputs);
      platform.deleteAndAwaitStopped(NAMESPACE, function, Duration.ofSeconds(60));
      return run;
    }
  }

  private static CommittedProgress progress(
      BenchSettings.KafkaThroughput settings, Admin admin, String group) {
    return new CommittedProgress(
        admin, group, INPUT, settings.records(), settings.samplePeriod().toMillis());
  }

  private static Run finish(
      BenchContext context,
      BenchSettings.KafkaThroughput settings,
      String path,
      int consumers,
      String group,
      long committed,
      CommittedProgress progress,
      Double inProcess,
      Long outputs) {
    List<CommittedProgress.Sample> samples = progress.samples();
    ProgressRate rate = progress.rate();
    int maxMembers = samples.stream().mapToInt(CommittedProgress.Sample::members).max().orElse(0);
    Run run =
        new Run(
            path,
            consumers,
            group,
            committed,
            committed >= settings.records(),
            rate,
            progress.rateOnceAllMembers(consumers),
            inProcess,
            outputs,
            maxMembers,
            samples);
    context
        .out()
        .printf(
            "kafka-throughput: %s x%d: %d of %d committed, %s records/s (%.1f s → %.1f s),"
                + " up to %d consumers in the group%s%n",
            path,
            consumers,
            committed,
            settings.records(),
            rate.recordsPerSecond() == null
                ? "n/a"
                : String.format("%.0f", rate.recordsPerSecond()),
            rate.fromSeconds(),
            rate.toSeconds(),
            maxMembers,
            outputs == null ? "" : ", " + outputs + " outputs");
    return run;
  }
}
