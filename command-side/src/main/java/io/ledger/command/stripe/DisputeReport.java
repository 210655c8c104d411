package io.ledger.command.stripe;

/**
 * What a Stripe dispute tells the ledger: the PaymentIntent or charge disputed, whether it is open or decided, and what
 * it moved ({@link DisputeMoney}).
 */
record DisputeReport(
        String disputeId,
        String intentId,
        String chargeId,
        String ledgerPaymentId,
        String reason,
        Status status,
        DisputeMoney money) {

    enum Status {
        OPEN,
        /** {@code won}, or an inquiry closed without a chargeback ({@code warning_closed}). */
        WON,
        LOST
    }
}
