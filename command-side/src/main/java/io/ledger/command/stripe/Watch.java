package io.ledger.command.stripe;

import io.ledger.api.money.Money;
import java.time.Instant;

/** A row of the janitor's work list: which table, its id, when it was due and how often it was looked at. */
sealed interface Watch {

    String table();

    String keyColumn();

    String id();

    Instant nextCheckAt();

    int checks();

    /** A Stripe payment awaiting news: its status here, the method and attempt of its last confirmation. */
    record PaymentWatch(
            String paymentId,
            String providerPaymentId,
            String status,
            String paymentMethod,
            int chargeAttempts,
            Instant nextCheckAt,
            int checks)
            implements Watch {

        @Override
        public String table() {
            return "stripe_payment_watch";
        }

        @Override
        public String keyColumn() {
            return "payment_id";
        }

        @Override
        public String id() {
            return paymentId;
        }
    }

    /** A pending refund, with what was asked for (to ask again with the same parameters when the answer was lost). */
    record RefundWatch(
            String refundId,
            String paymentId,
            String providerPaymentId,
            String providerRefundId,
            Money amount,
            String reason,
            Instant nextCheckAt,
            int checks)
            implements Watch {

        @Override
        public String table() {
            return "stripe_refund_watch";
        }

        @Override
        public String keyColumn() {
            return "refund_id";
        }

        @Override
        public String id() {
            return refundId;
        }
    }
}
