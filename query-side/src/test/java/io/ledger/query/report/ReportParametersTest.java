package io.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.report.FindPaymentReportQuery;
import io.ledger.query.payment.InvalidQueryParameter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ReportParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void withoutParametersEveryCurrencyOfTheLastThirtyDaysAsJson() {
        ReportRequest request = ReportParameters.request(parameters(), TODAY);

        assertThat(request.query()).isEqualTo(new FindPaymentReportQuery(LocalDate.of(2026, 10, 24), TODAY, null));
        assertThat(request.format()).isEqualTo(ReportFormat.JSON);
        assertThat(request.fileName()).isEqualTo("payment-report-2026-10-24-2026-11-22.json");
    }

    @Test
    void fromToCurrencyAndFormatAreRead() {
        ReportRequest request = ReportParameters.request(
                parameters("from", "2026-11-01", "to", "2026-11-30", "currency", "EUR", "format", "pdf"), TODAY);

        assertThat(request.query())
                .isEqualTo(new FindPaymentReportQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "eur"));
        assertThat(request.format()).isEqualTo(ReportFormat.PDF);
        assertThat(request.fileName()).isEqualTo("payment-report-2026-11-01-2026-11-30-eur.pdf");
        assertThat(ReportParameters.request(parameters("format", "csv"), TODAY).format())
                .isEqualTo(ReportFormat.CSV);
    }

    @Test
    void aSingleDayIsAPeriod() {
        assertThat(ReportParameters.request(parameters("from", "2026-11-22", "to", "2026-11-22"), TODAY)
                        .query()
                        .from())
                .isEqualTo(TODAY);
    }

    @Test
    void fromAfterToIsRejectedNamingFrom() {
        rejected(parameters("from", "2026-11-02", "to", "2026-11-01"), "from", "from must not be after to");
        rejected(parameters("from", "2026-11-23"), "from", "from must not be after to");
    }

    @Test
    void aPeriodOfAHundredYearsOrMoreIsRejected() {
        rejected(
                parameters("from", "1926-11-22", "to", "2026-11-22"),
                "from",
                "from must be less than 100 years before to");
        assertThat(ReportParameters.request(parameters("from", "1926-11-23", "to", "2026-11-22"), TODAY)
                        .query()
                        .from())
                .isEqualTo(LocalDate.of(1926, 11, 23));
    }

    @Test
    void datesMustBeIsoDatesNotInstants() {
        rejected(parameters("from", "2026-11-01T00:00:00Z"), "from", "from has an invalid value");
        rejected(parameters("to", "2026-13-01"), "to", "to has an invalid value");
        rejected(parameters("to", ""), "to", "to has an invalid value");
        rejected(parameters("from", "10000-01-01"), "from", "from has an invalid value");
    }

    @Test
    void anUnknownCurrencyIsRejected() {
        rejected(parameters("currency", "xxx"), "currency", "currency must be an ISO 4217 code");
        rejected(parameters("currency", "us"), "currency", "currency must be an ISO 4217 code");
        rejected(parameters("currency", ""), "currency", "currency must be an ISO 4217 code");
    }

    @Test
    void anUnknownFormatIsRejected() {
        rejected(parameters("format", "xlsx"), "format", "format must be json, csv or pdf");
        rejected(parameters("format", "PDF"), "format", "format must be json, csv or pdf");
        rejected(parameters("format", ""), "format", "format must be json, csv or pdf");
    }

    @Test
    void unknownAndRepeatedParametersAreRejected() {
        rejected(parameters("groupBy", "day"), "groupBy", "groupBy is not a known parameter");
        rejected(parameters("currency", "usd", "currency", "eur"), "currency", "currency is given more than once");
    }

    private static void rejected(MultiValueMap<String, String> parameters, String parameter, String message) {
        assertThatThrownBy(() -> ReportParameters.request(parameters, TODAY))
                .isInstanceOfSatisfying(InvalidQueryParameter.class, problem -> {
                    assertThat(problem.parameter()).isEqualTo(parameter);
                    assertThat(problem.getMessage()).startsWith(message);
                });
    }

    private static MultiValueMap<String, String> parameters(String... pairs) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.add(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }
}
