package io.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The chain's byte layout, pinned to vectors computed independently (Python's hashlib, as in docs/audit.md). */
class EventHashTest {

    private static final StoredEvent EVENT = new StoredEvent(
            7,
            "evt-1",
            "pay_1",
            2,
            "Payment",
            "2026-11-22T09:12:24.123Z",
            "io.ledger.api.payment.PaymentSucceeded",
            null,
            "{\"amount\": {\"minor\": 1999, \"currency\": \"USD\"}, \"paymentId\": \"pay_1\"}",
            "{\"actor\": \"anonymous\", \"source\": \"api\", \"causationId\": \"c\", \"correlationId\": \"r-é\"}");

    @Test
    void fieldsAreLengthPrefixedUtf8InChainOrder() {
        byte[] encoded = EventHash.encode(EVENT);

        assertThat(HexFormat.of().formatHex(encoded, 0, 40))
                .isEqualTo("0000000137" + "000000056576742d31" + "000000057061795f31" + "0000000132"
                        + "000000075061796d656e7400");
    }

    @Test
    void aNullFieldIsLengthMinusOneWithoutBytes() {
        byte[] encoded = EventHash.encode(EVENT);
        String hex = HexFormat.of().formatHex(encoded);

        assertThat(hex).contains(HexFormat.of().formatHex("PaymentSucceeded".getBytes()) + "ffffffff" + "00000044");
    }

    @Test
    void theFirstHashFollowsThirtyTwoZeroBytes() {
        byte[] first = EventHash.next(EventHash.GENESIS, EVENT);

        assertThat(EventHash.hex(first)).isEqualTo("714bdb53f670f7b54476ba5f53ffd9fcec23754ba680e3deff45c586ecea4bc2");
    }

    @Test
    void eachHashCoversThePreviousOne() {
        byte[] second = EventHash.next(EventHash.next(EventHash.GENESIS, EVENT), EVENT);

        assertThat(EventHash.hex(second)).isEqualTo("68e9b34baa170a7218bcb7e8b4c720f889c376f78522edab72b03cb7edba2293");
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        byte[] original = EventHash.next(EventHash.GENESIS, EVENT);
        StoredEvent otherPayload = new StoredEvent(
                7,
                "evt-1",
                "pay_1",
                2,
                "Payment",
                "2026-11-22T09:12:24.123Z",
                "io.ledger.api.payment.PaymentSucceeded",
                null,
                "{\"amount\": {\"minor\": 1998, \"currency\": \"USD\"}, \"paymentId\": \"pay_1\"}",
                EVENT.metaData());
        StoredEvent emptyRevision = new StoredEvent(
                7,
                "evt-1",
                "pay_1",
                2,
                "Payment",
                "2026-11-22T09:12:24.123Z",
                "io.ledger.api.payment.PaymentSucceeded",
                "",
                EVENT.payload(),
                EVENT.metaData());

        assertThat(EventHash.next(EventHash.GENESIS, otherPayload)).isNotEqualTo(original);
        assertThat(EventHash.next(EventHash.GENESIS, emptyRevision))
                .as("null and empty differ")
                .isNotEqualTo(original);
    }

    @Test
    void aPreviousHashHasThirtyTwoBytes() {
        assertThatThrownBy(() -> EventHash.next(new byte[31], EVENT)).isInstanceOf(IllegalArgumentException.class);
    }
}
