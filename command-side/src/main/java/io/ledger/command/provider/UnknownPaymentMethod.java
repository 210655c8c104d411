package io.ledger.command.provider;

/** The provider does not know the payment method the client named: the request is wrong, nothing was charged. */
public class UnknownPaymentMethod extends IllegalArgumentException {

    public UnknownPaymentMethod(String paymentMethod) {
        super("no such payment method: " + paymentMethod);
    }
}
