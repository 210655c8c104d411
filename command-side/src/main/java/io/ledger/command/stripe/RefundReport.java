package io.ledger.command.stripe;

import io.ledger.api.money.Money;
import io.ledger.api.payment.ProviderDetails;

/**
 * What a Stripe refund tells the ledger: Stripe's id and, when the ledger asked for it, ours ({@code metadata.refundId},
 * {@code metadata.paymentId}); the PaymentIntent or charge it belongs to; whether it paid out.
 */
record RefundReport(
        String refundId,
        String ledgerRefundId,
        String ledgerPaymentId,
        String intentId,
        String chargeId,
        Money amount,
        String reason,
        Status status,
        String failureCode,
        ProviderDetails details) {

    enum Status {
        /** Paid out ({@code succeeded}). */
        SUCCEEDED,
        /** Not yet ({@code pending}, {@code requires_action}). */
        PENDING,
        /** Not paid out ({@code failed}, {@code canceled}); {@code failureCode} says why. */
        FAILED
    }
}
