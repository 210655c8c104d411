package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aVerifiedTokenIsCheckedOnceAndAnsweredFromMemoryAfter() {
        Decoder decoder = new Decoder(jwt("a", NOW.plus(Duration.ofHours(1))));
        RememberedTokens tokens = new RememberedTokens(decoder, at(NOW));

        Jwt first = tokens.decode("a");
        Jwt second = tokens.decode("a");

        assertThat(second).isSameAs(first);
        assertThat(decoder.calls).hasValue(1);
    }

    @Test
    void aRememberedTokenPastItsExpiryGoesBackToTheDecoder() {
        Decoder decoder = new Decoder(jwt("a", NOW.plusSeconds(10)));
        new RememberedTokens(decoder, at(NOW)).decode("a");
        RememberedTokens later = new RememberedTokens(decoder, at(NOW.plus(Duration.ofMinutes(2))));
        later.decode("a");
        decoder.refuseFromNowOn();

        // Remembered, but expired by more than the 60 s of clock skew: the decoder is asked and refuses.
        assertThatThrownBy(() -> later.decode("a")).isInstanceOf(BadJwtException.class);
        assertThat(decoder.calls).hasValue(3);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        Decoder decoder = new Decoder(jwt("a", NOW.plus(Duration.ofHours(1))));
        decoder.refuseFromNowOn();
        RememberedTokens tokens = new RememberedTokens(decoder, at(NOW));

        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(BadJwtException.class);
        assertThat(decoder.calls).hasValue(2);
    }

    @Test
    void eachTokenIsRememberedByItsOwnText() {
        Decoder decoder = new Decoder(jwt("a", NOW.plus(Duration.ofHours(1))));
        RememberedTokens tokens = new RememberedTokens(decoder, at(NOW));

        tokens.decode("a");
        tokens.decode("b");

        assertThat(decoder.calls).hasValue(2);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("caller")
                .issuedAt(NOW.minusSeconds(1))
                .expiresAt(expiresAt)
                .build();
    }

    /** Answers one token, counting its calls, until told to refuse every token. */
    private static final class Decoder implements JwtDecoder {
        private final Jwt answer;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean refusing;

        Decoder(Jwt answer) {
            this.answer = answer;
        }

        void refuseFromNowOn() {
            refusing = true;
        }

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            if (refusing) {
                throw new BadJwtException("refused");
            }
            return answer;
        }
    }
}
