package io.ledger.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One stored event as the audit API shows it: every column as stored, payload and metadata as the exact JSON text of
 * their {@code jsonb} columns, {@code occurredAt} as Axon's stored ISO-8601 text, and {@code hash} its hash in the
 * chain (null while not chained yet). With these fields an auditor recomputes the chain without the ledger: the
 * stored {@code type} column, which the hash covers, is {@code aggregateType}; {@code type} names the event.
 */
record AuditedEvent(
        long globalIndex,
        String eventId,
        String aggregateId,
        String aggregateType,
        long sequence,
        String type,
        String payloadType,
        String payloadRevision,
        String occurredAt,
        @JsonRawValue String payload,
        @JsonRawValue String metadata,
        String hash) {

    /** The stored event's columns, and its chain hash, from {@code domain_event_entry e LEFT JOIN audit_chain c}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.type,"
            + " e.sequence_number,"
            + " e.time_stamp, e.payload_type, e.payload_revision, e.payload::text AS payload,"
            + " e.meta_data::text AS meta_data, encode(c.hash, 'hex') AS hash";

    static AuditedEvent read(ResultSet rs, int rowNum) throws SQLException {
        String payloadType = rs.getString("payload_type");
        return new AuditedEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getString("type"),
                rs.getLong("sequence_number"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                payloadType,
                rs.getString("payload_revision"),
                rs.getString("time_stamp"),
                rs.getString("payload"),
                rs.getString("meta_data"),
                rs.getString("hash"));
    }
}
