package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The issuer settings as the application binds them: an issuer needs an audience and a URL that can be one. */
class IssuerSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void anIssuerWithAnAudienceIsTaken() {
        context.withPropertyValues(
                        "ledger.jwt.issuer-uri=https://idp.example.com/realms/shop", "ledger.jwt.audience=ledger")
                .run(app -> {
                    JwtSettings jwt = app.getBean(JwtSettings.class);
                    assertThat(jwt.hasIssuer()).isTrue();
                    assertThat(jwt.hasSecret()).isFalse();
                    assertThat(jwt.required()).isTrue();
                    assertThat(jwt.audience()).isEqualTo("ledger");
                });
    }

    @Test
    void anIssuerWithoutAnAudienceStopsTheStart() {
        context.withPropertyValues("ledger.jwt.issuer-uri=https://idp.example.com/realms/shop")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("LEDGER_JWT_AUDIENCE")
                        .hasStackTraceContaining("must be set with ledger.jwt.issuer-uri"));
    }

    @Test
    void anAudienceWithoutAnIssuerStopsTheStart() {
        context.withPropertyValues("ledger.jwt.secret=" + "k".repeat(32), "ledger.jwt.audience=ledger")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("LEDGER_JWT_AUDIENCE")
                        .hasStackTraceContaining("which is not set"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "idp.example.com/realms/shop",
                "ftp://idp.example.com",
                "https:///realms/shop",
                "https://idp.example.com/realms/shop?tenant=1",
                "https://idp.example.com/realms/shop#keys",
                "https://idp.example.com/realms with spaces"
            })
    void anIssuerThatIsNotAWebUrlStopsTheStart(String issuer) {
        context.withPropertyValues("ledger.jwt.issuer-uri=" + issuer, "ledger.jwt.audience=ledger")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("LEDGER_JWT_ISSUER_URI")
                        .hasStackTraceContaining("http or https URL"));
    }

    @Test
    void aLocalHostIssuerOverPlainHttpIsTakenForDevelopment() {
        context.withPropertyValues("ledger.jwt.issuer-uri=http://127.0.0.1:9000", "ledger.jwt.audience=ledger")
                .run(app -> assertThat(app).hasNotFailed());
    }

    @Test
    void theSettingsPrintTheIssuerAndAudienceButNeverTheSecret() {
        String printed = new JwtSettings("a-secret-never-printed-anywhere-at-all", "https://idp.example.com", "ledger")
                .toString();
        assertThat(printed)
                .contains("https://idp.example.com", "audience=ledger")
                .doesNotContain("never-printed");
    }

    @EnableConfigurationProperties(JwtSettings.class)
    static class Enabled {}
}
