package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WebhookSettingsTest {

    private final WebhookSettings settings = new WebhookSettings(
            " whsec_a ,,whsec_b",
            DataSize.ofKilobytes(512),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            8,
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            20);

    @Test
    void secretsAreCommaSeparatedAndTrimmed() {
        assertThat(settings.secrets).containsExactly("whsec_a", "whsec_b");
        assertThat(settings.maxBodyBytes).isEqualTo(512 * 1024);
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(settings.backoff(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
