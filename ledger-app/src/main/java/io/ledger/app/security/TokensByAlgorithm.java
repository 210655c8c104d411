package io.ledger.app.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Tokens of an issuer beside locally minted ones: a token signed with a shared secret (HS256) goes to the local
 * secret's decoder, any other to the issuer's. The header says which; the chosen decoder then checks the signature, so
 * a token cannot choose its way past a check. Without a local secret, HS256 tokens are refused here, before the issuer
 * is asked for anything.
 */
final class TokensByAlgorithm implements JwtDecoder {

    private final @Nullable JwtDecoder local;
    private final JwtDecoder issuer;

    TokensByAlgorithm(@Nullable JwtDecoder local, JwtDecoder issuer) {
        this.local = local;
        this.issuer = issuer;
    }

    @Override
    public Jwt decode(String token) {
        Algorithm algorithm = algorithm(token);
        if (Algorithm.NONE.equals(algorithm)) {
            throw new BadJwtException("An unsigned token is never taken");
        }
        if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            return issuer.decode(token);
        }
        if (local == null) {
            throw new BadJwtException("A token signed with a shared secret (" + algorithm
                    + ") is not taken: LEDGER_JWT_SECRET is not set");
        }
        return local.decode(token);
    }

    private static Algorithm algorithm(String token) {
        try {
            return JWTParser.parse(token).getHeader().getAlgorithm();
        } catch (ParseException malformed) {
            throw new BadJwtException("Malformed token", malformed);
        }
    }
}
