package io.ledger.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class IdempotencySettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(app -> assertThat(app.getBean(IdempotencySettings.class))
                .isEqualTo(new IdempotencySettings(Duration.ofHours(24), Duration.ofHours(1))));
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        withEnvironment(Map.of("LEDGER_IDEMPOTENCY_RETENTION", "PT48H", "LEDGER_IDEMPOTENCY_PURGE_INTERVAL", "10m"))
                .run(app -> assertThat(app.getBean(IdempotencySettings.class))
                        .isEqualTo(new IdempotencySettings(Duration.ofHours(48), Duration.ofMinutes(10))));
    }

    /**
     * A refused value is reported with where it came from: the variable (through its origin) for a value that breaks a
     * rule, the property for one that does not parse.
     */
    @ParameterizedTest
    @CsvSource({
        "LEDGER_IDEMPOTENCY_RETENTION, -PT1H, LEDGER_IDEMPOTENCY_RETENTION",
        "LEDGER_IDEMPOTENCY_RETENTION, a day, ledger.idempotency.retention",
        "LEDGER_IDEMPOTENCY_PURGE_INTERVAL, PT0S, LEDGER_IDEMPOTENCY_PURGE_INTERVAL"
    })
    void aBadValueStopsTheStartNamingWhereItCameFrom(String variable, String value, String named) {
        withEnvironment(Map.of(variable, value))
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining(named));
    }

    /** The variables as the process environment would hold them (Spring Boot's relaxed binding reads them there). */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return context.withInitializer(app -> app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @EnableConfigurationProperties(IdempotencySettings.class)
    static class Enabled {}
}
