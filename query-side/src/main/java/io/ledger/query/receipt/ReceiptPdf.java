package io.ledger.query.receipt;

import io.ledger.query.report.PdfPages;
import io.ledger.query.report.PrintedAmount;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A receipt as a printable document: the merchant, the number, who paid, what and how, and the refunds so far, amounts
 * in the currency's major unit ({@link PrintedAmount}). PDF's standard fonts take printable ASCII only: other letters
 * lose their accents, and what is left is printed as {@code ?}.
 */
final class ReceiptPdf {

    private static final String LINE = "%-24s%s";
    private static final String REFUND = "%-34s%-26s%20s";

    private ReceiptPdf() {}

    static byte[] render(ReceiptView receipt) {
        String currency = receipt.currency().toUpperCase(Locale.ROOT);
        try (PdfPages pages = new PdfPages("Receipt " + receipt.number())) {
            pages.title("Receipt " + receipt.number());
            pages.text(ascii(receipt.merchant().name()));
            pages.space();
            line(pages, "Receipt number", receipt.number());
            line(pages, "Issued at", receipt.issuedAt().toString());
            line(pages, "Payment", receipt.paymentId());
            if (receipt.orderId() != null) {
                line(pages, "Order", receipt.orderId());
            }
            if (receipt.description() != null) {
                line(pages, "Description", receipt.description());
            }
            ReceiptView.Customer customer = receipt.customer();
            line(pages, "Customer", customer.id() == null ? "-" : customer.id());
            if (customer.name() != null) {
                line(pages, "Name", customer.name());
            }
            if (customer.email() != null) {
                line(pages, "Email", customer.email());
            }
            line(pages, "Payment method", receipt.paymentMethod() == null ? "-" : receipt.paymentMethod());
            pages.heading("Amount");
            line(pages, "Paid", PrintedAmount.of(receipt.amount(), receipt.currency()) + " " + currency);
            pages.heading("Refunds so far");
            if (receipt.refunds().isEmpty()) {
                pages.text("None.");
            } else {
                pages.row(String.format(Locale.ROOT, REFUND, "Refund", "Refunded at", "Amount"));
                for (ReceiptView.Refund refund : receipt.refunds()) {
                    pages.row(String.format(
                            Locale.ROOT,
                            REFUND,
                            refund.id(),
                            refund.refundedAt().toString(),
                            PrintedAmount.of(refund.amount(), receipt.currency())));
                }
            }
            line(pages, "Refunded", PrintedAmount.of(receipt.amountRefunded(), receipt.currency()) + " " + currency);
            line(
                    pages,
                    "Net paid",
                    PrintedAmount.of(Math.subtractExact(receipt.amount(), receipt.amountRefunded()), receipt.currency())
                            + " " + currency);
            return pages.finish("Receipt " + receipt.number(), PdfPages.utc(receipt.issuedAt()));
        }
    }

    private static void line(PdfPages pages, String label, String value) {
        pages.row(String.format(Locale.ROOT, LINE, label, ascii(value)));
    }

    /** Printable ASCII: accents dropped, other characters replaced. */
    static String ascii(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder printable = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> printable.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return printable.toString();
    }
}
