package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.PaymentStatus;

/** The move is not allowed from the payment's current status (a canceled payment cannot be confirmed, say). */
class IllegalPaymentTransition extends RuntimeException {

    IllegalPaymentTransition(PaymentId paymentId, PaymentStatus from, String move) {
        super("cannot " + move + " payment " + paymentId + ": it is " + from.code());
    }
}
