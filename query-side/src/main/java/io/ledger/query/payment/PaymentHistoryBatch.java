package io.ledger.query.payment;

import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.query.projection.BatchStatements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment history's changes of one processor batch, folded per payment and written together: the batch's rows of
 * {@code payment_view} are read in one query, its events applied to them in memory in event order (each skipped unless
 * it is newer than the row's {@code version}, as before), and each touched row written once: one batch of inserts and
 * one of updates. An update names the version it read, so a row changed meanwhile fails the batch, which is retried.
 * Refunds and disputes are inserted when absent and their statuses set, each kind as one batch after the inserts;
 * a change that would be reordered before a buffered one of the same refund or dispute writes the buffer first.
 */
final class PaymentHistoryBatch {

    private static final String COLUMNS = """
            payment_id, status, amount, amount_refunded, customer_id, order_id, description, metadata, failure_code,
            failure_message, reconciliation_status, settlement_id, settlement_fee, settlement_net, settled_at,
            succeeded_at, archived, provider_payment_id, updated_at, version""";

    private static final String INSERT_PAYMENT = """
            INSERT INTO payment_view (payment_id, status, amount, currency, amount_refunded, customer_id, order_id,
                description, metadata, provider, provider_payment_id, failure_code, failure_message,
                reconciliation_status, settlement_id, settlement_fee, settlement_net, settled_at, succeeded_at,
                archived, created_at, updated_at, version)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::int8[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::varchar[]::jsonb[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::int8[], ?::varchar[]::timestamptz[],
                ?::varchar[]::timestamptz[], ?::varchar[]::bool[], ?::varchar[]::timestamptz[],
                ?::varchar[]::timestamptz[], ?::int8[])
            ON CONFLICT (payment_id) DO NOTHING""";

    private static final boolean[] INSERT_PAYMENT_NUMERIC = {
        false, false, true, false, true, false, false, false, false, false, false, false, false, false, false, true,
        true, false, false, false, false, false, true
    };

    private static final String UPDATE_PAYMENT = """
            UPDATE payment_view SET status = ?, amount = ?, amount_refunded = ?, order_id = ?, description = ?,
                metadata = ?::jsonb, failure_code = ?, failure_message = ?, reconciliation_status = ?, settlement_id = ?,
                settlement_fee = ?, settlement_net = ?, settled_at = ?, succeeded_at = ?, archived = ?,
                provider_payment_id = ?, updated_at = ?, version = ?
            WHERE payment_id = ? AND version = ?""";

    private static final int[] UPDATE_PAYMENT_TYPES = {
        Types.VARCHAR,
        Types.BIGINT,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.BIGINT,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.BOOLEAN,
        Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.BIGINT,
        Types.VARCHAR,
        Types.BIGINT
    };

    private static final String INSERT_REFUND = """
            INSERT INTO refund_view (refund_id, payment_id, amount, currency, status, reason, created_at)
            SELECT r.refund_id, r.payment_id, r.amount, r.currency, 'pending', r.reason, r.created_at
              FROM unnest(?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[],
                          ?::varchar[]::timestamptz[]) AS r(refund_id, payment_id, amount, currency, reason, created_at)
            ON CONFLICT (refund_id) DO NOTHING""";

    private static final String INSERT_DISPUTE = """
            INSERT INTO dispute_view (dispute_id, payment_id, amount, fee, currency, status, reason, opened_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?)
            ON CONFLICT (dispute_id) DO NOTHING""";

    private static final int[] INSERT_DISPUTE_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.BIGINT,
        Types.CHAR,
        Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE
    };

    private final JdbcTemplate jdbc;
    private final PaymentFeed feed;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> payments = new LinkedHashSet<>();
    private final Map<String, Object[]> refundInserts = new LinkedHashMap<>();
    private final Map<String, String> refundStatuses = new LinkedHashMap<>();
    private final Map<String, Object[]> disputeInserts = new LinkedHashMap<>();
    private final Map<String, Object[]> disputeCloses = new LinkedHashMap<>();

    PaymentHistoryBatch(JdbcTemplate jdbc, PaymentFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    /** The payment's row, as the event creates it; nothing when the payment has a row already. */
    void create(PaymentCreated event, long sequence, Instant at, String metadataJson) {
        add(new Change(event, sequence, at, null, metadataJson));
    }

    /**
     * A change of the payment's row by an event, applied if the row exists and has not seen the event; every applied
     * event sets {@code updated_at} and {@code version}. {@code change} may be null (the event only counts).
     */
    void update(PaymentEvent event, long sequence, Instant at, Consumer<Row> change) {
        add(new Change(event, sequence, at, change, null));
    }

    /** The refund's row, unless it has one; a status set before in this batch is written first. */
    void insertRefund(String refundId, String paymentId, long amount, String currency, String reason, Instant at) {
        if (refundStatuses.containsKey(refundId)) {
            write();
        }
        refundInserts.putIfAbsent(refundId, new Object[] {refundId, paymentId, amount, currency, reason, utc(at)});
    }

    /** The refund's status, if it has a row by the end of the batch's inserts. */
    void refundStatus(String refundId, String status) {
        refundStatuses.put(refundId, status);
    }

    /** The dispute's row, unless it has one; a close recorded before in this batch is written first. */
    void insertDispute(
            String disputeId, String paymentId, long amount, long fee, String currency, String reason, Instant at) {
        if (disputeCloses.containsKey(disputeId)) {
            write();
        }
        disputeInserts.putIfAbsent(
                disputeId, new Object[] {disputeId, paymentId, amount, fee, currency, reason, utc(at)});
    }

    void closeDispute(String disputeId, String status, Instant at) {
        disputeCloses.put(disputeId, new Object[] {status, utc(at), disputeId});
    }

    private void add(Change change) {
        changes.add(change);
        payments.add(change.event().paymentId().value());
    }

    /** Writes everything gathered and empties the buffer. */
    void write() {
        if (!changes.isEmpty()) {
            writePayments();
        }
        BatchStatements.insertAll(
                jdbc,
                INSERT_REFUND,
                new boolean[] {false, false, true, false, false, false},
                List.copyOf(refundInserts.values()));
        BatchStatements.execute(
                jdbc,
                "UPDATE refund_view SET status = ? WHERE refund_id = ?",
                new int[] {Types.VARCHAR, Types.VARCHAR},
                refundStatuses.entrySet().stream()
                        .map(status -> new Object[] {status.getValue(), status.getKey()})
                        .toList());
        BatchStatements.execute(jdbc, INSERT_DISPUTE, INSERT_DISPUTE_TYPES, List.copyOf(disputeInserts.values()));
        BatchStatements.execute(
                jdbc,
                "UPDATE dispute_view SET status = ?, closed_at = ? WHERE dispute_id = ?",
                new int[] {Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR},
                List.copyOf(disputeCloses.values()));
        changes.clear();
        payments.clear();
        refundInserts.clear();
        refundStatuses.clear();
        disputeInserts.clear();
        disputeCloses.clear();
    }

    private void writePayments() {
        BatchStatements.planForTheseParameters(jdbc);
        Map<String, Row> rows = new HashMap<>();
        jdbc.query(
                "SELECT " + COLUMNS + " FROM payment_view WHERE payment_id = ANY(?)",
                statement -> statement.setArray(1, BatchStatements.varchars(statement, payments)),
                (ResultSet rs) -> {
                    Row row = Row.read(rs);
                    rows.put(row.paymentId, row);
                });
        Map<String, Row> created = new LinkedHashMap<>();
        Set<Row> updated = new LinkedHashSet<>();
        for (Change change : changes) {
            String paymentId = change.event().paymentId().value();
            Row row = rows.get(paymentId);
            if (change.event() instanceof PaymentCreated event) {
                if (row == null) {
                    row = Row.of(event, change.sequence(), change.at(), change.metadataJson());
                    rows.put(paymentId, row);
                    created.put(paymentId, row);
                    feed.publish(event, event.customerId(), false, change.sequence() + 1, change.at());
                }
                continue;
            }
            if (row == null || row.version > change.sequence()) {
                continue;
            }
            if (change.change() != null) {
                change.change().accept(row);
            }
            row.updatedAt = utc(change.at());
            row.version = change.sequence() + 1;
            if (!created.containsKey(paymentId)) {
                updated.add(row);
            }
            feed.publish(change.event(), row.customerId, row.archived, row.version, change.at());
        }
        List<Object[]> inserts =
                created.values().stream().map(Row::insertValues).toList();
        BatchStatements.expectAll(
                BatchStatements.insertAll(jdbc, INSERT_PAYMENT, INSERT_PAYMENT_NUMERIC, inserts),
                inserts,
                "a new payment_view row");
        int[] changed = BatchStatements.execute(
                jdbc,
                UPDATE_PAYMENT,
                UPDATE_PAYMENT_TYPES,
                updated.stream().map(Row::updateValues).toList());
        BatchStatements.expectOneEach(changed, "a payment_view row");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An event for a payment's row; {@code metadataJson} only for its creation. */
    private record Change(PaymentEvent event, long sequence, Instant at, Consumer<Row> change, String metadataJson) {}

    /**
     * A payment_view row in memory: the columns events change, and for a new row the ones its creation sets.
     * {@code readVersion} is the version the row had when read (0 for a new row); {@code metadataJson} is the metadata
     * as JSON text.
     */
    static final class Row {
        final String paymentId;
        final String customerId;
        private final long readVersion;
        private PaymentCreated creation;
        private OffsetDateTime createdAt;
        long amount;
        String orderId;
        String description;
        String metadataJson;
        boolean archived;
        /** The provider's payment that was created with ours, until another one captures it (Stripe Checkout's). */
        String providerPaymentId;

        String status;
        long amountRefunded;
        String failureCode;
        String failureMessage;
        String reconciliationStatus;
        String settlementId;
        Long settlementFee;
        Long settlementNet;
        OffsetDateTime settledAt;
        OffsetDateTime succeededAt;
        OffsetDateTime updatedAt;
        long version;

        private Row(String paymentId, long amount, String customerId, long readVersion) {
            this.paymentId = paymentId;
            this.amount = amount;
            this.customerId = customerId;
            this.readVersion = readVersion;
        }

        static Row read(ResultSet rs) throws SQLException {
            Row row = new Row(
                    rs.getString("payment_id"),
                    rs.getLong("amount"),
                    rs.getString("customer_id"),
                    rs.getLong("version"));
            row.status = rs.getString("status");
            row.amountRefunded = rs.getLong("amount_refunded");
            row.orderId = rs.getString("order_id");
            row.description = rs.getString("description");
            row.metadataJson = rs.getString("metadata");
            row.archived = rs.getBoolean("archived");
            row.providerPaymentId = rs.getString("provider_payment_id");
            row.failureCode = rs.getString("failure_code");
            row.failureMessage = rs.getString("failure_message");
            row.reconciliationStatus = rs.getString("reconciliation_status");
            row.settlementId = rs.getString("settlement_id");
            row.settlementFee = rs.getObject("settlement_fee", Long.class);
            row.settlementNet = rs.getObject("settlement_net", Long.class);
            row.settledAt = rs.getObject("settled_at", OffsetDateTime.class);
            row.succeededAt = rs.getObject("succeeded_at", OffsetDateTime.class);
            row.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
            row.version = row.readVersion;
            return row;
        }

        static Row of(PaymentCreated event, long sequence, Instant at, String metadataJson) {
            Row row = new Row(event.paymentId().value(), event.amount().minor(), event.customerId(), 0);
            row.creation = event;
            row.orderId = event.orderId();
            row.description = event.description();
            row.metadataJson = metadataJson;
            row.providerPaymentId = event.providerPaymentId();
            row.status = "pending";
            row.reconciliationStatus = "unreconciled";
            row.createdAt = utc(at);
            row.updatedAt = row.createdAt;
            row.version = sequence + 1;
            return row;
        }

        private Object[] insertValues() {
            return new Object[] {
                paymentId,
                status,
                amount,
                creation.amount().currencyCode(),
                amountRefunded,
                customerId,
                orderId,
                description,
                metadataJson,
                creation.provider().code(),
                providerPaymentId,
                failureCode,
                failureMessage,
                reconciliationStatus,
                settlementId,
                settlementFee,
                settlementNet,
                settledAt,
                succeededAt,
                archived,
                createdAt,
                updatedAt,
                version
            };
        }

        private Object[] updateValues() {
            return new Object[] {
                status,
                amount,
                amountRefunded,
                orderId,
                description,
                metadataJson,
                failureCode,
                failureMessage,
                reconciliationStatus,
                settlementId,
                settlementFee,
                settlementNet,
                settledAt,
                succeededAt,
                archived,
                providerPaymentId,
                updatedAt,
                version,
                paymentId,
                readVersion
            };
        }
    }
}
