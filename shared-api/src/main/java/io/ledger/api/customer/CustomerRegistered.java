package io.ledger.api.customer;

import io.ledger.api.payment.Provider;
import org.jspecify.annotations.Nullable;

/** The customer was first used: the provider made its own customer for it ({@code providerCustomerId}). */
public record CustomerRegistered(
        String customerId, @Nullable String email, @Nullable String name, Provider provider, String providerCustomerId)
        implements CustomerEvent {}
