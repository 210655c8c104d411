package io.ledger.app.security;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The issuer's decoder, with its failures to reach the issuer (discovery or JWKS not fetched) turned into a refusal of
 * the token that says so, {@link IssuerUnavailable} (answered 503 {@code service_unavailable}), rather than the 500
 * Spring Security would answer. Logged
 * once when the issuer stops answering and once when it answers again, not at every call in between.
 */
final class IssuerReachability implements JwtDecoder {

    private static final Logger log = LoggerFactory.getLogger(IssuerReachability.class);

    private final String issuer;
    private final JwtDecoder decoder;
    private final AtomicBoolean unreachable = new AtomicBoolean();

    IssuerReachability(String issuer, JwtDecoder decoder) {
        this.issuer = issuer;
        this.decoder = decoder;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (BadJwtException refused) {
            throw refused;
        } catch (JwtDecoderInitializationException | JwtException failed) {
            // No discovery document (the decoder could not be made), or no JWKS (Spring's other JwtExceptions).
            if (unreachable.compareAndSet(false, true)) {
                log.warn(
                        "The identity provider {} could not be reached for its keys: its tokens are answered 503"
                                + " until it answers. {}",
                        issuer,
                        rootMessage(failed));
            }
            throw new IssuerUnavailable(issuer, failed);
        }
        if (unreachable.compareAndSet(true, false)) {
            log.info("The identity provider {} answers again: its tokens are checked", issuer);
        }
        return jwt;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + ": " + root;
    }

    /** A token of the issuer that could not be checked: its keys could not be fetched. */
    static final class IssuerUnavailable extends BadJwtException {

        IssuerUnavailable(String issuer, Throwable cause) {
            super(
                    "The bearer token could not be checked: the signing keys of its issuer " + issuer
                            + " could not be fetched. Retry later.",
                    cause);
        }
    }
}
