package io.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.report.PaymentReportView;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void everyFigureIsARowOfItsOwnInMinorUnits() throws IOException {
        List<CSVRecord> rows = parse(ReportCsv.write(ReportSamples.twoCurrencies()));

        assertThat(rows).hasSize(2 * (5 + 8 + 5) + 2 + 1);
        assertThat(row(rows, "usd", "count", "created").get("value")).isEqualTo("7");
        assertThat(row(rows, "usd", "count", "disputes").get("value")).isEqualTo("2");
        assertThat(row(rows, "usd", "status", "requires_action").get("value")).isEqualTo("3");
        assertThat(row(rows, "usd", "amount", "gross").get("value")).isEqualTo("1234567");
        assertThat(row(rows, "usd", "amount", "disputed").get("value")).isEqualTo("45000");
        assertThat(row(rows, "usd", "amount", "net").get("value")).isEqualTo("1211111");
        assertThat(row(rows, "jpy", "amount", "gross").get("value")).isEqualTo("5000");
        CSVRecord revenue = row(rows, "usd", "account", "customer_payments");
        assertThat(revenue.get("value")).isEmpty();
        assertThat(List.of(
                        revenue.get("opening"), revenue.get("debits"), revenue.get("credits"), revenue.get("closing")))
                .containsExactly("-10000", "0", "1234567", "-1244567");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("from")).isEqualTo("2026-11-01");
            assertThat(row.get("to")).isEqualTo("2026-11-30");
        });
    }

    @Test
    void figuresLeaveTheBalanceColumnsEmpty() throws IOException {
        CSVRecord fees = row(parse(ReportCsv.write(ReportSamples.twoCurrencies())), "usd", "amount", "fees");

        assertThat(fees.get("value")).isEqualTo("3456");
        assertThat(List.of(fees.get("opening"), fees.get("debits"), fees.get("credits"), fees.get("closing")))
                .containsOnly("");
    }

    @Test
    void aReportWithoutCurrenciesIsTheHeaderAlone() {
        PaymentReportView empty =
                new PaymentReportView(ReportSamples.FROM, ReportSamples.TO, ReportSamples.GENERATED_AT, List.of());

        assertThat(ReportCsv.write(empty))
                .isEqualTo("from,to,currency,section,name,value,opening,debits,credits,closing\r\n");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static CSVRecord row(List<CSVRecord> rows, String currency, String section, String name) {
        List<CSVRecord> found = rows.stream()
                .filter(row -> row.get("currency").equals(currency)
                        && row.get("section").equals(section)
                        && row.get("name").equals(name))
                .toList();
        assertThat(found).as("%s %s %s", currency, section, name).hasSize(1);
        return found.get(0);
    }
}
