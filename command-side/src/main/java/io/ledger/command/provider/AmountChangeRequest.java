package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;

/**
 * Change the amount of a payment nothing was charged for yet. {@code change} counts the payment's amount changes (the
 * first is 1): with the new amount it makes the provider's idempotency key, so a repeated request changes nothing and
 * changing back and forth is never mistaken for a repeat.
 */
public record AmountChangeRequest(PaymentId paymentId, String providerPaymentId, Money amount, int change) {}
