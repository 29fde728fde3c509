package io.zeroscale.runtime.kafka.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Serves {@link ConnectorSettings#channelProperties} as a config source, reading the trigger's
 * settings from the sources already there (system properties, environment, {@code
 * application.properties}). Its ordinal is below {@code application.properties} (250), so a
 * function can still tune one connector property there ({@code
 * mp.messaging.incoming.zeroscale-kafka.max.poll.records=...}).
 */
public class ConnectorConfigSourceFactory implements ConfigSourceFactory {

  static final int ORDINAL = 200;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    return List.of(
        new MapBackedConfigSource(
            "zeroscale Kafka trigger (from ZEROSCALE_KAFKA_*)",
            ConnectorSettings.channelProperties(name -> valueOf(context, name)),
            ORDINAL) {});
  }

  private static Optional<String> valueOf(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null || value.getValue() == null || value.getValue().isBlank()
        ? Optional.empty()
        : Optional.of(value.getValue().trim());
  }
}
