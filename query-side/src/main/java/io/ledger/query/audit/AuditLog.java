package io.ledger.query.audit;

import io.ledger.query.payment.PaymentNotFound;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The stored events, read straight from the event store: a payment's stream, and the global log as NDJSON. */
@Component
class AuditLog {

    private static final int FETCH = 2000;
    private static final String FROM = " FROM domain_event_entry e LEFT JOIN audit_chain c USING (global_index)";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final JsonMapper json;

    AuditLog(DataSource dataSource, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
    }

    /** The payment's events in stream order. */
    List<AuditedEvent> paymentEvents(String paymentId) {
        List<AuditedEvent> events = jdbc.query(
                "SELECT " + AuditedEvent.COLUMNS + FROM
                        + " WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number",
                AuditedEvent::read,
                paymentId);
        if (events.isEmpty()) {
            throw new PaymentNotFound(paymentId);
        }
        return events;
    }

    /**
     * Writes the events after {@code afterIndex}, at most {@code limit} of them, one JSON object per line, from one
     * snapshot, streamed (constant memory). Answers how many were written.
     */
    long export(long afterIndex, long limit, OutputStream out) {
        return snapshot.execute(status -> {
            long[] written = {0};
            cursor.query(
                    "SELECT " + AuditedEvent.COLUMNS + FROM
                            + " WHERE e.global_index > ? ORDER BY e.global_index LIMIT ?",
                    rs -> {
                        try {
                            out.write(json.writeValueAsBytes(AuditedEvent.read(rs, 0)));
                            out.write('\n');
                            written[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    afterIndex,
                    limit);
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return written[0];
        });
    }
}
