package io.ledger.app.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LEDGER_LOG_FORMAT=json} turns on Spring Boot's structured console logging in the Elastic Common Schema. It has
 * to be decided before Spring Boot starts logging, which is before any bean exists; hence an environment post-processor
 * rather than a configuration class. An explicit {@code logging.structured.format.console} still wins. A value that is
 * neither format is left alone here and refused when {@link LogSettings} is bound, in Spring Boot's report of bad
 * settings.
 */
public final class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String FORMAT = "ledger.log.format";
    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";
    /** Elastic Common Schema: what Elasticsearch, OpenSearch, Loki and most log shippers read without a mapping. */
    static final String JSON_FORMAT = "ecs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (format(environment) == LogSettings.Format.JSON) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("ledgerLogFormat", Map.of(STRUCTURED_CONSOLE, JSON_FORMAT)));
        }
    }

    /** Read as the record will be bound (any case, relaxed names), so that both agree on every value. */
    private static LogSettings.Format format(ConfigurableEnvironment environment) {
        try {
            return Binder.get(environment)
                    .bind(FORMAT, LogSettings.Format.class)
                    .orElse(LogSettings.Format.TEXT);
        } catch (BindException refusedLaterWithTheOtherSettings) {
            return LogSettings.Format.TEXT;
        }
    }
}
