package io.zeroscale.runtime.kafka.consume;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.zeroscale.runtime.kafka.config.ConnectorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Makes sure the dead-letter topic exists, once, at start-up: the connector's dead-letter strategy
 * does not create it, and on a cluster that does not auto-create topics the first spent record
 * would otherwise hold its partition (no acknowledgement, no commit) until someone creates the
 * topic by hand. The topic gets the cluster's default partitions and replication. Off the start-up
 * path (a worker thread, bounded by {@value #TIMEOUT_SECONDS} s): the replica is ready without
 * waiting for it. When the topic cannot be created (no permission), a warning says what to do.
 */
@ApplicationScoped
class DeadLetterTopic {

  static final int TIMEOUT_SECONDS = 10;
  private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);

  private final Config config;

  DeadLetterTopic(Config config) {
    this.config = config;
  }

  void ensureAtStartup(@Observes StartupEvent started) {
    java.util.function.Function<String, Optional<String>> setting =
        name -> config.getOptionalValue(name, String.class);
    Optional<String> servers = setting.apply(ConnectorSettings.BOOTSTRAP_SERVERS);
    if (servers.isEmpty() || !ConnectorSettings.missing(setting).isEmpty()) {
      return; // no trigger here; TriggerCheck says what is missing
    }
    String topic = ConnectorSettings.deadLetterTopic(setting, ConnectorSettings.groupId(setting));
    Infrastructure.getDefaultWorkerPool().execute(() -> ensure(servers.get(), topic));
  }

  private static void ensure(String servers, String topic) {
    Map<String, Object> settings =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            servers,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "zeroscale-dead-letter-topic",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            TIMEOUT_SECONDS * 1000 / 2,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            TIMEOUT_SECONDS * 1000);
    try (Admin admin = Admin.create(settings)) {
      if (exists(admin, topic)) {
        return;
      }
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.infof("dead-letter topic created topic=%s", topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return; // another replica made it meanwhile
      }
      warn(topic, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      warn(topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean exists(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    try {
      admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  private static void warn(String topic, Throwable cause) {
    LOG.warnf(
        "dead-letter topic %s could not be checked or created (%s); create it, or records whose"
            + " retries are spent will hold their partition until it exists",
        topic, cause.getCause() == null ? cause : cause + ", caused by " + cause.getCause());
  }
}
