package io.ledger.app.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine with payload and metadata in {@code jsonb} columns, so auditors can read events in plain SQL. The
 * serializer produces JSON text; the driver hands {@code jsonb} back as an object, so it is read as text.
 */
class JsonbEventStorageEngine extends JdbcEventStorageEngine {

    JsonbEventStorageEngine(Builder builder) {
        super(builder);
    }

    /**
     * An aggregate's events are read in batches of sequence numbers ({@code first} to {@code first + batch size}); Axon's
     * JDBC engine reads once more after every batch, until one comes back empty. A payment's sequence numbers have no
     * gaps (one append per unit of work, a unique key on aggregate and sequence), so a batch shorter than the batch size
     * is the last: one round trip less for every command's load and every answer read from the events.
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        return (T) resultSet.getString(columnName);
    }
}
