package io.ledger.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * A decoder that remembers the tokens it has verified: a client sends one token with many calls, and checking its
 * signature and parsing it again each time cost about a tenth of a payment create's CPU (JFR, docs/performance.md).
 * Only a token that passed every check is remembered, keyed by its exact text, for at most {@link #REMEMBERED} and
 * never past its own expiry: its {@code exp} and {@code nbf} are checked again on each use, and an expired one goes back
 * to the decoder, which refuses it as before.
 */
final class RememberedTokens implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int MAXIMUM_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> stillValid;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfterWrite(REMEMBERED)
            .build();

    RememberedTokens(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC());
    }

    RememberedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        // The decoder's own time check (60 s of clock skew), again on each use of a remembered token.
        JwtTimestampValidator times = new JwtTimestampValidator();
        times.setClock(clock);
        this.stillValid = times;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !stillValid.validate(known).hasErrors()) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
