package io.ledger.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.audit.*} (env {@code LEDGER_AUDIT_...}), checked at start; the chain writer's are
 * {@link ChainWriterSettings}. The signing key is never printed, not even by {@link #toString()}.
 *
 * @param signingKey base64 PKCS#8 Ed25519 private key that signs audit digests; blank: a key generated at start (its
 *     public key logged)
 */
@ConfigurationProperties("ledger.audit")
@Validated
record AuditSettings(@DefaultValue("") String signingKey) {

    @Override
    public String toString() {
        return "AuditSettings[signingKey=" + (signingKey.isBlank() ? "(none)" : "(hidden)") + "]";
    }
}
