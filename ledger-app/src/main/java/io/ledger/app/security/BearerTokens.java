package io.ledger.app.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The HS256 key the ledger's bearer tokens are signed with ({@code LEDGER_JWT_SECRET}), and their decoder. */
final class BearerTokens {

    /** HS256 needs a key at least as long as its hash (RFC 7518, section 3.2). */
    static final int MINIMUM_KEY_BYTES = 32;

    /** Idempotency keys and event metadata belong to the caller a token names in {@code sub}: none, no call. */
    static final OAuth2TokenValidator<Jwt> NAMES_ITS_CALLER =
            new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank());

    private BearerTokens() {}

    static SecretKey key(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("LEDGER_JWT_SECRET must be at least " + MINIMUM_KEY_BYTES
                    + " bytes long for HS256; the configured one has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /**
     * Accepts HS256 tokens signed with the key, within their {@code exp} and {@code nbf} (60 s of clock skew), that name
     * their caller in {@code sub}: idempotency keys and event metadata belong to that caller.
     */
    static JwtDecoder decoder(String secret) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(secret))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), NAMES_ITS_CALLER));
        return decoder;
    }
}
