package io.ledger.app.security;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.jwt.*} (env {@code LEDGER_JWT_...}): who may call, checked at start. The secret is never printed, not
 * even by {@link #toString()}.
 *
 * @param secret the HS256 secret callers' bearer tokens are signed with (at least 32 bytes); blank: none
 * @param issuerUri an OIDC issuer whose tokens are accepted (keys from its discovery document and JWKS); blank: none
 * @param audience the {@code aud} a token of the issuer must carry; required with an issuer, meaningless without one
 */
@ConfigurationProperties("ledger.jwt")
@Validated
record JwtSettings(
        @DefaultValue("") String secret,
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String audience) {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    /** Whether calls need a token. */
    boolean required() {
        return hasSecret() || hasIssuer();
    }

    boolean hasSecret() {
        return !secret.isBlank();
    }

    boolean hasIssuer() {
        return !issuerUri.isBlank();
    }

    /**
     * Checked instead of the secret itself, so that the report of a refused start names the setting but never prints
     * the secret.
     */
    @AssertTrue(
            message = "ledger.jwt.secret (LEDGER_JWT_SECRET) must be at least " + BearerTokens.MINIMUM_KEY_BYTES
                    + " bytes long for HS256, or unset")
    public boolean isLongEnoughForHs256() {
        return !hasSecret() || secret.getBytes(StandardCharsets.UTF_8).length >= BearerTokens.MINIMUM_KEY_BYTES;
    }

    /** An issuer identifier is an http(s) URL without query or fragment (OpenID Connect Discovery, section 2). */
    @AssertTrue(
            message = "ledger.jwt.issuer-uri (LEDGER_JWT_ISSUER_URI) must be the issuer's http or https URL, without"
                    + " query or fragment, such as https://idp.example.com/realms/shop")
    public boolean isIssuerAWebUrl() {
        if (!hasIssuer()) {
            return true;
        }
        try {
            URI uri = new URI(issuerUri);
            return uri.getScheme() != null
                    && WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Without an audience, a token the issuer minted for any other application would be taken here: most identity
     * providers serve many.
     */
    @AssertTrue(
            message = "ledger.jwt.audience (LEDGER_JWT_AUDIENCE) must be set with ledger.jwt.issuer-uri"
                    + " (LEDGER_JWT_ISSUER_URI): it is the aud the issuer's tokens for this ledger carry")
    public boolean isAudienceNamedForTheIssuer() {
        return !hasIssuer() || !audience.isBlank();
    }

    /** An audience alone checks nothing: locally minted tokens carry none. Refused, so nobody believes it is checked. */
    @AssertTrue(
            message = "ledger.jwt.audience (LEDGER_JWT_AUDIENCE) applies to the tokens of ledger.jwt.issuer-uri"
                    + " (LEDGER_JWT_ISSUER_URI), which is not set")
    public boolean isAudienceOnlyWithAnIssuer() {
        return hasIssuer() || audience.isBlank();
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=" + (hasSecret() ? "(hidden)" : "(none)") + ", issuerUri="
                + (hasIssuer() ? issuerUri : "(none)") + ", audience=" + (audience.isBlank() ? "(none)" : audience)
                + "]";
    }
}
