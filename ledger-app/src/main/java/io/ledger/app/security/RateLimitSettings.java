package io.ledger.app.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.rate-limit.*} (env {@code LEDGER_RATE_LIMIT_...}), checked at start.
 *
 * @param perSecond API calls per second per caller; 0: no limit. The default is Stripe's: 100 operations a second per
 *     account in live mode.
 * @param store where the calls are counted: {@code memory} (this node's), {@code postgresql} (every node's, in the
 *     ledger's database), or {@code auto}: PostgreSQL when the ledger runs as a cluster ({@code ledger.cluster.members},
 *     env {@code LEDGER_CLUSTER_MEMBERS}, is set), memory otherwise
 */
@ConfigurationProperties("ledger.rate-limit")
@Validated
record RateLimitSettings(
        @DefaultValue("100") @PositiveOrZero int perSecond,
        @DefaultValue("auto") @NotNull Store store) {

    /** Where calls are counted. */
    enum Store {
        AUTO,
        MEMORY,
        POSTGRESQL
    }

    /** Whether calls are counted in PostgreSQL, given the cluster's members (empty: one node). */
    boolean sharedAcross(List<String> clusterMembers) {
        return switch (store) {
            case MEMORY -> false;
            case POSTGRESQL -> true;
            case AUTO -> clusterMembers.stream().anyMatch(member -> !member.isBlank());
        };
    }
}
