package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokenCommandTest {

    private static final String SECRET = "a-secret-for-HS256-of-at-least-32-bytes";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void mintsATokenTheLedgerAcceptsWithItsSubjectScopeAndLifetime() {
        Instant now = Instant.now();

        int exit = run(SECRET, now, "--subject", "shop-1", "--scope", "payments:read audit", "--ttl", "PT5M");

        assertThat(exit).isZero();
        Jwt jwt = BearerTokens.decoder(SECRET).decode(text(out).strip());
        assertThat(jwt.getSubject()).isEqualTo("shop-1");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("payments:read audit");
        assertThat(jwt.getExpiresAt())
                .isEqualTo(now.plusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aTokenFromAnotherKeyOrPastItsLifetimeIsNotAccepted() {
        String other = TokenCommand.mint(
                "another-secret-of-at-least-32-bytes-too", "x", null, java.time.Duration.ofHours(1), Instant.now());
        String old = TokenCommand.mint(
                SECRET,
                "x",
                null,
                java.time.Duration.ofMinutes(1),
                Instant.now().minusSeconds(3600));

        assertThatThrownBy(() -> BearerTokens.decoder(SECRET).decode(other)).hasMessageContaining("signature");
        assertThatThrownBy(() -> BearerTokens.decoder(SECRET).decode(old)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesWithoutSubjectWithoutSecretOrWithAShortOne() {
        assertThat(run(SECRET, Instant.now())).isEqualTo(2);
        assertThat(run(null, Instant.now(), "--subject", "a")).isEqualTo(2);
        assertThat(text(err)).contains("LEDGER_JWT_SECRET is not set");
        assertThat(run("too-short", Instant.now(), "--subject", "a")).isEqualTo(2);
        assertThat(text(err)).contains("at least 32 bytes");
        assertThat(run(SECRET, Instant.now(), "--subject", "a", "--ttl", "an hour"))
                .isEqualTo(2);
        assertThat(text(out)).isEmpty();
    }

    private int run(String secret, Instant now, String... args) {
        return TokenCommand.run(
                args,
                secret,
                now,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
