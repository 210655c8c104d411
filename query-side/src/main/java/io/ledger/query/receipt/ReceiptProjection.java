package io.ledger.query.receipt;

import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.query.projection.BatchStatements;
import io.ledger.query.projection.PerBatch;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipts and the outbox of emails about payments: a receipt with the next number of its year when a payment
 * succeeds, and an email to queue for each success (the receipt), failed attempt and paid refund. Everything a batch
 * of events gives is written just before the batch commits, in its transaction, with the processor's token: numbers,
 * receipts and queued emails commit together with the position that produced them, or not at all.
 *
 * <p>These are kept records, not a read model: the processor refuses a token reset ({@link DisallowReplay}), the read
 * models' rebuilds and verification leave its tables alone, and every write is idempotent: a receipt is made only for
 * a payment that has none (a redelivered success keeps its number), an email is queued once per fact ({@code
 * dedup_key}). Its one segment gives numbers in the order the successes were stored.
 */
@Component
@ProcessingGroup(ReceiptProjection.NAME)
@DisallowReplay
class ReceiptProjection {

    static final String NAME = "receipts";

    private static final String INSERT_PAYMENT = """
            INSERT INTO receipt_payment (payment_id, customer_id, order_id, description)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
            ON CONFLICT (payment_id) DO NOTHING""";

    private static final String INSERT_RECEIPT = """
            INSERT INTO receipt (payment_id, number, year, seq, customer_id, amount, currency, payment_method, issued_at)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int8[]::int4[], ?::int8[], ?::varchar[], ?::int8[],
                                 ?::varchar[], ?::varchar[], ?::varchar[]::timestamptz[])""";

    private static final String INSERT_REFUND = """
            INSERT INTO receipt_refund (refund_id, payment_id, amount, currency, refunded_at)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[]::timestamptz[])
            ON CONFLICT (refund_id) DO NOTHING""";

    private static final String QUEUE = """
            INSERT INTO mail_outbox (dedup_key, kind, payment_id, customer_id, refund_id, amount, currency,
                                     failure_code, failure_message, occurred_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (dedup_key) DO NOTHING""";

    private static final int[] QUEUE_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.CHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE
    };

    private final JdbcTemplate jdbc;
    private final PerBatch<Batch> batch;

    ReceiptProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batch = new PerBatch<>(ReceiptProjection.class, Batch::new, this::write);
    }

    @EventHandler
    void on(PaymentCreated event) {
        String paymentId = event.paymentId().value();
        batch.add(b -> {
            b.customers.put(paymentId, event.customerId());
            b.payments.putIfAbsent(
                    paymentId, new Object[] {paymentId, event.customerId(), event.orderId(), event.description()});
        });
    }

    @EventHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        batch.add(b -> b.successes.putIfAbsent(event.paymentId().value(), new Success(event, at)));
    }

    @EventHandler
    void on(PaymentFailed event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        batch.add(b -> b.notices.add(new Notice(
                "failure:" + eventId,
                Outbox.Kind.FAILURE,
                event.paymentId().value(),
                null,
                event.amount().minor(),
                event.amount().currencyCode(),
                event.code(),
                event.message(),
                at)));
    }

    @EventHandler
    void on(RefundSucceeded event, @Timestamp Instant at) {
        String refundId = event.refundId().value();
        batch.add(b -> {
            b.refunds.putIfAbsent(refundId, new Object[] {
                refundId,
                event.paymentId().value(),
                event.amount().minor(),
                event.amount().currencyCode(),
                utc(at)
            });
            b.notices.add(new Notice(
                    "refund:" + refundId,
                    Outbox.Kind.REFUND,
                    event.paymentId().value(),
                    refundId,
                    event.amount().minor(),
                    event.amount().currencyCode(),
                    null,
                    null,
                    at));
        });
    }

    private void write(Batch b) {
        BatchStatements.insertAll(
                jdbc, INSERT_PAYMENT, new boolean[] {false, false, false, false}, new ArrayList<>(b.payments.values()));
        Set<String> involved = new HashSet<>(b.successes.keySet());
        b.notices.forEach(notice -> involved.add(notice.paymentId()));
        if (!involved.isEmpty()) {
            // The look-ups of receipt and receipt_payment by = ANY(?) below: without, the driver's prepared statement
            // kept a generic plan made while the table was empty, and each batch read every receipt
            // (docs/performance.md).
            BatchStatements.planForTheseParameters(jdbc);
        }
        Map<String, String> customers = customers(involved, b.customers);
        writeReceipts(b, customers);
        BatchStatements.insertAll(
                jdbc,
                INSERT_REFUND,
                new boolean[] {false, false, true, false, false},
                new ArrayList<>(b.refunds.values()));
        List<Object[]> queued = new ArrayList<>();
        for (Notice notice : b.notices) {
            String customer = customers.get(notice.paymentId());
            if (customer != null) {
                queued.add(notice.row(customer));
            }
        }
        BatchStatements.execute(jdbc, QUEUE, QUEUE_TYPES, queued);
        b.clear();
    }

    /**
     * Receipts for the batch's successes that have none yet, numbered in the order the successes came, year by year in
     * ascending order. A receipt that appears meanwhile (it cannot, with one segment claimed by one node) fails the
     * insert, and the whole batch, numbers included, rolls back and is retried.
     */
    private void writeReceipts(Batch b, Map<String, String> customers) {
        if (b.successes.isEmpty()) {
            return;
        }
        Set<String> numbered = new HashSet<>(jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement("SELECT payment_id FROM receipt WHERE payment_id = ANY(?)");
                    statement.setArray(1, BatchStatements.varchars(statement, b.successes.keySet()));
                    return statement;
                },
                (rs, rowNum) -> rs.getString(1)));
        Map<Integer, List<Success>> byYear = new TreeMap<>();
        for (Success success : b.successes.values()) {
            if (!numbered.contains(success.event().paymentId().value())) {
                byYear.computeIfAbsent(success.year(), year -> new ArrayList<>())
                        .add(success);
            }
        }
        List<Object[]> receipts = new ArrayList<>();
        for (Map.Entry<Integer, List<Success>> year : byYear.entrySet()) {
            long number =
                    ReceiptNumbers.take(jdbc, year.getKey(), year.getValue().size());
            for (Success success : year.getValue()) {
                PaymentSucceeded event = success.event();
                String paymentId = event.paymentId().value();
                String customer = customers.get(paymentId);
                receipts.add(new Object[] {
                    paymentId,
                    ReceiptNumbers.format(year.getKey(), number),
                    (long) year.getKey(),
                    number,
                    customer,
                    event.amount().minor(),
                    event.amount().currencyCode(),
                    event.paymentMethod(),
                    utc(success.at())
                });
                if (customer != null) {
                    b.notices.add(new Notice(
                            "receipt:" + paymentId,
                            Outbox.Kind.RECEIPT,
                            paymentId,
                            null,
                            event.amount().minor(),
                            event.amount().currencyCode(),
                            null,
                            null,
                            success.at()));
                }
                number++;
            }
        }
        int inserted = BatchStatements.insertAll(
                jdbc,
                INSERT_RECEIPT,
                new boolean[] {false, false, true, true, false, true, false, false, false},
                receipts);
        BatchStatements.expectAll(inserted, receipts, "a receipt");
    }

    /** Each payment's customer: from this batch's creations, else from those recorded before. */
    private Map<String, String> customers(Set<String> paymentIds, Map<String, String> fromBatch) {
        Map<String, String> customers = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String paymentId : paymentIds) {
            String customer = fromBatch.get(paymentId);
            if (customer != null) {
                customers.put(paymentId, customer);
            } else {
                missing.add(paymentId);
            }
        }
        if (!missing.isEmpty()) {
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement(
                                "SELECT payment_id, customer_id FROM receipt_payment WHERE payment_id = ANY(?)");
                        statement.setArray(1, BatchStatements.varchars(statement, missing));
                        return statement;
                    },
                    rs -> {
                        customers.put(rs.getString(1), rs.getString(2));
                    });
        }
        return customers;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Success(PaymentSucceeded event, Instant at) {
        int year() {
            return at.atOffset(ZoneOffset.UTC).getYear();
        }
    }

    /** An email to queue about a fact, once its customer is known. */
    private record Notice(
            String dedupKey,
            Outbox.Kind kind,
            String paymentId,
            String refundId,
            long amount,
            String currency,
            String failureCode,
            String failureMessage,
            Instant at) {

        Object[] row(String customerId) {
            return new Object[] {
                dedupKey,
                kind.code(),
                paymentId,
                customerId,
                refundId,
                amount,
                currency,
                failureCode,
                failureMessage,
                utc(at)
            };
        }
    }

    /** A batch's changes: creations, successes and refunds by id (first one wins), and the emails to queue. */
    private static final class Batch {
        final Map<String, Object[]> payments = new LinkedHashMap<>();
        final Map<String, String> customers = new HashMap<>();
        final Map<String, Success> successes = new LinkedHashMap<>();
        final Map<String, Object[]> refunds = new LinkedHashMap<>();
        final List<Notice> notices = new ArrayList<>();

        void clear() {
            payments.clear();
            customers.clear();
            successes.clear();
            refunds.clear();
            notices.clear();
        }
    }
}
