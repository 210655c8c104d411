package io.ledger.query.audit;

import io.ledger.query.payment.InvalidQueryParameter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's Ed25519 signing key: {@code ledger.audit.signing-key} (env {@code LEDGER_AUDIT_SIGNING_KEY}), a base64
 * PKCS#8 private key. Without it a key is generated at start, and digests then verify only while this process lives.
 */
class DigestSigner {

    private static final Logger log = LoggerFactory.getLogger(DigestSigner.class);

    private final KeyPair keys;

    DigestSigner(String signingKey) {
        this.keys = signingKey.isBlank() ? generated() : configured(signingKey.strip());
    }

    /** The public key as base64 X.509 (SubjectPublicKeyInfo). */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    String sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a digest", e);
        }
    }

    /** Whether {@code signature} (base64) is this ledger's signature of {@code message}. */
    boolean verify(byte[] message, String signature) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryParameter("signature", "must be base64");
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.getPublic());
            verifier.update(message);
            return verifier.verify(bytes);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not verify a digest", e);
        }
    }

    private static KeyPair generated() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            log.warn(
                    "ledger.audit.signing-key is not set: digests are signed with a key generated at start (public key"
                            + " {}); they verify only while this process runs, and only on this node (a cluster's nodes"
                            + " need one key between them)",
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
        }
    }

    /** The configured private key, and its public key derived from it (Ed25519 derives it from the 32-byte seed). */
    static KeyPair configured(String base64Pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
            byte[] seed = ((EdECPrivateKey) key)
                    .getBytes()
                    .orElseThrow(() -> new IllegalStateException("the signing key's bytes cannot be read"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new Seed(seed));
            KeyPair derived = generator.generateKeyPair();
            PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(derived.getPublic().getEncoded()));
            return new KeyPair(publicKey, key);
        } catch (IllegalArgumentException | InvalidKeySpecException | ClassCastException e) {
            throw new IllegalStateException(
                    "ledger.audit.signing-key (env LEDGER_AUDIT_SIGNING_KEY) must be a base64 PKCS#8 Ed25519 private key",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
        }
    }

    /** Hands the generator the configured seed, so that it derives the configured key's public key. */
    private static final class Seed extends SecureRandom {

        private final byte[] seed;

        Seed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 asked for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
