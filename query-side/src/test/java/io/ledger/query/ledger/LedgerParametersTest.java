package io.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.ledger.ListAccountEntriesQuery;
import io.ledger.api.paging.InvalidCursor;
import io.ledger.api.problem.InvalidField;
import io.ledger.query.payment.InvalidQueryParameter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class LedgerParametersTest {

    @Test
    void entriesDefaultToTwentyLinesFromTheStart() {
        ListAccountEntriesQuery query = LedgerParameters.entriesQuery("refunds", params(Map.of()));

        assertThat(query).isEqualTo(new ListAccountEntriesQuery("refunds", 20, null));
    }

    @Test
    void limitMustBeAWholeNumberFromOneToAHundred() {
        assertThat(LedgerParameters.entriesQuery("refunds", params(Map.of("limit", "100")))
                        .limit())
                .isEqualTo(100);
        for (String limit : new String[] {"0", "101", "-1", "ten", "1.5", ""}) {
            assertThatThrownBy(() -> LedgerParameters.entriesQuery("refunds", params(Map.of("limit", limit))))
                    .as(limit)
                    .isInstanceOfSatisfying(
                            InvalidQueryParameter.class,
                            e -> assertThat(e.parameter()).isEqualTo("limit"));
        }
    }

    @Test
    void cursorRoundTripsAndBelongsToItsAccount() {
        String cursor = new EntryCursor("refunds", 42, 3).encode();

        assertThat(EntryCursor.decode(cursor, "refunds")).isEqualTo(new EntryCursor("refunds", 42, 3));
        assertThat(LedgerParameters.entriesQuery("refunds", params(Map.of("cursor", cursor)))
                        .cursor())
                .isEqualTo(cursor);
        assertThatThrownBy(() -> LedgerParameters.entriesQuery("processor_clearing", params(Map.of("cursor", cursor))))
                .isInstanceOf(InvalidCursor.class)
                .hasMessageContaining("another account");
        for (String damaged : new String[] {"garbage!", "MXxyZWZ1bmRz", cursor.substring(1)}) {
            assertThatThrownBy(() -> EntryCursor.decode(damaged, "refunds"))
                    .as(damaged)
                    .isInstanceOfSatisfying(
                            InvalidCursor.class,
                            e -> assertThat(e.errors())
                                    .extracting(InvalidField::field)
                                    .containsExactly("cursor"));
        }
    }

    @Test
    void asOfIsAnIsoInstantOrNow() {
        assertThat(LedgerParameters.trialBalanceQuery(params(Map.of())).asOf()).isNull();
        assertThat(LedgerParameters.trialBalanceQuery(params(Map.of("asOf", "2026-11-22T09:12:24.123Z")))
                        .asOf())
                .isEqualTo(Instant.parse("2026-11-22T09:12:24.123Z"));
        for (String asOf : new String[] {"yesterday", "2026-11-22", "2026-11-22T09:12:24", "+20000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> LedgerParameters.trialBalanceQuery(params(Map.of("asOf", asOf))))
                    .as(asOf)
                    .isInstanceOfSatisfying(
                            InvalidQueryParameter.class,
                            e -> assertThat(e.parameter()).isEqualTo("asOf"));
        }
    }

    @Test
    void unknownOrRepeatedParametersAreRefused() {
        assertThatThrownBy(() -> LedgerParameters.none(params(Map.of("currency", "usd"))))
                .isInstanceOf(InvalidQueryParameter.class);
        assertThatThrownBy(() -> LedgerParameters.entriesQuery("refunds", params(Map.of("sort", "amount"))))
                .isInstanceOf(InvalidQueryParameter.class);
        MultiValueMap<String, String> twice = new LinkedMultiValueMap<>();
        twice.add("limit", "5");
        twice.add("limit", "6");
        assertThatThrownBy(() -> LedgerParameters.entriesQuery("refunds", twice))
                .isInstanceOf(InvalidQueryParameter.class)
                .hasMessageContaining("more than once");
    }

    private static MultiValueMap<String, String> params(Map<String, String> values) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        values.forEach(params::add);
        return params;
    }
}
