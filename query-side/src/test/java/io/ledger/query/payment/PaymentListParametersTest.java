package io.ledger.query.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.payment.ListPaymentsQuery;
import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.Provider;
import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class PaymentListParametersTest {

    private static final PaymentFilter EVERYTHING =
            new PaymentFilter(Set.of(), null, null, null, null, null, null, null, null, null, null);

    @Test
    void withoutParametersTheListIsEverythingNewestFirstTwentyAtATime() {
        assertThat(list()).isEqualTo(new ListPaymentsQuery(EVERYTHING, PaymentSort.CREATED_AT, false, 20, null));
    }

    @Test
    void sortIsCreatedAtOrAmountAndOrderIsAscOrDesc() {
        assertThat(list("sort", "amount").sort()).isEqualTo(PaymentSort.AMOUNT);
        assertThat(list("sort", "createdAt").sort()).isEqualTo(PaymentSort.CREATED_AT);
        assertThat(list("order", "asc").ascending()).isTrue();
        assertThat(list("order", "desc").ascending()).isFalse();
        for (String sort : new String[] {"", "created_at", "AMOUNT", "customerId"}) {
            assertInvalid(() -> list("sort", sort), "sort");
        }
        for (String order : new String[] {"", "ASC", "ascending", "up"}) {
            assertInvalid(() -> list("order", order), "order");
        }
    }

    @Test
    void limitIsAWholeNumberFromOneToAHundred() {
        assertThat(list("limit", "1").limit()).isEqualTo(1);
        assertThat(list("limit", "100").limit()).isEqualTo(100);
        for (String limit : new String[] {"0", "101", "-1", "abc", "2.5", "", "2147483648"}) {
            assertInvalid(() -> list("limit", limit), "limit");
        }
    }

    @Test
    void aCursorMustBelongToTheSortAndOrderOfTheRequest() {
        String cursor = new PageCursor(PaymentSort.AMOUNT, true, "500", "pay_a").encode();

        assertThat(list("sort", "amount", "order", "asc", "cursor", cursor).cursor())
                .isEqualTo(cursor);
        assertInvalid(() -> list("cursor", cursor), "cursor");
        assertInvalid(() -> list("sort", "amount", "cursor", cursor), "cursor");
        assertInvalid(() -> list("sort", "amount", "order", "asc", "cursor", "nonsense"), "cursor");
    }

    @Test
    void statusIsOneStatusOrACommaSeparatedListOfThem() {
        assertThat(filter("status", "failed").statuses()).containsExactly(PaymentStatus.FAILED);
        assertThat(filter("status", "succeeded, Refunded,partially_refunded").statuses())
                .containsExactlyInAnyOrder(
                        PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED, PaymentStatus.PARTIALLY_REFUNDED);
        for (String status : new String[] {"", ",", "authorized", "succeeded,authorized", "partially refunded"}) {
            assertInvalid(() -> filter("status", status), "status");
        }
    }

    @Test
    void providerIsSimulatedOrStripe() {
        assertThat(filter("provider", "simulated").provider()).isEqualTo(Provider.SIMULATED);
        assertThat(filter("provider", "Stripe").provider()).isEqualTo(Provider.STRIPE);
        assertInvalid(() -> filter("provider", "paypal"), "provider");
        assertInvalid(() -> filter("provider", ""), "provider");
    }

    @Test
    void currencyIsASupportedCodeInEitherCaseAndComesOutLowercase() {
        assertThat(filter("currency", "USD").currency()).isEqualTo("usd");
        assertThat(filter("currency", "jpy").currency()).isEqualTo("jpy");
        for (String currency : new String[] {"", "xyz", "dollar", "us"}) {
            assertInvalid(() -> filter("currency", currency), "currency");
        }
    }

    @Test
    void createdBoundsAreIsoInstantsInOrder() {
        PaymentFilter filter = filter("createdFrom", "2026-11-01T00:00:00Z", "createdTo", "2026-11-22T09:12:24.123Z");
        assertThat(filter.createdFrom()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(filter.createdTo()).isEqualTo(Instant.parse("2026-11-22T09:12:24.123Z"));
        assertThat(filter("createdFrom", "2026-11-01T00:00:00Z", "createdTo", "2026-11-01T00:00:00Z")
                        .createdTo())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(filter("createdFrom", "0001-01-01T00:00:00Z", "createdTo", "9999-12-31T23:59:59.999999999Z")
                        .createdFrom())
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));

        for (String instant : new String[] {
            "yesterday",
            "2026-11-22",
            "2026-11-22T09:12:24",
            "22.11.2026",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"
        }) {
            assertInvalid(() -> filter("createdFrom", instant), "createdFrom");
            assertInvalid(() -> filter("createdTo", instant), "createdTo");
        }
        assertInvalid(
                () -> filter("createdFrom", "2026-11-22T00:00:00.001Z", "createdTo", "2026-11-22T00:00:00Z"),
                "createdFrom");
    }

    @Test
    void amountBoundsAreNonNegativeWholeNumbersInOrder() {
        PaymentFilter filter = filter("minAmount", "0", "maxAmount", "999999999999");
        assertThat(filter.minAmount()).isZero();
        assertThat(filter.maxAmount()).isEqualTo(999_999_999_999L);
        assertThat(filter("minAmount", "500", "maxAmount", "500").maxAmount()).isEqualTo(500);

        for (String amount : new String[] {"-1", "19.99", "1e3", "", "99999999999999999999"}) {
            assertInvalid(() -> filter("minAmount", amount), "minAmount");
            assertInvalid(() -> filter("maxAmount", amount), "maxAmount");
        }
        assertInvalid(() -> filter("minAmount", "501", "maxAmount", "500"), "minAmount");
    }

    @Test
    void customerOrderAndTextAreTakenAsTheyAre() {
        PaymentFilter filter = filter("customerId", "cus_1", "orderId", "ord 7", "q", "50% off");

        assertThat(filter.customerId()).isEqualTo("cus_1");
        assertThat(filter.orderId()).isEqualTo("ord 7");
        assertThat(filter.q()).isEqualTo("50% off");
        assertThat(filter("q", "  ").q()).isNull();
    }

    @Test
    void aValueWithANulCharacterIsRefused() {
        for (String name : new String[] {"customerId", "orderId", "q"}) {
            assertInvalid(() -> filter(name, "a\u0000b"), name);
        }
    }

    @Test
    void unknownOrRepeatedParametersAreRefused() {
        assertInvalid(() -> list("expand", "refunds"), "expand");
        assertInvalid(() -> list("format", "csv"), "format");
        assertInvalid(() -> list("customer_id", "cus_1"), "customer_id");
        MultiValueMap<String, String> twice = new LinkedMultiValueMap<>();
        twice.add("status", "failed");
        twice.add("status", "canceled");
        assertThatThrownBy(() -> PaymentListParameters.listQuery(twice, null))
                .isInstanceOfSatisfying(
                        InvalidQueryParameter.class,
                        e -> assertThat(e.parameter()).isEqualTo("status"))
                .hasMessageContaining("more than once");
    }

    @Test
    void theExportTakesTheFiltersAndFormatCsvButNoPaging() {
        assertThat(PaymentListParameters.exportFilter(params(), null)).isEqualTo(EVERYTHING);
        assertThat(PaymentListParameters.exportFilter(params("format", "csv", "status", "failed"), null)
                        .statuses())
                .containsExactly(PaymentStatus.FAILED);
        for (String format : new String[] {"xml", "CSV", "json", ""}) {
            assertInvalid(() -> PaymentListParameters.exportFilter(params("format", format), null), "format");
        }
        for (String paging : new String[] {"limit", "cursor", "sort", "order"}) {
            assertInvalid(() -> PaymentListParameters.exportFilter(params(paging, "1"), null), paging);
        }
        assertInvalid(() -> PaymentListParameters.exportFilter(params("currency", "xyz"), null), "currency");
    }

    @Test
    void aConfinedCallersListAndExportKeepItsCustomerBesideTheCustomerItAsksFor() {
        ListPaymentsQuery confined = PaymentListParameters.listQuery(params("customerId", "cus_b"), "cus_a");
        PaymentFilter export = PaymentListParameters.exportFilter(params("status", "failed"), "cus_a");

        assertThat(confined.filter().onlyCustomer()).isEqualTo("cus_a");
        assertThat(confined.filter().customerId()).isEqualTo("cus_b");
        assertThat(export.onlyCustomer()).isEqualTo("cus_a");
        assertThat(export.statuses()).containsExactly(PaymentStatus.FAILED);
        assertThat(filter("customerId", "cus_b").onlyCustomer()).isNull();
    }

    @Test
    void aConfinedFilterAddsItsCustomerToTheWhereClause() {
        PaymentFilterSql sql =
                PaymentFilterSql.of(PaymentListParameters.listQuery(params("customerId", "cus_b"), "cus_a")
                        .filter());

        assertThat(sql.where()).isEqualTo("NOT archived AND customer_id = :customerId AND customer_id = :onlyCustomer");
        assertThat(sql.params()).containsEntry("customerId", "cus_b").containsEntry("onlyCustomer", "cus_a");
    }

    @Test
    void archivedPaymentsAreLeftOutUnlessArchivedIsTrue() {
        assertThat(list().filter().includeArchived()).isFalse();
        assertThat(list("archived", "false").filter().includeArchived()).isFalse();
        assertThat(list("archived", "true").filter().includeArchived()).isTrue();
        assertThat(PaymentListParameters.exportFilter(params("archived", "true"), null)
                        .includeArchived())
                .isTrue();
        assertThat(PaymentFilterSql.of(list().filter()).where()).isEqualTo("NOT archived");
        assertThat(PaymentFilterSql.of(list("archived", "true").filter()).where())
                .isEqualTo("TRUE");
        for (String value : new String[] {"yes", "1", "TRUE", ""}) {
            assertInvalid(() -> list("archived", value), "archived");
            assertInvalid(() -> PaymentListParameters.feedArchived(params("archived", value)), "archived");
        }
        assertThat(PaymentListParameters.feedArchived(params())).isFalse();
        assertThat(PaymentListParameters.feedArchived(params("archived", "true")))
                .isTrue();
        assertInvalid(() -> PaymentListParameters.feedArchived(params("status", "failed")), "status");
    }

    @Test
    void aSinglePaymentTakesOnlyAWholeNonNegativeMinVersion() {
        assertThat(PaymentListParameters.minVersion(params())).isZero();
        assertThat(PaymentListParameters.minVersion(params("minVersion", "7"))).isEqualTo(7);
        for (String version : new String[] {"-1", "abc", "1.0", ""}) {
            assertInvalid(() -> PaymentListParameters.minVersion(params("minVersion", version)), "minVersion");
        }
        assertInvalid(() -> PaymentListParameters.minVersion(params("status", "failed")), "status");
    }

    private static ListPaymentsQuery list(String... namesAndValues) {
        return PaymentListParameters.listQuery(params(namesAndValues), null);
    }

    private static PaymentFilter filter(String... namesAndValues) {
        return list(namesAndValues).filter();
    }

    private static MultiValueMap<String, String> params(String... namesAndValues) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** A validation problem naming the parameter: a query parameter's own, or the cursor codec's. */
    private static void assertInvalid(ThrowingCallable read, String parameter) {
        assertThatThrownBy(read).as(parameter).isInstanceOfSatisfying(LedgerProblem.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(e.errors()).extracting(InvalidField::field).containsExactly(parameter);
        });
    }
}
