package io.ledger.app.security;

import java.util.Optional;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** How the ledger checks a caller's token, chosen from the settings. */
final class TokenDecoders {

    private TokenDecoders() {}

    /** The decoder the settings name; empty when they name none (the API then takes calls without a token). */
    static Optional<JwtDecoder> configured(JwtSettings jwt) {
        return jwt.required() ? Optional.of(BearerTokens.decoder(jwt.secret())) : Optional.empty();
    }
}
