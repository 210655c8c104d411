package io.ledger.command.provider;

import org.jspecify.annotations.Nullable;

/** An opened hosted page: the provider's id for it (null: the ledger's own page) and where the customer pays. */
public record CheckoutPage(@Nullable String providerSessionId, String url) {}
