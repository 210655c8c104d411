package io.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintedAmountTest {

    @ParameterizedTest
    @CsvSource({
        "0, usd, 0.00",
        "5, usd, 0.05",
        "-5, usd, -0.05",
        "199, usd, 1.99",
        "123456, usd, '1,234.56'",
        "-123456789, eur, '-1,234,567.89'",
        "100000, usd, '1,000.00'",
        "1200, jpy, '1,200'",
        "-999, jpy, -999",
        "1250, kwd, 1.250",
        "1234567890, kwd, '1,234,567.890'",
        "9223372036854775807, usd, '92,233,720,368,547,758.07'",
        "-9223372036854775808, usd, '-92,233,720,368,547,758.08'"
    })
    void amountsArePrintedInTheMajorUnitExactly(long minor, String currency, String printed) {
        assertThat(PrintedAmount.of(minor, currency)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "7, 7", "999, 999", "1000, '1,000'", "1234567, '1,234,567'"})
    void countsAreGroupedByThousands(long count, String printed) {
        assertThat(PrintedAmount.count(count)).isEqualTo(printed);
    }
}
