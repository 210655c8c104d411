package io.ledger.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored: payload and metadata as PostgreSQL's {@code jsonb} text
 * (its canonical form), the timestamp as Axon's ISO-8601 text.
 */
record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        String payload,
        String metaData) {

    /** The columns, in the order {@link #read(ResultSet)} expects, for {@code SELECT ... FROM domain_event_entry}. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload::text AS payload, meta_data::text AS meta_data";

    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("type"),
                rs.getString("time_stamp"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getString("payload"),
                rs.getString("meta_data"));
    }

    static StoredEvent row(ResultSet rs, int rowNum) throws SQLException {
        return read(rs);
    }
}
