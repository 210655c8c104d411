package io.ledger.query.payment;

import io.ledger.api.payment.DisputeStatus;
import io.ledger.api.payment.DisputeView;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads payment_view, refund_view and dispute_view rows into the contract's payment resource. */
class PaymentRows {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The payments of the rows, each with its refunds, fetched in one more query. */
    List<PaymentView> withRefunds(List<PaymentView> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<RefundView>> refunds = new LinkedHashMap<>();
        rows.forEach(row -> refunds.put(row.id(), new ArrayList<>()));
        jdbc.sql("SELECT * FROM refund_view WHERE payment_id IN (:ids) ORDER BY created_at, refund_id")
                .param("ids", refunds.keySet())
                .query(PaymentRows::refund)
                .list()
                .forEach(refund -> refunds.get(refund.paymentId()).add(refund));
        return rows.stream().map(row -> row.withRefunds(refunds.get(row.id()))).toList();
    }

    /** The payment's disputes, oldest first. */
    List<DisputeView> disputes(String paymentId) {
        return jdbc.sql("SELECT * FROM dispute_view WHERE payment_id = ? ORDER BY opened_at, dispute_id")
                .param(paymentId)
                .query(PaymentRows::dispute)
                .list();
    }

    /** A payment_view row as the payment resource, without its refunds yet. */
    PaymentView row(ResultSet rs, int rowNum) throws SQLException {
        return new PaymentView(
                rs.getString("payment_id"),
                PaymentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getLong("amount"),
                rs.getString("currency"),
                rs.getLong("amount_refunded"),
                rs.getString("customer_id"),
                rs.getString("order_id"),
                rs.getString("description"),
                json.readValue(rs.getString("metadata"), STRING_MAP),
                Provider.valueOf(rs.getString("provider").toUpperCase(Locale.ROOT)),
                rs.getString("provider_payment_id"),
                rs.getString("failure_code") == null
                        ? null
                        : new PaymentView.FailureView(rs.getString("failure_code"), rs.getString("failure_message")),
                List.of(),
                new PaymentView.ReconciliationView(
                        ReconciliationStatus.valueOf(
                                rs.getString("reconciliation_status").toUpperCase(Locale.ROOT)),
                        rs.getString("settlement_id"),
                        rs.getObject("settlement_fee", Long.class),
                        rs.getObject("settlement_net", Long.class),
                        instant(rs, "settled_at")),
                rs.getBoolean("archived"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static DisputeView dispute(ResultSet rs, int rowNum) throws SQLException {
        return new DisputeView(
                rs.getString("dispute_id"),
                rs.getString("payment_id"),
                rs.getLong("amount"),
                rs.getLong("fee"),
                rs.getString("currency"),
                DisputeStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("reason"),
                instant(rs, "opened_at"),
                instant(rs, "closed_at"));
    }

    private static RefundView refund(ResultSet rs, int rowNum) throws SQLException {
        return new RefundView(
                rs.getString("refund_id"),
                rs.getString("payment_id"),
                rs.getLong("amount"),
                rs.getString("currency"),
                RefundStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("reason"),
                instant(rs, "created_at"));
    }
}
