package io.ledger.api.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class RefundIdTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void newIdsArePrefixedWith24Base62Characters() {
        RefundId id = RefundId.newId();

        assertThat(id.value()).matches("re_[0-9A-Za-z]{24}");
        assertThat(RefundId.isValid(id.value())).isTrue();
        assertThat(RefundId.newId()).isNotEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"re_", "pay_Ab3xYz0123456789abcdefGH", "RE_Ab3xYz0123456789abcdefGH", "re_Ab3x_Yz01"})
    void malformedIdsAreRejected(String value) {
        assertThat(RefundId.isValid(value)).isFalse();
        assertThatThrownBy(() -> RefundId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringIsTheRawValue() {
        assertThat(RefundId.of("re_Ab3xYz0123456789abcdefGH")).hasToString("re_Ab3xYz0123456789abcdefGH");
    }

    @Test
    void serializesAsAPlainString() {
        RefundId id = RefundId.of("re_Ab3xYz0123456789abcdefGH");

        assertThat(json.writeValueAsString(id)).isEqualTo("\"re_Ab3xYz0123456789abcdefGH\"");
        assertThat(json.readValue("\"re_Ab3xYz0123456789abcdefGH\"", RefundId.class))
                .isEqualTo(id);
    }
}
