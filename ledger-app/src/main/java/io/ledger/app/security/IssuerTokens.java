package io.ledger.app.security;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Tokens of an OpenID Connect issuer ({@code LEDGER_JWT_ISSUER_URI}), checked with the keys its discovery document's
 * JWKS publishes. Nothing is fetched at start: the issuer is looked up at the first call with one of its tokens, and
 * again at the next call for as long as that fails, so a ledger starts while its identity provider is down.
 */
final class IssuerTokens {

    /** How long a call waits for the issuer's discovery document or JWKS (Spring's default is 30 s). */
    static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

    /** No {@code typ}, {@code JWT} (most issuers) or RFC 9068's access-token type (Auth0's and Okta's profile). */
    private static final List<String> TOKEN_TYPES = List.of("JWT", "at+jwt", "application/at+jwt");

    private IssuerTokens() {}

    static JwtDecoder decoder(String issuer, String audience) {
        return new IssuerReachability(issuer, new SupplierJwtDecoder(() -> fromDiscovery(issuer, audience)));
    }

    /**
     * Spring Security's decoder for the issuer: its JWKS cached by Nimbus (five minutes) and fetched again at once for a
     * token whose {@code kid} it does not hold, which is how a rotated key is picked up.
     */
    private static JwtDecoder fromDiscovery(String issuer, String audience) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(ISSUER_TIMEOUT);
        requests.setReadTimeout(ISSUER_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                .restOperations(new RestTemplate(requests))
                // Every asymmetric algorithm, each verified only with a published key of its own type: a rotation to
                // another key type needs no restart. Never HS256 here: the issuer's keys are public.
                .jwsAlgorithms(algorithms -> algorithms.addAll(EnumSet.allOf(SignatureAlgorithm.class)))
                .build();
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }

    /** Within {@code exp} and {@code nbf}, from this issuer, for this ledger, naming its caller. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        JwtTypeValidator types = new JwtTypeValidator(TOKEN_TYPES);
        types.setAllowEmpty(true);
        return JwtValidators.createDefaultWithValidators(
                types,
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                BearerTokens.NAMES_ITS_CALLER);
    }
}
