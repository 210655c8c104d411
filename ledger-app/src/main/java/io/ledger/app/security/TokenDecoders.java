package io.ledger.app.security;

import java.util.Optional;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** How the ledger checks a caller's token, chosen from the settings: a local secret, an issuer, or both. */
final class TokenDecoders {

    private TokenDecoders() {}

    /** The decoder the settings name; empty when they name none (the API then takes calls without a token). */
    static Optional<JwtDecoder> configured(JwtSettings jwt) {
        Optional<JwtDecoder> local =
                jwt.hasSecret() ? Optional.of(BearerTokens.decoder(jwt.secret())) : Optional.empty();
        if (!jwt.hasIssuer()) {
            return local;
        }
        JwtDecoder issuer = IssuerTokens.decoder(jwt.issuerUri(), jwt.audience());
        return Optional.of(new TokensByAlgorithm(local.orElse(null), issuer));
    }
}
