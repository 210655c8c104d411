package io.ledger.api.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PaymentIdTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void newIdsArePrefixedWith24Base62Characters() {
        PaymentId id = PaymentId.newId();

        assertThat(id.value()).matches("pay_[0-9A-Za-z]{24}");
        assertThat(PaymentId.isValid(id.value())).isTrue();
    }

    @Test
    void newIdsDoNotRepeat() {
        Set<PaymentId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(PaymentId.newId());
        }

        assertThat(ids).hasSize(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay_1", "pay_Ab3xYz0123456789abcdefGH", "pay_zzzzzzzzzzzzzzzzzzzzzzzz"})
    void wellFormedIdsAreAccepted(String value) {
        assertThat(PaymentId.isValid(value)).isTrue();
        assertThat(PaymentId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "pay_",
                "pay",
                "re_Ab3xYz0123456789abcdefGH",
                "PAY_Ab3xYz0123456789abcdefGH",
                "Ab3xYz0123456789abcdefGH",
                "pay_Ab3x-Yz01",
                "pay_Ab3x Yz01",
                "pay_../../etc",
                "pay_Ab3xYz0123456789abcdéfGH"
            })
    void malformedIdsAreRejected(String value) {
        assertThat(PaymentId.isValid(value)).isFalse();
        assertThatThrownBy(() -> PaymentId.of(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBodyHasAtMost64Characters() {
        assertThat(PaymentId.isValid("pay_" + "a".repeat(64))).isTrue();
        assertThat(PaymentId.isValid("pay_" + "a".repeat(65))).isFalse();
    }

    @Test
    void toStringIsTheRawValue() {
        assertThat(PaymentId.of("pay_Ab3xYz0123456789abcdefGH")).hasToString("pay_Ab3xYz0123456789abcdefGH");
    }

    @Test
    void serializesAsAPlainString() {
        PaymentId id = PaymentId.of("pay_Ab3xYz0123456789abcdefGH");

        assertThat(json.writeValueAsString(id)).isEqualTo("\"pay_Ab3xYz0123456789abcdefGH\"");
        assertThat(json.readValue("\"pay_Ab3xYz0123456789abcdefGH\"", PaymentId.class))
                .isEqualTo(id);
    }

    @Test
    void aMalformedIdInJsonIsRejected() {
        assertThatThrownBy(() -> json.readValue("\"re_Ab3xYz0123456789abcdefGH\"", PaymentId.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
