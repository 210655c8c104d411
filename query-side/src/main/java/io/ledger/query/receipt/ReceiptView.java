package io.ledger.query.receipt;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A succeeded payment's receipt: its number, who sold and who paid, what was paid and how, and what was paid back so
 * far. Amounts are minor units of {@code currency}.
 *
 * @param number {@code R-<year>-<number>}, counted from 1 in each year (UTC) without gaps; never reused
 * @param paymentId the payment the receipt is for
 * @param merchant who the payment was made to
 * @param customer who paid
 * @param amount what was captured
 * @param currency ISO 4217, lowercase
 * @param paymentMethod the method charged, as the provider named it; null when it gave none
 * @param orderId the payment's order, when it had one
 * @param description the payment's description, when it had one
 * @param refunds every refund paid back so far, oldest first
 * @param amountRefunded the sum of {@code refunds}
 * @param issuedAt when the payment succeeded, which is when the receipt was numbered
 */
@Schema(name = "Receipt")
record ReceiptView(
        String number,
        String paymentId,
        Merchant merchant,
        Customer customer,
        long amount,
        String currency,
        String paymentMethod,
        String orderId,
        String description,
        List<Refund> refunds,
        long amountRefunded,
        Instant issuedAt) {

    /** @param name the merchant's name ({@code ledger.receipts.merchant-name}) */
    @Schema(name = "ReceiptMerchant")
    record Merchant(String name) {}

    /**
     * @param id the payment's {@code customerId}
     * @param name the customer's name, when the ledger knows it
     * @param email the customer's email, when the ledger knows it
     */
    @Schema(name = "ReceiptCustomer")
    record Customer(String id, String name, String email) {}

    /** A refund paid back: its id, amount (minor units of the receipt's currency) and when it was paid. */
    @Schema(name = "ReceiptRefund")
    record Refund(String id, long amount, Instant refundedAt) {}
}
