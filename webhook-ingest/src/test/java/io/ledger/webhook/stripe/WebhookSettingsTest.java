package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The webhook settings as the application binds them: documented defaults and variables, bad values refused at start. */
class WebhookSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(WebhookConfiguration.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(app -> {
            assertThat(app.getBean(WebhookSettings.class)).isEqualTo(Settings.defaults());
            assertThat(app.getBean(WebhookSecrets.class).webhookSecret()).isEmpty();
        });
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        withEnvironment(Map.of(
                        "STRIPE_WEBHOOK_SECRET", " whsec_a ,,whsec_b",
                        "LEDGER_WEBHOOK_MAX_BODY_SIZE", "64KB",
                        "LEDGER_WEBHOOK_WORKER_ENABLED", "false",
                        "LEDGER_WEBHOOK_MAX_ATTEMPTS", "3",
                        "LEDGER_WEBHOOK_INITIAL_BACKOFF", "PT0S"))
                .run(app -> {
                    WebhookSettings settings = app.getBean(WebhookSettings.class);
                    assertThat(settings.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
                    assertThat(settings.worker().enabled()).isFalse();
                    assertThat(settings.maxAttempts()).isEqualTo(3);
                    assertThat(settings.initialBackoff()).isZero();
                    assertThat(app.getBean(WebhookSecrets.class).webhookSecret())
                            .containsExactly("whsec_a", "whsec_b");
                });
    }

    /**
     * A refused value is reported with where it came from: the variable (through its origin) for a value that breaks a
     * rule, the property for one that does not parse.
     */
    @ParameterizedTest
    @CsvSource({
        "LEDGER_WEBHOOK_MAX_ATTEMPTS, 0, LEDGER_WEBHOOK_MAX_ATTEMPTS",
        "LEDGER_WEBHOOK_BATCH_SIZE, -1, LEDGER_WEBHOOK_BATCH_SIZE",
        "LEDGER_WEBHOOK_MAX_BODY_SIZE, -1KB, LEDGER_WEBHOOK_MAX_BODY_SIZE",
        "LEDGER_WEBHOOK_MAX_BODY_SIZE, 0B, LEDGER_WEBHOOK_MAX_BODY_SIZE",
        "LEDGER_WEBHOOK_TOLERANCE, PT0.5S, LEDGER_WEBHOOK_TOLERANCE",
        "LEDGER_WEBHOOK_FUTURE_TOLERANCE, -PT1M, LEDGER_WEBHOOK_FUTURE_TOLERANCE",
        "LEDGER_WEBHOOK_POLL_INTERVAL, PT0S, LEDGER_WEBHOOK_POLL_INTERVAL",
        "LEDGER_WEBHOOK_MAX_BACKOFF, -PT1H, LEDGER_WEBHOOK_MAX_BACKOFF",
        "LEDGER_WEBHOOK_INITIAL_BACKOFF, soon, ledger.webhook.initial-backoff",
        "LEDGER_WEBHOOK_MAX_BODY_SIZE, lots, ledger.webhook.max-body-size"
    })
    void aBadValueStopsTheStartNamingWhereItCameFrom(String variable, String value, String named) {
        withEnvironment(Map.of(variable, value))
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining(named));
    }

    @Test
    void theBackoffDoublesFromTheInitialDelayUpToTheCap() {
        WebhookSettings settings = Settings.defaults();

        assertThat(settings.backoff().delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoff().delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoff().delay(9)).isEqualTo(Duration.ofMinutes(42).plusSeconds(40));
        assertThat(settings.backoff().delay(10)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theSecretsAreNeverPrinted() {
        assertThat(Settings.secrets("whsec_never_printed").toString()).doesNotContain("whsec_never_printed");
    }

    /** The variables as the process environment would hold them (Spring Boot's relaxed binding reads them there). */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return context.withInitializer(app -> app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }
}
