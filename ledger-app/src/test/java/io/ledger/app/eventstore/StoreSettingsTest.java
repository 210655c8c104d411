package io.ledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StoreSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(app -> {
            assertThat(app.getBean(EventStoreSettings.class))
                    .isEqualTo(new EventStoreSettings(20, 60_000, 10_000, 250));
            assertThat(app.getBean(TokenStoreSettings.class)).isEqualTo(new TokenStoreSettings(Duration.ofSeconds(10)));
        });
    }

    @Test
    void badValuesStopTheStart() {
        context.withPropertyValues("ledger.event-store.gap-cleaning-threshold=0")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("gapCleaningThreshold"));
        context.withPropertyValues("ledger.event-store.fetch-delay-ms=0")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("fetchDelayMs"));
        context.withPropertyValues("ledger.token-store.claim-timeout=ten seconds")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("claim-timeout"));
    }

    @EnableConfigurationProperties({EventStoreSettings.class, TokenStoreSettings.class})
    static class Enabled {}
}
