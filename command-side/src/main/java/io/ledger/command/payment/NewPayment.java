package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;

/** What creating a payment decided: its id and the provider's client secret, which no event ever holds. */
record NewPayment(PaymentId paymentId, String clientSecret) {}
