package io.zeroscale.kafka.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), started from the
 * Apache Kafka jars on free ports with its logs in a temporary folder. It is Kafka's own test kit
 * ({@code kafka-test-common-runtime}), not a mock: the same broker code that runs in production.
 *
 * <p>Tests share one broker per JVM through {@link #shared()} (a broker takes about two seconds to
 * start) and keep apart by topic and group names; a test that stops the broker starts its own with
 * {@link #start()}.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private static KafkaBroker shared;

  private final KafkaClusterTestKit cluster;
  private final String bootstrapServers;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.bootstrapServers = cluster.bootstrapServers();
  }

  /** Starts a broker of its own; close it when done. */
  public static KafkaBroker start() {
    try {
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "6")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              // A group's first rebalance waits 3 s by default for more members: pure delay here.
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "false")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaBroker(cluster);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the Kafka broker: " + e.getMessage(), e);
    }
  }

  /** The broker this JVM shares, started on first use and stopped when the JVM exits. */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      shared = start();
      KafkaBroker broker = shared;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(broker::close, "zeroscale-kafka-broker-stop"));
    }
    return shared;
  }

  /** {@code host:port} of the broker's listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** An admin client on this broker; close it when done. */
  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) ADMIN_TIMEOUT.toMillis()));
  }

  /** Creates a topic with {@code partitions} partitions; does nothing when it exists. */
  public void createTopic(String name, int partitions) {
    createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
  }

  /** Creates topics; those that exist already are left as they are. */
  public void createTopics(Collection<NewTopic> topics) {
    try (Admin admin = admin()) {
      admin
          .createTopics(topics)
          .values()
          .forEach(
              (name, future) -> {
                try {
                  future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                  if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                        "could not create topic " + name + ": " + e.getCause().getMessage(), e);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted creating topic " + name, e);
                } catch (TimeoutException e) {
                  throw new IllegalStateException("timed out creating topic " + name, e);
                }
              });
    }
  }

  /** Client properties that reach this broker; add the rest per client. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }

  /** Writes {@code key -> value} records in order and waits until the broker has each of them. */
  public void produce(String topic, Map<String, String> records) {
    Properties props = clientProperties();
    props.put("acks", "all");
    props.put("linger.ms", "5");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      records.forEach((k, v) -> sent.add(producer.send(new ProducerRecord<>(topic, k, v))));
      for (Future<RecordMetadata> f : sent) {
        f.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not write to " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing to " + topic, e);
    }
  }

  /** Every record of {@code topic} from the beginning to its end as of now (30 s at most). */
  public List<ConsumerRecord<String, String>> readAll(String topic) {
    try (var consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in time");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /**
   * Reads {@code topic} from the beginning until {@code done} holds for what was read, or {@code
   * timeout} passes, and returns every record read; without a consumer group.
   */
  public List<ConsumerRecord<String, String>> readUntil(
      String topic, Duration timeout, Predicate<List<ConsumerRecord<String, String>>> done) {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (var consumer = consumer()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions =
            consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
          pause(); // the topic is not there yet (a function creates it on its first write)
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!done.test(read) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a topic", e);
    }
  }

  private KafkaConsumer<String, String> consumer() {
    Properties props = clientProperties();
    props.put("enable.auto.commit", "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      System.err.println("stopping the Kafka broker failed: " + e);
    }
  }

  /**
   * Runs a broker until the process is stopped, for demos and benchmarks, and prints {@code
   * bootstrap.servers=host:port} on one line once it is ready. Without arguments it is a throwaway
   * broker on free ports; with {@code --port N --data-dir DIR} a development broker on that port
   * whose topics survive restarts.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 4 && "--port".equals(args[0]) && "--data-dir".equals(args[2])) {
      StandaloneBroker.run(Integer.parseInt(args[1]), java.nio.file.Path.of(args[3]));
      return;
    }
    if (args.length != 0) {
      System.err.println("usage: KafkaBroker [--port PORT --data-dir DIR]");
      System.exit(2);
    }
    KafkaBroker broker = start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "zeroscale-kafka-broker-stop"));
    System.out.println("bootstrap.servers=" + broker.bootstrapServers());
    System.out.flush();
    Thread.currentThread().join();
  }
}
