package io.ledger.command.payment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ledger.api.payment.PaymentView;

/** The payment resource plus its client secret, which only the create call ever answers. */
record CreatedPaymentResponse(@JsonUnwrapped PaymentView payment, String clientSecret) {}
