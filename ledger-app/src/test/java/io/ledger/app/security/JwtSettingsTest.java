package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The caller settings as the application binds them; a short secret is measured in bytes, as HS256 needs. */
class JwtSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void withoutASecretNoTokenIsNeededAndNoCallIsLimited() {
        context.run(app -> {
            assertThat(app.getBean(JwtSettings.class).required()).isFalse();
            assertThat(app.getBean(RateLimitSettings.class).perSecond()).isZero();
        });
    }

    @Test
    void aSecretOf32BytesIsEnough() {
        context.withPropertyValues("ledger.jwt.secret=" + "k".repeat(32))
                .run(app ->
                        assertThat(app.getBean(JwtSettings.class).required()).isTrue());
    }

    @Test
    void aSecretShorterThan32BytesStopsTheStartWithoutBeingPrinted() {
        String secret = "short-".repeat(5); // 30 bytes
        context.withPropertyValues("ledger.jwt.secret=" + secret).run(app -> {
            assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("LEDGER_JWT_SECRET")
                    .hasStackTraceContaining("at least 32 bytes");
            assertThat(Throwables.getStackTrace(app.getStartupFailure())).doesNotContain(secret);
        });
    }

    @Test
    void bytesCountNotCharacters() {
        // Eleven characters of three UTF-8 bytes each: 33 bytes.
        context.withPropertyValues("ledger.jwt.secret=" + "€".repeat(11))
                .run(app -> assertThat(app).hasNotFailed());
    }

    @Test
    void aNegativeRateLimitStopsTheStart() {
        context.withPropertyValues("ledger.rate-limit.per-second=-1")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("perSecond"));
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(new JwtSettings("a-secret-never-printed-anywhere-at-all", "", "").toString())
                .doesNotContain("never-printed");
    }

    @EnableConfigurationProperties({JwtSettings.class, RateLimitSettings.class})
    static class Enabled {}
}
