package io.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DigestSignerTest {

    private static final byte[] MESSAGE =
            ChainDigest.signedBytes(42, "ab".repeat(32), Instant.parse("2026-11-22T10:00:00.123Z"));

    @Test
    void aConfiguredKeySignsAndPublishesItsOwnPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        DigestSigner signer = new DigestSigner(
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));

        assertThat(signer.publicKey())
                .isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertThat(signer.verify(MESSAGE, signer.sign(MESSAGE))).isTrue();
    }

    @Test
    void aSignatureOfAnotherMessageOrKeyDoesNotVerify() {
        DigestSigner signer = new DigestSigner("");
        DigestSigner other = new DigestSigner("");
        String signature = signer.sign(MESSAGE);

        assertThat(signer.verify("another".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(other.verify(MESSAGE, signature)).isFalse();
    }

    @Test
    void theSignedTextIsDocumented() {
        assertThat(new String(MESSAGE, StandardCharsets.UTF_8))
                .isEqualTo("ledger-audit-digest/v1\n42\n" + "ab".repeat(32) + "\n2026-11-22T10:00:00.123Z\n");
    }

    @Test
    void aKeyThatIsNotEd25519IsRefusedAtStart() {
        assertThatThrownBy(() -> new DigestSigner("bm90IGEga2V5"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.audit.signing-key");
    }
}
