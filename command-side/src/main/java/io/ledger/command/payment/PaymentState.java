package io.ledger.command.payment;

import io.ledger.api.payment.PaymentStatus;

/**
 * Where a payment stands, as its decisions see it: the contract's statuses, and outcome unknown, which clients see as
 * {@code processing}. {@link PaymentMove} says which moves each state allows.
 */
enum PaymentState {
    PENDING(PaymentStatus.PENDING),
    /** The provider accepted the charge and tells its outcome later. */
    PROCESSING(PaymentStatus.PROCESSING),
    /** A confirmation's answer never came: charged or not, nobody here knows until the provider is asked again. */
    OUTCOME_UNKNOWN(PaymentStatus.PROCESSING),
    REQUIRES_ACTION(PaymentStatus.REQUIRES_ACTION),
    SUCCEEDED(PaymentStatus.SUCCEEDED),
    FAILED(PaymentStatus.FAILED),
    CANCELED(PaymentStatus.CANCELED),
    PARTIALLY_REFUNDED(PaymentStatus.PARTIALLY_REFUNDED),
    REFUNDED(PaymentStatus.REFUNDED);

    private final PaymentStatus status;

    PaymentState(PaymentStatus status) {
        this.status = status;
    }

    /** What clients see. */
    PaymentStatus status() {
        return status;
    }

    /** The state a refund's payment status names: partially refunded or refunded. */
    static PaymentState afterRefund(PaymentStatus status) {
        if (status != PaymentStatus.PARTIALLY_REFUNDED && status != PaymentStatus.REFUNDED) {
            throw new IllegalArgumentException(
                    "a refund leaves a payment partially refunded or refunded, not " + status);
        }
        return valueOf(status.name());
    }
}
