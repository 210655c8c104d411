package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Which decoder a token reaches when an issuer is configured, with and without a local secret. The issuer here is an
 * address nobody listens on: a token that reaches its decoder is answered "could not be checked".
 */
class TokenDecodersTest {

    private static final String SECRET = "a-local-secret-beside-an-issuer-32-bytes";

    private static String unreachableIssuer;

    @BeforeAll
    static void anAddressNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            unreachableIssuer = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void aLocalTokenIsCheckedWithTheSecretWhileTheIssuerIsDown() {
        JwtDecoder decoder = decoder(SECRET);
        String token = TokenCommand.mint(SECRET, "operator", "audit:read", Duration.ofMinutes(5), Instant.now());

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("operator");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedByTheLocalCheck() {
        String token = TokenCommand.mint(
                "another-secret-of-at-least-thirty-two-bytes", "x", null, Duration.ofMinutes(5), Instant.now());

        assertThatThrownBy(() -> decoder(SECRET).decode(token))
                .isInstanceOf(BadJwtException.class)
                .isNotInstanceOf(IssuerReachability.IssuerUnavailable.class);
    }

    @Test
    void withoutALocalSecretASharedSecretTokenIsRefusedWithoutAskingTheIssuer() {
        String token = TokenCommand.mint(SECRET, "x", null, Duration.ofMinutes(5), Instant.now());

        assertThatThrownBy(() -> decoder("").decode(token))
                .isInstanceOf(BadJwtException.class)
                .isNotInstanceOf(IssuerReachability.IssuerUnavailable.class)
                .hasMessageContaining("LEDGER_JWT_SECRET is not set");
    }

    @Test
    void anUnsignedTokenIsRefusedWithoutAskingTheIssuer() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + base64.encodeToString("{\"sub\":\"x\"}".getBytes()) + ".";

        assertThatThrownBy(() -> decoder(SECRET).decode(unsigned))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("unsigned");
    }

    @Test
    void anIssuersTokenThatCannotBeCheckedSaysSo() {
        // An RS256 header is enough: the decoder must fetch the issuer's keys before it can look at the signature.
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String rs256 = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes()) + "."
                + base64.encodeToString("{\"sub\":\"x\"}".getBytes()) + "." + base64.encodeToString(new byte[256]);

        assertThatThrownBy(() -> decoder(SECRET).decode(rs256))
                .isInstanceOf(IssuerReachability.IssuerUnavailable.class)
                .hasMessageContaining("could not be fetched")
                .hasMessageContaining(unreachableIssuer);
    }

    private static JwtDecoder decoder(String secret) {
        return TokenDecoders.configured(new JwtSettings(secret, unreachableIssuer, "ledger"))
                .orElseThrow();
    }
}
