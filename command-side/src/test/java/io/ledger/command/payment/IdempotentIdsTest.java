package io.ledger.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import java.security.Principal;
import org.junit.jupiter.api.Test;

class IdempotentIdsTest {

    private static final Principal ALICE = () -> "alice";
    private static final Principal BOB = () -> "bob";

    @Test
    void theSameCallerAndKeyAlwaysNameTheSamePayment() {
        PaymentId first = IdempotentIds.payment(ALICE, "key-1");

        assertThat(IdempotentIds.payment(ALICE, "key-1")).isEqualTo(first);
        assertThat(PaymentId.isValid(first.value())).isTrue();
    }

    @Test
    void anotherKeyOrAnotherCallerNamesAnotherPayment() {
        PaymentId alices = IdempotentIds.payment(ALICE, "key-1");

        assertThat(IdempotentIds.payment(ALICE, "key-2")).isNotEqualTo(alices);
        assertThat(IdempotentIds.payment(BOB, "key-1")).isNotEqualTo(alices);
        assertThat(IdempotentIds.payment(null, "key-1")).isNotEqualTo(alices);
    }

    @Test
    void withoutAKeyEachPaymentGetsARandomId() {
        assertThat(IdempotentIds.payment(ALICE, null)).isNotEqualTo(IdempotentIds.payment(ALICE, null));
    }

    @Test
    void aRefundsIdDependsOnThePaymentAsWellAsTheKey() {
        PaymentId one = IdempotentIds.payment(ALICE, "a");
        PaymentId two = IdempotentIds.payment(ALICE, "b");
        RefundId refund = IdempotentIds.refund(ALICE, "key-9", one);

        assertThat(IdempotentIds.refund(ALICE, "key-9", one)).isEqualTo(refund);
        assertThat(IdempotentIds.refund(ALICE, "key-9", two)).isNotEqualTo(refund);
        assertThat(RefundId.isValid(refund.value())).isTrue();
        assertThat(IdempotentIds.refund(ALICE, null, one)).isNotEqualTo(IdempotentIds.refund(ALICE, null, one));
    }
}
