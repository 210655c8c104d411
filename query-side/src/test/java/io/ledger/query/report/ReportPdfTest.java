package io.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.ledger.AccountMovementView;
import io.ledger.api.report.CurrencyReportView;
import io.ledger.api.report.PaymentReportView;
import io.ledger.api.report.ReportCountsView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

    @Test
    void theStatementPrintsEveryFigureInTheMajorUnit() throws IOException {
        byte[] pdf = ReportPdf.render(ReportSamples.twoCurrencies());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Payment statement 2026-11-01 to 2026-11-30");
            List<String> lines = lines(document);
            assertThat(lines)
                    .contains(
                            "Payment statement",
                            "Period: 2026-11-01 to 2026-11-30 (UTC days, both included)",
                            "Generated at 2026-12-01T08:30:00.123Z",
                            "USD",
                            "JPY",
                            "Payment statement 2026-11-01 to 2026-11-30 - page 1 of " + pages);
            List<List<String>> usd = section(lines, "USD", "JPY");
            assertThat(figure(usd, "Gross (captured)")).containsExactly("12,345.67");
            assertThat(figure(usd, "Refunded")).containsExactly("200.00");
            assertThat(figure(usd, "Fees")).containsExactly("34.56");
            assertThat(figure(usd, "Net")).containsExactly("12,111.11");
            assertThat(figure(usd, "Disputed")).containsExactly("450.00");
            assertThat(figure(usd, "Payments created")).containsExactly("7");
            assertThat(figure(usd, "Failed attempts")).containsExactly("3");
            assertThat(figure(usd, "Disputes opened")).containsExactly("2");
            assertThat(figure(usd, "partially_refunded")).containsExactly("7");
            assertThat(figure(usd, "customer_payments")).containsExactly("-100.00", "0.00", "12,345.67", "-12,445.67");
            List<List<String>> jpy = section(lines, "JPY", null);
            assertThat(figure(jpy, "Gross (captured)")).containsExactly("5,000");
            assertThat(figure(jpy, "processor_clearing")).containsExactly("0", "5,000", "0", "5,000");
        }
    }

    @Test
    void aLongStatementGoesOnOverPagesEachWithItsNumber() throws IOException {
        PaymentReportView sample = ReportSamples.twoCurrencies();
        CurrencyReportView usd = sample.currencies().get(0);
        List<CurrencyReportView> currencies = new ArrayList<>();
        for (String code : List.of("aud", "cad", "chf", "eur", "gbp", "nok", "sek", "usd")) {
            List<AccountMovementView> accounts = IntStream.range(0, 9)
                    .mapToObj(i -> ReportSamples.account("account_" + i, "asset", "debit", code, i, i, 0, 2L * i))
                    .toList();
            currencies.add(new CurrencyReportView(
                    code, new ReportCountsView(1, 1, 0, 0, 0), usd.statuses(), 100, 0, 0, 0, 100, accounts));
        }
        byte[] pdf =
                ReportPdf.render(new PaymentReportView(sample.from(), sample.to(), sample.generatedAt(), currencies));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            List<String> lines = lines(document);
            for (int page = 1; page <= pages; page++) {
                assertThat(lines)
                        .contains("Payment statement 2026-11-01 to 2026-11-30 - page " + page + " of " + pages);
            }
            assertThat(lines).contains("AUD", "CAD", "CHF", "EUR", "GBP", "NOK", "SEK", "USD");
            assertThat(lines.stream().filter(line -> line.startsWith("account_8")))
                    .hasSize(8);
        }
    }

    @Test
    void anEmptyPeriodSaysSo() throws IOException {
        PaymentReportView empty =
                new PaymentReportView(ReportSamples.FROM, ReportSamples.TO, ReportSamples.GENERATED_AT, List.of());

        try (PDDocument document = Loader.loadPDF(ReportPdf.render(empty))) {
            assertThat(lines(document)).contains("Nothing happened in this period: no payment, no journal entry.");
        }
    }

    private static List<String> lines(PDDocument document) throws IOException {
        return new PDFTextStripper()
                .getText(document)
                .lines()
                .map(String::strip)
                .toList();
    }

    /** The lines from {@code start} up to {@code end} (or the last), each split at runs of spaces. */
    private static List<List<String>> section(List<String> lines, String start, String end) {
        int from = lines.indexOf(start);
        int to = end == null ? lines.size() : lines.indexOf(end);
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return lines.subList(from, to).stream()
                .map(line -> Arrays.asList(line.split(" {2,}")))
                .toList();
    }

    /** The values printed after the label on its line. */
    private static List<String> figure(List<List<String>> section, String label) {
        List<List<String>> found =
                section.stream().filter(line -> line.get(0).equals(label)).toList();
        assertThat(found).as(label).hasSize(1);
        return found.get(0).subList(1, found.get(0).size());
    }
}
