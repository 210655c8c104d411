package io.ledger.webhook.stripe;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** The documented webhook settings, for tests that need them without a Spring context. */
final class Settings {

    private Settings() {}

    static WebhookSettings defaults() {
        return with(20, true);
    }

    static WebhookSettings with(int batchSize, boolean workerEnabled) {
        return new WebhookSettings(
                DataSize.ofKilobytes(512),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                new WebhookSettings.Worker(workerEnabled),
                Duration.ofSeconds(1),
                batchSize,
                8,
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofMinutes(5));
    }

    static WebhookSecrets secrets(String commaSeparated) {
        return new WebhookSecrets(List.of(commaSeparated.split(",", -1)));
    }
}
