package io.ledger.api.payment;

import org.jspecify.annotations.Nullable;

/**
 * Ask for the disputes of one payment, oldest first. With {@code onlyCustomer}, a payment of another customer is
 * answered as if it did not exist. Answered with an optional {@link PaymentDisputes}.
 */
public record FindPaymentDisputesQuery(
        String paymentId, @Nullable String onlyCustomer) {}
