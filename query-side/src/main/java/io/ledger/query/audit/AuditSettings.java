package io.ledger.query.audit;

import jakarta.validation.Valid;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.audit.*} (env {@code LEDGER_AUDIT_...}), checked at start. The signing key is never printed, not even
 * by {@link #toString()}. {@link ChainWriter}'s schedule reads the writer's interval property itself, with the same
 * default (a schedule takes no bound value): a bad value is caught here first.
 *
 * @param signingKey base64 PKCS#8 Ed25519 private key that signs audit digests; blank: a key generated at start
 *     (its public key logged)
 * @param chainWriter the hash chain's writer
 */
@ConfigurationProperties("ledger.audit")
@Validated
record AuditSettings(
        @DefaultValue("") String signingKey,
        @DefaultValue @Valid Writer chainWriter) {

    /**
     * {@code ledger.audit.chain-writer.*}.
     *
     * @param enabled whether this instance writes the hash chain
     * @param interval how often the hash chain's writer runs
     */
    record Writer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT0.2S") @DurationMin(millis = 1) Duration interval) {}

    @Override
    public String toString() {
        return "AuditSettings[signingKey=" + (signingKey.isBlank() ? "(none)" : "(hidden)") + ", chainWriter="
                + chainWriter + "]";
    }
}
