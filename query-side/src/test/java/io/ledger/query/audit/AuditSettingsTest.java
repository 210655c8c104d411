package io.ledger.query.audit;

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

class AuditSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(app -> {
            assertThat(app.getBean(AuditSettings.class)).isEqualTo(new AuditSettings(""));
            assertThat(app.getBean(ChainWriterSettings.class))
                    .isEqualTo(new ChainWriterSettings(true, Duration.ofMillis(200)));
        });
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        withEnvironment(Map.of(
                        "LEDGER_AUDIT_SIGNING_KEY", "a-key",
                        "LEDGER_AUDIT_CHAIN_WRITER_ENABLED", "false",
                        "LEDGER_AUDIT_CHAIN_WRITER_INTERVAL", "1s"))
                .run(app -> {
                    assertThat(app.getBean(AuditSettings.class).signingKey()).isEqualTo("a-key");
                    assertThat(app.getBean(ChainWriterSettings.class))
                            .isEqualTo(new ChainWriterSettings(false, Duration.ofSeconds(1)));
                });
    }

    /**
     * A refused value is reported with where it came from: the variable (through its origin) for a value that breaks a
     * rule, the property for one that does not parse.
     */
    @ParameterizedTest
    @CsvSource({
        "LEDGER_AUDIT_CHAIN_WRITER_INTERVAL, PT0S, LEDGER_AUDIT_CHAIN_WRITER_INTERVAL",
        "LEDGER_AUDIT_CHAIN_WRITER_INTERVAL, soon, ledger.audit.chain-writer.interval",
        "LEDGER_AUDIT_CHAIN_WRITER_ENABLED, maybe, ledger.audit.chain-writer.enabled"
    })
    void aBadValueStopsTheStartNamingWhereItCameFrom(String variable, String value, String named) {
        withEnvironment(Map.of(variable, value))
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining(named));
    }

    @Test
    void theSigningKeyIsNeverPrinted() {
        assertThat(new AuditSettings("MC4CAQAwBQYDK2VwBCIEINeverPrinted").toString())
                .doesNotContain("NeverPrinted");
    }

    /** The variables as the process environment would hold them (Spring Boot's relaxed binding reads them there). */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return context.withInitializer(app -> app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @EnableConfigurationProperties({AuditSettings.class, ChainWriterSettings.class})
    static class Enabled {}
}
