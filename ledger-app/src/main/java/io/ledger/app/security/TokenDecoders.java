package io.ledger.app.security;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** How the ledger checks a caller's token, chosen from the settings: a local secret, an issuer, or both. */
final class TokenDecoders {

    private static final Logger log = LoggerFactory.getLogger(TokenDecoders.class);

    private TokenDecoders() {}

    /**
     * The decoder the settings name: an issuer's tokens, beside those signed with {@code LEDGER_JWT_SECRET} when it is
     * set too; without an issuer, tokens signed with {@code LEDGER_JWT_SECRET}, else with the secret generated in the
     * data directory (never none: only {@code LEDGER_AUTH=none} opens the API). Tokens it has verified are remembered
     * ({@link RememberedTokens}).
     */
    static JwtDecoder configured(JwtSettings jwt, Path dataDir) {
        return new RememberedTokens(chosen(jwt, dataDir));
    }

    private static JwtDecoder chosen(JwtSettings jwt, Path dataDir) {
        if (jwt.hasIssuer()) {
            JwtDecoder local = jwt.hasSecret() ? BearerTokens.decoder(jwt.secret()) : null;
            return new TokensByAlgorithm(local, IssuerTokens.decoder(jwt.issuerUri(), jwt.audience()));
        }
        LocalSecret secret = LocalSecret.resolve(jwt.secret(), dataDir);
        secret.file()
                .ifPresent(file -> log.info(
                        "Bearer tokens are checked with the secret generated in {} (./ledger-token signs with it;"
                                + " LEDGER_JWT_SECRET chooses another)",
                        file));
        return BearerTokens.decoder(secret.value());
    }
}
