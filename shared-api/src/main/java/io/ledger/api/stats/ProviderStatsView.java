package io.ledger.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ledger.api.payment.Provider;

/** The figures of the payments of one provider in one currency. */
public record ProviderStatsView(
        Provider provider, @JsonUnwrapped StatsFiguresView figures) {}
