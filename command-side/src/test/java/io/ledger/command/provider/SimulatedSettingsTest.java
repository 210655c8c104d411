package io.ledger.command.provider;

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

class SimulatedSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(app -> assertThat(app.getBean(SimulatedSettings.class))
                .isEqualTo(
                        new SimulatedSettings(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(30))));
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        withEnvironment(Map.of("LEDGER_SIMULATED_PROCESSING_DELAY", "PT0S", "LEDGER_SIMULATED_POLL_INTERVAL", "200ms"))
                .run(app -> assertThat(app.getBean(SimulatedSettings.class))
                        .isEqualTo(
                                new SimulatedSettings(Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(30))));
    }

    /**
     * A refused value is reported with where it came from: the variable (through its origin) for a value that breaks a
     * rule, the property for one that does not parse.
     */
    @ParameterizedTest
    @CsvSource({
        "LEDGER_SIMULATED_PROCESSING_DELAY, -PT1S, LEDGER_SIMULATED_PROCESSING_DELAY",
        "LEDGER_SIMULATED_POLL_INTERVAL, PT0S, LEDGER_SIMULATED_POLL_INTERVAL",
        "LEDGER_SIMULATED_POLL_INTERVAL, often, ledger.simulated.poll-interval"
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

    @EnableConfigurationProperties(SimulatedSettings.class)
    static class Enabled {}
}
