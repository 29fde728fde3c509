package io.zeroscale.cli.command;

import io.zeroscale.cli.client.CliException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes and reads records on a Kafka topic, so the Kafka-triggered examples can be tried with
 * nothing else installed. A plain client: for real work, use your Kafka tools.
 */
@Command(
    name = "kafka",
    description = {
      "Write records to a Kafka topic, or read them (to try Kafka-triggered functions).",
      "",
      "The broker is $ZEROSCALE_KAFKA (default 127.0.0.1:9092, the one 'zeroscale up' starts)."
    },
    mixinStandardHelpOptions = true,
    subcommands = {KafkaCommand.Produce.class, KafkaCommand.Consume.class})
class KafkaCommand {

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

  abstract static class KafkaClientCommand implements Callable<Integer> {

    @Option(
        names = "--bootstrap-servers",
        defaultValue = "${ZEROSCALE_KAFKA:-127.0.0.1:9092}",
        description = "Kafka brokers (env ZEROSCALE_KAFKA; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Override
    public final Integer call() {
      try {
        return run();
      } catch (CliException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      }
    }

    abstract int run();

    Properties properties() {
      Properties props = new Properties();
      props.put("bootstrap.servers", bootstrapServers);
      props.put("client.id", "zeroscale-cli");
      return props;
    }
  }

  @Command(
      name = "produce",
      description = {
        "Write each LINE (or each line of standard input) as one record to TOPIC.",
        "",
        "Keys are LINE-PREFIX-1, -2, ... so outputs can be matched to inputs.",
        "Example: printf 'to be or not to be\\nhello world\\n' | zeroscale kafka produce words"
      },
      mixinStandardHelpOptions = true)
  static class Produce extends KafkaClientCommand {

    @Parameters(index = "0", description = "The topic (created on first use by the dev broker).")
    String topic;

    @Parameters(index = "1..*", arity = "0..*", description = "Lines to write (default: stdin).")
    List<String> lines = new ArrayList<>();

    @Option(
        names = "--key-prefix",
        defaultValue = "line",
        description = "Prefix of the generated keys (default ${DEFAULT-VALUE}).")
    String keyPrefix;

    @Override
    int run() {
      List<String> values = lines.isEmpty() ? readStdin() : lines;
      Properties props = properties();
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis() - 1000);
      String run = Long.toString(System.currentTimeMillis() % 100_000);
      try (var producer =
          new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          String key = keyPrefix + "-" + run + "-" + (i + 1);
          sent.add(producer.send(new ProducerRecord<>(topic, key, values.get(i))));
        }
        for (Future<RecordMetadata> f : sent) {
          f.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (ExecutionException | TimeoutException e) {
        throw unreachable(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      } catch (org.apache.kafka.common.KafkaException e) {
        throw unreachable(e);
      }
      System.err.println("wrote " + values.size() + " record(s) to " + topic);
      return 0;
    }

    private CliException unreachable(Exception e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      return new CliException(
          "could not write to "
              + topic
              + " on "
              + bootstrapServers
              + ": "
              + cause.getMessage()
              + " (is a broker running? 'zeroscale up' starts one on 127.0.0.1:9092)");
    }

    private static List<String> readStdin() {
      List<String> read = new ArrayList<>();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            read.add(line);
          }
        }
      } catch (java.io.IOException e) {
        throw new CliException("cannot read standard input: " + e.getMessage());
      }
      return read;
    }
  }

  @Command(
      name = "consume",
      description = {
        "Print the records of TOPIC from the beginning, as KEY<TAB>VALUE, then stop when no new",
        "record came for --idle (no consumer group is created or committed)."
      },
      mixinStandardHelpOptions = true)
  static class Consume extends KafkaClientCommand {

    @Parameters(index = "0", description = "The topic.")
    String topic;

    @Option(
        names = "--idle",
        defaultValue = "3",
        description =
            "Stop after this many seconds without a new record (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(
        names = "--max",
        defaultValue = "0",
        description = "Stop after this many records (default: no limit).")
    int max;

    @Override
    int run() {
      Properties props = properties();
      props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      int printed = 0;
      try (var consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(CLIENT_TIMEOUT);
        if (!topics.containsKey(topic)) {
          throw new CliException(
              "topic '" + topic + "' does not exist on " + bootstrapServers + " (yet)");
        }
        List<TopicPartition> partitions =
            topics.get(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince < TimeUnit.SECONDS.toNanos(idleSeconds)
            && (max == 0 || printed < max)) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            System.out.println(r.key() + "\t" + r.value());
            printed++;
            idleSince = System.nanoTime();
            if (max > 0 && printed >= max) {
              break;
            }
          }
        }
      } catch (org.apache.kafka.common.KafkaException e) {
        throw new CliException(
            "could not read " + topic + " on " + bootstrapServers + ": " + e.getMessage());
      }
      System.err.println(printed + " record(s) from " + topic);
      return 0;
    }
  }
}
