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

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        return (T) resultSet.getString(columnName);
    }
}
