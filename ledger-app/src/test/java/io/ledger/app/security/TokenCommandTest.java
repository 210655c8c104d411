package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.caller.Scope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokenCommandTest {

    private static final String SECRET = "a-secret-for-HS256-of-at-least-32-bytes";

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void mintsATokenTheLedgerAcceptsWithItsSubjectScopeAndLifetime() {
        Instant now = Instant.now();

        int exit = run(SECRET, now, "--subject", "shop-1", "--scope", "payments:read audit:read", "--ttl", "PT5M");

        assertThat(exit).isZero();
        Jwt jwt = BearerTokens.decoder(SECRET).decode(text(out).strip());
        assertThat(jwt.getSubject()).isEqualTo("shop-1");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("payments:read audit:read");
        assertThat(jwt.getExpiresAt()).isEqualTo(now.plusSeconds(300).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void anAdminTokenHoldsEveryScopeOfTheContract() {
        assertThat(run(SECRET, Instant.now(), "--admin")).isZero();
        Jwt admin = BearerTokens.decoder(SECRET).decode(text(out).strip());

        assertThat(admin.getSubject()).isEqualTo("admin");
        assertThat(admin.getClaimAsString("scope").split(" "))
                .containsExactlyInAnyOrder(
                        Arrays.stream(Scope.values()).map(Scope::wire).toArray(String[]::new));
        // One hour unless told otherwise.
        assertThat(Duration.between(admin.getIssuedAt(), admin.getExpiresAt())).isEqualTo(Duration.ofHours(1));

        out.reset();
        assertThat(run(SECRET, Instant.now(), "--subject", "ops-1", "--admin", "--ttl", "PT8H"))
                .isZero();
        assertThat(BearerTokens.decoder(SECRET).decode(text(out).strip()).getSubject())
                .isEqualTo("ops-1");
    }

    @Test
    void withoutLedgerJwtSecretItSignsWithTheSecretTheServerGeneratesInTheDataDirectory() {
        assertThat(run(null, Instant.now(), "--subject", "shop-1", "--scope", "payments:read"))
                .isZero();

        // The server resolves the same file: the token passes its decoder.
        String secret = LocalSecret.resolve(null, data).value();
        assertThat(BearerTokens.decoder(secret).decode(text(out).strip()).getSubject())
                .isEqualTo("shop-1");
        assertThatThrownBy(() -> BearerTokens.decoder(SECRET).decode(text(out).strip()))
                .hasMessageContaining("signature");
    }

    @Test
    void theDataDirectoryComesFromLedgerDataDirElseIsTheDefault() {
        assertThat(DataDirectorySettings.fromEnvironment(Map.of("LEDGER_DATA_DIR", "/var/lib/ledger")))
                .isEqualTo(Path.of("/var/lib/ledger"));
        assertThat(DataDirectorySettings.fromEnvironment(Map.of())).isEqualTo(Path.of("data"));
    }

    @Test
    void aTokenFromAnotherKeyOrPastItsLifetimeIsNotAccepted() {
        String other = TokenCommand.mint(
                "another-secret-of-at-least-32-bytes-too", "x", null, Duration.ofHours(1), Instant.now());
        String old = TokenCommand.mint(
                SECRET, "x", null, Duration.ofMinutes(1), Instant.now().minusSeconds(3600));

        assertThatThrownBy(() -> BearerTokens.decoder(SECRET).decode(other)).hasMessageContaining("signature");
        assertThatThrownBy(() -> BearerTokens.decoder(SECRET).decode(old)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesWithoutSubjectOrScopeWithBothScopeAndAdminOrWithAShortSecret() {
        assertThat(run(SECRET, Instant.now())).isEqualTo(2);
        assertThat(run(SECRET, Instant.now(), "--subject", "a")).isEqualTo(2);
        assertThat(text(err)).contains("usage").contains("--admin");
        assertThat(run(SECRET, Instant.now(), "--admin", "--scope", "payments:read"))
                .isEqualTo(2);
        assertThat(run(SECRET, Instant.now(), "--subject")).isEqualTo(2);
        assertThat(run("too-short", Instant.now(), "--subject", "a", "--scope", "payments:read"))
                .isEqualTo(2);
        assertThat(text(err)).contains("at least 32 bytes");
        assertThat(run(SECRET, Instant.now(), "--admin", "--ttl", "an hour")).isEqualTo(2);
        assertThat(text(err)).contains("ISO-8601");
        assertThat(text(out)).isEmpty();
    }

    private int run(String secret, Instant now, String... args) {
        return TokenCommand.run(
                args,
                secret,
                data,
                now,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
