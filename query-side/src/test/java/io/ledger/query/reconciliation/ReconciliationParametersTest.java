package io.ledger.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.api.reconciliation.FindReconciliationSummaryQuery;
import io.ledger.api.reconciliation.ListUnreconciledPaymentsQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ReconciliationParametersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void byDefaultPaymentsThatSucceededMoreThanADayAgoTwentyAPage() {
        ListUnreconciledPaymentsQuery query = ReconciliationParameters.unreconciled(parameters(), NOW);

        assertThat(query).isEqualTo(new ListUnreconciledPaymentsQuery(Instant.parse("2026-11-21T12:00:00Z"), 20, null));
    }

    @Test
    void olderThanIsAnIsoDuration() {
        assertThat(ReconciliationParameters.unreconciled(parameters("olderThan", "PT0S"), NOW)
                        .succeededBefore())
                .isEqualTo(NOW);
        assertThat(ReconciliationParameters.unreconciled(parameters("olderThan", "P2DT30M"), NOW)
                        .succeededBefore())
                .isEqualTo(Instant.parse("2026-11-20T11:30:00Z"));
    }

    @Test
    void aMalformedOrNegativeOlderThanIsRejected() {
        rejected(parameters("olderThan", "24h"), "olderThan");
        rejected(parameters("olderThan", "P1M"), "olderThan");
        rejected(parameters("olderThan", "-PT1H"), "olderThan");
        rejected(parameters("olderThan", ""), "olderThan");
        rejected(parameters("olderThan", "PT9999999999999999H"), "olderThan");
    }

    @Test
    void limitIsBetweenOneAndAHundred() {
        assertThat(ReconciliationParameters.unreconciled(parameters("limit", "100"), NOW)
                        .limit())
                .isEqualTo(100);
        rejected(parameters("limit", "0"), "limit");
        rejected(parameters("limit", "101"), "limit");
        rejected(parameters("limit", "ten"), "limit");
    }

    @Test
    void aCursorOfThisListIsPassedOn() {
        String cursor = new UnreconciledCursor(Instant.parse("2026-11-20T08:00:00.123Z"), "pay_1").encode();

        assertThat(ReconciliationParameters.unreconciled(parameters("cursor", cursor), NOW)
                        .cursor())
                .isEqualTo(cursor);
        assertThat(UnreconciledCursor.decode(cursor))
                .isEqualTo(new UnreconciledCursor(Instant.parse("2026-11-20T08:00:00.123Z"), "pay_1"));
    }

    @Test
    void aForeignOrDamagedCursorIsRejected() {
        rejected(parameters("cursor", "not base64!"), "cursor");
        rejected(parameters("cursor", encode("1|CREATED_AT|desc|2026-11-20T08:00:00Z|pay_1")), "cursor");
        rejected(parameters("cursor", encode("u1|yesterday|pay_1")), "cursor");
        rejected(parameters("cursor", encode("u1|2026-11-20T08:00:00Z|")), "cursor");
    }

    @Test
    void unknownParametersAreRejected() {
        rejected(parameters("status", "mismatched"), "status");
    }

    @Test
    void theSummaryCoversTheLastThirtyDaysByDefault() {
        FindReconciliationSummaryQuery query = ReconciliationParameters.summary(parameters(), NOW);

        assertThat(query)
                .isEqualTo(new FindReconciliationSummaryQuery(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 11, 22)));
    }

    @Test
    void theSummaryRangeIsChecked() {
        assertThat(ReconciliationParameters.summary(parameters("from", "2026-11-01", "to", "2026-11-30"), NOW))
                .isEqualTo(new FindReconciliationSummaryQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        rejectedSummary(parameters("from", "2026-11-30", "to", "2026-11-01"), "from");
        rejectedSummary(parameters("to", "tomorrow"), "to");
        rejectedSummary(parameters("olderThan", "PT1H"), "olderThan");
    }

    private static void rejected(MultiValueMap<String, String> parameters, String field) {
        assertThatThrownBy(() -> ReconciliationParameters.unreconciled(parameters, NOW))
                .isInstanceOfSatisfying(LedgerProblem.class, names(field));
    }

    private static void rejectedSummary(MultiValueMap<String, String> parameters, String field) {
        assertThatThrownBy(() -> ReconciliationParameters.summary(parameters, NOW))
                .isInstanceOfSatisfying(LedgerProblem.class, names(field));
    }

    /** A validation problem naming the parameter: a query parameter's own, or the cursor codec's. */
    private static Consumer<LedgerProblem> names(String field) {
        return invalid -> {
            assertThat(invalid.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(invalid.errors()).extracting(InvalidField::field).containsExactly(field);
        };
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static MultiValueMap<String, String> parameters(String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
