package io.ledger.app.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the application stored, read straight from its database. */
public final class LedgerDb {

    private final JdbcClient jdbc;

    public LedgerDb(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of {@code domain_event_entry} with the metadata the contract cares about. */
    public record StoredEvent(
            long sequence, String type, String correlationId, String causationId, String source, String actor) {}

    public long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    public long idempotencyRows() {
        return jdbc.sql("SELECT count(*) FROM idempotency_key")
                .query(Long.class)
                .single();
    }

    public long idempotencyRows(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    /** The payment's stream in order; the type is the event class's simple name. */
    public List<StoredEvent> eventsOf(String paymentId) {
        return jdbc.sql("""
                        SELECT sequence_number,
                               regexp_replace(payload_type, '^.*\\.', '') AS type,
                               meta_data->>'correlationId' AS correlation_id,
                               meta_data->>'causationId' AS causation_id,
                               meta_data->>'source' AS source,
                               meta_data->>'actor' AS actor
                          FROM domain_event_entry
                         WHERE aggregate_identifier = ?
                         ORDER BY sequence_number
                        """)
                .param(paymentId)
                .query((rs, row) -> new StoredEvent(
                        rs.getLong("sequence_number"),
                        rs.getString("type"),
                        rs.getString("correlation_id"),
                        rs.getString("causation_id"),
                        rs.getString("source"),
                        rs.getString("actor")))
                .list();
    }

    /** The ids of the payments created for a customer (customer ids are unique per test). */
    public List<String> paymentsOfCustomer(String customerId) {
        return jdbc.sql("""
                        SELECT aggregate_identifier FROM domain_event_entry
                         WHERE payload_type LIKE '%.PaymentCreated' AND payload->>'customerId' = ?
                         ORDER BY global_index
                        """).param(customerId).query(String.class).list();
    }

    /** Events whose stored payload or metadata contains the text anywhere. */
    public long eventsMentioning(String text) {
        return jdbc.sql(
                        "SELECT count(*) FROM domain_event_entry WHERE strpos(payload::text || coalesce(meta_data::text, ''), ?) > 0")
                .param(text)
                .query(Long.class)
                .single();
    }
}
