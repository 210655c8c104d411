package io.ledger.api.payment;

/** The orders a payment list can be read in; each is made unique by the payment id. */
public enum PaymentSort {
    CREATED_AT,
    AMOUNT
}
