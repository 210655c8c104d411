package io.ledger.api.payment;

/** Ask for the disputes of one payment, oldest first. Answered with an optional {@link PaymentDisputes}. */
public record FindPaymentDisputesQuery(String paymentId) {}
