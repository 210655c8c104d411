package io.ledger.command.payment;

/** A settlement's gross must equal its fee plus its net. */
class SettlementDoesNotAddUp extends IllegalArgumentException {

    SettlementDoesNotAddUp(long gross, long fee, long net) {
        super("grossAmount " + gross + " is not fee " + fee + " plus netAmount " + net);
    }
}
