package io.ledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The head of the hash chain at an instant, signed with the ledger's Ed25519 key: an auditor who keeps it can later
 * prove that the log up to {@code globalIndex} was not rewritten. {@code hash} is hex; {@code publicKey} (X.509) and
 * {@code signature} are base64. The signature covers {@link #signedText()}.
 */
public record ChainDigest(long globalIndex, String hash, Instant createdAt, String publicKey, String signature) {

    /** What is signed, as UTF-8: {@code ledger-audit-digest/v1\n<globalIndex>\n<hash hex>\n<createdAt ISO-8601>\n}. */
    static byte[] signedBytes(long globalIndex, String hash, Instant createdAt) {
        return ("ledger-audit-digest/v1\n" + globalIndex + "\n" + hash + "\n" + createdAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    String signedText() {
        return new String(signedBytes(globalIndex, hash, createdAt), StandardCharsets.UTF_8);
    }
}
