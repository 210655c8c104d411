package io.ledger.query.receipt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Receipts as they are read: from the kept receipt rows, with the customer's details and the refunds so far. */
@Component
class Receipts {

    private final JdbcClient jdbc;
    private final ReceiptSettings settings;
    private final CustomerContacts contacts;

    Receipts(JdbcClient jdbc, ReceiptSettings settings, ObjectProvider<CustomerContacts> contacts) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.contacts = contacts.getIfAvailable(() -> CustomerContacts.NONE);
    }

    /**
     * The payment's receipt; empty before the payment succeeded, and, when {@code onlyCustomer} is given, for any
     * payment of another customer.
     */
    Optional<ReceiptView> find(String paymentId, String onlyCustomer) {
        Optional<Row> row = jdbc.sql("""
                        SELECT r.payment_id, r.number, r.customer_id, r.amount, r.currency, r.payment_method,
                               r.issued_at, p.order_id, p.description
                          FROM receipt r LEFT JOIN receipt_payment p ON p.payment_id = r.payment_id
                         WHERE r.payment_id = ?""").param(paymentId).query(Receipts::row).optional();
        if (row.isEmpty()
                || (onlyCustomer != null && !onlyCustomer.equals(row.get().customerId()))) {
            return Optional.empty();
        }
        Row receipt = row.get();
        List<ReceiptView.Refund> refunds = jdbc.sql("""
                        SELECT refund_id, amount, refunded_at FROM receipt_refund
                         WHERE payment_id = ? ORDER BY refunded_at, refund_id""")
                .param(paymentId)
                .query((rs, rowNum) -> new ReceiptView.Refund(
                        rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list();
        long refunded = 0;
        for (ReceiptView.Refund refund : refunds) {
            refunded = Math.addExact(refunded, refund.amount());
        }
        Optional<CustomerContacts.Contact> contact =
                receipt.customerId() == null ? Optional.empty() : contacts.find(receipt.customerId());
        return Optional.of(new ReceiptView(
                receipt.number(),
                receipt.paymentId(),
                new ReceiptView.Merchant(settings.merchantName()),
                new ReceiptView.Customer(
                        receipt.customerId(),
                        contact.map(CustomerContacts.Contact::name).orElse(null),
                        contact.map(CustomerContacts.Contact::email).orElse(null)),
                receipt.amount(),
                receipt.currency(),
                receipt.paymentMethod(),
                receipt.orderId(),
                receipt.description(),
                refunds,
                refunded,
                receipt.issuedAt()));
    }

    private record Row(
            String paymentId,
            String number,
            String customerId,
            long amount,
            String currency,
            String paymentMethod,
            java.time.Instant issuedAt,
            String orderId,
            String description) {}

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getString("payment_id"),
                rs.getString("number"),
                rs.getString("customer_id"),
                rs.getLong("amount"),
                rs.getString("currency").trim().toLowerCase(java.util.Locale.ROOT),
                rs.getString("payment_method"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("order_id"),
                rs.getString("description"));
    }
}
